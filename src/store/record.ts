// A filed submission as it is kept in records/<id>.json: everything inspect reports (attachment
// text stored beside the attachment, not inline), where the message came from, when it was filed,
// what it follows up, and the state of its receipt.
import { createHash } from 'node:crypto';
import type { AttachmentFinding, Submission } from '../intake/types.js';
import type { Override } from '../decisions/types.js';

export type RecordSource =
  | { kind: 'imap'; mailbox: string; uidValidity: string; uid: number }
  | { kind: 'maildir'; file: string }
  | { kind: 'file'; path: string };

/** `held`: a person must look at the message first (review); neither sent nor dropped. */
export type ReceiptStatus = 'pending' | 'sent' | 'skipped' | 'failed' | 'held';

export interface ReceiptState {
  /** What intake decided, with its reason. */
  send: boolean;
  reason: string;
  status: ReceiptStatus;
  attempts: number;
  /** ISO time of the next try for a pending receipt after a temporary failure. */
  nextAttemptAt: string | null;
  /** Message-ID chosen for the receipt before the first try; kept across tries. */
  messageId: string | null;
  /** ISO time the SMTP server (or the outbox folder) accepted it. */
  sentAt: string | null;
  /** The last error in words (temporary or permanent). */
  error: string | null;
  /** Where it was delivered: "smtp" or the .eml file in the outbox folder. */
  deliveredTo: string | null;
}

export type StoredAttachment = Omit<AttachmentFinding, 'text'> & {
  /** Path of the extracted text, relative to the data folder; null when none was read. */
  textFile: string | null;
  textLength: number;
  /** Path of the stored bytes, relative to the data folder. */
  file: string;
};

export interface SubmissionRecord extends Omit<Submission, 'attachments' | 'bodyText' | 'receipt'> {
  id: string;
  /** Filing order across the whole store; digests use it to never skip or repeat. */
  seq: number;
  filedAt: string;
  source: RecordSource;
  /**
   * When the mailbox says the message arrived (IMAP INTERNALDATE, the Maildir file's time), as it
   * was given to intake; reclassify gives it again. Missing in records filed before it was kept.
   */
  arrivedAt?: string | null;
  /** Path of the original message, relative to the data folder. */
  raw: string;
  rawSha256: string;
  size: number;
  /** Identity of the content (independent of transport headers): re-deliveries share it. */
  fingerprint: string;
  followUpOf: string | null;
  /** Other records that share this Message-ID but differ in content. */
  sharesMessageIdWith: string[];
  /** false when the bytes could not be read as mail at all (kept raw, for a person to look at). */
  readable: boolean;
  receipt: ReceiptState;
  attachments: StoredAttachment[];
  /** When the rules last classified this record (reclassify updates it). */
  classifiedAt: string;
  /**
   * What reclassify last classified it from (classified-with.ts): the program, the rules, its
   * inputs. Reclassify skips a record whose key is unchanged. Absent: filed, never reclassified.
   */
  classifiedWith?: string;
  /** The data key of the rules it was last classified with (set with `classifiedWith`): reclassify compares those rules with the rules now (rule-change.ts). */
  classifiedRules?: string;
  /** What caseworkers decided (src/decisions/types.ts), oldest first; absent when nobody did. */
  overrides?: Override[];
  /** A caseworker marked it as containing personal data (an override, see src/decisions): the archive export screens it. */
  personalData?: boolean;
  /**
   * A held message a caseworker decided is input leaves the inbox: `pending` from the decision
   * until the mailbox move is done (a restart finishes it), then `done`.
   */
  inboxMove?: { status: 'pending' | 'done'; at: string | null; error: string | null };
}

/**
 * The identity of a message. A readable message with a Message-ID is known by its content
 * (Message-ID, sender, subject, date, body and attachments; not Received lines or flags), so a
 * re-delivery is the same message. Anything else (no Message-ID, or bytes that could not be read
 * as mail) is known by its bytes: an identity is never made of empty fields, so two different
 * unreadable files are never one message, and identical bytes always are.
 */
export function fingerprintOf(s: Submission, rawSha256: string, readable: boolean): string {
  if (!readable || s.messageId === null) return `sha256:${rawSha256}`;
  const h = createHash('sha256');
  h.update(s.messageId);
  h.update('\u0000');
  h.update(s.from?.address ?? '');
  h.update('\u0000');
  h.update(s.subject);
  h.update('\u0000');
  h.update(s.date ?? '');
  h.update('\u0000');
  h.update(s.bodyText);
  for (const a of s.attachments) h.update(`\u0000${a.sha256}`);
  return h.digest('hex');
}

/**
 * A record's id: the consultation's id prefix, its year and the number counted within the
 * consultation, `pbl-2021-0007`; with an empty prefix `2021-0042` (the form of every record filed
 * before innspill ran several consultations, which therefore stay valid as they are). The year is
 * the consultation's whenever a message came or was filed.
 */
export function idFor(number: number, year: number, prefix = ''): string {
  return `${prefix ? `${prefix}-` : ''}${year}-${String(number).padStart(4, '0')}`;
}

/** Every record id: an optional prefix (a–z, 0–9, "-", starting with a letter), the year, the number. */
export const RECORD_ID = /^(?:([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-)?(\d{4})-(\d{4,})$/;

/** The parts of a record id, or null when it is not one. */
export function parseId(id: string): { prefix: string; year: number; number: number } | null {
  const m = RECORD_ID.exec(id);
  return m ? { prefix: m[1] ?? '', year: Number(m[2]), number: Number(m[3]) } : null;
}

/**
 * The consultation a record belongs to. A record filed before innspill ran several consultations
 * has none written in it and is the default consultation's; so is one that belongs to none (a file
 * that is not mail), which the default consultation numbers and shows to its caseworkers.
 */
export function consultationOfRecord(r: { consultation?: { id: string } | null }, defaultId: string): string {
  return r.consultation?.id ?? defaultId;
}

/** How a consultation's records are numbered: its id prefix and the year of its letter. */
export interface IdStyle {
  prefix: string;
  year: number;
}

/** The year a consultation's ids carry: the year of its invitation letter (YYYY-MM-DD). */
export function idYearOf(letterDate: string): number {
  return Number(letterDate.slice(0, 4));
}
