// The intake core: intake(raw bytes, rules) → Submission. Pure: no clock, no network, no files
// (the document reader is passed in). The stages below run in this order over one context; each is
// one file, named by what it decides, whose entry point returns that stage's finding.
import { Stages, type IntakeContext, type IntakeOptions } from './context.js';
import { readMessage } from './parse.js';
import { readAttachments } from './attachments.js';
import { findOwnWords } from './own-words.js';
import { findOwnTexts } from './attachment-own-words.js';
import { detectAutomatic } from './automatic.js';
import { decideSender } from './sender.js';
import { findThread } from './follow-up.js';
import { routeConsultation, type RouteFinding } from './consultation.js';
import { scoreCommitments } from './commitments.js';
import { saysNoComments } from './no-comments.js';
import { judgeRouted } from './relevance.js';
import { assignCommitments } from './assignment.js';
import { detectLanguage } from './language.js';
import { findReceivedTime } from './deadline.js';
import { decideReview } from './review.js';
import { decideReceipt } from './receipt-decision.js';
import { toSubmission } from './submission.js';
import type { Submission } from './types.js';
import type { Extractor } from './extract/index.js';
import { knownMessageOf, parsedMessageOf, type KnownMessage } from './known-message.js';
import type { Rules } from '../rules/types.js';

/**
 * From routing on, a stage judges by the rules of the consultation the message was routed to (its
 * commitments, relevance terms, deadline and receipt words): the stage sees that consultation's view.
 */
const judged =
  <C extends { rules: Rules }, R>(stage: (c: C) => R) =>
  (c: C & { route: RouteFinding }): R =>
    stage({ ...c, rules: c.route.rules });

/**
 * When it arrived, and whether after the deadline: the routed consultation's, and for a message
 * held between consultations, after the deadline of any of them (input to both, sent after the
 * one deadline and before the other, is late for the one: the caseworker who files it must see it).
 */
const receivedRouted = (c: Pick<IntakeContext, 'message' | 'options' | 'rules' | 'route'>) => {
  const found = findReceivedTime({ ...c, rules: c.route.rules });
  const at = found.receivedAt;
  if (found.late || at === null || !c.route.uncertain) return found;
  const late = c.rules.consultations.some((v) => c.route.uncertain!.includes(v.consultation.id) && at.getTime() > v.consultation.deadlineAt.getTime());
  return { ...found, late };
};

/** Commitment scores under the routed consultation (computed while routing, or now; on its own part of input in parts). */
const scoreRouted = (c: Pick<IntakeContext, 'texts' | 'rules' | 'route'>) => c.route.judged?.commitments ?? scoreCommitments({ ...c, texts: c.route.texts ?? c.texts });

export const STAGES = Stages.start()
  .then('message', readMessage) //            1  parse.ts                 the message, or that the file is not mail
  .then('attachments', readAttachments) //    2  attachments.ts           each attachment's type and text, or why not
  .then('own', findOwnWords) //               3  own-words.ts             the sender's own words (no quotes, signatures)
  .then('texts', findOwnTexts) //             4  attachment-own-words.ts  attachments less the letter's lines
  .then('automatic', detectAutomatic) //      5  automatic.ts             written by a machine? which kind
  .then('sender', decideSender) //            6  sender.ts                the organisation and category
  .then('thread', findThread) //              7  follow-up.ts             a reply to an invitation or to earlier mail
  .then('route', routeConsultation) //        8  consultation.ts          which consultation it belongs to
  .then('commitments', judged(scoreRouted)) // 9  commitments.ts  scores and evidence
  .then('noComments', judged(saysNoComments)) // 10 no-comments.ts           says only "no comments"
  .then('relevance', judged(judgeRouted)) //   11  relevance.ts             belongs to that consultation?
  .then('assigned', assignCommitments) //    12  assignment.ts            the commitments the submission is sorted under
  .then('language', detectLanguage) //       13  language.ts              bokmål, nynorsk or English
  .then('received', receivedRouted) //       14  deadline.ts              when it arrived; after a deadline?
  .then('review', judged(decideReview)) //   15  review.ts                must a person look first?
  .then('receipt', judged(decideReceipt)); // 16  receipt-decision.ts      send a receipt, or why not

export type { IntakeOptions } from './context.js';

/** The submission and the attachments' bytes (in the same order), for the store. */
export interface IntakeResult {
  submission: Submission;
  parts: Buffer[];
  /** Stage 1's result without the parts' bytes, for the store to keep beside the original (known-message.ts). */
  known?: KnownMessage;
}

export async function intake(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<Submission> {
  // The submission alone (eval, inspect): no parts and no kept parse for a store to write.
  return toSubmission(await STAGES.run({ raw, rules, options }));
}

export async function intakeMessage(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<IntakeResult> {
  const c = await STAGES.run({ raw, rules, options });
  return { submission: toSubmission(c), parts: c.message.isMail ? c.message.parts.map((p) => p.content) : [], known: knownMessageOf(c.message, c.attachments) };
}

/**
 * Intake from a message parsed before (a stored parse, known-message.ts) instead of its bytes: every
 * stage after the parse runs as it does for the bytes, so the submission is the same. Its parts have
 * no bytes, so the extractor must answer by hash from texts stored before (classify-again.ts).
 */
export async function intakeKnown(known: KnownMessage, rules: Rules, options: IntakeOptions & { extractor: Extractor }): Promise<Submission> {
  const c = await STAGES.run({ raw: Buffer.alloc(0), rules, options }, { message: parsedMessageOf(known) });
  return toSubmission(c);
}

export type { Submission } from './types.js';
