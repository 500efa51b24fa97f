// Every record of the store for the commands that read them all (the digest, the exports), from one
// file instead of 10,000: state/record-copies.jsonl keeps a compact copy of each record beside the
// identity of the record file it was made from. The records stay the one source of truth:
//
//   - each record file is looked at (one readdir, one stat per record) and its copy used only when
//     the file is the one the copy was made from: same inode, size, modification and change time;
//   - a copy is trusted only when it was made at least SETTLED_MS after the file's last change
//     (modification and change time): a later change in the same tick of a coarse file-system
//     clock would otherwise leave the identity as it was. A file changed since is read again;
//   - a missing, stale, damaged or untrusted copy is read from the record file instead;
//   - only the store's lock holder writes the file: a line after each record it writes (trusted at
//     once, see appendRecordCopies), and the whole file anew when it opens the store and finds a
//     copy missing, stale or untrusted, or lines superseded. Readers never write (printing a
//     digest writes nothing in the store).
//
// A line keeps apart what most readers never look at: the relevance signals, the headers and each
// commitment's evidence (about two thirds of a record). They are parsed only when first asked for
// (getters on the record returned), so a record read from its copy has every field of the file.
import { mkdirSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { RECORD_ID, type SubmissionRecord } from './record.js';

export const RECORD_COPIES = ['state', 'record-copies.jsonl'] as const;

/** A copy made less than this after its file last changed is not trusted (the file system's clock tick). */
export const SETTLED_MS = 2000;

/** Raised whenever what a line holds changes meaning. */
const VERSION = 1;

/** What tells one version of a record file from another: inode, size, modification and change time. */
type FileStamp = [number, number, number, number];

const stampOf = (st: Stats): FileStamp => [st.ino, st.size, st.mtimeMs, st.ctimeMs];
const sameStamp = (a: FileStamp, b: FileStamp) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** The fields kept apart, parsed when first asked for. */
const KEPT_APART = ['relevance', 'headers'] as const;

interface Copy {
  stamp: FileStamp;
  /** The record without the fields kept apart and without its commitments' evidence (JSON, UTF-8). */
  head: Buffer;
  /** { relevance, headers, evidence: one array per commitment } (JSON, UTF-8), decoded when asked for. */
  apart: Buffer;
  /** Whether the copy was made SETTLED_MS or more after the file's last change. */
  settled: boolean;
  /** Which of the fields kept apart the record has (known without decoding them). */
  has: Array<(typeof KEPT_APART)[number]>;
}

/**
 * One line: version, id, the file's stamp, flags (1: settled, 2: has relevance, 4: has headers), the byte lengths of the two JSON parts,
 * then both, separated by tabs (JSON has none of its own). A line cut short or glued to the next
 * does not pass the lengths. The parts are found by their lengths, so the part kept apart is
 * neither searched nor decoded until it is asked for.
 */
function line(id: string, c: Copy): Buffer {
  const start = Buffer.from(`${VERSION}\t${id}\t${c.stamp.join('\t')}\t${flagsOf(c)}\t${c.head.length}\t${c.apart.length}\t`, 'utf8');
  return Buffer.concat([start, c.head, TAB, c.apart, NEWLINE]);
}

const flagsOf = (c: Copy) => (c.settled ? 1 : 0) | (c.has.includes('relevance') ? 2 : 0) | (c.has.includes('headers') ? 4 : 0);

const TAB = Buffer.from('\t');
const NEWLINE = Buffer.from('\n');
const FIELDS = 9;

/** The copy on the line at `start` and where the next line starts; null copy when the line is not whole. */
function copyAt(buf: Buffer, start: number): { found: [string, Copy] | null; next: number } {
  const lineEnd = (from: number) => {
    const nl = buf.indexOf(0x0a, from);
    return { found: null, next: nl < 0 ? buf.length : nl + 1 };
  };
  const tabs: number[] = [];
  for (let i = start; tabs.length < FIELDS; i++) {
    const at = buf.indexOf(0x09, i);
    const nl = buf.indexOf(0x0a, i);
    if (at < 0 || (nl >= 0 && nl < at)) return lineEnd(start);
    tabs.push(at);
    i = at;
  }
  const f = (k: number) => buf.toString('latin1', k === 0 ? start : tabs[k - 1]! + 1, tabs[k]);
  if (f(0) !== String(VERSION)) return lineEnd(start);
  const numbers = [2, 3, 4, 5, 6, 7, 8].map((k) => Number(f(k)));
  if (numbers.some((n) => !Number.isFinite(n))) return lineEnd(start);
  const headStart = tabs[FIELDS - 1]! + 1;
  const headEnd = headStart + numbers[5]!;
  const apartEnd = headEnd + 1 + numbers[6]!;
  if (apartEnd >= buf.length || buf[headEnd] !== 0x09 || buf[apartEnd] !== 0x0a || buf[headEnd - 1] !== 0x7d /* } */) return lineEnd(start);
  const copy: Copy = {
    stamp: [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!],
    settled: (numbers[4]! & 1) === 1,
    has: KEPT_APART.filter((_, i) => (numbers[4]! & (2 << i)) !== 0),
    // Decoded only when its record is asked for: a line superseded by a later one never is.
    head: buf.subarray(headStart, headEnd),
    apart: buf.subarray(headEnd + 1, apartEnd),
  };
  return { found: [f(1), copy], next: apartEnd + 1 };
}

/** The copies by record id (the last line for a record wins), and how many lines the file has. */
function readCopies(dataDir: string): { copies: Map<string, Copy>; lines: number } {
  const copies = new Map<string, Copy>();
  let buf: Buffer;
  try {
    buf = readFileSync(join(dataDir, ...RECORD_COPIES));
  } catch {
    return { copies, lines: 0 };
  }
  let lines = 0;
  for (let start = 0; start < buf.length; ) {
    const { found, next } = copyAt(buf, start);
    lines++;
    if (found) copies.set(found[0], found[1]);
    start = next;
  }
  return { copies, lines };
}

/** The copy of a record read from a file with this stamp at `readAt` (ms). */
function copyOf(r: SubmissionRecord, stamp: FileStamp, readAt: number): Copy {
  const { relevance, headers, ...rest } = r as SubmissionRecord & { relevance?: unknown; headers?: unknown };
  const head = { ...rest, commitments: r.commitments.map(({ evidence: _evidence, ...c }) => c) };
  const apart: Record<string, unknown> = { evidence: r.commitments.map((c) => c.evidence) };
  if ('relevance' in r) apart['relevance'] = relevance;
  if ('headers' in r) apart['headers'] = headers;
  return { stamp, has: KEPT_APART.filter((key) => key in r), head: Buffer.from(JSON.stringify(head), 'utf8'), apart: Buffer.from(JSON.stringify(apart), 'utf8'), settled: readAt - Math.max(stamp[2], stamp[3]) >= SETTLED_MS };
}

/** The fields kept apart of one copy, parsed when first asked for. */
class Apart {
  private parsed: { evidence: unknown[]; relevance?: unknown; headers?: unknown } | null = null;
  constructor(private readonly bytes: Buffer) {}
  get value(): { evidence: unknown[]; relevance?: unknown; headers?: unknown } {
    return (this.parsed ??= JSON.parse(this.bytes.toString('utf8')) as { evidence: unknown[]; relevance?: unknown; headers?: unknown });
  }
}

/** Where an object's fields kept apart are: its copy's, and the commitment's place among them. */
const APART = Symbol('apart');
type Holder = { [APART]: [Apart, number] };

/**
 * The getters and setters are the same functions for every record (no closure per object), so
 * the records read keep shared shapes and stay fast to read. A setter makes the field plain.
 */
const plainSetter = (key: string) =>
  function (this: object, value: unknown) {
    Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
  };
const ACCESSORS = {
  relevance: { enumerable: true, configurable: true, get(this: Holder) { return this[APART][0].value.relevance; }, set: plainSetter('relevance') },
  headers: { enumerable: true, configurable: true, get(this: Holder) { return this[APART][0].value.headers; }, set: plainSetter('headers') },
  evidence: { enumerable: true, configurable: true, get(this: Holder) { const [apart, i] = this[APART]; return apart.value.evidence[i]; }, set: plainSetter('evidence') },
} satisfies Record<string, PropertyDescriptor>;

/** The record of a copy; the fields kept apart parsed on first access. */
function recordOf(c: Copy): SubmissionRecord {
  const r = JSON.parse(c.head.toString('utf8')) as SubmissionRecord;
  const apart = new Apart(c.apart);
  Object.defineProperty(r, APART, { value: [apart, -1] });
  for (const key of c.has) Object.defineProperty(r, key, ACCESSORS[key]);
  for (let i = 0; i < r.commitments.length; i++) {
    const m = r.commitments[i]!;
    Object.defineProperty(m, APART, { value: [apart, i] });
    Object.defineProperty(m, 'evidence', ACCESSORS.evidence);
  }
  return r;
}

export interface CopiesRead {
  /** Every readable record, in filing order. */
  records: SubmissionRecord[];
  /** Record files read because their copy was missing, stale or not trusted yet. */
  readFromFiles: number;
  /** Whether the file of copies was written anew (only with `write`). */
  rewritten: boolean;
}

/**
 * Every record in `dataDir`, in filing order, from the file of copies where it matches the record
 * files, else from the records themselves. A record file being replaced or damaged is left out, as
 * `readRecordFiles` does. `write` (the store's lock holder only): write the file of copies anew when
 * a copy was missing, stale or untrusted, or lines are superseded. `now`: the clock (tests).
 */
export async function readRecordCopies(dataDir: string, options: { write?: boolean; now?: () => number; records?: boolean } = {}): Promise<CopiesRead> {
  const wanted = options.records !== false;
  const now = options.now ?? Date.now;
  const dir = join(dataDir, 'records');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { records: [], readFromFiles: 0, rewritten: false };
  }
  const { copies, lines } = readCopies(dataDir);
  const kept = new Map<string, Copy>();
  const records: SubmissionRecord[] = [];
  let readFromFiles = 0;
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -5);
    if (!RECORD_ID.test(id)) continue;
    const path = join(dir, name);
    // The time and the stat before the read: a file changed in between has a copy with the old
    // stamp, read again next time; a change after `at` has a later change time than a settled copy's.
    const at = now();
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    const stamp = stampOf(st);
    const copy = copies.get(id);
    if (copy && copy.settled && sameStamp(copy.stamp, stamp)) {
      try {
        if (wanted) records.push(recordOf(copy));
        kept.set(id, copy);
        continue;
      } catch {
        // A line that passed its lengths yet is no JSON (only a person editing the file makes one).
      }
    }
    readFromFiles++;
    try {
      const record = JSON.parse(readFileSync(path, 'utf8')) as SubmissionRecord;
      if (wanted) records.push(record);
      if (options.write) kept.set(id, copyOf(record, stamp, at));
    } catch {
      // Being replaced right now, or damaged: read again next time.
    }
  }
  let rewritten = false;
  if (options.write && (readFromFiles > 0 || lines !== kept.size)) {
    const data = Buffer.concat([...kept].map(([id, c]) => line(id, c)));
    mkdirSync(join(dataDir, RECORD_COPIES[0]), { recursive: true });
    rewritten = await writeFileAtomic(join(dataDir, ...RECORD_COPIES), data).then(
      () => true,
      () => false,
    );
  }
  records.sort((a, b) => a.seq - b.seq);
  return { records, readFromFiles, rewritten };
}

/**
 * The lock holder's check when it opens the store: the file of copies written anew when a copy is
 * missing, stale or untrusted, or lines are superseded; the copies that match are not parsed.
 */
export async function checkRecordCopies(dataDir: string, now?: () => number): Promise<boolean> {
  return (await readRecordCopies(dataDir, { write: true, records: false, ...(now ? { now } : {}) })).rewritten;
}

/**
 * Appends the copies of records the lock holder has just written (after each record write, as
 * the record index's lines). Such a copy is trusted at once: it is made from what was written, and
 * lines are appended in the order of the writes, the last for a record winning; a lost line (a
 * crash) leaves the record's previous copy, whose stamp no longer matches. Never fatal.
 */
export async function appendRecordCopies(dataDir: string, records: SubmissionRecord[]): Promise<void> {
  const lines: Buffer[] = [];
  for (const r of records) {
    const st = statSync(join(dataDir, 'records', `${r.id}.json`), { throwIfNoEntry: false });
    if (st) lines.push(line(r.id, { ...copyOf(r, stampOf(st), 0), settled: true }));
  }
  if (lines.length > 0) await appendFile(join(dataDir, ...RECORD_COPIES), Buffer.concat(lines)).catch(() => undefined);
}
