// Each record's campaign kept with what it was computed from (src/store/campaign-refs-cache.ts):
// taken from the cache only while none of those inputs changed.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedCampaignRefs, settledCampaignRefs, type CachedRef } from '../../src/store/campaign-refs-cache.js';
import { Store } from '../../src/store/json-store.js';
import { makeRecord, writeRecords } from '../helpers/records.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the campaigns cache', () => {
  it('answers from the cache until a record, the campaign index, the decisions or the default consultation change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-campaign-cache-'));
    dirs.push(dir);
    writeRecords(dir, [1, 2, 3].map((seq) => makeRecord({ seq, subject: `Innspill ${seq}` })));
    let computed = 0;
    const compute = async () => {
      computed++;
      return new Map<string, CachedRef>([['2021-0001', { id: 'k-2021-0001', size: computed + 1 }]]);
    };
    const ask = async (defaultId = 'ogp-4b') => {
      const store = await Store.open(dir, { lock: false });
      return (await cachedCampaignRefs(store, defaultId, compute)).get('2021-0001');
    };
    expect(await ask()).toEqual({ id: 'k-2021-0001', size: 2 });
    expect(await ask()).toEqual({ id: 'k-2021-0001', size: 2 });
    expect(computed).toBe(1);

    const writer = await Store.open(dir, { lock: true });
    const r = (await writer.get('2021-0002'))!;
    await writer.update({ ...r, subject: 'Endret' });
    await writer.close();
    expect(await ask()).toEqual({ id: 'k-2021-0001', size: 3 });
    expect(computed).toBe(2);

    writeFileSync(join(dir, 'state', 'campaign-decisions.json'), '[]\n');
    await ask();
    writeFileSync(join(dir, 'state', 'campaign-index.jsonl'), '');
    await ask();
    await ask('pbl-2021');
    expect(computed).toBe(5);
    writeFileSync(join(dir, 'state', 'campaign-refs.json'), '{"key": ');
    expect(await ask('pbl-2021')).toEqual({ id: 'k-2021-0001', size: 7 });
    expect(await ask('pbl-2021')).toEqual({ id: 'k-2021-0001', size: 7 });
    expect(computed).toBe(6);
  });

  it('knows a store opened without its index (campaignRefs then computes, never keys on no records)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-campaign-cache-'));
    dirs.push(dir);
    writeRecords(dir, [makeRecord({ seq: 1 })]);
    const store = await Store.open(dir, { lock: false, index: false });
    expect(store.rowsLoaded).toBe(false);
  });

  it('answers `show` without the index while no record was written since the key last matched, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-campaign-cache-'));
    dirs.push(dir);
    writeRecords(dir, [1, 2].map((seq) => makeRecord({ seq })));
    const compute = async () => new Map<string, CachedRef>([['2021-0001', { id: 'k-2021-0001', size: 2 }]]);
    const lookedUp = async () => (await cachedCampaignRefs(await Store.open(dir, { lock: false }), 'ogp-4b', compute)).get('2021-0001');
    const settled = async (defaultId = 'ogp-4b') => (await settledCampaignRefs(await Store.open(dir, { lock: false, index: false }), defaultId))?.get('2021-0001') ?? null;
    // Records written just now: a later write could carry the same time, so nothing is settled.
    expect(await lookedUp()).toEqual({ id: 'k-2021-0001', size: 2 });
    expect(await settled()).toBeNull();
    // The folder unchanged for a minute: the next reader that finds the key matching says so.
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'records'), aMinuteAgo, aMinuteAgo);
    expect(await settled()).toBeNull();
    expect(await lookedUp()).toEqual({ id: 'k-2021-0001', size: 2 });
    expect(await settled()).toEqual({ id: 'k-2021-0001', size: 2 });
    expect(await settled('pbl-2021')).toBeNull();
    // A decision about campaigns, or any record written, and show must ask the index again.
    writeFileSync(join(dir, 'state', 'campaign-decisions.json'), '[]\n');
    expect(await settled()).toBeNull();
    utimesSync(join(dir, 'records'), aMinuteAgo, aMinuteAgo);
    await lookedUp();
    expect(await settled()).not.toBeNull();
    const writer = await Store.open(dir, { lock: true });
    await writer.update({ ...(await writer.get('2021-0002'))!, subject: 'Endret' });
    await writer.close();
    expect(await settled()).toBeNull();
  });
});
