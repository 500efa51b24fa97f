// A body whose UTF-8 was labelled iso-8859-1 by the mail program that sent it: read again as UTF-8
// (spent-103 had one, a young person's proposal for the youth panel that was left unanswered).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { utf8ReadAsLatin1 } from '../../src/text/utf8-read-as-latin1.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
/** The text's UTF-8 bytes as a single-byte decoder shows them. */
const asRead = (text: string, encoding: 'latin1' | 'windows-1252') => iconv.decode(Buffer.from(text, 'utf8'), encoding);

describe('utf8ReadAsLatin1', () => {
  it('reads again as UTF-8 what was read as Latin-1', () => {
    expect(asRead('Vi foreslår at møtene blir åpne', 'latin1')).toBe('Vi foreslÃ¥r at mÃ¸tene blir Ã¥pne');
    expect(utf8ReadAsLatin1('Vi foreslÃ¥r at mÃ¸tene blir Ã¥pne')).toBe('Vi foreslår at møtene blir åpne');
  });

  it('and what was read as windows-1252, whose C1 bytes are other characters (Ø is C3 98, shown as Ã˜)', () => {
    const read = asRead('ØRSTA KOMMUNE – «høring» – 5 €', 'windows-1252');
    expect(read).toContain('Ã˜');
    expect(utf8ReadAsLatin1(read)).toBe('ØRSTA KOMMUNE – «høring» – 5 €');
  });

  it('leaves text that was read right as it is', () => {
    for (const text of [
      'Vi foreslår at møtene blir åpne',
      'SÃO PAULO og Ålesund', // Ã before an ASCII letter: no UTF-8 sequence
      'Prisen er 5 £ og Ã¥', // £ alone is a continuation byte with no lead byte: not UTF-8
      'Ã¥ og så Ã', // a lead byte at the end with nothing after it: not UTF-8
      'Tekst med ő og Ã¥', // ő is in no single-byte reading used here
      '',
    ]) {
      expect(utf8ReadAsLatin1(text)).toBe(text);
    }
  });
});

describe('a message labelled iso-8859-1 that is UTF-8', () => {
  it('is read as what the person wrote, and judged on it', async () => {
    const s = await intake(
      mail({
        from: 'Maren Lie <maren.lie@hotmail.com>',
        subject: 'innspill',
        contentType: 'text/plain; charset="iso-8859-1"',
        body: 'hei! jeg foreslår at ungdomspanelet også får møte statsråden minst en gang i året. mvh Maren (17)',
      }),
      rules,
    );
    expect(s.bodyText).toContain('jeg foreslår at ungdomspanelet også får møte statsråden');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['ungdomspanel']);
    expect(s.receipt.send).toBe(true);
  });

  it('a message in real Latin-1 is read as Latin-1, as before', async () => {
    const raw = Buffer.from(
      'From: Ola <ola@ks.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: Innspill\r\nDate: Mon, 10 May 2021 09:59:00 +0200\r\nMessage-ID: <l1@test.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nVi foreslår åpne møter.\r\n',
      'latin1',
    );
    const s = await intake(raw, rules);
    expect(s.bodyText).toContain('Vi foreslår åpne møter.');
  });
});
