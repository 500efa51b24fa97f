// Stage 9: does the reply only say that the sender has no comments ("ingen merknader")? Such a
// reply is still input (it gets a receipt) but is sorted under no commitment. A short text that
// says so, with no attachment of any length and none of the words that make it a real comment.
import type { IntakeContext } from './context.js';

/** An attachment with this many words or more is a comment in itself. */
const ATTACHMENT_WORDS = 20;

export function saysNoComments(c: Pick<IntakeContext, 'texts' | 'rules'>): boolean {
  const [mail, ...attachments] = c.texts.segments;
  const nc = c.rules.commitments.noComments;
  const own = mail!.text;
  return (
    attachments.every((s) => s.text.wordCount < ATTACHMENT_WORDS) &&
    own.wordCount <= nc.maxWords &&
    nc.matcher.find(own).length > 0 &&
    nc.unless.find(own).length === 0
  );
}
