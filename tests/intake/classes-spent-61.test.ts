// Classes that spent-61, -62 and -63 (were sealed-61 to -63, read on 2026-12-05) showed, written
// again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { TermMatcher } from '../../src/text/terms.js';
import { FoldedText } from '../../src/text/folded-text.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: Awaited<ReturnType<typeof intake>>) => s.commitments.map((c) => c.id);

describe("an invitation to an event, however much of a consultation's words its programme uses", () => {
  it.each([
    [
      'an organisation asks for a speaker at its webinar on the hearing',
      'Lise Berg <lise.berg@arkitektbedriftene.no>',
      'Webinar: nye byggesaksfrister i praksis',
      'Hei!\n\nVi arrangerer webinar 3. juni om de foreslåtte endringene i plan- og bygningsloven og digital planbehandling. Vi vil gjerne ha en innleder fra departementet.\n\nLise',
    ],
    ['a reminder to register for days of talks', 'KS Arrangement <arrangement@ks.no>', 'Påminnelse: Plandagene 2021', 'Husk påmelding til Plandagene, 10.–11. juni. Program: medvirkning, dispensasjoner og digital planbehandling etter plan- og bygningsloven.'],
    ['an English workshop invitation', 'OGP Events <events@ogp-events.example.org>', 'Invitation: peer learning on co-creation', 'Dear colleague,\n\nYou are invited to an online workshop on co-creation in OGP action plans on 15 June. Please register by 1 June.'],
  ])('%s: no receipt, left alone', async (_what, from, subject, body) => {
    const s = await intake(mail({ from, subject, body }), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a reply after a seminar that takes a stand is still input', async () => {
    const s = await intake(
      mail({
        from: 'Lise Berg <lise.berg@arkitektbedriftene.no>',
        subject: 'Etter seminaret om byggesaksfrister',
        body: 'Hei\n\nVi mener at fristen på åtte uker i byggesaker må gjelde også rammetillatelser, slik flere sa på seminaret.\n\nLise Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('PBL: commitments', () => {
  it('dispensation named as the kind of case a time limit covers is no comment on dispensations', async () => {
    const s = await intake(
      mail({
        from: 'Per Moe <per.moe@huseierne.no>',
        subject: 'Høringssvar 21/345',
        body: 'Huseiernes Landsforbund støtter en kortere saksbehandlingsfrist for byggesaker uten dispensasjon. Fristen bør gjelde fra søknaden er komplett.',
      }),
      rules,
    );
    expect(ids(s)).toContain('byggesaksfrister');
    expect(ids(s)).not.toContain('dispensasjon');
  });

  it('a second point of its own beside a long first one is kept', async () => {
    const s = await intake(
      mail({
        from: 'Ola Vik <ola.vik@gmail.com>',
        subject: 'Høringssvar strandsonen',
        body: 'Jeg støtter forslaget om å stramme inn adgangen til dispensasjon i strandsonen etter § 19-2, slik at det kreves særlige grunner. Jeg ber også om at kommunene må gjøre en konsekvensutredning før nye dispensasjoner gis.',
      }),
      rules,
    );
    expect(ids(s)).toEqual(expect.arrayContaining(['dispensasjon', 'konsekvensutredning']));
  });

  it("an invited organisation's view stated with \"mener\" and \"ber om\": input, receipted", async () => {
    const s = await intake(
      mail({ from: 'Kari Li <kari.li@huseierne.no>', subject: 'Ettersending', body: 'Huseiernes Landsforbund mener de strengere dispensasjonsreglene vil ramme hytteeiere. Vi ber om et unntak for små tiltak.\n\nKari Li' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });
});

describe('naming and telling', () => {
  it('"the process for 4B" names the plan', async () => {
    const s = await intake(
      mail({ from: 'Siri Dahl <siri.dahl@nored.no>', subject: 'Et tillegg', body: 'Vi ber om at prosessen for 4B gjøres åpen: innspillene bør publiseres fortløpende.\n\nSiri Dahl' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    // a new message with no commitment found: input, held for a caseworker before any receipt
    expect(s.review?.reasons).toContain('input-uncertain');
    expect(s.receipt.code).toBe('held-for-review');
  });

  it('a newsletter that tells how the sender answered the hearing is the case\'s', async () => {
    const s = await intake(
      mail({
        from: 'Huseiernes Landsforbund <nyhetsbrev@huseierne.no>',
        subject: 'Huseier-nytt juni',
        headers: { Precedence: 'bulk' },
        body: 'HUSEIER-NYTT\n\nSlik svarte vi på høringen om plan- og bygningsloven: nabovarsel skal fortsatt kunne sendes på papir.\n\nOgså: sommertips.',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(false);
  });

  it('a press question named in the subject is no hearing reply', async () => {
    const s = await intake(
      mail({ from: 'Anne Ruud <anne.ruud@nj.no>', subject: 'Pressespørsmål: dispensasjoner', body: 'Hei,\n\nHvor mange dispensasjoner i strandsonen ble gitt i fjor? Vi skriver om høringen.\n\nAnne' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('rule patterns are folded as the text is', () => {
  it('a re: term written with "òg" matches a text with "òg" (folded to "og")', () => {
    const m = new TermMatcher(['re:\\bmå òg (vere|være)\\b']);
    expect(m.find(new FoldedText('Det må òg vere ungdom med.')).length).toBe(1);
    expect(m.find(new FoldedText('Det må også vere ungdom med.')).length).toBe(0);
  });
});
