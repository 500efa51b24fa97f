// The development set's campaigns through intake: the four campaigns of fixtures/labels/campaigns.yaml
// are found whole (one of them reaching us both pasted in mails and as documents with a one-line
// mail; one whose pasted text names the campaign and whose leaflet, in other words, is headed with
// that name), and the look-alikes (two organisations pasting the same paragraph of the letter, two
// "ingen merknader", two people on eInnsyn in their own words, two sending the invitation letter
// back, two sending the same blank form with their own words in the mail, two sending their own documents
// under the same everyday heading) are in none.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { ExtractorPool } from '../../src/extract-pool/pool.js';
import { readAsMail } from '../../src/intake/problems.js';
import { readLabelFile } from '../../src/evaluate/labels.js';
import { entryInputOf, entryOf, groupCampaigns, textLinked } from '../../src/campaigns/index.js';
import { projectRules } from '../helpers/rules.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const rules = projectRules();
const pool = new ExtractorPool(2);
afterAll(() => pool.close());

describe('campaign fixtures', () => {
  it('finds the campaigns whole and groups none of the look-alikes', async () => {
    const labels = readLabelFile(`${fixtures}labels/campaigns.yaml`);
    const entries = [];
    for (const [seq, l] of labels.entries()) {
      const s = await intake(readFileSync(`${fixtures}messages/${l.file}`), rules, { extractor: pool.extractor });
      // The letter's paragraph that two organisations pasted is not among their own words.
      if (l.file.includes('letter-paragraph')) expect(s.ownWords).not.toContain('OGPs handlingsplan skal jevnlig oppdateres');
      entries.push(entryOf(entryInputOf(s, { id: l.file, seq, readable: readAsMail(s), defaultConsultation: rules.routing.default }, s.attachments, rules.letters)));
    }
    const found = groupCampaigns(entries).map((g) => g.members.sort());
    const labelled = [...new Set(labels.map((l) => l.campaign).filter((c): c is string => !!c))].map((c) =>
      labels.filter((l) => l.campaign === c).map((l) => l.file).sort(),
    );
    expect(found).toEqual(labelled);
    expect(labelled.map((g) => g.length)).toEqual([16, 6, 13, 9]);
    // The template reached the third campaign by two routes: the one-line mails with the document are in it.
    const third = found.find((g) => g.includes('campaign-eierskap-c01.eml'))!;
    expect(['c10', 'c11', 'c12', 'c13'].every((m) => third.includes(`campaign-eierskap-${m}.eml`))).toBe(true);
    // The fourth: the leaflet's senders are in it through the campaign's name, not through shared words.
    const fourth = found.find((g) => g.includes('campaign-ungdom-u01.eml'))!;
    expect(['u07', 'u08', 'u09'].every((m) => fourth.includes(`campaign-ungdom-${m}.eml`))).toBe(true);
    const leaflet = entries.find((e) => e.id === 'campaign-ungdom-u07.eml')!;
    const pasted = entries.find((e) => e.id === 'campaign-ungdom-u01.eml')!;
    expect(textLinked(leaflet, pasted)).toBe(false);
  }, 300_000);
});
