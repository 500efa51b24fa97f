// Text that was UTF-8 but was read as Latin-1: "jeg foreslÃ¥r at ungdomspanelet ogsÃ¥ fÃ¥r mÃ¸te
// statsrÃ¥den". A mail program that writes UTF-8 and labels it iso-8859-1 (or windows-1252) gives
// this, and every word with æ, ø or å is then lost to the rules. The bytes are read again as
// UTF-8, as the attachments' text always is (extract/text.ts: valid UTF-8 wins over the label).
import iconv from 'iconv-lite';

/**
 * windows-1252's characters for the bytes 0x80–0x9f (€, ‚, “, ˜ …), back to their bytes. (Node's
 * own TextDecoder('windows-1252') reads those bytes as Latin-1's control characters.)
 */
const CP1252_BYTES = (() => {
  const map = new Map<number, number>();
  for (let b = 0x80; b < 0xa0; b++) map.set(iconv.decode(Buffer.of(b), 'windows-1252').charCodeAt(0), b);
  return map;
})();

/** A lead byte of a two- to four-byte UTF-8 sequence, then a continuation byte, as Latin-1 or windows-1252 show them. */
const SIGN = /[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6\u02dc\u2013-\u2122]/;

/**
 * The text read again as UTF-8 when it shows UTF-8 read as Latin-1 or windows-1252: every character
 * goes back to one byte, and the bytes are valid UTF-8. Any other text is returned as it is (a
 * character no single-byte reading gives, or bytes that are no UTF-8, say it was read right).
 */
export function utf8ReadAsLatin1(text: string): string {
  if (!SIGN.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c <= 0xff ? c : CP1252_BYTES.get(c);
    if (b === undefined) return text;
    bytes[i] = b;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}
