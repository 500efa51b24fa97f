// Classes from spent sets read on 2026-12-06, written again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a late nynorsk hearing reply that only says children must have their say before plans are adopted', () => {
  it('is input to the hearing on participation, late, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        date: 'Wed, 16 Jun 2021 20:10:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Wed, 16 Jun 2021 20:10:05 +0200'],
        body: 'Hei\n\nBeklagar at dette kjem etter fristen. Ungdomen i bygda må få seie si meining om gang- og sykkelvegar før reguleringsplanane blir vedtekne.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('medvirkning');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('the same words about an opinion with no plan in the sentence add nothing', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        body: 'Hei\n\nUngdomen må få seie si meining om kantina på skulen.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).not.toContain('medvirkning');
    expect(s.receipt.send).toBe(false);
  });
});

// An old Word file (its OLE signature and nothing readable after it): its text cannot be read.
const OLD_WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

describe('a short note whose document cannot be read, held for a person: under the consultation it is most likely for', () => {
  const note = (body: string, subject: string, filename: string, date = 'Thu, 13 May 2021 10:00:00 +0200', from = 'Liv Aas <liv.aas@gmail.com>') =>
    mail({
      from,
      subject,
      date,
      received: [`from mail.gmail.com by mx01.dep.no; ${date}`],
      body,
      attachments: [{ filename, contentType: 'application/msword', content: OLD_WORD }],
    });

  it('the one whose commitments its few words touch', async () => {
    // (the words are too few for either consultation: the other one was put first for the words it
    // might have had, before its commitments were scored)
    const body = 'Et par ord om eInnsyn fra oss, resten står i vedlegget.\n\nPer Lie\nFagpressen';
    const s = await intake(note(body, 'Innspill', 'innspill.doc', undefined, 'Per Lie <per.lie@fagpressen.no>'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
    expect(s.consultation?.id).toBe('ogp-4b');
  });

  it('the one its file name names', async () => {
    const s = await intake(note('Hei, se vedlegg.\n\nLiv Aas', 'Innspill', 'Innspill OGP handlingsplan.doc'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.consultation?.id).toBe('ogp-4b');
  });

  it('with nothing to tell them apart, after one deadline: the one still collecting input', async () => {
    const s = await intake(note('Hei, brevet mitt ligger ved.\n\nLiv Aas', 'Innspill', 'brev.doc', 'Tue, 25 May 2021 11:00:00 +0200'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.consultation?.id).toBe('pbl-2021');
  });
});
