// Classes that the spent set spent-21 (was sealed-21, read on 2026-12-04) showed, written again in
// our own words: an invoice for the forum's meeting room and a thank-you after a meeting are no
// input, however much of the consultation they name; a request that names a second point ("Vi ber
// også om at …") counts beside a longer first one, also where a PDF lost its å.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('an invoice that names the consultation is the accounts’ mail', () => {
  it('"Faktura – interessentforum 3. mai" from a conference centre: no input, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Konferansesenteret <faktura@konferansesenter.example>',
        subject: 'Faktura – interessentforum 3. mai',
        body: 'Vedlagt faktura for lokaler og servering til OGP-interessentforumet 3. mai. Betalingsfrist 30 dager.\n\nKonferansesenteret',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a thank-you after a meeting', () => {
  const from = 'Jon Aas <jon.aas@gmail.com>';
  it('with nothing more is no input: left in the inbox, no receipt', async () => {
    const s = await intake(mail({ from, subject: 'Takk!', body: 'Tusen takk for et nyttig møte i interessentforumet på tirsdag. Fint å treffe dere alle.\n\nJon' }), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });

  it('followed by input on a commitment is input', async () => {
    const s = await intake(
      mail({ from, subject: 'Etter møtet', body: 'Takk for møtet i interessentforumet. Som lovet: registeret over reelle rettighetshavere må bli gratis og åpent for alle, også som åpne data.\n\nJon' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('reelle-rettighetshavere');
  });
});

describe('"Vi ber også om at …" names a point of its own', () => {
  it('children heard, beside a longer text on dispensations in the shore zone (a PDF without å)', async () => {
    const s = await intake(
      mail({
        from: 'Aud Lie <aud.lie@online.no>',
        subject: 'Høringssvar 21/345 – strandsonen',
        body:
          'Vi stotter forslaget om at dispensasjon fra arealformal i strandsonen bare kan gis nar saerlige grunner foreligger. ' +
          'Dispensasjoner i strandsonen har gitt mange nye hytter, og dispensasjonspraksisen i kommunene ma strammes inn. ' +
          'Vi ber ogsa om at barn og unge blir hort i alle plansaker i strandsonen.',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s).sort()).toEqual(['dispensasjon', 'medvirkning']);
  });
});
