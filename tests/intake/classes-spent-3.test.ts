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
  it('the digital side in another paragraph, about another commitment, does not count for it', async () => {
    const s = await intake(
      ogp('Offentlig journal bør bli digital og søkbar i eInnsyn for alle kommuner.\n\nKommunene bør også behandle byggesaker og reguleringsplaner raskere.'),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).not.toContain('plan-og-bygg');
  });
  it('the Planning and Building Act named is the law, not the plan’s digital commitment', async () => {
    const s = await intake(ogp('Digitalisering er viktig, og plan- og bygningsloven må følges opp i kommunene.'), rules);
    expect(s.commitments.map((c) => c.id)).not.toContain('plan-og-bygg');
  });
  it('the same with the digital side: plan-og-bygg', async () => {
    const s = await intake(ogp('Kommunene bør gjøre byggesaker og reguleringsplaner tilgjengelige digitalt, med åpne plandata for alle.'), rules);
    expect(s.commitments.map((c) => c.id)).toContain('plan-og-bygg');
  });
});

describe('imitations of the ministry', () => {
  it('the ministry’s own address that our server says is forged: suspicious, held, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Postmottak KMD <postmottak@kmd.dep.no>',
        subject: 'Oppdatering av tilgang til postmottaket',
        headers: { 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=kmd.dep.no; dkim=none; dmarc=fail header.from=kmd.dep.no' },
        body: 'Hei,\n\nPostmottaket flyttes til ny plattform. Bekreft tilgangen din innen fredag via skjemaet i vedlegget.\n\nKMD\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevance.reasonCodes).toContain('imitates-ministry');
    expect(s.receipt.send).toBe(false);
  });

  it('the same address confirmed by our server is not marked (the ministry writing to itself)', async () => {
    const s = await intake(
      mail({
        from: 'Postmottak KMD <postmottak@kmd.dep.no>',
        subject: 'Oppdatering av tilgang til postmottaket',
        headers: { 'Authentication-Results': 'mx01.dep.no; spf=pass smtp.mailfrom=kmd.dep.no; dkim=pass header.d=kmd.dep.no; dmarc=pass header.from=kmd.dep.no' },
        body: 'Hei,\n\nPostmottaket flyttes til ny plattform på fredag.\n\nKMD\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
  });
});

describe('bait words shared by every consultation (rules/signals.yaml)', () => {
  const sign = (subject: string, body: string) =>
    intake(mail({ from: 'DocuSign <dse@eu.docusign-secure.example>', subject, body }), rules);

  it('a signature notice with the hearing’s case number as bait is marked suspicious under the hearing', async () => {
    const s = await sign('Høringssvar_21-345.pdf venter på signering', 'Dokumentet «Høringssvar 21/345 plan- og bygningsloven» venter på signering. Åpne dokumentet her.\n');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('the same with the OGP plan’s words is marked under OGP: the bait is not one consultation’s', async () => {
    const s = await sign('Innspill OGP handlingsplan 4B venter på signering', 'Dokumentet «Innspill til OGP handlingsplan 4B» venter på signering. Åpne dokumentet her.\n');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('bait words alone, with nothing of a consultation, are ordinary spam: not held, not marked', async () => {
    const s = await sign('Et dokument venter på signering', 'Et dokument venter på signering. Åpne dokumentet her.\n');
    expect(s.suspicious).toBe(false);
    expect(s.consultation).toBeNull();
  });
});
