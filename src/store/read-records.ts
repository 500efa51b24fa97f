// Reading every record file of a store. The files are small and many (10,000 in a consultation):
// they are read synchronously, a batch at a time, yielding to the event loop between batches, which
// costs a fraction of one promise chain (open, stat, read, close) per file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_ID, type SubmissionRecord } from './record.js';

/** A record's own file (`2021-0042.json`), not the temporary file of a write in progress or cut off by a crash (atomic.ts). */
export const isRecordFile = (name: string) => name.endsWith('.json') && RECORD_ID.test(name.slice(0, -5));
/** Files read before the event loop gets a turn (a daemon reading its store still answers IMAP). */
const BATCH = 250;

/** Every record in `dir`, in filing order. A file being replaced or damaged is left out (never fatal for readers). */
export async function readRecordFiles(dir: string): Promise<SubmissionRecord[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isRecordFile);
  } catch {
    return [];
  }
  const records: SubmissionRecord[] = [];
  for (let i = 0; i < names.length; i++) {
    if (i > 0 && i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
    try {
      records.push(JSON.parse(readFileSync(join(dir, names[i]!), 'utf8')) as SubmissionRecord);
    } catch {
      // Being replaced right now, or damaged: read again next time.
    }
  }
  return records.sort((a, b) => a.seq - b.seq);
}
