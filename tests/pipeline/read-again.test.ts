// The daemon reads the next batch while the one before it is still being read (src/daemon.ts
// drain), so a reply can be read before the message it answers is filed. readAgainIfStale reads
// such a message again once the batch before is in the store's index: every message is classified
// as if it had been read after the batches before it were filed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileBatch, readAgainIfStale, readBatch, type PipelineDeps, type ReadResult } from '../../src/pipeline.js';
import { Store } from '../../src/store/json-store.js';
import { DEFAULT_LIMITS, readDocument } from '../../src/intake/extract/index.js';
import type { Incoming } from '../../src/mailbox/types.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const stores: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function depsFor(): Promise<PipelineDeps> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-read-again-'));
  dirs.push(dir);
  const store = await Store.open(dir, { lock: true });
  stores.push(store);
  return { rules: () => rules, store, extractor: readDocument, limits: DEFAULT_LIMITS, log: silent, receiptAllowed: () => true, now: () => new Date('2021-05-10T10:00:00Z'), concurrency: 2 };
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, child() { return silent; } } as unknown as PipelineDeps['log'];

const incoming = (raw: Buffer, n: number): Incoming => ({ raw, source: { kind: 'maildir', file: `new/${n}.eml` }, mailboxDate: new Date('2021-05-10T08:00:00Z') });

const INPUT = mail({
  from: 'Kari Nordmann <kari@ks.no>',
  messageId: '<innspill-1@ks.no>',
  subject: 'Innspill fra KS til handlingsplan 4B',
  body: 'Hei,\n\nKS støtter forpliktelsen om åpne data og ber om at kommunene får veiledning om deling av data.\n\nHilsen Kari Nordmann\nKS\n',
});
const REPLY = mail({
  from: 'Per Hansen <per@ks.no>',
  messageId: '<tillegg-1@ks.no>',
  subject: 'SV: Innspill fra KS til handlingsplan 4B',
  headers: { 'In-Reply-To': '<innspill-1@ks.no>', References: '<innspill-1@ks.no>' },
  body: 'Et lite tillegg fra oss.\n\nPer\n',
});

const inThread = (r: ReadResult): boolean => !('command' in r) && r.submission.relevance.reasons.some((x) => x.startsWith('svar i tråden'));

describe('a batch read while the one before it was still being read', () => {
  it('is read again when a message it answers was filed meanwhile, and then sees that thread', async () => {
    const deps = await depsFor();
    const first = [incoming(INPUT, 1)];
    const second = [incoming(REPLY, 2)];
    // Both read before the first is filed, as the daemon does now.
    const [firstRead, secondRead] = await Promise.all([readBatch(first, deps), readBatch(second, deps)]);
    expect(inThread(secondRead[0]!)).toBe(false);
    const filed = await fileBatch(first, firstRead, deps);
    expect(filed[0]!.kind).toBe('filed');
    const again = await readAgainIfStale(second, secondRead, deps);
    expect(inThread(again[0]!)).toBe(true);
    expect(again[0]).not.toBe(secondRead[0]);
    // The same as reading it only after the first batch was filed.
    const after = await readBatch(second, deps);
    expect(!('command' in again[0]!) && again[0]!.submission).toEqual(!('command' in after[0]!) && after[0]!.submission);
  });

  it('keeps what was read when nothing it asked about changed', async () => {
    const deps = await depsFor();
    const unrelatedReply = mail({ from: 'Per Hansen <per@ks.no>', subject: 'SV: noe annet', headers: { 'In-Reply-To': '<annet@ks.no>' }, body: 'Takk.\n' });
    const first = [incoming(INPUT, 1)];
    const second = [incoming(unrelatedReply, 2), incoming(INPUT, 3)];
    const [firstRead, secondRead] = await Promise.all([readBatch(first, deps), readBatch(second, deps)]);
    await fileBatch(first, firstRead, deps);
    const again = await readAgainIfStale(second, secondRead, deps);
    expect(again[0]).toBe(secondRead[0]);
    expect(again[1]).toBe(secondRead[1]);
  });
});
