// A filed record judged again by the rules: from its stored message and the text stored beside each
// attachment (attachments are not read again), with the threads known and the arrival time the
// mailbox gave. What it returns is what the rules say; a person's decisions are laid over it by
// the caller (applyOverrides). A consultation a person chose is kept: the message is routed to it
// and judged by its rules (commitments, relevance, deadline), as every other stage would.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { latestOverride } from '../decisions/types.js';
import { intakeKnown, intakeMessage, type Submission } from '../intake/index.js';
import { DEFAULT_LIMITS, type Extractor } from '../intake/extract/index.js';
import type { IntakeOptions } from '../intake/context.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from './record.js';
import { keepParsed, readParsed } from './parsed-cache.js';

/**
 * What classifying a record again reads of the store: its files (the original, the attachment
 * texts) and what the store knows of threads. The store itself, or a worker's view of it
 * (reclassify-worker.ts: the data folder and the record's known thread headers).
 */
export interface StoredFiles {
  path(...parts: string[]): string;
  readonly threadIds: NonNullable<IntakeOptions['knownThreadIds']>;
}

/**
 * What the mailbox said about the message's arrival when it was filed. Records filed before this
 * was kept took their received time from it only when nothing in the message said when.
 */
function arrivedAt(record: SubmissionRecord): Date | null {
  const at = record.arrivedAt ?? (record.receivedFrom === 'mailbox' ? record.receivedAt : null);
  return at ? new Date(at) : null;
}

// The stored files are read at once (readFileSync): they are small (an original of some kilobytes,
// an attachment's text), and the promise chain of fs/promises' readFile (open, stat, read, close,
// each a trip to the thread pool) cost more CPU than the read: 3 % of reclassify's, for two or
// three files a record. A record is classified again in a worker (reclassify-pool.ts) or for one
// decision at a time.

/** The stored text of an attachment; '' when it cannot be read. */
function storedText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** An extractor that answers from the text stored beside each attachment. */
function storedTextExtractor(store: StoredFiles, record: SubmissionRecord): Extractor {
  const known = new Map(record.attachments.map((a) => [a.sha256, a]));
  return async (input) => {
    const sha = input.sha256 ?? createHash('sha256').update(input.bytes).digest('hex');
    const a = known.get(sha);
    if (!a) return { text: '', problem: 'vedlegget ble ikke funnet blant de lagrede vedleggene' };
    return { text: a.textFile ? storedText(store.path(a.textFile)) : '', problem: a.problem };
  };
}

/** The fields the rules decide, judged again for a filed record. */
export async function classifyAgain(store: StoredFiles, rules: Rules, record: SubmissionRecord, now: Date) {
  const chosen = latestOverride(record.overrides, 'consultation')?.value;
  const options = {
    extractor: storedTextExtractor(store, record),
    limits: { ...DEFAULT_LIMITS, maxBytes: Number.MAX_SAFE_INTEGER },
    mailboxDate: arrivedAt(record),
    knownThreadIds: store.threadIds,
    ...(chosen !== undefined ? { consultation: chosen } : {}),
  };
  // From the parse kept beside the original when there is one this version trusts (parsed-cache.ts);
  // else from the original, whose parse is then kept for the next time (a record filed before parses
  // were kept, or one whose parse was lost).
  const path = (...parts: string[]) => store.path(...parts);
  const known = readParsed(path, record);
  let s: Submission;
  if (known) s = await intakeKnown(known, rules, options);
  else {
    const result = await intakeMessage(readFileSync(store.path(record.raw)), rules, options);
    if (result.known) keepParsed(path, record, result.known);
    s = result.submission;
  }
  return {
    relevant: s.relevant,
    relevance: s.relevance,
    automatic: s.automatic,
    automaticKind: s.automaticKind,
    bouncedRecipients: s.bouncedRecipients,
    sender: s.sender,
    commitments: s.commitments,
    noComments: s.noComments,
    review: s.review,
    suspicious: s.suspicious,
    language: s.language,
    late: s.late,
    receivedAt: s.receivedAt,
    receivedFrom: s.receivedFrom,
    arrivedAt: arrivedAt(record)?.toISOString() ?? null,
    ownWords: s.ownWords,
    classifiedAt: now.toISOString(),
  } satisfies Partial<SubmissionRecord>;
}
