// Classes from spent sets read on 2026-12-07 (sealed-430, -438, -445 and -447, after round 79 was
// written), written again in our own words. The first test of each group fails with the code and
// rules of the commit before the change (checked with src/intake and rules/ stashed); the others
// keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

// An old Word file (its OLE signature and nothing readable after it): its text cannot be read.
const OLD_WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

const note = (from: string, subject: string, body: string, filename = 'innspill.doc') =>
  mail({ from, subject, body, attachments: [{ filename, contentType: 'application/msword', content: OLD_WORD }] });

describe("an invited organisation's input in a document that cannot be read", () => {
  it('is filed as input to the one consultation it is invited to, and its receipt asks for the document again', async () => {
    // Amnesty is on OGP 4B's list only.
    const s = await intake(note('Åse Lid <ase.lid@amnesty.no>', 'Innspill fra Amnesty', 'Hei,\n\nVedlagt vårt innspill.\n\nÅse Lid\nAmnesty'), rules);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.relevance.reasonCodes).toContain('unreadable-input');
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(true);
    expect(s.attachments[0]?.problem).not.toBeNull();
  });

  it('the same for the hearing, from an organisation on its list only', async () => {
    const s = await intake(note('Bente Moe <bente.moe@huseierne.no>', 'Innspill fra Huseiernes Landsforbund', 'Vedlagt våre innspill.\n\nBente Moe', 'innspill.doc'), rules);
    expect(s.relevance.reasonCodes).toContain('unreadable-input');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a reply on another law from the same organisation stays out: its subject names other business', async () => {
    const s = await intake(
      note('Bente Moe <bente.moe@huseierne.no>', 'Høringssvar – husleieloven', 'Vedlagt høringssvar fra oss om husleieloven.', 'Høringssvar husleieloven.pdf'),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an unknown sender is held for a person: nothing says whose input it is or to what', async () => {
    const s = await intake(note('Åse Lid <ase.lid@gmail.com>', 'Innspill', 'Hei,\n\nVedlagt mitt innspill.\n\nÅse'), rules);
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('an organisation invited to both consultations is held: the unread document is what would tell which', async () => {
    const s = await intake(note('Jon Vik <jon.vik@advokatforeningen.no>', 'Innspill', 'Vedlagt innspill fra Advokatforeningen.\n\nJon Vik'), rules);
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('without a word that it is input, an invited organisation\'s unreadable letter is held, not filed', async () => {
    const s = await intake(note('Åse Lid <ase.lid@amnesty.no>', 'Brev', 'Hei,\n\nSe vedlagt brev fra styret.\n\nÅse Lid', 'brev.doc'), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a private person asking the government to open the register, in their own words', () => {
  it('"Eg ber regjeringa opne registeret …" (nynorsk, the verb straight after) is input on the register', async () => {
    const s = await intake(
      mail({
        from: 'Torgeir Ramsli <torgeir.ramsli@hotmail.com>',
        subject: 'Ope eigarskap',
        body: 'Til departementet\n\nEg ber regjeringa opne registeret over reelle rettshavarar for alle, utan krav om å vise berettiga interesse.\n\nHelsing\nTorgeir Ramsli',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
    expect(s.receipt.send).toBe(true);
  });

  it('… and with the government\'s name mistyped ("regjerngen")', async () => {
    const s = await intake(
      mail({
        from: 'Eline Grøtte <eline.grotte@live.no>',
        subject: 'Åpent eierskap',
        body: 'God dag,\n\nJeg ber regjerngen om å åpne registeret over reelle rettighetshavere for alle.\n\nVennlig hilsen\nEline Grøtte',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"Gjør registeret … åpent og gratis for alle" is a demand, and input', async () => {
    const s = await intake(
      mail({
        from: 'Hedda Grav <hedda.grav@outlook.com>',
        subject: 'Innspill',
        body: 'Hei. Gjør registeret over reelle rettighetshavere åpent og gratis for alle. Mvh\n\nHedda Grav\n\nSendt fra min iPhone',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
    expect(s.receipt.send).toBe(true);
  });

  it('a bank asking for access to the register for its own checks is no input', async () => {
    const s = await intake(
      mail({
        from: 'Kari Berg <kari.berg@bank.example>',
        subject: 'Tilgang til registeret',
        body: 'Hei\n\nVi ber dere om å gi oss tilgang til registeret over reelle rettighetshavere for vår kundekontroll. Se vedlagt søknad.\n\nKari Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
