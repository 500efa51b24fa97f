// The campaigns described and kept in state/campaign-described.json (src/store/campaign-described.ts):
// read back while nothing changed; after members arrive or change, recomputed from the kept parts
// and the changed records only — and always the same as describing everything afresh.
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATE_SAMPLE } from '../../src/campaigns/index.js';
import { Store } from '../../src/store/json-store.js';
import { campaignsOfStore, describeCampaigns, describedCampaigns, loadCampaigns } from '../../src/store/campaigns.js';
import { fixtureStore, makeRecord, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const TEMPLATE =
  'Jeg ber departementet om å opprette et ungdomspanel i OGP-arbeidet, der unge fra hele landet får si sin mening om åpenhet før forpliktelsene i handlingsplanen blir vedtatt. Panelet må møte departementene to ganger i året, og innspillene må publiseres.';
const OTHER =
  'Norsk arkivråd mener veiledningen om journalføring må bli tydeligere om meldinger i chat og sosiale medier, og at Arkivverket bør få ressurser til tilsyn med at kommunene journalfører det de skal.';
const member = (seq: number, own = `Jeg går i klasse ${seq}B på skolen vår.`) =>
  makeRecord({ seq, from: `elev${seq}@skole.example.no`, ownWords: `${TEMPLATE}\n\n${own}`, commitments: ['ungdomspanel'] });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The kept answer and the answer computed afresh from every record, over the store as it is now. */
async function both(dir: string) {
  const store = await Store.open(dir, { lock: false });
  try {
    const kept = await campaignsOfStore(store, rules, null);
    const records = await store.readAll();
    const fresh = await describeCampaigns(store, await loadCampaigns(store, records, rules), records, rules);
    return { kept, fresh };
  } finally {
    await store.close();
  }
}

describe('the campaigns described and kept', () => {
  it("are kept by the lock holder's digest (the daemon's), never by a reader's", async () => {
    const dir = fixtureStore([member(1), member(2), member(3)]);
    dirs.push(dir);
    const file = join(dir, 'state', 'campaign-described.json');
    const reader = await Store.open(dir, { lock: false });
    const read = await describedCampaigns(reader, await reader.readAll(), rules);
    await reader.close();
    expect(read.map((c) => c.members)).toEqual([['2021-0001', '2021-0002', '2021-0003']]);
    expect(existsSync(file)).toBe(false);
    const writer = await Store.open(dir, { lock: true });
    expect(await describedCampaigns(writer, await writer.readAll(), rules)).toEqual(read);
    await writer.close();
    expect(existsSync(file)).toBe(true);
    // A reader's digest after it takes them from the file.
    const after = await Store.open(dir, { lock: false });
    expect((await campaignsOfStore(after, rules, null, { keep: false })).described).toEqual(read);
    await after.close();
  });

  it('answers from the kept file while nothing changed, and as afresh after members arrive or change', async () => {
    const dir = fixtureStore([member(1), member(2), makeRecord({ seq: 3, from: 'post@arkivrad.no', ownWords: OTHER }), member(4)]);
    dirs.push(dir);
    const file = join(dir, 'state', 'campaign-described.json');

    const first = await both(dir);
    expect(first.kept.described).toEqual(first.fresh);
    expect(first.kept.described.map((c) => c.members)).toEqual([['2021-0001', '2021-0002', '2021-0004']]);
    expect(first.kept.submissions.map((r) => r.id)).toEqual(['2021-0001', '2021-0002', '2021-0003', '2021-0004']);
    const written = statSync(file).mtimeMs;

    // Nothing changed: read back, not written again.
    const again = await both(dir);
    expect(again.kept.described).toEqual(first.fresh);
    expect(statSync(file).mtimeMs).toBe(written);

    // A late member arrives and an earlier one's words change: both are described as afresh.
    writeRecords(dir, [member(5, 'Jeg bor i Vinje og har aldri fått si min mening.'), member(2, 'Jeg er leder i elevrådet på Hitra.')]);
    const later = await both(dir);
    expect(later.kept.described).toEqual(later.fresh);
    const additions = new Map(later.kept.described[0]!.additions.map((a) => [a.id, a.text]));
    expect(additions.get('2021-0005')).toBe('Jeg bor i Vinje og har aldri fått si min mening.');
    expect(additions.get('2021-0002')).toBe('Jeg er leder i elevrådet på Hitra.');
    expect(later.kept.described[0]!.size).toBe(4);
  });

  it('keeps the template of a campaign past its sample and reads only the members that arrive', async () => {
    const many = Array.from({ length: TEMPLATE_SAMPLE + 5 }, (_, i) => member(i + 1, i % 3 === 0 ? `Jeg bor i kommune nummer ${i}.` : ''));
    const dir = fixtureStore(many);
    dirs.push(dir);
    await both(dir);
    writeRecords(dir, [member(TEMPLATE_SAMPLE + 6, 'Jeg kom sent med, men er enig.')]);
    const later = await both(dir);
    expect(later.kept.described).toEqual(later.fresh);
    expect(later.kept.described[0]!.additions.at(-1)).toEqual({ id: `2021-0${TEMPLATE_SAMPLE + 6}`, text: 'Jeg kom sent med, men er enig.' });
  });

  it('describes afresh when the kept file is damaged', async () => {
    const dir = fixtureStore([member(1), member(2)]);
    dirs.push(dir);
    await both(dir);
    writeFileSync(join(dir, 'state', 'campaign-described.json'), '{"v": 1, "inputs": ');
    const after = await both(dir);
    expect(after.kept.described).toEqual(after.fresh);
    expect(after.kept.described[0]!.size).toBe(2);
  });
});
