// The store's index file (state/record-index.jsonl): what list and the campaigns' cache read
// instead of 10,000 record files. It must never say other than the records: missing, stale (a
// kill -9 between a record and its line), damaged or superseded, it is corrected from them.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/json-store.js';
import { readRecordIndex, RECORD_INDEX, rowOf, rowOfEntry, type RecordRow } from '../../src/store/record-index.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord, writeRecords } from '../helpers/records.js';

const root = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeOf(records: SubmissionRecord[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-record-index-'));
  dirs.push(dir);
  writeRecords(dir, records);
  return dir;
}

const some = (n: number) => Array.from({ length: n }, (_, i) => makeRecord({ seq: i + 1, from: `person${i}@example.org`, subject: `Innspill ${i + 1}` }));
const indexPath = (dir: string) => join(dir, ...RECORD_INDEX);

/** What a row says of a record, without the file identity: it must equal the record's. */
const said = (row: RecordRow) => {
  const { file: _file, ...rest } = row;
  return rest;
};
const expected = (r: SubmissionRecord) => said(rowOf(r, { ino: 0, size: 0, mtimeMs: 0 }));

/** The rows as a reader finds them, and how many record files it had to read. */
async function readerView(dir: string): Promise<{ rows: RecordRow[]; opened: number }> {
  let opened = 0;
  const read = await readRecordIndex(dir, async (id) => {
    opened++;
    const text = readFileSync(join(dir, 'records', `${id}.json`), 'utf8');
    return { record: JSON.parse(text) as SubmissionRecord, file: { ino: 0, size: -1, mtimeMs: 0 } };
  });
  return { rows: read.entries.map((e) => rowOfEntry(e, dir)!), opened };
}

function recordsOnDisk(dir: string, ids: string[]): SubmissionRecord[] {
  return ids.map((id) => JSON.parse(readFileSync(join(dir, 'records', `${id}.json`), 'utf8')) as SubmissionRecord);
}

describe('the record index', () => {
  it('is made from the records when missing (a store from before it), and a writer writes it once', async () => {
    const records = some(5);
    // An older record: no consultation field at all. Its row keeps it absent (the default consultation's).
    delete (records[0] as { consultation?: unknown }).consultation;
    const dir = storeOf(records);
    const reader = await Store.open(dir, { lock: false });
    expect(reader.rows().map(said)).toEqual(records.map(expected));
    expect('consultation' in reader.rows()[0]!).toBe(false);
    expect(existsSync(indexPath(dir))).toBe(false); // a reader never writes it
    expect((await readerView(dir)).opened).toBe(5);

    const writer = await Store.open(dir, { lock: true });
    await writer.close();
    const after = await readerView(dir);
    expect(after.opened).toBe(0);
    expect(after.rows.map(said)).toEqual(records.map(expected));
  });

  it('takes each write of the store at once, without reading the record again', async () => {
    const dir = storeOf(some(3));
    const store = await Store.open(dir, { lock: true });
    const r = (await store.get('2021-0002'))!;
    await store.update({ ...r, subject: 'Nytt emne', receipt: { ...r.receipt, status: 'sent' } });
    await store.close();
    const view = await readerView(dir);
    expect(view.opened).toBe(0);
    expect(view.rows.find((x) => x.id === '2021-0002')).toMatchObject({ subject: 'Nytt emne', receipt: { status: 'sent' } });
    expect(view.rows.map((x) => x.id)).toEqual(['2021-0001', '2021-0002', '2021-0003']);
  });

  it('corrects a record replaced after its line was written (a crash between the two), and a writer writes the correction', async () => {
    const records = some(4);
    const dir = storeOf(records);
    await (await Store.open(dir, { lock: true })).close();
    // As if a process wrote the record and was killed before its line: the file is new, the line old.
    const changed = { ...records[2]!, subject: 'Endret etter linjen', late: true };
    writeRecords(dir, [changed]);
    // And a record filed with no line at all.
    const added = makeRecord({ seq: 5, from: 'ny@example.org', subject: 'Uten linje' });
    writeRecords(dir, [added]);
    const reader = await Store.open(dir, { lock: false });
    expect(reader.rows().map(said)).toEqual([records[0]!, records[1]!, changed, records[3]!, added].map(expected));
    expect((await readerView(dir)).opened).toBe(2);

    await (await Store.open(dir, { lock: true })).close();
    const view = await readerView(dir);
    expect(view.opened).toBe(0);
    expect(view.rows.find((x) => x.id === changed.id)?.subject).toBe('Endret etter linjen');
  });

  it('skips a line cut short and a damaged file, and reads those records instead', async () => {
    const records = some(3);
    const dir = storeOf(records);
    await (await Store.open(dir, { lock: true })).close();
    const whole = readFileSync(indexPath(dir), 'utf8');
    writeFileSync(indexPath(dir), whole.slice(0, whole.length - 40)); // the last line torn
    expect((await readerView(dir)).rows.map(said)).toEqual(records.map(expected));
    appendFileSync(indexPath(dir), '2021-0001\t1\t5\t6\t7\t90\t{"id": "2021-0001", "file": [1, 2'); // and a torn line after it
    const store = await Store.open(dir, { lock: true });
    expect(store.rows().map(said)).toEqual(records.map(expected));
    await store.close();
    expect((await readerView(dir)).opened).toBe(0);
    writeFileSync(indexPath(dir), '\u0000\u0000not json at all\n');
    expect((await readerView(dir)).rows.map(said)).toEqual(records.map(expected));
  });

  it('reads lines with letters beyond ASCII as written, and still skips such a line cut inside a letter', async () => {
    // The file is decoded byte for byte and only lines with other bytes as UTF-8 (record-index.ts).
    const records = [
      makeRecord({ seq: 1, from: 'a@example.org', subject: 'Høringsinnspill om åpenhet – «ærlig» 🙂' }),
      makeRecord({ seq: 2, from: 'b@example.org', subject: 'Plain ASCII' }),
      makeRecord({ seq: 3, from: 'c@example.org', subject: 'Ærø og Øksnes' }),
      makeRecord({ seq: 4, from: 'd@example.org', subject: 'Also plain' }),
    ];
    const dir = storeOf(records);
    await (await Store.open(dir, { lock: true })).close();
    const view = await readerView(dir);
    expect(view.opened).toBe(0);
    expect(view.rows.map(said)).toEqual(records.map(expected));
    // The third record's line cut in the middle of the two bytes of «Æ» (and its length field kept):
    // not whole, so that record is read from its file; the lines around it are taken as they are.
    const bytes = readFileSync(indexPath(dir));
    const lines = bytes.toString('latin1').split('\n');
    const third = lines.findIndex((l) => l.startsWith(records[2]!.id));
    const at = Buffer.byteLength(lines.slice(0, third).join('\n') + '\n', 'latin1') + lines[third]!.indexOf('\u00c3') + 1;
    writeFileSync(indexPath(dir), Buffer.concat([bytes.subarray(0, at), Buffer.from('\n'), bytes.subarray(at + 1)]));
    const torn = await readerView(dir);
    expect(torn.opened).toBe(1);
    expect(torn.rows.map(said)).toEqual(records.map(expected));
  });

  it('is compacted by a writer when most of its lines are superseded', async () => {
    const dir = storeOf(some(2));
    const store = await Store.open(dir, { lock: true });
    for (let i = 0; i < 600; i++) {
      const r = (await store.get('2021-0001'))!;
      await store.update({ ...r, subject: `Runde ${i}` }, { syncDir: false });
    }
    await store.close();
    expect(readFileSync(indexPath(dir), 'utf8').trim().split('\n').length).toBeGreaterThan(600);
    await (await Store.open(dir, { lock: true })).close();
    expect(readFileSync(indexPath(dir), 'utf8').trim().split('\n')).toHaveLength(2);
    expect((await readerView(dir)).rows[0]!.subject).toBe('Runde 599');
  });

  it('is compacted when asked after a writer rewrote most records (reclassify), and not before', async () => {
    const dir = storeOf(some(300));
    const store = await Store.open(dir, { lock: true });
    expect(await store.compactIndex()).toBe(false);
    for (const id of store.ids()) {
      const r = (await store.get(id))!;
      await store.update({ ...r, subject: `Ny ${r.seq}` }, { syncDir: false });
    }
    expect(readFileSync(indexPath(dir), 'utf8').trim().split('\n')).toHaveLength(600);
    expect(await store.compactIndex()).toBe(true);
    await store.close();
    expect(readFileSync(indexPath(dir), 'utf8').trim().split('\n')).toHaveLength(300);
    const view = await readerView(dir);
    expect(view.opened).toBe(0);
    expect(view.rows.map((r) => r.subject)).toEqual(some(300).map((r) => `Ny ${r.seq}`));
  });

  it('says what the records say after kill -9 at any moment of a writer rewriting records', async () => {
    const records = some(20);
    const dir = storeOf(records);
    const ids = records.map((r) => r.id);
    const script = join(dir, 'writer.mts');
    // A writer that rewrites records one after another until it is killed.
    writeFileSync(
      script,
      [
        `import { Store } from ${JSON.stringify(pathToFileURL(join(root, 'src/store/json-store.ts')).href)};`,
        `const store = await Store.open(${JSON.stringify(dir)}, { lock: true });`,
        `const ids = ${JSON.stringify(ids)};`,
        `process.stdout.write('open\\n');`,
        'for (let i = 0; ; i++) {',
        '  const id = ids[i % ids.length];',
        '  await store.modify(id, (r) => ({ ...r, subject: `Skrevet ${i}`, late: i % 2 === 0 }), { syncDir: false });',
        '}',
      ].join('\n'),
    );
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, script], { stdio: ['ignore', 'pipe', 'inherit'] });
      // Killed once it has rewritten records for a while (how far it got differs from round to round).
      await new Promise<void>((resolve, reject) => {
        child.stdout.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the writer exited with ${code} before it opened the store`)));
      });
      const linesAtOpen = existsSync(indexPath(dir)) ? readFileSync(indexPath(dir), 'utf8').length : 0;
      await waitUntil(() => (existsSync(indexPath(dir)) ? readFileSync(indexPath(dir), 'utf8').length : 0) > linesAtOpen + 5_000 * (round + 1));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const reader = await Store.open(dir, { lock: false });
      expect(reader.rows().map(said)).toEqual(recordsOnDisk(dir, ids).map(expected));
    }
    // The last writer's open put the index right: nothing is read from the records any more.
    await (await Store.open(dir, { lock: true })).close();
    const view = await readerView(dir);
    expect(view.opened).toBe(0);
    expect(view.rows.map(said)).toEqual(recordsOnDisk(dir, ids).map(expected));
  }, 120_000);
});

async function waitUntil(test: () => boolean, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!test()) {
    if (Date.now() > until) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 20));
  }
}
