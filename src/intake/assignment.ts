// Stage 11: what the record says the submission is about. Only a person's mail that belongs to
// this consultation is sorted under the commitments; a "no comments" reply is input, under none.
import type { IntakeContext } from './context.js';
import type { CommitmentMatch } from './types.js';

export interface Assignment {
  /** The commitments the submission is sorted under (empty for anything but a person's input). */
  commitments: CommitmentMatch[];
  /** A person's input that says only that the sender has no comments. */
  noComments: boolean;
}

export function assignCommitments(c: Pick<IntakeContext, 'message' | 'relevance' | 'automatic' | 'noComments' | 'commitments'>): Assignment {
  const input = c.message.isMail && c.relevance.relevant && c.automatic.kind === null;
  return { commitments: input && !c.noComments ? c.commitments : [], noComments: input && c.noComments };
}
