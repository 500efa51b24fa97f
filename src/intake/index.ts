// The intake core: intake(raw bytes, rules) → Submission. Pure: no clock, no network, no files.
// The stages run in order, each in its own file, each adding its findings.
import type { Rules } from '../rules/types.js';
import { FoldedText } from '../text/folded-text.js';
import { cleanHeaderText, parseMessage } from './parse.js';
import { readAttachments } from './attachments.js';
import { findOwnWords } from './own-words.js';
import { judgeRelevance } from './relevance.js';
import { classifyCommitments, saysNoComments, type TextSegment } from './commitments.js';
import { forgedSender, identifySender, spamFlag } from './sender.js';
import { detectAutomatic } from './auto-reply.js';
import { decideReceipt } from './receipt-decision.js';
import { decideReview, heldReceipt, NO_REVIEW } from './review.js';
import { detectLanguage } from './language.js';
import { findReceivedTime } from './deadline.js';
import { DEFAULT_LIMITS, type ExtractLimits, type Extractor } from './extract/index.js';
import type { Submission } from './types.js';

export interface IntakeOptions {
  /** Reads attachment text; the default reads in this process. The daemon passes a killable worker pool. */
  extractor?: Extractor;
  limits?: ExtractLimits;
  /** When the mailbox says the message arrived (IMAP INTERNALDATE, file time): the last fallback. */
  mailboxDate?: Date | null;
  /** Message-IDs of records already filed and of receipts we sent: replies to them are follow-ups. */
  knownThreadIds?: { has(messageId: string): boolean };
}

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
  'x-innspill-receipt',
  'return-path',
  'authentication-results',
];

/** The submission and the attachments' bytes (in the same order), for the store. */
export interface IntakeResult {
  submission: Submission;
  parts: Buffer[];
}

export async function intake(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<Submission> {
  return (await intakeMessage(raw, rules, options)).submission;
}

export async function intakeMessage(raw: Buffer, rules: Rules, options: IntakeOptions = {}): Promise<IntakeResult> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const msg = await parseMessage(raw);
  const problems = [...msg.problems];

  const attachments = msg.isMail ? await readAttachments(msg.parts, limits, options.extractor) : [];
  for (const a of attachments) if (a.problem) problems.push(`vedlegg «${cleanHeaderText(a.filename).slice(0, 120) || 'uten navn'}»: ${a.problem}`);

  const own = findOwnWords(msg.text, msg.subject, msg.forwarded, rules);

  // Attachment text counts as the sender's own words, less any copy of the letter in it.
  // (Each text is folded once: relevance below looks in these same texts.)
  const attachmentFolded = new Map<number, FoldedText>();
  const attachmentSegments: TextSegment[] = [];
  attachments.forEach((a, i) => {
    if (a.text.length === 0) return;
    const lines = a.text.split('\n');
    const own = lines.filter((l) => !rules.letter.contains(l));
    const text = new FoldedText(own.length === lines.length ? a.text : own.join('\n'));
    if (own.length === lines.length) attachmentFolded.set(i, text);
    attachmentSegments.push({ where: a.filename || 'vedlegg uten navn', text });
  });
  const ownFolded = new FoldedText(own.text);
  const segments: TextSegment[] = [{ where: 'e-posten', text: ownFolded }, ...attachmentSegments];

  const automatic = msg.isMail ? detectAutomatic(msg, own.text, rules) : { kind: null, reason: null, bouncedRecipients: [], byWordsOnly: false };
  const noComments = attachmentSegments.every((s) => s.text.wordCount < 20) && saysNoComments(ownFolded, rules);
  const ranked = classifyCommitments(segments, rules);

  const { sender, problems: senderProblems } = identifySender(msg.from, msg.replyTo, own.signature, own.forwardedFrom, msg.headers, rules);
  problems.push(...senderProblems);

  const known = options.knownThreadIds;
  const inThread = [msg.inReplyTo, ...msg.references].some(
    (id) => id !== null && (rules.consultation.invitationMessageIds.includes(id) || known?.has(id) === true),
  );
  const invited = sender.organisation !== null && rules.organisations.some((o) => o.name === sender.organisation && o.invited);
  const subject = new FoldedText(msg.subject);
  const relevance = msg.isMail
    ? judgeRelevance(
        {
          subject,
          allParts: [
            subject,
            new FoldedText(msg.text),
            new FoldedText(msg.reportText),
            ...msg.forwarded.map((f) => new FoldedText(`${f.subject}\n${f.text}`)),
            ...attachments.map((a, i) => attachmentFolded.get(i) ?? new FoldedText(a.text)),
          ],
          ownParts: segments.map((s) => s.text),
          letterLines: own.letterLines,
          inThread,
          invitedSender: invited,
          commitmentScore: ranked[0]?.score ?? 0,
          automaticKind: automatic.kind,
        },
        rules,
      )
    : { relevant: false, score: 0, reasons: [] };

  const received = findReceivedTime(msg, options.mailboxDate ?? null, rules);
  if (msg.isMail) problems.push(...received.problems);

  const assigned = relevance.relevant && automatic.kind === null && !noComments ? ranked : [];
  const review = msg.isMail
    ? decideReview(
        {
          isMail: true,
          relevance,
          automatic,
          ownWordCount: ownFolded.wordCount,
          commitments: { assigned: assigned.map((c) => c.score), bestLeftOut: null },
          noComments,
          forged: forgedSender(msg.headers),
          spam: spamFlag(msg.headers),
        },
        rules,
      )
    : NO_REVIEW;

  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = msg.headers.get(name)?.[0];
    if (v !== undefined) headers[name] = v.slice(0, 2000);
  }

  const submission: Submission = {
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
    relevance: { score: relevance.score, reasons: relevance.reasons },
    automatic: automatic.kind !== null,
    automaticKind: automatic.kind,
    bouncedRecipients: automatic.bouncedRecipients,
    sender,
    // Only a person's submission to this consultation is sorted under the commitments.
    commitments: assigned,
    language: detectLanguage(own.text.trim().length > 0 ? own.text : `${msg.subject}\n${msg.text}`, rules),
    late: received.late,
    receipt: heldReceipt(review, decideReceipt(msg.isMail, relevance.relevant, automatic, msg.from, rules)),
    review,
    noComments: msg.isMail && relevance.relevant && automatic.kind === null && noComments,
    suspicious: false,
    attachments,
    ownWords: own.text,
    bodyText: msg.text,
    headers,
    problems,
  };
  return { submission, parts: msg.isMail ? msg.parts.map((p) => p.content) : [] };
}

export type { Submission } from './types.js';

