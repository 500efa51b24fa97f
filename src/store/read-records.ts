// Reading every record file of a store, a few at a time. A reader that asks to `remember` gets
// back what it read with each file's identity (inode, size, time): the next read takes a record
// from there as long as its file is the same one (every write replaces the file whole).
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { RECORD_ID, type SubmissionRecord } from './record.js';

export interface RememberedRecord {
  ino: number;
  size: number;
  mtimeMs: number;
  record: SubmissionRecord;
}

export type Remembered = Map<string, RememberedRecord>;

const RECORD_FILE = { test: (name: string) => name.endsWith('.json') && RECORD_ID.test(name.slice(0, -5)) };
const READ_CONCURRENCY = 16;

/**
 * Every record in `dir`, in filing order. `previous`: what an earlier read remembered. Returns
 * the records and, with `remember`, what this read remembers for the next one (else null).
 */
export async function readRecordFiles(dir: string, previous: Remembered | null, remember: boolean): Promise<{ records: SubmissionRecord[]; kept: Remembered | null }> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => RECORD_FILE.test(n));
  const kept: Remembered | null = remember ? new Map() : null;
  const readOne = async (name: string): Promise<SubmissionRecord> => {
    const path = join(dir, name);
    const before = previous?.get(name);
    if (before) {
      const now = await stat(path).catch(() => null);
      if (now && now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs) return before.record;
    }
    if (!kept) return JSON.parse(await readFile(path, 'utf8')) as SubmissionRecord;
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      const record = JSON.parse(await handle.readFile('utf8')) as SubmissionRecord;
      kept.set(name, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs, record });
      return record;
    } finally {
      await handle.close();
    }
  };
  const records: SubmissionRecord[] = [];
  // A few reads in flight at once: the files are small, and one at a time leaves the process
  // waiting on each read in turn (10,000 records).
  let next = 0;
  const reader = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      try {
        records.push(await readOne(name));
      } catch {
        // A record being replaced right now is read again next time; never fatal for readers.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, names.length) }, reader));
  return { records: records.sort((a, b) => a.seq - b.seq), kept };
}
