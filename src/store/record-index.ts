// The store's index on disk (state/record-index.jsonl): one line per record with what `list`, the
// campaigns' cache and the store's own index in memory need of it, and the identity of the record
// file it was made from (inode, size, modification time). Readers then open one file instead of
// 10,000. The records stay the one source of truth:
//
//   - a line is appended after each record write (not fsync'd: a lost or torn line is found below);
//   - a reader checks every line against its file's identity (one readdir, one stat per record) and
//     reads the record itself whenever the file is new or was replaced since its line was written
//     (a crash between the record and its line, a record written by an older innspill);
//   - a missing or damaged index is rebuilt from the records the same way; a writer (the store's
//     lock holder) writes the corrected index back atomically when it opens the store.
//
// Lines for one record may repeat (each write appends); the last one counts. A line is made so
// that checking it against its file needs no JSON parsing (see line()): `show` only checks.
import { appendFile, readdir } from 'node:fs/promises';
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { writeFileAtomic, type FileIdentity } from './atomic.js';
import { RECORD_ID, type SubmissionRecord } from './record.js';

export const RECORD_INDEX = ['state', 'record-index.jsonl'] as const;

/** What the index keeps of a record: a subset of SubmissionRecord under the same names. */
export interface RecordRow {
  id: string;
  seq: number;
  /** The record file's identity when the row was made: [inode, size, mtimeMs]. */
  file: [number, number, number];
  consultation?: { id: string } | null;
  filedAt: string;
  receivedAt: string | null;
  late: boolean;
  subject: string;
  from: { name: string; address: string } | null;
  sender: { organisation: string | null; category: string };
  automatic: boolean;
  automaticKind: SubmissionRecord['automaticKind'];
  readable: boolean;
  relevant: boolean;
  noComments?: boolean;
  commitments: Array<{ id: string }>;
  receipt: { status: SubmissionRecord['receipt']['status']; messageId: string | null };
  messageId: string | null;
  rawSha256: string;
  fingerprint: string;
  followUpOf: string | null;
}

/** The row of a record whose file has this identity. */
export function rowOf(r: SubmissionRecord, file: FileIdentity): RecordRow {
  const row: RecordRow = {
    id: r.id,
    seq: r.seq,
    file: [file.ino, file.size, file.mtimeMs],
    filedAt: r.filedAt,
    receivedAt: r.receivedAt,
    late: r.late,
    subject: r.subject,
    from: r.from ? { name: r.from.name, address: r.from.address } : null,
    sender: { organisation: r.sender.organisation, category: r.sender.category },
    automatic: r.automatic,
    automaticKind: r.automaticKind,
    readable: r.readable,
    relevant: r.relevant,
    commitments: r.commitments.map((c) => ({ id: c.id })),
    receipt: { status: r.receipt.status, messageId: r.receipt.messageId },
    messageId: r.messageId,
    rawSha256: r.rawSha256,
    fingerprint: r.fingerprint,
    followUpOf: r.followUpOf,
  };
  // Absent stays absent: a record filed before several consultations is the default one's.
  if (r.consultation !== undefined) row.consultation = r.consultation ? { id: r.consultation.id } : null;
  if (r.noComments !== undefined) row.noComments = r.noComments;
  return row;
}

/**
 * One line: id, seq, the file's inode, size and mtimeMs, the JSON's length, then the row as JSON,
 * separated by tabs (JSON has none of its own). What checks a row against its file is read without
 * parsing the JSON; a line cut short or glued to the next by a crash does not pass the length.
 */
function line(row: RecordRow): string {
  const { file, ...rest } = row;
  const json = JSON.stringify(rest);
  return `${row.id}\t${row.seq}\t${file[0]}\t${file[1]}\t${file[2]}\t${json.length}\t${json}\n`;
}

/** A record as the index file has it: checked against its file; the row parsed when first asked. */
export interface IndexEntry {
  id: string;
  seq: number;
  file: [number, number, number];
  /** The row's JSON while not parsed yet. */
  json: string | null;
  row: RecordRow | null;
}

/** The entry of a line, or null when the line is not whole. */
function entryOfLine(text: string): IndexEntry | null {
  // Six tabs, found one after the other (no arrays: 10,000 lines are read by every `list`).
  const t0 = text.indexOf('\t');
  const t1 = t0 < 0 ? -1 : text.indexOf('\t', t0 + 1);
  const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
  const t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
  const t4 = t3 < 0 ? -1 : text.indexOf('\t', t3 + 1);
  const t5 = t4 < 0 ? -1 : text.indexOf('\t', t4 + 1);
  if (t5 < 0) return null;
  const seq = Number(text.slice(t0 + 1, t1));
  const ino = Number(text.slice(t1 + 1, t2));
  const size = Number(text.slice(t2 + 1, t3));
  const mtimeMs = Number(text.slice(t3 + 1, t4));
  const length = Number(text.slice(t4 + 1, t5));
  const json = text.slice(t5 + 1);
  if (!Number.isFinite(seq) || !Number.isFinite(ino) || !Number.isFinite(size) || !Number.isFinite(mtimeMs) || !Number.isFinite(length)) return null;
  if (json.length !== length || !json.endsWith('}')) return null;
  return { id: text.slice(0, t0), seq, file: [ino, size, mtimeMs], json, row: null };
}

/** The entries in the index file by id (the last line for a record wins; a damaged line is skipped). */
async function readLines(dataDir: string): Promise<{ entries: Map<string, IndexEntry>; lines: number }> {
  const entries = new Map<string, IndexEntry>();
  // Read synchronously: one file of a few MB reads far faster in one piece than through the
  // promise API's chunked decoder (about 0.05–0.15 s of a 10,000-record store's reading).
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dataDir, ...RECORD_INDEX));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    bytes = Buffer.alloc(0);
  }
  // Decoded byte for byte (latin1): the lines are found and all-ASCII lines (nearly all) taken as
  // they are; a line with any other byte is decoded as UTF-8 on its own. Decoding the whole file
  // as UTF-8 made one two-byte string of it for a few accented letters (0.06 s for 10,000 lines,
  // and slower parsing of every row after).
  const text = bytes.toString('latin1');
  const wide = /[\x80-\xff]/g;
  let nextWide = wide.exec(text)?.index ?? Infinity;
  let lines = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      lines++;
      let line: string;
      if (nextWide >= end) line = text.slice(start, end);
      else {
        line = bytes.toString('utf8', start, end);
        wide.lastIndex = end;
        nextWide = wide.exec(text)?.index ?? Infinity;
      }
      // A line cut short by a crash is skipped: its record is read from its file below.
      const entry = entryOfLine(line);
      if (entry) entries.set(entry.id, entry);
    }
    start = end + 1;
  }
  return { entries, lines };
}

export interface IndexRead {
  /** One entry per record file, in filing order, each checked against its file. */
  entries: IndexEntry[];
  /** How many entries were made now from record files the index lacked or had stale. */
  corrected: number;
  /** Lines in the file (a writer compacts it when it holds many more than entries). */
  lines: number;
}

export type ReadRecord = (id: string) => Promise<{ record: SubmissionRecord; file: FileIdentity } | null>;

/**
 * Every record in `dataDir` as the index has it, checked against the record files. `readRecord`
 * reads a record file (with the identity of the file read) when its line is missing or stale.
 */
export async function readRecordIndex(dataDir: string, readRecord: ReadRecord): Promise<IndexRead> {
  const { entries: indexed, lines } = await readLines(dataDir);
  const dir = join(dataDir, 'records');
  const names = await readdir(dir).catch(() => [] as string[]);
  const entries: IndexEntry[] = [];
  const stale: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -5);
    if (!RECORD_ID.test(id)) continue;
    const entry = indexed.get(id);
    if (entry) {
      // One stat per record (synchronous: far cheaper than 10,000 promises).
      const st = statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false });
      if (st && st.ino === entry.file[0] && st.size === entry.file[1] && st.mtimeMs === entry.file[2]) {
        entries.push(entry);
        continue;
      }
    }
    stale.push(id);
  }
  let corrected = 0;
  for (const id of stale) {
    const read = await readRecord(id);
    if (!read) continue;
    const row = rowOf(read.record, read.file);
    entries.push({ id, seq: row.seq, file: row.file, json: null, row });
    corrected++;
  }
  entries.sort((a, b) => a.seq - b.seq);
  return { entries, corrected, lines };
}

/**
 * The row of an entry, parsed when first asked. One not kept (a writer keeps only identities), or
 * a line that passed its checks yet is no JSON (only a person editing the file makes one), is read
 * from its record file instead.
 */
export function rowOfEntry(entry: IndexEntry, dataDir: string): RecordRow | null {
  if (entry.row) return entry.row;
  try {
    if (entry.json === null) throw new Error('not kept');
    // The parsed object itself gets the file's identity (a copy of each of 10,000 rows cost more than the parsing).
    const row = JSON.parse(entry.json) as RecordRow;
    row.file = entry.file;
    entry.row = row;
  } catch {
    const path = join(dataDir, 'records', `${entry.id}.json`);
    try {
      const st = statSync(path);
      entry.row = rowOf(JSON.parse(readFileSync(path, 'utf8')) as SubmissionRecord, st);
      entry.file = entry.row.file;
    } catch {
      return null;
    }
  }
  entry.json = null;
  return entry.row;
}

/** Appends rows after their records were written (the caller holds the store's lock). */
export async function appendRows(dataDir: string, rows: RecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await appendFile(join(dataDir, ...RECORD_INDEX), rows.map(line).join(''), 'utf8');
}

/** Writes the whole index anew, atomically (a writer, after corrections or to compact it). */
export async function rewriteRecordIndex(dataDir: string, rows: RecordRow[]): Promise<void> {
  await writeFileAtomic(join(dataDir, ...RECORD_INDEX), rows.map(line).join(''));
}
