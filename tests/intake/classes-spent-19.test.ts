// Classes that the spent set spent-19 (was sealed-19, read on 2026-12-04) showed, written again in
// our own words: a log-in "at" a look-alike address to confirm one's input is bait; a citizen's
// proposal that ministers publish their meeting calendars is input; a subject that names both
// consultations over a text that addresses both is held between them; and a close call between
// two consultations goes to the one the subject names.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a log-in at a look-alike address to confirm', () => {
  it('"Logg inn på http://… for å bekrefte" from kmd-dep.example.org: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'KMD Postmottak <post@kmd-dep.example.org>',
        subject: 'Innspillet ditt til handlingsplan 4B må bekreftes',
        body: 'Kontoen din for innspill til 17/1886 blir stengt. Logg inn på http://kmd-dep.example.org/login for å bekrefte innspillet.',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('ministers’ meeting calendars', () => {
  it('a citizen’s short proposal in a new thread is input (a new commitment)', async () => {
    const s = await intake(
      mail({
        from: 'Reidun Lia <reidun.lia@outlook.com>',
        subject: 'Et forslag',
        body: 'Hei.\n\nJeg så at regjeringen lager en ny handlingsplan. Mitt forslag: statsrådene bør legge ut møtekalenderen sin hver fredag.\n\nReidun Lia, Voss',
      }),
      rules,
    );
    expect(s.relevant || s.review?.needed).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.commitments.map((c) => c.id)).toEqual(['ny-forpliktelse']);
  });
});

describe('the subject and two consultations', () => {
  it('"Innspill til OGP 4B og PBL-høringen" over a text addressing both: held between them, though OGP’s part is the longer', async () => {
    const s = await intake(
      mail({
        from: 'Knut Moe <knut.moe@ikt-norge.no>',
        subject: 'Innspill til OGP 4B og PBL-høringen',
        body: 'IKT Norge: Til OGP-planen ber vi om at digitale byggesaker bygges på åpne grensesnitt. Til lovforslaget støtter vi nasjonale standarder for plandata.\n\nKnut Moe',
      }),
      rules,
    );
    expect(s.consultation?.reason.code).toBe('uncertain');
    expect(s.review?.reasons).toContain('consultation-uncertain');
  });

  it('a close call goes to the consultation the subject names', async () => {
    const s = await intake(
      mail({
        from: 'Ola Myr <ola.myr@gmail.com>',
        subject: 'Høyring plan- og bygningslova',
        body: 'Hei\n\nEg meiner barn og unge må få seie meininga si i alle planar som gjeld skulevegen og leikeplassen. Ungdomsrådet vårt har aldri vore spurt.\n\nHelsing Ola',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.consultation?.reason.code).toBe('content');
  });
});

describe('an offer to share experience', () => {
  it('"Vi deler gjerne erfaringer fra egen innsynsløsning" is no comment on eInnsyn', async () => {
    const s = await intake(
      mail({
        from: 'Mona Dahl <mona.dahl@bergen.kommune.no>',
        subject: 'SV: Invitasjon til innspill til handlingsplan 4B',
        headers: { 'In-Reply-To': '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>' },
        body: 'Forpliktelsen om digitale plan- og byggesaksprosesser bør ha et mål om at innbyggerne kan følge byggesaken sin digitalt. Vi deler gjerne erfaringer fra egen innsynsløsning.\n\nMona Dahl',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toEqual(['plan-og-bygg']);
  });
});

describe('a ministry’s case number cited as "saksnummer"', () => {
  it('"viser til høringen, saksnummer 21/345" in a short reply is a person’s, not a case system’s receipt', async () => {
    const s = await intake(
      mail({
        from: 'Eva Ruud <eva.ruud@naturvernforbundet.no>',
        subject: 'Høringssvar',
        body: 'Vi viser til høringen, saksnummer 21/345. Vi støtter strengere vilkår for dispensasjon i strandsonen.\n\nEva Ruud',
      }),
      rules,
    );
    expect(s.automatic).toBe(false);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });

  it('a case system’s "Saksnummer: 2021-04411" is still a receipt from a case system', async () => {
    const s = await intake(
      mail({ from: 'Servicesenteret <noreply@kommune.example>', subject: 'Re: Høringssvar', body: 'Takk for din henvendelse. Saksnummer: 2021-04411. Du får svar innen tre virkedager.' }),
      rules,
    );
    expect(s.automatic).toBe(true);
  });
});
