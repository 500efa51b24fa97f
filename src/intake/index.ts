// The intake core: intake(raw bytes, rules) → Submission. Pure: no clock, no network, no files
// (the document reader is passed in). The stages below run in this order over one context; each is
// one file, named by what it decides, whose entry point returns that stage's finding.
import type { Rules } from '../rules/types.js';
import { Stages, type IntakeOptions } from './context.js';
import { readMessage } from './parse.js';
import { readAttachments } from './attachments.js';
import { findOwnWords } from './own-words.js';
import { findOwnTexts } from './attachment-own-words.js';
import { detectAutomatic } from './automatic.js';
import { decideSender } from './sender.js';
import { findThread } from './follow-up.js';
import { scoreCommitments } from './commitments.js';
import { saysNoComments } from './no-comments.js';
import { judgeRelevance } from './relevance.js';
import { assignCommitments } from './assignment.js';
import { detectLanguage } from './language.js';
import { findReceivedTime } from './deadline.js';
import { decideReview } from './review.js';
import { decideReceipt } from './receipt-decision.js';
import { toSubmission } from './submission.js';
import type { Submission } from './types.js';

export const STAGES = Stages.start()
  .then('message', readMessage) //            1  parse.ts                 the message, or that the file is not mail
  .then('attachments', readAttachments) //    2  attachments.ts           each attachment's type and text, or why not
  .then('own', findOwnWords) //               3  own-words.ts             the sender's own words (no quotes, signatures)
  .then('texts', findOwnTexts) //             4  attachment-own-words.ts  attachments less the letter's lines
  .then('automatic', detectAutomatic) //      5  automatic.ts             written by a machine? which kind
  .then('sender', decideSender) //            6  sender.ts                the organisation and category
  .then('thread', findThread) //              7  follow-up.ts             a reply to the invitation or to earlier mail
  .then('commitments', scoreCommitments) //   8  commitments.ts           commitment scores and evidence
  .then('noComments', saysNoComments) //      9  no-comments.ts           says only "no comments"
  .then('relevance', judgeRelevance) //      10  relevance.ts             belongs to this consultation?
  .then('assigned', assignCommitments) //    11  assignment.ts            the commitments the submission is sorted under
  .then('language', detectLanguage) //       12  language.ts              bokmål, nynorsk or English
  .then('received', findReceivedTime) //     13  deadline.ts              when it arrived; after the deadline?
  .then('review', decideReview) //           14  review.ts                must a person look first?
  .then('receipt', decideReceipt); //        15  receipt-decision.ts      send a receipt, or why not

export type { IntakeOptions } from './context.js';

/** The submission and the attachments' bytes (in the same order), for the store. */
export interface IntakeResult {
  submission: Submission;
  parts: Buffer[];
}

export async function intake(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<Submission> {
  return (await intakeMessage(raw, rules, options)).submission;
}

export async function intakeMessage(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<IntakeResult> {
  const c = await STAGES.run({ raw, rules, options });
  return { submission: toSubmission(c), parts: c.message.isMail ? c.message.parts.map((p) => p.content) : [] };
}

export type { Submission } from './types.js';
