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

describe('one mail with a part for each consultation', () => {
  const both = (received: string, to?: string) =>
    intake(
      mail({
        from: 'Mona Li <mona.li@arkitektbedriftene.no>',
        ...(to ? { to } : {}),
        subject: 'Innspill',
        received: [`from mx.example.org by mx01.dep.no; ${received}`],
        date: received,
        body:
          'Vi svarer på begge invitasjonene i samme e-post.\n\n' +
          'Handlingsplan 4B: arbeidet med digitale byggesaker bør ha en milepæl for når arkitekter kan sende inn modeller digitalt.\n\n' +
          'Høringen: vi støtter forslaget om en medvirkningsplan for alle områdereguleringer.\n\nMona Li',
      }),
      rules,
    );

  it('is held between them, not filed under the one whose deadline is later', async () => {
    const s = await both('Mon, 10 May 2021 10:00:00 +0200');
    expect(s.consultation?.reason.code).toBe('uncertain');
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(s.late).toBe(false);
  });

  it('after the OGP deadline and before the hearing’s, it is late (for OGP), also when sent to the hearing’s address', async () => {
    const s = await both('Fri, 21 May 2021 10:00:00 +0200', 'hoering-pbl@kmd.dep.no');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.consultation?.reason.code).toBe('uncertain');
    expect(s.late).toBe(true);
  });

  it('a part headed "Til høringen om plan- og bygningsloven:" is judged as the hearing’s, though the mail names OGP', async () => {
    const s = await intake(
      mail({
        from: 'Siv Aune <siv.aune@lnu.no>',
        subject: 'To innspill fra oss',
        body:
          'Til OGP-handlingsplanen: ungdomspanelet bør få møte statsråden to ganger i året.\n\n' +
          'Til høringen om plan- og bygningsloven: plandata bør publiseres med åpen lisens i den nasjonale plandialogen.\n\nSiv',
      }),
      rules,
    );
    expect(s.consultation?.reason.code).toBe('uncertain');
    expect(s.otherConsultations?.map((o) => [o.id, o.commitments.map((c) => c.id)])).toEqual([['pbl-2021', ['digital-planbehandling']]]);
  });
});

describe('a commitment named as such', () => {
  it('"forpliktelsen om anskaffelser" beside a longer point on cultural data counts', async () => {
    const s = await intake(
      mail({
        from: 'Ada Berg <ada.berg@wikimedia.no>',
        subject: 'Innspill til 4B',
        body:
          'Strategien for åpne kulturdata mangler midler. Museer og arkiv må få frigi bilder og metadata med åpne lisenser, og kulturdata bør publiseres samlet.\n\n' +
          'Forpliktelsen om anskaffelser må også gi innsyn i kontraktene, ikke bare i kunngjøringene.\n\nAda',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['kulturdata', 'anskaffelser']);
  });
});

describe('a PDF whose text lost its å', () => {
  it('"Vi foreslar en ny forpliktelse" sets the new commitment apart as "foreslår" would', async () => {
    const s = await intake(
      mail({
        from: 'Ada Berg <ada.berg@wikimedia.no>',
        subject: 'Innspill 17/1886',
        body:
          'Strategien for apne kulturdata er avsluttet uten penger. Museer og arkiv ma fa frigi bilder og metadata med apne lisenser, og kulturdata bor publiseres samlet med CC0. Wikimedia og Wikidata kan bruke kulturdata fra museene.\n' +
          'Vi foreslar en ny forpliktelse om apne data fra Stortingets arkiv.',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['kulturdata', 'ny-forpliktelse']);
  });
});
