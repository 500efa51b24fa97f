// A campaign joined by its name, through the store: the members who paste its text (naming it) are
// filed by one daemon run, the senders of its leaflet (headed with the name, in other words) by a
// later one, which finds the earlier members in the campaign index on disk. `innspill campaigns`
// lists one campaign of nine, its leaflet once after its text, and no leaflet sender's additions.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { campaignsCommand } from '../../src/commands/campaigns.js';
import { fileFixtures, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const pasted = ['u01', 'u02', 'u03', 'u04', 'u05', 'u06'].map((m) => `campaign-ungdom-${m}.eml`);
const leaflet = ['u07', 'u08', 'u09'].map((m) => `campaign-ungdom-${m}.eml`);
const ownDocuments = ['n01', 'n02'].map((m) => `campaign-ungdom-${m}.eml`);

describe('a campaign named by its members and headed on its leaflet', () => {
  it('joins the leaflet senders filed later to the members filed before, through the index', async () => {
    const config = testConfig();
    await fileFixtures(config, pasted);
    await fileFixtures(config, [...ownDocuments, ...leaflet]);
    let text = '';
    const out = new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) });
    expect(await campaignsCommand(config.dataDir, rules, { json: true }, out)).toBe(0);
    const campaigns = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { size: number; links: string[]; template: string; additions: Array<{ id: string; text: string }> });
    expect(campaigns.map((c) => c.size)).toEqual([9]);
    const [c] = campaigns;
    expect(c!.links).toContain('name');
    const [text1, text2] = c!.template.split('\n\n');
    expect(text1).toContain('gjennom kampanjen «Unge stemmer teller»');
    expect(text2).toContain('Gjør ungdomspanelet varig');
    // What members added is their own: a personal line, a cover note — never the leaflet's sentences.
    expect(c!.additions.some((a) => a.text.includes('elevrådet på skolen min'))).toBe(true);
    expect(c!.additions.every((a) => !a.text.includes('Gjør ungdomspanelet varig'))).toBe(true);
  }, 180_000);
});
