// Input on thin ground (review code `input-uncertain`): a person's new message that the
// consultation's words made relevant, outside the invitation's thread, with no sentence of the
// letter quoted, no commitment found and no "ingen merknader", is held for a caseworker before any
// receipt. Each case below is written in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { reviewOf, type ReviewInput } from '../../src/intake/review.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';
import type { Rules } from '../../src/rules/types.js';

const rules = projectRules();
const OGP_LETTER = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
const person = 'Håkon Berntsen <hakon.berntsen@gmail.com>';
/** The same rules with the hold switched off (`review.newWithoutCommitment: false`) in every consultation. */
const withoutHold = (r: Rules): Rules => ({ ...r, relevance: { ...r.relevance, review: { ...r.relevance.review, newWithoutCommitment: false } } });
const views = rules.consultations.map(withoutHold);
const off: Rules = { ...withoutHold(rules), consultations: views };
for (const v of views) v.consultations = views;

describe('a new message naming the consultation, with no commitment found', () => {
  // Said of the plan as a whole, nothing on any commitment: it may be input, or a notice, a question
  // or bait that names the plan — a caseworker reads it first.
  const body = 'Hei!\n\nJeg har fulgt arbeidet med handlingsplan 4B for åpenhet i forvaltningen og vil gjerne si at planen bør bli mer ambisiøs enn den forrige.\n\nHilsen Håkon Berntsen';

  it('is filed as input, held for review, and gets no receipt yet', async () => {
    const s = await intake(mail({ from: person, subject: 'Handlingsplan 4B', body }), rules);
    expect(s.relevant).toBe(true);
    expect(s.commitments).toEqual([]);
    expect(s.review?.reasons).toEqual(['input-uncertain']);
    expect(s.review?.notes[0]?.text).toContain('ingen forpliktelse er funnet');
    expect(s.receipt.send).toBe(false);
    expect(s.receipt.code).toBe('held-for-review');
    // without the hold, the same message would have been thanked at once
    expect((await intake(mail({ from: person, subject: 'Handlingsplan 4B', body }), off)).receipt.send).toBe(true);
  });

  it('the same words as a reply in the invitation\'s thread get their receipt', async () => {
    const s = await intake(
      mail({ from: person, subject: 'SV: Invitasjon til å komme med innspill til handlingsplan 4B', body, headers: { 'In-Reply-To': OGP_LETTER, References: OGP_LETTER } }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.review?.reasons ?? []).not.toContain('input-uncertain');
    expect(s.receipt.send).toBe(true);
  });
});

describe('what the hold leaves alone', () => {
  it('a new message on a commitment is receipted at once', async () => {
    const s = await intake(
      mail({
        from: person,
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei!\n\nJeg mener registeret over reelle rettighetshavere må bli åpent for alle, gratis og uten innlogging. Da kan journalister og andre se hvem som eier selskapene.\n\nHilsen Håkon Berntsen',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toContain('reelle-rettighetshavere');
    expect(s.review?.reasons ?? []).not.toContain('input-uncertain');
    expect(s.receipt.send).toBe(true);
  });

  it('a new message whose document could not be read gets its receipt at once, asking for the document again', async () => {
    const s = await intake(
      mail({
        from: person,
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei,\n\nVedlagt er mitt innspill til handlingsplan 4B.\n\nHilsen Håkon Berntsen',
        attachments: [{ filename: 'innspill-4b.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog') }],
      }),
      rules,
    );
    expect(s.attachments[0]?.problem).not.toBeNull();
    expect(s.commitments).toEqual([]);
    expect(s.review?.reasons ?? []).not.toContain('input-uncertain');
    expect(s.receipt.send).toBe(true);
  });

  it('a new message that only says it has no comments keeps its receipt', async () => {
    const s = await intake(
      mail({ from: 'Postmottak <postmottak@fd.dep.no>', subject: 'Handlingsplan 4B for OGP – svar fra Forsvarsdepartementet', body: 'Forsvarsdepartementet har ingen merknader til handlingsplan 4B.\n\nMed hilsen\nForsvarsdepartementet' }),
      rules,
    );
    expect(s.noComments).toBe(true);
    expect(s.review?.reasons ?? []).not.toContain('input-uncertain');
    expect(s.receipt.send).toBe(true);
  });
});

describe('the switch in the rules', () => {
  const base: ReviewInput = {
    isMail: true,
    relevance: { relevant: true, score: 12, reasonCodes: ['signal'] },
    automatic: { kind: null, byWordsOnly: false },
    ownWordCount: 30,
    commitments: { assigned: [], bestLeftOut: null },
    noComments: false,
    forged: null,
    spam: null,
  };

  it('holds only where the consultation\'s rules say so', () => {
    expect(rules.relevance.review.newWithoutCommitment).toBe(true);
    expect(reviewOf(base, rules).reasons).toEqual(['input-uncertain']);
    expect(reviewOf(base, off).needed).toBe(false);
  });

  it('does not hold machine mail, unrelated mail, a thread reply, a quoted letter, a commitment or an unreadable document', () => {
    expect(reviewOf({ ...base, automatic: { kind: 'noreply', byWordsOnly: false } }, rules).needed).toBe(false);
    expect(reviewOf({ ...base, relevance: { relevant: false, score: 0, reasonCodes: [] } }, rules).needed).toBe(false);
    expect(reviewOf({ ...base, relevance: { ...base.relevance, reasonCodes: ['thread'] } }, rules).needed).toBe(false);
    expect(reviewOf({ ...base, relevance: { ...base.relevance, reasonCodes: ['quoted-letter-sentence'] } }, rules).needed).toBe(false);
    expect(reviewOf({ ...base, commitments: { assigned: [9], bestLeftOut: null } }, rules).needed).toBe(false);
    expect(reviewOf({ ...base, unreadableAttachment: true }, rules).needed).toBe(false);
  });
});
