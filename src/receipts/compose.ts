// A receipt for one filed submission, in the sender's language, as a reply to the original:
// RFC 3834 headers so no machine answers it, and a header of our own so it is known if it
// comes back. Sender-controlled text (subject, file names) is escaped in HTML and cleaned of
// line breaks in headers.
import Mustache from 'mustache';
import { buildMessage, type NamedAddress } from '../mail/compose.js';
import { RECEIPT_HEADER } from '../mail/receipt-header.js';
import { sizeForSender } from '../text/size.js';
import { cleanHeaderText } from '../intake/parse.js';
import { formatInZone } from '../time/zone.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import type { SubmissionRecord } from '../store/record.js';

const MONTHS = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export interface ComposedReceipt {
  raw: Buffer;
  subject: string;
  to: string;
}

/** The receipt's words, case number and deadline are those of the record's consultation. */
export function receiptView(record: SubmissionRecord, all: Rules): Record<string, unknown> {
  const rules = rulesFor(all, record.consultation?.id);
  const lang = record.language;
  const tz = rules.consultation.timezone;
  const received = record.receivedAt ? formatInZone(new Date(record.receivedAt), tz) : formatInZone(new Date(record.filedAt), tz);
  const [date, time] = [received.slice(0, 10), received.slice(11, 16)];
  const [y, m, d] = date.split('-');
  const dateOf = (deadline: string) => {
    const [dy, dm, dd] = deadline.slice(0, 10).split('-').map(Number) as [number, number, number];
    return lang === 'en' ? `${dd} ${MONTHS.en[dm - 1]} ${dy}` : `${dd}. ${MONTHS[lang][dm - 1]} ${dy}`;
  };
  const deadlineDate = dateOf(rules.consultation.deadline);
  // Input that could belong to two consultations gets one receipt, filed under the likelier one
  // (its words, case number and deadline) and naming the other(s), each late or not by its own
  // deadline, while a person chooses where it is filed.
  const receivedMs = record.receivedAt ? Date.parse(record.receivedAt) : null;
  const lateFor = (deadlineAt: Date) => receivedMs !== null && receivedMs > deadlineAt.getTime();
  const waits = record.review?.reasons.includes('consultation-uncertain') === true;
  const alsoFor = (waits ? (record.otherConsultations ?? []) : []).map((o) => {
    const other = rulesFor(all, o.id);
    return {
      otherName: (other.templates[lang] ?? other.templates.nb).consultationName ?? other.consultation.shortTitle,
      otherCaseNumber: other.consultation.caseNumber,
      otherLate: lateFor(other.consultation.deadlineAt),
      otherDeadlineDate: dateOf(other.consultation.deadline),
    };
  });
  // Why an attachment was not read, in the receipt's language, by its code; the record's own
  // (Norwegian) sentence where the template has no words for it.
  const words = (rules.templates[lang] ?? rules.templates.nb).reasons;
  const attachments = record.attachments.map((a) => ({
    filename: cleanHeaderText(a.filename).slice(0, 200) || (lang === 'en' ? '(no name)' : '(uten navn)'),
    size: sizeForSender(a.size, lang),
    problem: a.problem,
    reason: a.problem === null ? null : (words?.[a.problemCode ?? 'unreadable'] ?? a.problem),
  }));
  return {
    id: record.id,
    caseNumber: rules.consultation.caseNumber,
    letterReference: rules.consultation.letterReference,
    subject: record.subject || (lang === 'en' ? '(no subject)' : '(uten emne)'),
    receivedDate: lang === 'en' ? `${Number(d)} ${MONTHS.en[Number(m) - 1]} ${y}` : `${d}.${m}.${y}`,
    receivedTime: time,
    deadlineDate,
    contact: rules.consultation.contact,
    ministry: rules.consultation.ministry,
    mailbox: rules.consultation.mailbox,
    followUp: record.followUpOf !== null,
    followUpOf: record.followUpOf,
    hasAttachments: attachments.length > 0,
    attachments,
    hasUnreadable: record.attachments.some((a) => a.problem !== null),
    // Held between consultations, the record is late when late for any; this receipt says so of each by its own deadline.
    late: alsoFor.length > 0 ? lateFor(rules.consultation.deadlineAt) : record.late,
    alsoFor,
  };
}

export async function composeReceipt(record: SubmissionRecord, all: Rules, from: string | NamedAddress, messageId: string, now: Date): Promise<ComposedReceipt> {
  const rules = rulesFor(all, record.consultation?.id);
  const template = rules.templates[record.language] ?? rules.templates.nb;
  const view = receiptView(record, rules);
  const text = Mustache.render(template.text, view, {}, { escape: (s: unknown) => String(s) });
  const html = Mustache.render(template.html, view);
  const subject = `${template.subjectPrefix}${record.subject}`.trim();
  const to = record.from!.address;
  const references = [...record.references.slice(-20), ...(record.messageId ? [record.messageId] : [])];
  const raw = await buildMessage({
    from,
    to: [to],
    subject,
    text,
    html,
    messageId,
    date: now,
    inReplyTo: record.messageId,
    references,
    headers: {
      'Auto-Submitted': 'auto-replied',
      'X-Auto-Response-Suppress': 'All',
      Precedence: 'auto_reply',
      [RECEIPT_HEADER]: record.id,
    },
  });
  return { raw, subject, to };
}
