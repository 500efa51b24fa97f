// The file of record copies (state/record-copies.jsonl): what the digest and the exports read
// instead of 10,000 record files. It must never say other than the records: a copy missing, stale,
// damaged, or made too soon after its file changed to be told from a later change, is not used.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/json-store.js';
import { checkRecordCopies, readRecordCopies, RECORD_COPIES, SETTLED_MS } from '../../src/store/record-copies.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord, writeRecords } from '../helpers/records.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeOf(records: SubmissionRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-record-copies-'));
  dirs.push(dir);
  writeRecords(dir, records);
  return dir;
}

const some = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    makeRecord({ seq: i + 1, from: `person${i}@example.org`, subject: `Innspill ${i + 1}`, commitments: ['einnsyn', 'apne-data'], ownWords: `Våre ord nummer ${i + 1}.` }),
  );
const copiesPath = (dir: string) => join(dir, ...RECORD_COPIES);
const later = () => Date.now() + SETTLED_MS + 1000;
/** Every record as the files have it: what a copy must give back, its lazily read parts included. */
const onDisk = (dir: string, ids: string[]) => ids.map((id) => JSON.parse(readFileSync(join(dir, 'records', `${id}.json`), 'utf8')) as SubmissionRecord);
/** A record as plain data (its lazily read fields read). */
const plain = (r: SubmissionRecord) => JSON.parse(JSON.stringify(r)) as SubmissionRecord;
const ids = (records: SubmissionRecord[]) => records.map((r) => r.id);

describe('the record copies', () => {
  it('give every record as its file has it, relevance, headers and evidence included, from one file', async () => {
    const records = some(4);
    records[1]!.headers = { 'x-mailer': 'Outlook' };
    delete (records[2] as { headers?: unknown }).headers; // an older record without the field: absent stays absent
    const dir = storeOf(records);
    // A reader reads the files and writes nothing.
    const first = await readRecordCopies(dir);
    expect(first.readFromFiles).toBe(4);
    expect(existsSync(copiesPath(dir))).toBe(false);
    // The lock holder writes the file (made well after the files changed: trusted).
    expect((await readRecordCopies(dir, { write: true, now: later })).rewritten).toBe(true);
    const read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(0);
    expect(read.records.map(plain)).toEqual(onDisk(dir, ids(records)));
    expect(read.records[1]!.commitments[0]!.evidence).toEqual(records[1]!.commitments[0]!.evidence);
    expect(read.records[1]!.headers).toEqual({ 'x-mailer': 'Outlook' });
    expect('headers' in read.records[2]!).toBe(false);
    expect(read.records[0]!.relevance).toEqual(records[0]!.relevance);
  });

  it('corrects a stale copy: a record replaced after its copy was made is read from its file, and the writer writes it anew', async () => {
    const records = some(3);
    const dir = storeOf(records);
    await readRecordCopies(dir, { write: true, now: later });
    const changed = { ...records[1]!, subject: 'Endret etter kopien', late: true };
    writeRecords(dir, [changed]);
    const read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(1);
    expect(read.records.map((r) => r.subject)).toEqual(['Innspill 1', 'Endret etter kopien', 'Innspill 3']);
    // The lock holder's check when it opens the store writes the correction (and nothing when all match).
    expect(await checkRecordCopies(dir, later)).toBe(true);
    expect(await checkRecordCopies(dir, later)).toBe(false);
    const again = await readRecordCopies(dir);
    expect(again.readFromFiles).toBe(0);
    expect(again.records[1]!.subject).toBe('Endret etter kopien');
  });

  it('sees a record changed in place with the same size and the same modification time', async () => {
    const records = some(2);
    const dir = storeOf(records);
    const path = join(dir, 'records', '2021-0001.json');
    // A whole second, as a file system with a coarse clock keeps it.
    const second = Math.floor(Date.now() / 1000) - 60;
    utimesSync(path, second, second);
    await readRecordCopies(dir, { write: true, now: later });
    const before = statSync(path);
    const text = readFileSync(path, 'utf8');
    // Same length, same inode, the modification time set back: only the change time tells.
    const edited = text.replace('"Innspill 1"', '"Innspill X"');
    expect(edited.length).toBe(text.length);
    writeFileSync(path, edited);
    utimesSync(path, second, second);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(path).ino).toBe(before.ino);
    const read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(1);
    expect(read.records[0]!.subject).toBe('Innspill X');
  });

  it('does not trust a copy made within the same tick of the clock as the file changed, until made again later', async () => {
    const dir = storeOf(some(2));
    // Made at once after the files were written: a change in the same second could keep the stamp.
    await readRecordCopies(dir, { write: true });
    expect((await readRecordCopies(dir)).readFromFiles).toBe(2);
    await readRecordCopies(dir, { write: true, now: later });
    expect((await readRecordCopies(dir)).readFromFiles).toBe(0);
  });

  it('skips a torn or damaged line and reads that record from its file', async () => {
    const records = some(3);
    const dir = storeOf(records);
    await readRecordCopies(dir, { write: true, now: later });
    const whole = readFileSync(copiesPath(dir));
    writeFileSync(copiesPath(dir), whole.subarray(0, whole.length - 40)); // the last line torn
    let read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(1);
    expect(read.records.map(plain)).toEqual(onDisk(dir, ids(records)));
    appendFileSync(copiesPath(dir), '1\t2021-0001\t5\t6\t7\t8\t1\t90\t10\t{"id": "2021-0001"'); // and a torn line after it
    read = await readRecordCopies(dir);
    expect(read.records.map(plain)).toEqual(onDisk(dir, ids(records)));
    writeFileSync(copiesPath(dir), '\u0000\u0000not a copy at all\n');
    read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(3);
    expect(read.records.map(plain)).toEqual(onDisk(dir, ids(records)));
  });

  it('leaves out a record removed, and a writer drops its copy', async () => {
    const dir = storeOf(some(3));
    await readRecordCopies(dir, { write: true, now: later });
    rmSync(join(dir, 'records', '2021-0002.json'));
    expect(ids((await readRecordCopies(dir)).records)).toEqual(['2021-0001', '2021-0003']);
    expect((await readRecordCopies(dir, { write: true, now: later })).rewritten).toBe(true);
    expect(readFileSync(copiesPath(dir), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('takes each write of the store at once: the lock holder appends the copy of what it wrote', async () => {
    const dir = storeOf(some(3));
    await readRecordCopies(dir, { write: true, now: later });
    const store = await Store.open(dir, { lock: true });
    const r = (await store.get('2021-0002'))!;
    await store.update({ ...r, subject: 'Første endring' });
    await store.update({ ...r, subject: 'Nytt emne', receipt: { ...r.receipt, status: 'failed' } });
    await store.close();
    // The last line for a record wins; the superseded one stays until the next check compacts the file.
    expect(readFileSync(copiesPath(dir), 'utf8').trim().split('\n')).toHaveLength(5);
    const read = await readRecordCopies(dir);
    expect(read.readFromFiles).toBe(0);
    expect(read.records.map(plain)).toEqual(onDisk(dir, ['2021-0001', '2021-0002', '2021-0003']));
    expect(read.records[1]).toMatchObject({ subject: 'Nytt emne', receipt: { status: 'failed' } });
  });

  it('are read by a reader store without writing anything', async () => {
    const records = some(2);
    const dir = storeOf(records);
    const reader = await Store.open(dir, { lock: false });
    expect((await reader.readAllCopies()).map(plain)).toEqual(onDisk(dir, ids(records)));
    await reader.close();
    expect(existsSync(copiesPath(dir))).toBe(false);
  });
});
