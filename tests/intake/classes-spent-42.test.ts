// Classes that the spent set spent-42 (was sealed-42, read on 2026-12-04) showed, written again in
// our own words: ministers' calendars made public, asked for in other words than "møtekalender",
// are a proposal for a new commitment; an out-of-office reply addressed to the hearing's own address
// answers its letter and belongs to the case; a deadline behind a link and a threat ("for å unngå at
// det avvises") are bait.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe("ministers' calendars", () => {
  it('"… publiserer kalenderen til statsrådene hver uke" from a private address: ny-forpliktelse, receipted', async () => {
    const s = await intake(
      mail({ from: 'Lars Eide <lars.eide@hotmail.com>', subject: 'Innspill', body: 'Hei\n\nJeg foreslår at regjeringen publiserer kalenderen til statsrådene hver uke.\n\nLars Eide\n' }),
      rules,
    );
    expect(ids(s)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });
});

describe("an automatic reply to the hearing's own address", () => {
  it('an out-of-office reply to hoering-pbl@ with the letter\'s title shortened: the case\'s machine mail, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Kari Dahl <kari.dahl@byggmester.example.no>',
        to: 'Høring PBL <hoering-pbl@kmd.dep.no>',
        subject: 'Fraværsmelding: Høring – plan- og bygningsloven',
        headers: { 'Auto-Submitted': 'auto-replied' },
        body: 'Jeg er på kurs til 12. mai og leser ikke e-post før da.\n\nKari Dahl\n',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('the same reply to the general mailbox, without the thread: not tied to the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Kari Dahl <kari.dahl@byggmester.example.no>',
        to: 'postmottak@kmd.dep.no',
        subject: 'Fraværsmelding: Høring – plan- og bygningsloven',
        headers: { 'Auto-Submitted': 'auto-replied' },
        body: 'Jeg er på kurs til 12. mai og leser ikke e-post før da.\n\nKari Dahl\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
  });
});

describe('a deadline and a threat behind a link', () => {
  it('"Last opp svaret her innen 48 timer for å unngå at det slettes" under the case number: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportal <post@hoering-portal.example.net>',
        subject: 'Sak 21/345: ditt høringssvar',
        body: 'Vi har flyttet til ny portal. Last opp høringssvaret her innen 48 timer for å unngå at det slettes: https://hoering-portal.example.net/\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});
