// Classes that spent-55 and spent-35 (were sealed-55 and sealed-35, read on 2026-12-05) showed,
// written again in our own words: a non-delivery report an Exchange server sends from its system
// mailbox, or any report that quotes the receiving server's answer, is a bounce however plain its
// form; a question about the consultation held for a caseworker is late for nothing until someone
// decides it is input.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION = 'OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';

describe('a plain-text non-delivery report is a bounce, never receipted', () => {
  it('from an Exchange system mailbox under the organisation\'s domain, without a status code', async () => {
    const s = await intake(
      mail({
        from: '"Microsoft Outlook" <MicrosoftExchange0a1b2c3d4e5f60718293a4b5c6d7e8f9@ks.no>',
        subject: `Ikke levert: ${INVITATION}`,
        body: `Levering til disse mottakerne eller gruppene mislyktes:\n\narkiv@ks.no\nPostboksen er sperret.\n\nEmne: ${INVITATION}\n`,
      }),
      rules,
    );
    expect(s.automaticKind).toBe('bounce');
    expect(s.receipt.send).toBe(false);
  });

  it('from an ordinary address, known by its subject and the server\'s answer it quotes', async () => {
    const s = await intake(
      mail({
        from: 'Postkontoret <postkontor@norad.no>',
        subject: `Undeliverable: ${INVITATION}`,
        body: `Your message to info@norad.no couldn't be delivered.\n\nRemote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found'\n\nOriginal subject: ${INVITATION}\n`,
      }),
      rules,
    );
    expect(s.automaticKind).toBe('bounce');
    expect(s.receipt.send).toBe(false);
  });

  it('a person whose subject says something was not delivered, with no server\'s answer, stays a person', async () => {
    const s = await intake(
      mail({
        from: 'Ida Berg <ida.berg@ks.no>',
        subject: 'Ikke levert ennå: innspill til handlingsplan 4B',
        body: 'Hei\n\nVi har ikke levert ennå, men her er innspillet vårt: KS støtter forpliktelsen om åpenhet om reelle rettighetshavere, og registeret bør være gratis og åpent for alle. Punkt 5.1.1 i vårt notat utdyper dette.\n\nIda Berg\nKS',
      }),
      rules,
    );
    expect(s.automatic).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

describe('late is said of input, not of a question held for a caseworker', () => {
  const after = ['from mx.transparency.no by mx01.dep.no; Wed, 2 Jun 2021 09:12:00 +0200'];

  it('a question about the next forum meeting, after the deadline: held, not late', async () => {
    const s = await intake(
      mail({
        from: 'Per Ruud <per.ruud@transparency.no>',
        subject: 'Spørsmål om neste møte i interessentforumet',
        date: 'Wed, 2 Jun 2021 09:11:00 +0200',
        received: after,
        body: 'Hei, når holdes neste møte i interessentforumet? Vi ønsker å melde på to deltakere.\n\nPer',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.review?.reasons).toContain('not-input');
    expect(s.late).toBe(false);
  });

  it('input after the deadline is late', async () => {
    const s = await intake(
      mail({
        from: 'Per Ruud <per.ruud@transparency.no>',
        subject: 'Innspill til handlingsplan 4B',
        date: 'Wed, 2 Jun 2021 09:11:00 +0200',
        received: after,
        body: 'Hei\n\nTransparency International Norge mener registeret over reelle rettighetshavere må være åpent og gratis, og at opplysningene må kontrolleres.\n\nPer Ruud',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.late).toBe(true);
  });
});

describe('what the sender misses is a stance, even when a question follows', () => {
  it.each([
    ['nb', 'Innspill om KI-forpliktelsen', 'Hei\n\nVi savner tydelige milepæler i forpliktelsen om kunstig intelligens i offentlig sektor. Hvem skal føre tilsyn med algoritmene, og når?\n\nHilsen Tone'],
    ['nn', 'Seint innspel til OGP-planen', 'Hei\n\nEg håpar dette kan takast med sjølv om fristen er ute. Registeret over reelle rettshavarar er viktig for arbeidet mot kvitvasking. Kven skal kontrollere opplysningane, og kor ofte?\n\nHelsing Ivar'],
  ])('%s: input, receipted, not held as a question', async (_lang, subject, body) => {
    const s = await intake(mail({ from: 'Tone Ask <tone.ask@lo.no>', subject, body }), rules);
    expect(s.relevant).toBe(true);
    expect(s.review?.reasons ?? []).not.toContain('not-input');
    expect(s.receipt.send).toBe(true);
  });

  it('a question with nothing missed or proposed is still held as a question', async () => {
    const s = await intake(
      mail({ from: 'Tone Ask <tone.ask@lo.no>', subject: 'Spørsmål om forpliktelsen om kunstig intelligens', body: 'Hei\n\nHvem i departementet har ansvaret for forpliktelsen om kunstig intelligens og algoritmer?\n\nTone' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});
