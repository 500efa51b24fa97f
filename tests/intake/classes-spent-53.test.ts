// Classes that spent-53 (was sealed-53, read on 2026-12-05) showed, written again in our own words:
// a document "shared" with the mailbox behind a link that expires is bait, also with a case number
// in its subject; "det burde vært en forpliktelse om …" proposes a new commitment.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a shared document behind a link that expires', () => {
  it.each([
    ['nb', 'Dokument delt: innspill 17/1886', 'Hei\n\nDu har fått et delt dokument fra OGP-sekretariatet: Innspill 17/1886.pdf\nVis dokumentet: https://deling.example.net/d/17886\nLenken utløper om 48 timer.'],
    ['en', 'Document shared: comments on case 21/345', 'You have received a shared document: Comments 21-345.pdf\nView: https://share.example.net/x/21345\nThe document expires in 24 hours.'],
  ])('%s: an imitation held for caseworkers to see, never receipted', async (_what, subject, body) => {
    const s = await intake(mail({ from: 'Dokumentdeling <no-reply@deling.example.net>', subject, body }), rules);
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a new commitment asked for in the past tense of wishing', () => {
  it('"det burde vært en forpliktelse om at …" from a private person: ny-forpliktelse, receipted', async () => {
    const s = await intake(
      mail({ from: 'Eva Lid <eva.lid@gmail.com>', subject: 'Tanker', body: 'Hei. Det burde vært en forpliktelse om at alle statlige stipend publiseres med navn og beløp.\n\nEva' }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });
});
