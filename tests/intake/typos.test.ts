// People write fast: a long word with one slip in it ("rettighethavere", "byggesaksfirster",
// "journalfort" without ø) is still the word a caseworker reads. Before, such a message from a
// private address could match no term of its commitment, and the person's input was left in the
// inbox with no receipt (a campaign member with typos, in a set written blind).
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const judged = async (body: string) => {
  const s = await intake(mail({ from: 'Geir Holm <geir.holm1961@hotmail.com>', subject: 'åpent eierregister', body }), rules);
  return { consultation: s.consultation?.id ?? null, relevant: s.relevant, commitments: s.commitments.map((c) => c.id), receipt: s.receipt.send, review: s.review?.needed ?? false };
};

describe('a long word with one slip in it is judged as the word', () => {
  it('a short message for the register of beneficial owners, from a private address', async () => {
    const right = await judged('hei\n\njeg støtter at det blir et åpent register over reelle rettighetshavere. det må være gratis og uten innlogging.\n\nhilsen geir');
    expect(right).toEqual({ consultation: 'ogp-4b', relevant: true, commitments: ['reelle-rettighetshavere'], receipt: true, review: false });
    expect(await judged('hei\n\njeg stötter at det blir et åpent register over reelle rettighethavere. det må være gratis og uten innlogging.\n\nhilsen geir')).toEqual(right);
  });
});
