// Classes that the spent set spent-41 (was sealed-41, read on 2026-12-04) showed, written again in
// our own words: a private person's two lines with an opinion on one commitment or proposal, in a
// new thread, are input and get their receipt (issue 14, class 1) — held before, as a close call;
// the same lines from an organisation's address are not receipted on that alone; "klikk her for å
// logge inn" under the consultation's words is an imitation.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe("a private person's two lines on one commitment", () => {
  it('OGP, from gmail: "Ungdomspanelet burde møtes i Tromsø også" — input, receipted', async () => {
    const s = await intake(mail({ from: 'Eirik Nygård <eirik.nygard@gmail.com>', subject: 'Hei', body: 'Ungdomspanelet burde møtes i Tromsø også, ikke bare i Oslo.\n\nEirik\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ungdomspanel']);
    expect(s.receipt.send).toBe(true);
  });

  it('the PBL hearing, from online.no: "Fristen for byggesaker må gjelde også for garasjer" — input, receipted', async () => {
    const s = await intake(mail({ from: 'Tor Berge <tor.berge@online.no>', subject: 'byggesak', body: 'Hei. Fristen for byggesaker må gjelde også for små tiltak som garasjer og boder.\n\nTor Berge\n' }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('the same OGP lines from an organisation\'s own address: not receipted on that alone', async () => {
    const s = await intake(mail({ from: 'Eirik Nygård <eirik.nygard@reiselivsbedrift.example.no>', subject: 'Hei', body: 'Ungdomspanelet burde møtes i Tromsø også, ikke bare i Oslo.\n\nEirik\n' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a log-in behind a link, in the consultation\'s words', () => {
  it('"Ditt innspill til handlingsplanen er ikke mottatt. Klikk her for å logge inn": suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Innspillsportalen <post@innspill-portal.example.net>',
        subject: 'Ditt OGP-innspill',
        body: 'Ditt innspill til handlingsplan 4B er ikke mottatt. Klikk her for å logge inn og sende det på nytt: http://innspill-portal.example.net/\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});
