// Classes that spent-66 and spent-67 (were sealed-66 and sealed-67, read on 2026-12-05) showed,
// written again in our own words: a citizen's proposal of something public bodies should publish
// is a proposal for a new commitment; a document called "Høringssvar" that speaks of the plan's
// commitments is the plan's; how the invitation went out is the consultation process itself.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: Awaited<ReturnType<typeof intake>>) => s.commitments.map((c) => c.id);

describe('a proposal of what public bodies should publish', () => {
  it.each([
    ['nb', 'Forslag', 'Hei! Jeg foreslår at alle fylkeskommuner skal publisere lydopptak fra fylkestingsmøtene. Da blir det lettere å følge med.\n\nMona'],
    ['nn', 'forslag til planen', 'Eit forslag: Kommunane må leggje ut sakspapira til utvala som søkbar tekst. I dag er dei skanna bilete.\n\nHelsing Knut'],
  ])('%s, from a private address: a new commitment, receipted', async (_lang, subject, body) => {
    const s = await intake(mail({ from: 'Mona Aas <mona.aas@gmail.com>', subject, body }), rules);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });

  it('publishing in eInnsyn is that commitment, not a new one', async () => {
    const s = await intake(
      mail({ from: 'Mona Aas <mona.aas@gmail.com>', subject: 'Forslag', body: 'Jeg foreslår at alle kommuner skal publisere postjournalen sin i eInnsyn, med dokumentene i fulltekst.\n\nMona' }),
      rules,
    );
    expect(ids(s)).toContain('einnsyn');
    expect(ids(s)).not.toContain('ny-forpliktelse');
  });
});

describe('"Høringssvar" in the subject', () => {
  it('a document that proposes a new commitment is input to the plan', async () => {
    const s = await intake(
      mail({
        from: 'Jon Berge <jon.berge@abelia.no>',
        subject: 'Høringssvar',
        body: 'Hei, se vedlagte innspill.\n\nJon Berge',
        attachments: [{ filename: 'innspill.txt', contentType: 'text/plain; charset=utf-8', content: Buffer.from('Abelia foreslår en ny forpliktelse om åpne data fra kommunene, slik at næringslivet kan bruke dem.\n', 'utf8') }],
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });

  it('another hearing\'s reply copied to the ministry "jf. OGP-arbeidet" is not', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lunde <eva.lunde@finansnorge.no>',
        to: 'postmottak@fin.dep.no',
        headers: { Cc: 'postmottak@kmd.dep.no' },
        subject: 'Høringssvar – endringer i hvitvaskingsforskriften',
        body: 'Finans Norge viser til høringen om hvitvaskingsforskriften og ber om at fristen for innmelding forlenges.\n\nKopi til KMD, jf. OGP-arbeidet.\n\nEva Lunde',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('how the invitation went out', () => {
  it('an invited organisation asks that it reach more people, with a longer deadline: co-creation, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Eli Dahl <eli.dahl@frivillighetnorge.no>',
        subject: 'Om invitasjonen',
        body: 'Vi ber om at invitasjonen neste gang også sendes til de lokale frivilligsentralene, og med lengre frist.\n\nEli Dahl\nFrivillighet Norge',
      }),
      rules,
    );
    expect(ids(s)).toContain('samskaping');
    expect(s.receipt.send).toBe(true);
  });
});
