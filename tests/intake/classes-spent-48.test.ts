// Classes that spent-48 and spent-49 (were sealed-48 and -49, read on 2026-12-05) showed, written
// again in our own words: a mail that tells the ministry "your input" must be verified, or could not
// be registered, and offers a log-in to mend it, imitates the consultation (the ministry's mailbox
// receives input and sends none to be verified); so does a log-in "med BankID" asked for.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION_ID = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';

describe('"your input" to be verified or sent again through a log-in', () => {
  it.each([
    ['nb, new thread', {}, 'Handlingsplan 4B: høringssvaret må bekreftes', 'Hei\n\nDeres høringssvar om plan- og bygningsloven skal godkjennes før det tas med. Logge inn med BankID på https://hoering.example.net/bekreft\n\nSekretariatet'],
    ['nb, in the invitation\'s thread', { 'In-Reply-To': INVITATION_ID }, 'SV: Invitasjon til innspill til handlingsplan 4B', 'Hei\n\nDitt innspill til handlingsplanen ble ikke registrert på grunn av en feil. Logg inn på https://ogp-portal.example.org for å sende det på nytt.\n\nSekretariatet'],
    ['en', {}, 'OGP action plan 4B – action needed', 'Dear participant,\n\nYour submission to the OGP action plan could not be processed. Please sign in at https://ogp-portal.example.org to resend it.\n\nThe secretariat'],
  ])('%s: an imitation held for caseworkers to see, never receipted', async (_what, headers, subject, body) => {
    const s = await intake(mail({ from: 'Sekretariatet <post@ogp-portal.example.org>', subject, headers, body }), rules);
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.reasons).toContain('suspicious');
  });

  it('a person who says their own input is attached, or asks whether it was registered, is no bait', async () => {
    const s = await intake(
      mail({ from: 'Tone Dahl <tone.dahl@gmail.com>', subject: 'Innspill til handlingsplan 4B', body: 'Hei\n\nHer er mitt innspill: eInnsyn bør bli gratis for alle kommuner. Ble det forrige innspillet mitt registrert?\n\nTone' }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});
