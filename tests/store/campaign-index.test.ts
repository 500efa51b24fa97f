// The campaign index on disk (src/store/campaign-index.ts): what an entry is compared by comes back
// as it was written — its petition's demand in the index, its opening phrases with the signature
// (read only to compare) — and the demand links kept when it was filed are read back as such.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entryOf } from '../../src/campaigns/index.js';
import { demandKeys } from '../../src/campaigns/names.js';
import { Store } from '../../src/store/json-store.js';
import { appendCampaignIndex, readCampaignIndex } from '../../src/store/campaign-index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const base = { consultation: 'ogp-4b', organisation: null, submission: true, attachments: [] };
const petitionText = 'Opprop: Ja til et åpent lobbyregister\nVi som har skrevet under, ber regjeringen sikre at alle møter mellom lobbyister og statsråder blir kjent for alle, og at registeret er åpent.';

describe('the campaign index on disk', () => {
  it('keeps a petition’s demand, a text’s opening phrases and the demand links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-campaign-index-'));
    dirs.push(dir);
    const text = entryOf({ ...base, id: '2021-0001', seq: 1, from: 'a@example.no', key: 'a', subject: 'Lobbyregister nå', ownWords: 'Jeg ber om at Norge tar inn en ny forpliktelse i handlingsplan 4B om et åpent lobbyregister. I dag vet vi ikke hvem som påvirker politikerne og embetsverket, og det svekker tilliten.' });
    const petition = entryOf({
      ...base,
      id: '2021-0002',
      seq: 2,
      from: 'b@example.no',
      key: 'b',
      ownWords: `Jeg støtter oppropet.\n\n${petitionText}`,
      mailWords: 'Jeg støtter oppropet.',
      attachments: [{ sha256: 'f'.repeat(64), detectedType: 'pdf', ownWords: 30, readable: true, demands: demandKeys(petitionText) }],
    });
    expect(text.phrases?.length).toBeGreaterThan(0);
    expect(petition.demands).toEqual(demandKeys(petitionText));
    const store = await Store.open(dir, { lock: true });
    try {
      await appendCampaignIndex(store, [
        { entry: text, links: [] },
        { entry: petition, links: [{ to: '2021-0001', code: 'demand' }] },
      ]);
      const compared = await readCampaignIndex(store);
      expect(compared.get('2021-0001')!.entry.phrases).toEqual(text.phrases);
      expect(compared.get('2021-0002')!.entry.demands).toEqual(petition.demands);
      expect(compared.get('2021-0002')!.links).toEqual([{ to: '2021-0001', code: 'demand' }]);
      // Read to follow the links only: no signatures, no phrases; the demand stays with the entry.
      const followed = await readCampaignIndex(store, { signatures: false });
      expect(followed.get('2021-0001')!.entry.phrases).toBeUndefined();
      expect(followed.get('2021-0002')!.entry.demands).toEqual(petition.demands);
    } finally {
      await store.close();
    }
  });
});
