// Classes that spent-50 and spent-51 (were sealed-50 and -51, read on 2026-12-05) showed, written
// again in our own words: a complaint in one's own building case, known by the property's numbers
// or a decision to reverse, is no hearing reply; a sender's argument that people are "shut out" is
// no threat of a fraudster's; "Forslag: lag …" on the state's consultancy contracts is a proposal.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe("one's own building case", () => {
  it.each([
    ['the numbers in the subject', 'Anneks gnr. 8 bnr. 22', 'Kommunen har gitt dispensasjon fra byggegrensen til et anneks på nabotomta, to meter fra vår grense. Jeg ber departementet gripe inn.\n\nOla'],
    ['a decision to reverse', 'Dispensasjon til naboen', 'Kommunen har gitt naboen dispensasjon fra byggegrensen til et anneks to meter fra vår grense. Jeg ber departementet omgjøre vedtaket.\n\nOla'],
    ['a complaint on a decision', 'Klage på dispensasjon', 'Kommunen har gitt naboen dispensasjon fra byggegrensen til et anneks to meter fra vår grense, og vi fikk ikke uttale oss.\n\nOla'],
  ])('%s: not the hearing\'s input, no receipt', async (_what, subject, body) => {
    const s = await intake(mail({ from: 'Ola Haug <ola.haug@gmail.com>', subject, body }), rules);
    expect(s.receipt.send).toBe(false);
  });

  it('an opinion on the proposal that gives one\'s own case as the example stays input', async () => {
    const s = await intake(
      mail({
        from: 'Ola Haug <ola.haug@gmail.com>',
        subject: 'Høringssvar dispensasjoner',
        body: 'Jeg mener kommunene bør begrunne hver dispensasjon skriftlig. I min byggesak (gnr. 12 bnr. 104) fikk naboen dispensasjon uten en eneste linje begrunnelse.\n\nOla',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });
});

describe('"ellers stenges …" in an argument', () => {
  it('an organisation\'s hearing reply saying people are shut out otherwise is input, not bait', async () => {
    const s = await intake(
      mail({
        from: 'Rådgiver <radgiver@huseierne.no>',
        to: 'hoering-pbl@kmd.dep.no',
        subject: 'Høringssvar – plan- og bygningsloven',
        body: 'Den digitale plandialogen må fungere med skjermleser og på mobil, ellers stenges mange eldre ute fra medvirkning.\n\nHuseiernes Landsforbund',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a threat to the account is still bait', async () => {
    const s = await intake(
      mail({ from: 'Høringsportalen <varsel@horingsportal.example.net>', subject: 'Høringssvaret ditt om plan- og bygningsloven', body: 'Bekreft e-postadressen din i dag, ellers stenges kontoen og høringssvaret slettes: https://horingsportal.example.net/bekreft' }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('"Forslag: lag …"', () => {
  it("a citizen's one-line proposal of a register of the state's consultancy contracts: input on procurement, receipted", async () => {
    const s = await intake(
      mail({ from: 'tor_h@online.no', subject: 'Innsyn', body: 'Forslag: publiser alle statlige konsulentkontrakter med pris og leverandør på nett.' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('anskaffelser');
    expect(s.receipt.send).toBe(true);
  });
});
