// Each record's campaign kept with what it was computed from (src/store/campaign-refs-cache.ts):
// taken from the cache only while none of those inputs changed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedCampaignRefs, type CachedRef } from '../../src/store/campaign-refs-cache.js';
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
});
