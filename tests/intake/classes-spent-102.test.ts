// Classes that spent-102, -103 and -105 (were sealed-102, -103 and -105, read on 2026-12-05) showed,
// written again in our own words: a right to complain asked for, taken for the sender's own case; a
// proposal put as "I ask the ministry that …"; a calendar's reminder of a forum meeting; a
// journalist asking for an interview. (The body labelled Latin-1 that is UTF-8 is in
// utf8-read-as-latin1.test.ts.)
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a right to complain asked for is no case of one\'s own', () => {
  it('"people must be able to complain about decisions" is input on the commitment, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Sigrid Haug <sigrid.haug@gmail.com>',
        subject: 'Algoritmer i forvaltningen',
        body: 'Når kommunen bruker algoritmer i saksbehandlingen, må innbyggerne kunne klage på vedtak og få dem vurdert av et menneske. Det gjelder forpliktelsen om kunstig intelligens og algoritmer.\n\nSigrid Haug',
      }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('en sak av ens egen'))).toBe(false);
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });

  it('a complaint made is still the sender\'s own case', async () => {
    const s = await intake(
      mail({
        from: 'Per Dahl <per.dahl@gmail.com>',
        subject: 'Vedtak fra kommunen',
        body: 'Jeg vil klage på vedtak om avslag som kommunen fattet i går, det var laget av et dataprogram.\n\nPer Dahl',
      }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('en sak av ens egen'))).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('"I ask the ministry that …" proposes', () => {
  it('a proposal that also tells of the sender\'s own application is input', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Berg <eirik.berg@outlook.com>',
        subject: 'Åpne algoritmer',
        body: 'Jeg ber departementet om at forpliktelsen om kunstig intelligens får et krav om et register over algoritmene staten bruker. Min søknad om bostøtte ble avslått av et automatisk system uten at noen kunne forklare hvorfor.\n\nEirik Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });
});

describe('a calendar\'s reminder of a forum meeting', () => {
  it('is no mail in the consultation: left alone, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Kalender <calendar-noreply@example.com>',
        subject: 'Påminnelse: Interessentforum-møte torsdag',
        headers: { 'Auto-Submitted': 'auto-generated' },
        body: 'Påminnelse om kalenderhendelse i morgen kl. 09.00.',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a journalist asking for an interview', () => {
  it('is a press enquiry, not input on the hearing\'s proposal it names', async () => {
    const s = await intake(
      mail({
        from: 'Tor Vik <tor.vik@lokalavis.example.no>',
        subject: 'Spørsmål om dispensasjoner i strandsonen',
        body: 'Hei,\n\nVi ønsker et intervju om dispensasjoner i strandsonen. Har statsråden tid på fredag?\n\nTor Vik',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasons.some((r) => r.startsWith('en pressehenvendelse'))).toBe(true);
  });
});
