// Classes that spent-69 and spent-70 (were sealed-69 and sealed-70, read on 2026-12-05) showed,
// written again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: Awaited<ReturnType<typeof intake>>) => s.commitments.map((c) => c.id);

describe('a sign-in with the recipient\'s credentials, in the plan\'s words', () => {
  it('an imitation of the partnership\'s secretariat: suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'OGP Secretariat <noreply@ogp-secretariat.example.net>',
        subject: 'Action needed: action plan 4B',
        body: 'Dear colleague,\n\nThe upload of your action plan 4B is incomplete. Please log in with your government credentials here: http://ogp-secretariat.example.net/upload',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe("another ministry's hearing", () => {
  it("a reply to another ministry's proposed regulation, copied to us: no receipt", async () => {
    const s = await intake(
      mail({
        from: 'Tone Lie <tone.lie@naturvernforbundet.no>',
        subject: 'Høringssvar – forskrift om konsekvensutredninger',
        body: 'Naturvernforbundet sender merknader til Olje- og energidepartementets forslag til ny forskrift om konsekvensutredninger for kraftledninger.\n\nTone Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it("input to the plan that cites another ministry's hearing note is still input", async () => {
    const s = await intake(
      mail({
        from: 'Lars Holm <lars.holm@taxjustice.no>',
        subject: 'Innspill OGP 4B',
        body: 'I Finansdepartementets høringsnotat står det at registeret skal være åpent. Vi mener forpliktelsen om registeret over reelle rettighetshavere må sikre at det blir gratis.\n\nLars Holm',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });
});

describe("a citizen's plain words", () => {
  it('"a computer has taken part in deciding my case": the AI commitment, receipted', async () => {
    const s = await intake(
      mail({ from: 'Rita Berg <rita.berg@outlook.com>', subject: 'Innspill', body: 'Hei. Jeg synes Lånekassen må si fra når en datamaskin har vært med på å avgjøre søknaden. Mvh Rita' }),
      rules,
    );
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });

  it('"Jeg vil at …" is what the sender wants done: input, receipted', async () => {
    const s = await intake(
      mail({ from: 'Geir Aas <geir.aas@hotmail.com>', subject: 'plan', body: 'Hei\n\nJeg vil at fylkeskommunen skal legge ut postjournalen sin i eInnsyn. Nå må jeg sende e-post for hvert dokument.\n\nGeir' }),
      rules,
    );
    expect(ids(s)).toContain('einnsyn');
    expect(s.receipt.send).toBe(true);
  });

  it('a journalist asking for a comment is press, not input', async () => {
    const s = await intake(
      mail({ from: 'Eli Moe <eli.moe@fagpressen.no>', subject: 'Spørsmål om eInnsyn', body: 'Hvorfor er postjournalene til departementene ikke lagt ut i eInnsyn de siste dagene? Vi ber om kommentar.\n\nMed vennlig hilsen\nEli Moe' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
