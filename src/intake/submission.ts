// The findings of every stage → the Submission, the plain data that is filed, shown and exported.
// Nothing is decided here: each field is one stage's finding, copied.
import { cleanHeaderText } from './parse.js';
import type { IntakeContext } from './context.js';
import { problem } from './problems.js';
import { reviewHoldsMessage } from './review.js';
import type { ReviewCode, Submission } from './types.js';
import { RECEIPT_HEADER_KEY } from '../mail/receipt-header.js';

/** Header names kept in the submission (lower-case). */
const KEPT_HEADERS = [
  'message-id',
  'in-reply-to',
  'references',
  'date',
  'auto-submitted',
  'precedence',
  'list-id',
  'x-auto-response-suppress',
  RECEIPT_HEADER_KEY,
  'return-path',
  'authentication-results',
];

/**
 * Held as a person's mail about the consultation that is no input (a question, a request for more
 * time): late for nothing unless a caseworker decides it is input (decisions/overrides.ts judges it
 * then by its consultation's deadline). Mail held only because its relevance is close keeps the
 * lateness its score gives: if it is input, the caseworker must see that it came late.
 */
const NOT_INPUT: ReviewCode = 'not-input';

/** The consultation it is filed under: only mail that is filed (relevant, or held for a person) has one. */
function consultationOf(c: IntakeContext): Submission['consultation'] {
  if (!c.message.isMail || c.route.none || !(c.relevance.relevant || reviewHoldsMessage(c.review))) return null;
  const view = c.route.rules.consultation;
  return c.route.choice ?? { id: view.id, reason: { code: 'content', text: `innholdet ligger nærmest ${view.shortTitle}` } };
}

/**
 * The kind of machine mail, if any. An imitation of the ministry or the consultation known as
 * machine mail only by its sender's name (noreply@, varsel@) is a fraudster's mail, not a system's:
 * it is listed as suspicious, not among the automatic messages.
 */
function machineKind(c: Pick<IntakeContext, 'automatic' | 'relevance'>): IntakeContext['automatic']['kind'] {
  return c.relevance.suspicious && c.automatic.kind === 'noreply' ? null : c.automatic.kind;
}

export function toSubmission(c: IntakeContext): Submission {
  const { message: msg, automatic, relevance, received } = c;
  const problems = [...msg.problems];
  for (const a of c.attachments) {
    if (a.problem) problems.push(problem('attachment-unreadable', `vedlegg «${cleanHeaderText(a.filename).slice(0, 120) || 'uten navn'}»: ${a.problem}`));
  }
  problems.push(...c.sender.problems, ...received.problems);

  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = msg.headers.get(name)?.[0];
    if (v !== undefined) headers[name] = v.slice(0, 2000);
  }

  return {
    messageId: msg.messageId,
    receivedAt: received.receivedAt?.toISOString() ?? null,
    receivedFrom: received.receivedFrom,
    date: msg.date?.toISOString() ?? null,
    from: msg.from,
    replyTo: msg.replyTo,
    to: msg.to,
    subject: msg.subject,
    inReplyTo: msg.inReplyTo,
    references: msg.references,
    relevant: relevance.relevant,
    consultation: consultationOf(c),
    relevance: { score: relevance.score, reasons: relevance.reasons, reasonCodes: relevance.reasonCodes },
    automatic: machineKind(c) !== null,
    automaticKind: machineKind(c),
    bouncedRecipients: automatic.bouncedRecipients,
    sender: c.sender.sender,
    commitments: c.assigned.commitments,
    ...(c.route.others && c.route.others.length > 0 && consultationOf(c) !== null ? { otherConsultations: c.route.others } : {}),
    language: c.language,
    // Late is said of input: received after the deadline of the consultation it belongs to. Mail
    // that is no consultation's input, or not yet known to be (held for a caseworker who decides
    // whether it is input at all), is late for nothing until that decision judges it again by its
    // consultation's deadline (decisions/overrides.ts); its received time is shown all the same. A
    // file that is not mail is filed all the same (nothing is lost), under the default
    // consultation, and keeps its lateness.
    late: (!msg.isMail || (relevance.relevant && !c.review.reasons.includes(NOT_INPUT))) && received.late,
    receipt: c.receipt,
    review: c.review,
    noComments: c.assigned.noComments,
    suspicious: c.relevance.suspicious,
    attachments: c.attachments,
    ownWords: c.own.text,
    bodyText: msg.text,
    headers,
    problems: problems.map((p) => p.text),
    problemCodes: problems.map((p) => p.code),
  };
}

/**
 * The submission of a message the core could not handle at all (never expected): nothing read from
 * it, filed raw with the error in words, no receipt. The same shape as every other submission.
 */
export function failedSubmission(err: unknown): Submission {
  const why = problem('intake-failed', `meldingen kunne ikke behandles (intern feil: ${err instanceof Error ? err.message : String(err)})`);
  return {
    messageId: null,
    receivedAt: null,
    receivedFrom: null,
    date: null,
    from: null,
    replyTo: null,
    to: [],
    subject: '',
    inReplyTo: null,
    references: [],
    relevant: false,
    relevance: { score: 0, reasons: [] },
    automatic: false,
    automaticKind: null,
    bouncedRecipients: [],
    sender: { organisation: null, category: 'ukjent', domain: null, hints: { displayName: '', replyTo: null, signature: null, forwardedFrom: null } },
    commitments: [],
    language: 'nb',
    late: false,
    receipt: { send: false, code: 'failed', reason: 'ingen kvittering: meldingen kunne ikke behandles' },
    review: { needed: false, reasons: [], notes: [] },
    noComments: false,
    suspicious: false,
    attachments: [],
    ownWords: '',
    bodyText: '',
    headers: {},
    problems: [why.text],
    problemCodes: [why.code],
  };
}
