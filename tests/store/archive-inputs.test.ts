// The archive export knows an unchanged journal post by the hash of what it is made from
// (src/export/archive-state.ts archiveInputsKey): a second run parses and renders no message;
// a record changed, or a file gone missing, is made again (and a missing file still fails).
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportArchive } from '../../src/export/archive.js';
import { readArchiveState } from '../../src/export/archive-state.js';
import { Store } from '../../src/store/json-store.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/intake/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/intake/parse.js')>();
  return {
    ...real,
    parseMessage: (...args: Parameters<typeof real.parseMessage>) => {
      parsed.count++;
      return real.parseMessage(...args);
    },
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function write(root: string, path: string, bytes: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
}

describe('the archive export\'s change check', () => {
  it('parses no message for a post made from the same inputs, and every one whose inputs changed', async () => {
    const rules = projectRules();
    const dir = mkdtempSync(join(tmpdir(), 'innspill-archive-inputs-'));
    dirs.push(dir);
    const out = join(dir, 'arkiv');
    const records = [1, 2, 3].map((seq) => makeRecord({ seq, from: `person${seq}@example.org`, subject: `Innspill ${seq}`, attachments: [{ filename: `svar${seq}.pdf` }] }));
    writeRecords(dir, records);
    for (const r of records) {
      write(dir, r.raw, `From: ${r.from!.address}\r\nSubject: ${r.subject}\r\nMessage-ID: ${r.messageId}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei, her er innspillet.\r\n`);
      for (const a of r.attachments) write(dir, a.file, `%PDF-1.4 ${a.filename}`);
    }
    const store = await Store.open(dir, { lock: true });
    try {
      const first = await exportArchive(store, rules, out);
      expect(first.written.map((w) => w.id)).toEqual(records.map((r) => r.id));
      expect(parsed.count).toBe(3);

      parsed.count = 0;
      const again = await exportArchive(store, rules, out);
      expect(again).toEqual({ written: [], unchanged: records.map((r) => r.id), failed: [], held: [] });
      expect(parsed.count).toBe(0);

      // A caseworker's mark changes the post; another field of the record that does not (its
      // receipt) is checked the long way once, found the same, and known by its inputs after.
      const marked = records[1]!;
      await store.update({ ...marked, personalData: true } as SubmissionRecord);
      const receipted = records[2]!;
      await store.update({ ...receipted, receipt: { ...receipted.receipt, status: 'sent', sentAt: '2021-05-01T10:00:00.000Z' } });
      parsed.count = 0;
      const changed = await exportArchive(store, rules, out);
      expect(changed.written).toEqual([{ id: marked.id, change: 'changed' }]);
      expect(changed.unchanged).toEqual([records[0]!.id, receipted.id]);
      expect(parsed.count).toBe(2);
      parsed.count = 0;
      await exportArchive(store, rules, out);
      expect(parsed.count).toBe(0);

      // An attachment gone missing from the store is found: that record fails, nothing is marked.
      unlinkSync(join(dir, records[0]!.attachments[0]!.file));
      const before = (await readArchiveState(store)).records[records[0]!.id];
      const missing = await exportArchive(store, rules, out);
      expect(missing.failed.map((f) => f.id)).toEqual([records[0]!.id]);
      expect(missing.failed[0]!.reason).toContain('mangler i lageret');
      expect((await readArchiveState(store)).records[records[0]!.id]).toEqual(before);

      const all = await exportArchive(store, rules, out, { all: true });
      expect(all.written.map((w) => w.change)).toEqual(['again', 'again']);
    } finally {
      await store.close();
    }
  });
});
