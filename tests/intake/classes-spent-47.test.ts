// Classes that spent-47 (was sealed-47, read on 2026-12-05) showed, written again in our own words:
// a mail that makes the registration of the sender's input hang on something they must do at a
// link is bait (the ministry registers every input and asks nobody to confirm it), and the
// ministry's domain spelt with another ending (kmd-dep.example.net) is an imitation of it; what
// something "må ha med" is a proposal, also when a question follows it.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { imitatesDomain } from '../../src/intake/relevance.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('registration made to hang on a click', () => {
  it.each([
    ['nb, the hearing', 'Høringssvar – registrering', 'Hei!\n\nFor å få høringssvaret ditt om plan- og bygningsloven behandlet innen fristen må du logge inn på saksportalen: https://horing-portal.example.net/sak\n\nHøringssekretariatet'],
    ['nb, the plan', 'Handlingsplan 4B – ditt innspill', 'For å få innspillet ditt til OGP-planen journalført må du oppgi navn og organisasjon her: http://ogp-innspill.example.org\n\nSekretariatet'],
    ['en, the plan', 'Your input to action plan 4B', 'To have your input to the OGP action plan registered, you must confirm your e-mail address at https://ogp-forum.example.org/confirm\n\nThe secretariat'],
  ])('%s: an imitation held for caseworkers to see, never receipted', async (_what, subject, body) => {
    const s = await intake(mail({ from: 'Sekretariatet <post@sekretariat.example.org>', subject, body }), rules);
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.reasons).toContain('suspicious');
  });

  it('a person who says the ministry has registered their input, or asks whether it has, is no bait', async () => {
    const s = await intake(
      mail({ from: 'Kari Lie <kari.lie@gmail.com>', subject: 'Innspill', body: 'Hei\n\nJeg har fått kvittering, takk. Jeg mener eInnsyn bør bli gratis for kommunene.\n\nKari\n' }),
      rules,
    );
    expect(s.suspicious).toBe(false);
  });
});

describe("the ministry's domain with another ending", () => {
  const own = ['postmottak@kmd.dep.no'];
  it('kmd-dep.example.net and kmddep.example.org spell it; the ministry itself and other ministries do not', () => {
    expect(imitatesDomain('postmottak@kmd-dep.example.net', own)).toBe(true);
    expect(imitatesDomain('it@kmddep.example.org', own)).toBe(true);
    expect(imitatesDomain('postmottak@kmd.dep.no', own)).toBe(false);
    expect(imitatesDomain('kari@sub.kmd.dep.no', own)).toBe(false);
    expect(imitatesDomain('postmottak@hod.dep.no', own)).toBe(false);
    expect(imitatesDomain('post@hod-dep.example.net', own)).toBe(false);
    // "dep" alone is in too many names to say anything.
    expect(imitatesDomain('ola@depot.example.no', own)).toBe(false);
  });

  it('a "mailbox full" notice from it, with none of a consultation\'s words: shown to caseworkers as an imitation, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'KMD IT-drift <it-drift@kmd-dep.example.net>',
        subject: 'Postkassen din er nesten full',
        body: 'Hei\n\nPostkassen din har nådd 98 % av kvoten. Logg inn her for å øke lagringsplassen: http://kmd-dep.example.net/konto\n\nIT-drift\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal that ends in a question', () => {
  it('"… må ha med …" and then a question: input, receipted, not taken for a question to the ministry', async () => {
    const s = await intake(
      mail({
        from: 'Arne Bø <arne.bo@hotmail.com>',
        subject: 'Ungdomspanelet',
        body: 'Hei\n\nUngdomspanelet må også ha med unge som bur i distrikta. Kan møta haldast digitalt, så dei slepp å reise?\n\nArne\n',
      }),
      rules,
    );
    expect(s.review?.reasons ?? []).not.toContain('not-input');
    expect(s.receipt.send).toBe(true);
  });

  it('a question that starts with "Må vi ha med …" stays a question', async () => {
    const s = await intake(
      mail({ from: 'Arne Bø <arne.bo@hotmail.com>', subject: 'Ungdomspanelet', body: 'Hei\n\nMå vi ha med noko vedlegg når vi sender innspel om ungdomspanelet?\n\nArne\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('"må også …": a demand with a word between', () => {
  it('a private person\'s "X må også høre …" on one commitment, with a document that cannot be read: input, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Siv Aune <siv.aune@gmail.com>',
        subject: 'Mitt innspill',
        body: 'Hei\n\nSe vedlegget. Kort fortalt: ungdomspanelet må også høre unge som bor i fosterhjem.\n\nSiv\n',
        attachments: [{ filename: 'innspill.doc', contentType: 'application/msword', content: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]) }],
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.commitments.map((c) => c.id)).toContain('ungdomspanel');
    expect(s.receipt.send).toBe(true);
    expect(s.attachments[0]?.problem).not.toBeNull();
  });
});
