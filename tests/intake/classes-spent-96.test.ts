// Classes that spent-96, -97 and -98 (were sealed-96, -97 and -98, read on 2026-12-05) showed,
// written again in our own words: an innsynskrav in the hearing's case ordered by a journalist;
// a hearing on the state's planning guidelines.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('an innsynskrav in the hearing\'s case that a journalist ordered', () => {
  it('is the case\'s machine mail, filed without a receipt, not a press enquiry', async () => {
    const s = await intake(
      mail({
        from: 'eInnsyn <noreply@einnsyn.no>',
        subject: 'Innsynskrav for sak 21/345',
        body: 'Innsynskrav sendt fra eInnsyn.no\nSaksnummer: 21/345\nDokument: Høringssvar fra Bergen kommune\nBestiller: Kari Lund, journalist',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('innsynskrav');
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(false);
  });

  it('a journalist who signs as one still writes a press enquiry', async () => {
    const s = await intake(
      mail({
        from: 'Kari Lund <kari.lund@gmail.com>',
        subject: 'Høringen om plan- og bygningsloven',
        body: 'Hvor mange høringssvar har dere fått om strandsonen så langt?\n\nKari Lund, journalist',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasons.some((r) => r.startsWith('en pressehenvendelse'))).toBe(true);
  });
});

describe('a hearing on the state\'s planning guidelines', () => {
  it('is no input to the plan, however much of its digital planning it names', async () => {
    const s = await intake(
      mail({
        from: 'Guri Moen <guri.moen@bergen.kommune.no>',
        subject: 'Høring – statlige planretningslinjer for samordnet bolig- og transportplanlegging',
        body: 'Bergen kommune støtter at planretningslinjene oppdateres, og ber om bedre veiledning om medvirkning og digitale plandata.\n\nGuri Moen',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
