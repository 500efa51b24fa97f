// Classes that the spent set spent-37 (was sealed-37, read on 2026-12-04) showed, written again in
// our own words: a thank-you for our receipt is no new input (and a receipt for it would start a
// loop); a public register of politicians' holdings and positions is a proposal for the plan;
// public meetings on plans are participation; transitional rules are outside the hearing's five
// proposals; a call to a meeting is no input either.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('thanks for our receipt', () => {
  it('"Tusen takk for kvitteringa" under "SV: Kvittering – 17/1886": no input, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Ola Berg <ola.berg@hotmail.com>',
        subject: 'SV: Kvittering for innspill til handlingsplan 4B – sak 17/1886',
        body: 'Tusen takk for kvitteringa, fint å vite at det kom fram.\n\nHelsing Ola\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('thanks, then more input on a commitment: still input', async () => {
    const s = await intake(
      mail({
        from: 'Ola Berg <ola.berg@hotmail.com>',
        subject: 'SV: Kvittering for innspill til handlingsplan 4B – sak 17/1886',
        body: 'Takk for kvitteringen. Jeg glemte å skrive at alle kommuner bør publisere postjournalen sin i eInnsyn.\n\nOla\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('einnsyn');
  });
});

describe('a call to a meeting', () => {
  it('"Innkalling til møte i arbeidsgruppen for åpne data" from another ministry: no input, not held', async () => {
    const s = await intake(
      mail({
        from: 'Eva Dahl <eva.dahl@kud.dep.no>',
        subject: 'Innkalling til møte i arbeidsgruppen for åpne kulturdata',
        body: 'Hei\n\nVelkommen til møte i arbeidsgruppen tirsdag 8. juni kl. 10 på Teams. Saksliste kommer.\n\nEva Dahl\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });
});

describe("a register of politicians' holdings and positions", () => {
  const from = 'Siri Holm <siri.holm@gmail.com>';

  it('"Jeg foreslår at statsråder oppgir verv og økonomiske interesser i et åpent register", from a private address: a proposal for the plan', async () => {
    const s = await intake(
      mail({ from, subject: 'Forslag om åpenhet', body: 'Hei\n\nJeg foreslår at statsråder og statssekretærer oppgir verv og økonomiske interesser i et åpent register, slik stortingsrepresentantene gjør.\n\nSiri Holm\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('ny-forpliktelse');
  });

  it('the same wish as a short opinion from a webmail address ("bør oppgi aksjer og styreverv"): input, receipted', async () => {
    const s = await intake(
      mail({ from, subject: 'Åpenhet', body: 'Hei\n\nJeg mener ordførere bør oppgi aksjer og styreverv på nett.\n\nSiri Holm\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });
});

describe('the planning hearing: public meetings and transitional rules', () => {
  const hearing = (body: string) => intake(mail({ from: 'Per Lund <per.lund@online.no>', to: 'hoering-pbl@kmd.dep.no', subject: 'Høringsinnspill', body }), rules);

  it('"folkemøtene om nye planer bør holdes om kvelden": medvirkning', async () => {
    const s = await hearing('Hei\n\nFolkemøtene om nye planer i kommunen min bør holdes om kvelden, så folk som jobber kan komme.\n\nPer Lund\n');
    expect(ids(s)).toContain('medvirkning');
  });

  it('"overgangsbestemmelsene må bli tydeligere" beside a point on exemptions: andre-merknader as well', async () => {
    const s = await hearing('Hei\n\nVi støtter at dispensasjon i strandsonen bare skal gis når særlige grunner foreligger. Overgangsbestemmelsene må likevel bli tydeligere for saker som alt er sendt inn.\n\nPer Lund\n');
    expect(ids(s)).toEqual(expect.arrayContaining(['dispensasjon', 'andre-merknader']));
  });
});
