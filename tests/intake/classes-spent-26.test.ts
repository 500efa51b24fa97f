// Classes that the spent set spent-26 (was sealed-26, read on 2026-12-04) showed, written again in
// our own words: a "rejected hearing reply" with a program to download is bait; short proposals from
// private addresses — a demand in the passive ("KI i NAV må forklares"), under "Innspill til
// åpenhetsplanen", and council meetings streamed — are input, or held, never left unread.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a download behind a link', () => {
  it('"Høringssvaret ditt er avvist … last ned og fyll ut" with an .exe from a look-alike: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'KMD Høring <svar@kmd-horing.example.net>',
        subject: 'Høringssvaret ditt er avvist',
        body: 'Høringssvaret ditt om plan- og bygningsloven er ikke signert. Last ned og fyll ut skjemaet på nytt: https://kmd-horing.example.net/signer.exe',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('short proposals from private addresses', () => {
  const judged = async (subject: string, body: string) => {
    const s = await intake(mail({ from: 'Per Holt <per.holt@yahoo.no>', subject, body }), rules);
    return { consultation: s.consultation?.id ?? null, relevant: s.relevant, held: s.review?.needed ?? false, commitments: s.commitments.map((c) => c.id) };
  };

  it('"Innspill til åpenhetsplanen: KI i Skatteetaten må forklares" is input on artificial intelligence', async () => {
    const s = await judged('Innspill til åpenhetsplanen', 'KI i Skatteetaten må forklares for dem det gjelder. Ingen vedtak uten at et menneske har sett på saken.\nPer');
    expect(s).toMatchObject({ consultation: 'ogp-4b', relevant: true, commitments: ['kunstig-intelligens'] });
  });

  it('"Foreslår at bystyremøtene strømmes" is not left unread', async () => {
    const s = await judged('forslag', 'Hei. Foreslår at alle bystyremøter strømmes og legges ut med søkbar tekst etterpå. Mvh Per');
    expect(s.consultation).toBe('ogp-4b');
    expect(s.relevant || s.held).toBe(true);
  });
});

describe('a commitment named in other words', () => {
  const run = (subject: string, body: string, headers: Record<string, string> = {}) =>
    intake(mail({ from: 'Tone Berg <tone.berg@transparency.no>', subject, body, headers }), rules);

  it('"Arbeidet mot korrupsjon bør …" beside a longer point on the register is anti-corruption too', async () => {
    const s = await run(
      'Innspill til handlingsplan 4B',
      'Arbeidet mot korrupsjon bør også gi dem som varsler et bedre vern.\n\nRegisteret over reelle rettighetshavere må åpnes snart. Terskelen på 25 prosent i registeret over reelle rettighetshavere er for høy, og registeret over reelle rettighetshavere må være gratis.\n\nTone',
    );
    expect(s.commitments.map((c) => c.id).sort()).toEqual(['antikorrupsjon', 'reelle-rettighetshavere']);
  });

  it('… but "this helps the fight against corruption", argued for procurement data, is not', async () => {
    const s = await run('Input to action plan 4B', 'The procurement commitment should publish all contract awards as open data. This helps the fight against corruption.');
    expect(s.commitments.map((c) => c.id)).toEqual(['anskaffelser']);
  });

  it('"oppdaterte utredninger ved endring av planforslag" is the impact assessment proposal', async () => {
    const s = await intake(
      mail({
        from: 'Ola Ness <ola.ness@wwf.no>',
        subject: 'Høringssvar 21/345',
        body: 'Dispensasjon fra byggeforbudet i strandsonen må bli sjeldnere, og kravet om særlige grunner for dispensasjon bør gjelde i alle LNF-områder.\n\nVi mener kravet om oppdaterte utredninger ved endring av et planforslag bør gjelde bare vesentlige endringer.\n\nOla Ness',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id).sort()).toEqual(['dispensasjon', 'konsekvensutredning']);
  });
});
