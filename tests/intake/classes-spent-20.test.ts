// Classes that the spent set spent-20 (was sealed-20, read on 2026-12-03) showed, written again in
// our own words: when a document is published "as soon as it is registered" is said of eInnsyn,
// not of the guidance on journalling.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (body: string) => intake(mail({ from: 'Siri Holm <siri.holm@gmail.com>', subject: 'Innspill til handlingsplan 4B', body }), rules);
const ids = async (body: string) => (await run(body)).commitments.map((c) => c.id);

describe('publication timing is eInnsyn', () => {
  it('"publisert i eInnsyn samme dag som de er journalført": eInnsyn alone', async () => {
    expect(await ids('Jeg mener kommunene bør ha plikt til å bruke eInnsyn, og at brevene blir publisert i fulltekst samme dag som de er journalført.')).toEqual(['einnsyn']);
  });

  it('the guidance on journalling, named as such, is still the journalling commitment', async () => {
    expect(await ids('Veiledningen om journalføring må si at meldinger i Teams skal journalføres når de gjelder saksbehandling.')).toContain('journalforing');
  });
});

describe('a citizen’s short proposal for a commitment of its own', () => {
  it('"det burde bli en forpliktelse i handlingsplanen": a new commitment, input, receipted', async () => {
    const s = await run('Hei. Jeg vil at alle fylkestingsmøter sendes direkte på nett og ligger ute i ettertid. Det burde bli en forpliktelse i handlingsplanen. Hilsen Siri');
    expect(s.commitments.map((c) => c.id)).toEqual(['ny-forpliktelse']);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});
