// A submission as the record the store files: the attachments' bytes and texts under their sha256
// (never under the sender's file name), the receipt's starting state, where the message came from.
// No files are touched here: the store decides the number and writes what this returns.
import type { Submission } from '../intake/types.js';
import type { KnownMessage } from '../intake/known-message.js';
import type { IdStyle, RecordSource, StoredAttachment, SubmissionRecord } from './record.js';
import { classificationKeyFor, threadsFrom, type ClassifiedBy } from './classified-with.js';

export interface FileRequest {
  submission: Submission;
  raw: Buffer;
  source: RecordSource;
  /** When the mailbox says it arrived (IMAP INTERNALDATE, the Maildir file's time), if it says. */
  arrivedAt?: Date | null;
  /** false for bytes that are not mail at all: kept raw for a person to look at. */
  readable: boolean;
  /** What the receipt stage should do with it: pending, or skipped with the reason. */
  receipt: { status: 'pending' | 'skipped' | 'held'; reason: string };
  /** The attachments' bytes, in the order of submission.attachments. */
  parts: Buffer[];
  /** Intake's parse of `raw` without the parts' bytes (intakeMessage's `known`), kept for reclassify. */
  known?: KnownMessage;
  /** Extra problems found by the shell. */
  problems?: string[];
  /** How its id is made (its consultation's prefix and year); unset: no prefix, the year given to fileMany. */
  idStyle?: IdStyle;
  /**
   * The rules (data key) and the threads intake classified it with: the record then carries the key
   * of its classification (classified-with.ts), and reclassify with the same rules leaves it as it is.
   */
  classifiedBy?: ClassifiedBy;
}

/** What the store knows about a message when it files it. */
export interface Filing {
  id: string;
  seq: number;
  filedAt: Date;
  rawSha256: string;
  fingerprint: string;
  /** The earlier record this one follows up, if any. */
  followUpOf: string | null;
  /** Other records with the same Message-ID and other content. */
  sharesMessageIdWith: string[];
}

/** A record and the files that go with it, paths relative to the data folder. */
export interface BuiltRecord {
  record: SubmissionRecord;
  /** Extracted attachment texts: [path, text]. */
  texts: Array<[string, string]>;
  /** Attachment bytes: [path, bytes]. */
  blobs: Array<[string, Buffer]>;
  raw: Buffer;
  /** Intake's parse of the original, kept beside it (parsed-cache.ts), when intake made one. */
  known?: KnownMessage;
}

export function buildRecord(req: FileRequest, filing: Filing): BuiltRecord {
  const { submission, raw } = req;
  const { id, seq } = filing;
  const blobs: Array<[string, Buffer]> = [];
  const texts: Array<[string, string]> = [];
  const attachments: StoredAttachment[] = submission.attachments.map((a, i) => {
    const dir = `attachments/${a.sha256.slice(0, 2)}`;
    const file = `${dir}/${a.sha256}`;
    const textFile = a.text.length > 0 ? `${file}.txt` : null;
    const part = req.parts[i];
    if (part) blobs.push([file, part]);
    if (textFile) texts.push([textFile, a.text]);
    const { text, ...rest } = a;
    return { ...rest, file, textFile, textLength: text.length };
  });
  const shares = filing.sharesMessageIdWith;
  const problems = [...submission.problems, ...(req.problems ?? [])];
  if (shares.length > 0) problems.push(`Message-ID ${submission.messageId} er også brukt av ${shares.join(', ')}, med annet innhold`);
  const { attachments: _a, bodyText: _b, receipt, ...rest } = submission;
  const record: SubmissionRecord = {
    ...rest,
    problems,
    id,
    seq,
    filedAt: filing.filedAt.toISOString(),
    classifiedAt: filing.filedAt.toISOString(),
    source: req.source,
    arrivedAt: req.arrivedAt?.toISOString() ?? null,
    raw: `raw/${id}.eml`,
    rawSha256: filing.rawSha256,
    size: raw.length,
    fingerprint: filing.fingerprint,
    followUpOf: filing.followUpOf,
    sharesMessageIdWith: shares,
    readable: req.readable,
    receipt: {
      send: receipt.send,
      reason: req.receipt.status === 'skipped' ? req.receipt.reason : receipt.reason,
      status: req.receipt.status,
      attempts: 0,
      nextAttemptAt: null,
      messageId: null,
      sentAt: null,
      error: null,
      deliveredTo: null,
    },
    attachments,
  };
  // Intake from the original and reclassify from the stored texts judge alike (tests/store/
  // filed-equals-reclassified.test.ts), so the key reclassify would give is the key of this filing.
  if (req.classifiedBy && req.readable) {
    record.classifiedWith = classificationKeyFor(req.classifiedBy.dataKey, record, threadsFrom(req.classifiedBy.threads));
    record.classifiedRules = req.classifiedBy.dataKey;
  }
  return { record, texts, blobs, raw, ...(req.known ? { known: req.known } : {}) };
}
