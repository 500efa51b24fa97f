// Classes from spent sets read on 2026-12-07 from 17:12 UTC (sealed-626 after round 109 was
// written; sealed-629 and -631 after round 110; sealed-636 and -637 after round 111), written again in our own words. The first test of each group fails with the rules
// (and code) of the commit before the change (checked with rules/ and src/ stashed); the others
// keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => [...s.commitments.map((c) => c.id)].sort();
const AFTER_BOTH = { date: 'Tue, 22 Jun 2021 11:00:00 +0200', received: ['from mx.example.org by mx01.dep.no; Tue, 22 Jun 2021 11:01:00 +0200'] };

describe('a note that the link to the hearing note does not work', () => {
  it('is for the web editors: no input, not late, no receipt', async () => {
    const s = await intake(
      mail({ ...AFTER_BOTH, from: 'Siri Lunde <siri.lunde@online.no>', subject: 'Feil på nettsiden', body: 'Lenken til høringsnotatet om plan- og bygningsloven fungerer ikke. Bare så dere vet det.\n\nSiri Lunde\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.late).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('in nynorsk and English too', async () => {
    for (const body of ['Lenkja til høyringsnotatet om plan- og bygningslova verkar ikkje.\n\nHelsing Per\n', 'The link to the hearing note on the Planning and Building Act is broken.\n\nBest, Ann\n']) {
      const s = await intake(mail({ ...AFTER_BOTH, from: 'Per Ås <per.as@gmail.com>', subject: 'Lenke', body }), rules);
      expect(s.relevant).toBe(false);
      expect(s.late).toBe(false);
    }
  });

  it('input that says a link does not work, and proposes, is input', async () => {
    const s = await intake(
      mail({ from: 'Siri Lunde <siri.lunde@online.no>', subject: 'Innspill til høringen', body: 'Lenken til kartet i høringsnotatet virker ikke, men vi foreslår uansett at byggesaksfristen blir fire uker for små tiltak.\n\nSiri Lunde\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
  });

  it('input on eInnsyn where search results do not work is input', async () => {
    const s = await intake(
      mail({ from: 'Siri Lunde <siri.lunde@online.no>', subject: 'Innspill OGP 4B', body: 'Lenkene fra søketreffene i eInnsyn fungerer ikke når dokumentet er skjermet. eInnsyn må vise hvorfor et dokument ikke er publisert.\n\nSiri Lunde\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('einnsyn');
  });
});

describe('the time limit for building cases proposed as a number of weeks', () => {
  it('is the time-limit proposal', async () => {
    const s = await intake(mail({ from: 'Ole Berg <ole.berg@gmail.com>', subject: 'Høring plan- og bygningsloven', body: 'Jeg mener byggesaksfristen bør være fire uker for små tiltak som garasjer og boder.\n\nOle Berg\n' }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('weeks proposed for another time limit are not it', async () => {
    const s = await intake(mail({ from: 'Ole Berg <ole.berg@gmail.com>', subject: 'Høring plan- og bygningsloven', body: 'Jeg mener klagefristen for dispensasjoner bør være fire uker, ikke tre.\n\nOle Berg\n' }), rules);
    expect(ids(s)).toEqual(['dispensasjon']);
  });
});

describe('the work against corruption said to need something, in nynorsk', () => {
  it('is the anti-corruption commitment beside another point', async () => {
    const s = await intake(
      mail({
        from: 'Kari Vik <kari@transparency.no>',
        subject: 'Innspel til handlingsplan 4B',
        body: 'Hei,\n\nVi har to innspel.\n\nRegisteret over reelle rettshavarar må vere gratis å bruke.\n\nArbeidet mot korrupsjon treng klare mål og årleg rapportering.\n\nKari\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon', 'reelle-rettighetshavere']);
  });

  it('"krev" and "tiltaka" as well', async () => {
    const s = await intake(mail({ from: 'Kari Vik <kari@transparency.no>', subject: 'Innspel til handlingsplan 4B', body: 'Tiltaka mot korrupsjon krev betre samordning mellom etatane.\n\nKari\n' }), rules);
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('corruption named as what another point helps against adds nothing', async () => {
    const s = await intake(
      mail({ from: 'Kari Vik <kari@transparency.no>', subject: 'Innspel til handlingsplan 4B', body: 'Registeret over reelle rettshavarar må vere ope, for det hjelper i arbeidet mot korrupsjon.\n\nKari\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });
});

describe('another ministry proposing a time to meet about a commitment', () => {
  it('is the calendar’s business: no input, no receipt', async () => {
    const s = await intake(
      mail({ from: 'Live Berg <live.berg@kud.dep.no>', subject: 'Møte om åpne kulturdata – tidspunkt', body: 'Hei, kan vi ta et møte 4. mai om oppfølgingen av arbeidet med åpne kulturdata? Foreslår kl. 10.\n\nLive\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"klokka 14" and "13:30" are times too', async () => {
    for (const when of ['Foreslår klokka 14.', 'Foreslår 13:30 på Teams.']) {
      const s = await intake(mail({ from: 'Live Berg <live.berg@kud.dep.no>', subject: 'Møte om åpne kulturdata', body: `Hei, kan vi møtes om kulturdata neste uke? ${when}\n\nLive\n` }), rules);
      expect(s.receipt.send).toBe(false);
    }
  });

  it('a proposal for the commitment from the same ministry is input', async () => {
    const s = await intake(
      mail({ from: 'Live Berg <live.berg@kud.dep.no>', subject: 'Innspill om åpne kulturdata', body: 'Hei, KUD foreslår at forpliktelsen om åpne kulturdata får en milepæl for museenes samlinger i 2022.\n\nLive\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kulturdata']);
  });
});

describe('a long wait in one’s own building case, and the rules asked to change', () => {
  it('is input on the time limits, with a receipt', async () => {
    const s = await intake(
      mail({ from: 'Rune Holm <rune.holm@hotmail.com>', subject: 'byggesak', body: 'Hei, jeg har ventet 16 uker på svar i byggesaken min. Det må bli kortere frister, og kommunen må få sanksjoner når fristen brytes.\n\nRune\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('the wait alone, with the municipality asked to hurry, stays one’s own case', async () => {
    const s = await intake(
      mail({ from: 'Rune Holm <rune.holm@hotmail.com>', subject: 'byggesak', body: 'Hei, jeg har ventet 16 uker på svar i byggesaken min. Kan dere be kommunen om å svare snart?\n\nRune\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('a newsletter that tells what the sender said to the ministry', () => {
  const NEWSLETTER = { from: 'Åpenhet Nå <nytt@transparency.no>', headers: { 'List-Unsubscribe': '<mailto:avmeld@transparency.no>', Precedence: 'bulk' } };

  it('is the plan’s machine mail: filed, no receipt', async () => {
    const s = await intake(mail({ ...NEWSLETTER, subject: 'Nytt fra oss: Dette sa vi til KMD om OGP', body: 'NYTT FRA OSS\n\nDette sa vi til KMD om OGP handlingsplan 4B: åpne eierskapsdata og bedre data om anskaffelser.\n\nArrangementer i juni …\n' }), rules);
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(false);
  });

  it('one that tells of the plan as news is not', async () => {
    const s = await intake(mail({ ...NEWSLETTER, subject: 'Nytt fra oss', body: 'NYTT FRA OSS\n\nRegjeringen arbeider med OGP handlingsplan 4B, og mange har sendt innspill.\n\nArrangementer i juni …\n' }), rules);
    expect(s.relevant).toBe(false);
  });
});

describe('an invited organisation asking for a date and for open data', () => {
  it('is input, with a receipt', async () => {
    const s = await intake(
      mail({ from: 'Kari Vik <kari.vik@transparency.no>', subject: 'Oppfølging', body: 'Vi ber om en dato for når registeret over reelle rettighetshavere åpnes, og at dataene blir åpne data.\n\nKari\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });

  it('a request for a meeting date is not', async () => {
    const s = await intake(mail({ from: 'Kari Vik <kari.vik@transparency.no>', subject: 'Møte', body: 'Vi ber om en dato for et møte om registeret, og at dere sender sakspapirene på forhånd.\n\nKari\n' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});
