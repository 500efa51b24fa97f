// Issue 13/14, fourth round: classes that the spent set spent-3 (was sealed-3) showed receipted or
// misfiled, written again in our own words (fixtures/messages/case-c-complaint-*, case-c-other-regulation-*):
// a person's complaint about a building case of their own, a reply to another regulation's hearing
// that only mentions this law's separate reply, and OGP's digital planning commitment given to
// words about the law itself.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const fixtures = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));
const file = (name: string) => intake(readFileSync(`${fixtures}${name}`), rules);

describe('other business that shares the hearing’s words', () => {
  it('a complaint about a neighbour’s dispensation in one’s own case: no consultation, no receipt', async () => {
    const s = await file('case-c-complaint-neighbour-dispensation.eml');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.commitments).toEqual([]);
    expect(s.relevance.reasons.some((r) => r.startsWith('spørsmål om en egen byggesak'))).toBe(true);
  });

  it('a reply on the building-case regulations that mentions this law’s separate reply: not the hearing’s', async () => {
    const s = await file('case-c-other-regulation-subject-sak10.eml');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('the same subject naming the law too is the hearing’s (the subject decides, not a mention in the text)', async () => {
    const s = await intake(
      mail({
        from: 'Hilde Brattli <hilde.brattli@ks.no>',
        subject: 'Høringssvar – plan- og bygningsloven og byggesaksforskriften',
        body: 'KS støtter at fristen for byggesaker kortes ned til åtte uker, men ber om at kommunene får tid til å tilpasse seg.\n\nHilde Brattli\nKS\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('OGP’s digital planning commitment needs the digital side in the sender’s words', () => {
  const ogp = (sentence: string) =>
    mail({
      from: 'Kari Nilsen <kari.nilsen@online.no>',
      subject: 'Innspill til handlingsplan 4B for åpenhet i forvaltningen (OGP)',
      body: `Hei,\n\nTil OGP-planen: ${sentence}\n\nKari Nilsen\n`,
    });
  it('building cases and zoning plans with no digital word: not plan-og-bygg', async () => {
    const s = await intake(ogp('Kommunene bør behandle byggesaker og reguleringsplaner raskere, og dispensasjoner må begrunnes bedre.'), rules);
    expect(s.commitments.map((c) => c.id)).not.toContain('plan-og-bygg');
  });
  it('the same with the digital side: plan-og-bygg', async () => {
    const s = await intake(ogp('Kommunene bør gjøre byggesaker og reguleringsplaner tilgjengelige digitalt, med åpne plandata for alle.'), rules);
    expect(s.commitments.map((c) => c.id)).toContain('plan-og-bygg');
  });
});
