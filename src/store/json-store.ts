// The JSON store: one file per submission in records/, the original bytes in raw/, attachments
// by sha256 in attachments/ (never under the sender's file name), small state files in state/.
// Every write is atomic; other tools may read the files while the daemon runs.
//
// Only a slim index lives in memory (ids, message ids, fingerprints): memory stays flat whatever
// the size of the store, and the files on disk stay the one source of truth. It is loaded from
// the index file state/record-index.jsonl (record-index.ts), checked against every record file.
// Over 300 lines on purpose: the one class every writer and reader goes through; building records,
// reading them and the in-memory index already live in their own files beside it.
import { readStateFile } from './state-file.js';
import { statSync } from 'node:fs';
import { open, readdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Submission } from '../intake/types.js';
import { keepParsed, PARSED_DIR } from './parsed-cache.js';
import { ensureDirs, fsyncDir, removeTempFiles, writeFileAtomic, writeOnce, type FileIdentity } from './atomic.js';
import { StoreLock } from './lock.js';
import { fingerprintOf, RECORD_ID, type SubmissionRecord } from './record.js';
import { readRecordFiles } from './read-records.js';
import { appendRecordCopies, checkRecordCopies, readRecordCopies } from './record-copies.js';
import { appendRows, readRecordIndex, rewriteRecordIndex, rowOf, rowOfEntry, type IndexEntry, type RecordRow } from './record-index.js';
import { buildRecord, type BuiltRecord, type FileRequest } from './build-record.js';
import { StoreIndex, type Indexable } from './store-index.js';

export type FileOutcome = { kind: 'filed'; record: SubmissionRecord } | { kind: 'duplicate'; of: string };

export class Store {
  readonly dir: string;
  private readonly lock: StoreLock | null;
  private readonly memory = new StoreIndex();
  /** Whether `memory` holds the loaded rows: a reader fills it only when it asks something of it. */
  private memoryFilled = false;

  /** The index in memory (store-index.ts), filled from the rows when first needed. */
  private get indexed(): StoreIndex {
    if (!this.memoryFilled) this.fillMemory();
    return this.memory;
  }

  private fillMemory(): void {
    this.memoryFilled = true;
    for (const row of this.rows()) this.memory.add(row);
  }

  /** Filed records as conversations (Message-IDs, receipts sent, subjects): decides follow-ups. */
  get threadIds(): StoreIndex['threads'] {
    return this.indexed.threads;
  }
  /** The index file's entries as checked when the store was opened, kept up to date by this process's writes. */
  private readonly loadedRows = new Map<string, IndexEntry>();
  /** Lines in the index file as far as this process knows: read when opened, plus those it appended. */
  private indexLines = 0;
  /** false for a store opened with `index: false`: rows() would say nothing about the store. */
  rowsLoaded = false;
  /** The records folder as it was just before the index was read (campaign-refs-cache.ts: what the rows are known to match). */
  recordsFolderAtLoad: { ino: number; mtimeMs: number; ctimeMs: number; at: number } | null = null;

  private constructor(dir: string, lock: StoreLock | null) {
    this.dir = dir;
    this.lock = lock;
  }

  /** Whether this process holds the store's lock (the one writer). */
  get isWriter(): boolean {
    return this.lock !== null;
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  /**
   * Opens (and creates) a store. `lock: true` for processes that write: one at a time.
   * `index: false` (readers only) skips loading the index: for a command that reads one record.
   */
  static async open(dir: string, options: { lock: boolean; index?: boolean }): Promise<Store> {
    const dirs = ['records', 'raw', 'attachments', 'state', PARSED_DIR].map((d) => join(dir, d));
    await ensureDirs([dir, ...dirs]);
    const lock = options.lock ? await StoreLock.acquire(join(dir, 'lock'), dir) : null;
    const store = new Store(dir, lock);
    try {
      if (options.lock) await removeTempFiles([dir, ...dirs, ...(await store.attachmentDirs())]);
      if (options.lock || options.index !== false) await store.loadIndex();
      if (options.lock) await store.removeOrphans();
    } catch (err) {
      await lock?.release();
      throw err;
    }
    return store;
  }

  private async attachmentDirs(): Promise<string[]> {
    const names = await readdir(this.path('attachments')).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{2}$/.test(n)).map((n) => this.path('attachments', n));
  }

  private index(r: Indexable): void {
    this.indexed.add(r);
  }

  private async loadIndex(): Promise<void> {
    const folder = statSync(this.path('records'), { throwIfNoEntry: false });
    this.recordsFolderAtLoad = folder ? { ino: folder.ino, mtimeMs: folder.mtimeMs, ctimeMs: folder.ctimeMs, at: Date.now() } : null;
    const read = await readRecordIndex(this.dir, (id) => this.readWithIdentity(id));
    this.loadedRows.clear();
    this.rowsLoaded = true;
    for (const entry of read.entries) this.loadedRows.set(entry.id, entry);
    this.memory.clear();
    this.memoryFilled = false;
    if (!this.lock) return;
    // A writer needs the index in memory at once (filing); a reader (list, show) may never. It
    // puts right what it found missing or stale (a crash between a record and its line, records
    // written by an older innspill), and compacts a file of many superseded lines.
    const rows = this.rows();
    for (const row of rows) this.memory.add(row);
    this.memoryFilled = true;
    this.indexLines = read.lines;
    if (read.corrected > 0 || read.lines > 2 * read.entries.length + 500) {
      await rewriteRecordIndex(this.dir, rows);
      this.indexLines = rows.length;
    }
    // The file of record copies (record-copies.ts) checked and put right likewise.
    await checkRecordCopies(this.dir);
    // The daemon keeps only what identifies each record file (its memory stays flat): a row asked
    // for later is read from its record.
    for (const entry of this.loadedRows.values()) {
      entry.json = null;
      entry.row = null;
    }
  }

  /** A record file read with the identity of the file read (null when missing or unreadable). */
  private async readWithIdentity(id: string): Promise<{ record: SubmissionRecord; file: FileIdentity } | null> {
    const handle = await open(this.path('records', `${id}.json`), 'r').catch(() => null);
    if (!handle) return null;
    try {
      const st = await handle.stat();
      const record = JSON.parse(await handle.readFile('utf8')) as SubmissionRecord;
      return { record, file: { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs } };
    } catch {
      // Being replaced right now, or damaged: a reader goes on without it, as readAll() does.
      return null;
    } finally {
      await handle.close();
    }
  }

  /**
   * Every record's row (record-index.ts), in filing order, as checked against the record files
   * when the store was opened: what `list` and the campaigns' cache need, without reading records.
   */
  rows(): RecordRow[] {
    const rows: RecordRow[] = [];
    for (const entry of this.entries()) {
      const row = rowOfEntry(entry, this.dir);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Every record's id and file identity ([inode, size, mtimeMs]), in filing order, without parsing rows. */
  fileIdentities(): Array<{ id: string; file: [number, number, number] }> {
    return this.entries();
  }

  private entries(): IndexEntry[] {
    return [...this.loadedRows.values()].sort((a, b) => a.seq - b.seq);
  }

  /** raw/ files without a record are left by a filing that crashed before its commit point. */
  private async removeOrphans(): Promise<void> {
    const names = await readdir(this.path('raw')).catch(() => [] as string[]);
    for (const name of names) {
      const id = name.replace(/\.eml$/, '');
      if (name.endsWith('.eml') && !this.indexed.has(id)) await unlink(this.path('raw', name)).catch(() => undefined);
    }
  }

  get size(): number {
    return this.indexed.size;
  }

  ids(): string[] {
    return this.indexed.ids();
  }

  async get(id: string): Promise<SubmissionRecord | null> {
    if (!RECORD_ID.test(id)) return null;
    try {
      return JSON.parse(await readFile(this.path('records', `${id}.json`), 'utf8')) as SubmissionRecord;
    } catch {
      return null;
    }
  }

  /** Every record, in filing order, read from disk. */
  async readAll(): Promise<SubmissionRecord[]> {
    return readRecordFiles(this.path('records'));
  }

  /**
   * Every record, in filing order, for a reader of them all (digest, exports): from the file of
   * record copies where it matches the record files (record-copies.ts), read lazily in part. The
   * records returned are for reading; a writer reads them with readAll().
   */
  async readAllCopies(): Promise<SubmissionRecord[]> {
    return (await readRecordCopies(this.dir)).records;
  }

  /** The record this message is a copy of (same bytes, or same content re-delivered), if any. */
  duplicateOf(submission: Submission, raw: Buffer, readable: boolean): string | null {
    const sha = sha256(raw);
    return this.indexed.copyOf(sha, fingerprintOf(submission, sha, readable));
  }

  /** Records that carry the same Message-ID with other content. */
  sameMessageId(messageId: string | null): string[] {
    return this.indexed.withMessageId(messageId);
  }

  /** The earlier record a message follows up (decided in intake/follow-up.ts). */
  followUpOf(submission: Submission): string | null {
    return this.threadIds.followUpOf(submission);
  }

  /**
   * Files a batch; new ids carry `idYear` (the consultation's, see idYearOf). Attachments and originals first, then the records (the commit point), with
   * one folder sync per stage rather than per file. Returns one outcome per request, in order.
   */
  async fileMany(requests: FileRequest[], filedAt: Date, idYear: number): Promise<FileOutcome[]> {
    const outcomes: FileOutcome[] = [];
    const pending: BuiltRecord[] = [];
    const seenInBatch = new Map<string, string>();
    for (const req of requests) {
      const { submission, raw } = req;
      const rawSha = sha256(raw);
      const fingerprint = fingerprintOf(submission, rawSha, req.readable);
      const dup = this.indexed.copyOf(rawSha, fingerprint) ?? seenInBatch.get(rawSha) ?? seenInBatch.get(fingerprint);
      if (dup) {
        outcomes.push({ kind: 'duplicate', of: dup });
        continue;
      }
      const { seq, id } = this.indexed.nextId(req.idStyle ?? { prefix: '', year: idYear });
      seenInBatch.set(rawSha, id);
      seenInBatch.set(fingerprint, id);
      const built = buildRecord(req, {
        id,
        seq,
        filedAt,
        rawSha256: rawSha,
        fingerprint,
        followUpOf: this.followUpOf(submission),
        sharesMessageIdWith: this.sameMessageId(submission.messageId),
      });
      pending.push(built);
      outcomes.push({ kind: 'filed', record: built.record });
      // Indexed at once, so a follow-up later in the same batch finds it.
      this.index(built.record);
    }
    if (pending.length === 0) return outcomes;
    try {
      await this.writeBatch(pending);
    } catch (err) {
      // Nothing half-filed may stay in the index: rebuild it from what is on disk.
      await this.loadIndex();
      throw err;
    }
    return outcomes;
  }

  private async writeBatch(pending: BuiltRecord[]): Promise<void> {
    const touched = new Set<string>();
    for (const p of pending) {
      for (const [file, bytes] of p.blobs) {
        touched.add(dirname(this.path(file)));
        await ensureDirs([dirname(this.path(file))]);
        await writeOnce(this.path(file), bytes, { syncDir: false });
      }
      for (const [file, text] of p.texts) await writeOnce(this.path(file), text, { syncDir: false });
      await writeFileAtomic(this.path(p.record.raw), p.raw, { syncDir: false });
      // The parse intake made of it, kept for reclassify (parsed-cache.ts): derived, so not synced.
      if (p.known) keepParsed((...parts) => this.path(...parts), p.record, p.known);
    }
    for (const d of [...touched, this.path('raw')]) await fsyncDir(d);
    const rows: RecordRow[] = [];
    for (const p of pending) rows.push(rowOf(p.record, await writeFileAtomic(this.path('records', `${p.record.id}.json`), json(p.record), { syncDir: false })));
    await fsyncDir(this.path('records'));
    await this.indexRows(rows);
    if (this.lock) await appendRecordCopies(this.dir, pending.map((p) => p.record));
  }

  /** The index file's lines for records just written (a lost line is found stale and made again). */
  private async indexRows(rows: RecordRow[]): Promise<void> {
    for (const row of rows) this.loadedRows.set(row.id, { id: row.id, seq: row.seq, file: row.file, json: null, row: this.lock ? null : row });
    if (!this.lock) return;
    await appendRows(this.dir, rows).catch(() => undefined);
    this.indexLines += rows.length;
  }

  /**
   * Writes the index file anew, one line per record, when a third or more of its lines are
   * superseded (after rewriting many records in a row, as reclassify does): every reader parses
   * each line it holds. The rows are made from the record files (a writer keeps only their
   * identities); a line lost to a write meanwhile is found stale and corrected, as after a crash.
   */
  async compactIndex(): Promise<boolean> {
    if (!this.lock || !this.rowsLoaded || 2 * this.indexLines <= 3 * this.loadedRows.size + 200) return false;
    const rows = this.rows();
    await rewriteRecordIndex(this.dir, rows);
    this.indexLines = rows.length;
    for (const entry of this.loadedRows.values()) {
      entry.json = null;
      entry.row = null;
    }
    // The record copies have a superseded line for each record rewritten as well.
    await checkRecordCopies(this.dir);
    return true;
  }

  /**
   * Rewrites one record (receipt state, reclassification) atomically. `syncDir: false` leaves the
   * folder sync to a later syncRecords() (many records rewritten in a row): each file is still
   * replaced whole, and one not yet synced is at worst found with its previous content.
   */
  async update(record: SubmissionRecord, options: { syncDir?: boolean } = {}): Promise<void> {
    const file = await writeFileAtomic(this.path('records', `${record.id}.json`), json(record), { syncDir: options.syncDir !== false });
    this.index(record);
    await this.indexRows([rowOf(record, file)]);
    if (this.lock) await appendRecordCopies(this.dir, [record]);
  }

  /** Record rewrites in flight, per id: modify() runs them one after another. */
  private readonly writing = new Map<string, Promise<unknown>>();

  /**
   * Read-modify-write of one record, one at a time per record (receipts, a caseworker's decision
   * and reclassify may touch the same record at once in the daemon). `change` gets the record as
   * it is on disk and returns the new one, or null to leave it. Returns what is stored after.
   */
  modify(id: string, change: (r: SubmissionRecord) => SubmissionRecord | null | Promise<SubmissionRecord | null>, options: { syncDir?: boolean } = {}): Promise<SubmissionRecord | null> {
    const before = this.writing.get(id) ?? Promise.resolve();
    const run = before.then(async () => {
      const current = await this.get(id);
      if (!current) return null;
      const next = await change(current);
      if (!next) return current;
      await this.update(next, options);
      return next;
    });
    const settled = run.catch(() => undefined);
    this.writing.set(id, settled);
    void settled.then(() => {
      if (this.writing.get(id) === settled) this.writing.delete(id);
    });
    return run;
  }

  /** Writes only the receipt state of `record` into the record as stored (other fields may have changed meanwhile). */
  async updateReceipt(record: SubmissionRecord): Promise<void> {
    await this.modify(record.id, (current) => ({ ...current, receipt: record.receipt }));
  }

  /** Makes the record rewrites done with `syncDir: false` durable. */
  async syncRecords(): Promise<void> {
    await fsyncDir(this.path('records'));
  }

  /** A state file, or `fallback` when there is none yet. A damaged one is an error, never silently "nothing". */
  readState<T>(name: string, fallback: T): Promise<T> {
    return readStateFile(this.path('state', `${name}.json`), fallback);
  }

  async writeState(name: string, value: unknown): Promise<void> {
    await writeFileAtomic(this.path('state', `${name}.json`), json(value));
  }

  async close(): Promise<void> {
    await this.lock?.release();
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
