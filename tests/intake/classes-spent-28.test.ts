// Classes that the spent set spent-28 (was sealed-28, read on 2026-12-04) showed, written again in
// our own words: a young person's opinion in nynorsk that ends in a question ("Kanskje de kan …?")
// is input, not a question to the ministry: "eg synest" and "de må ta med" propose something.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('an opinion that ends in a question', () => {
  it('nynorsk, from a private address: "Eg synest … men de må ta med … Kan de …?" is input, receipt sent', async () => {
    const s = await intake(
      mail({
        from: 'Sigrid Haugland <sigrid.haugland@icloud.com>',
        subject: 'Ungdomspanel',
        body: 'Hei!\n\nEg går på vidaregåande og synest eit ungdomspanel er ein god tanke. Men de må ta med elevar frå yrkesfag òg, ikkje berre frå elevråda. Kan de ikkje betale reisa for dei som bur langt unna?\n\nSigrid\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(true);
  });

  it('a question with no opinion in it is still a question to the ministry (held as "not input" when it is on a commitment)', async () => {
    const s = await intake(
      mail({
        from: 'Sigrid Haugland <sigrid.haugland@icloud.com>',
        subject: 'Ungdomspanel',
        body: 'Hei!\n\nNår blir det klart kven som får vere med i ungdomspanelet? Og kan elevar frå yrkesfag søkje?\n\nSigrid\n',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});
