// Folding and word splitting: the text forms every rule is matched against. Folding lower-cases
// and removes accents but keeps æ, ø, å, one UTF-16 unit for one, so offsets stay the original's.

const KEEP = new Set(['æ', 'ø', 'å']);

/** The folded form of one UTF-16 unit that is not plain lower-case ASCII (memoised: texts repeat their letters). */
const foldedChars = new Map<string, string>();

function foldChar(c: string): string {
  let out = foldedChars.get(c);
  if (out !== undefined) return out;
  const code = c.charCodeAt(0);
  if (code < 128) {
    out = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c;
  } else {
    let lower = c.toLowerCase();
    if (lower.length !== 1) lower = c;
    if (KEEP.has(lower)) out = lower;
    else {
      const base = lower.normalize('NFD')[0] ?? lower;
      out = base.length === 1 ? base : lower;
    }
  }
  if (foldedChars.size < 10_000) foldedChars.set(c, out);
  return out;
}

/** Capital ASCII letters and every non-ASCII UTF-16 unit: the only ones folding may change. */
const FOLDABLE = /[A-Z\u0080-\uffff]/g;

/**
 * Lower-cases and removes accents (é → e, ö → o) but keeps æ, ø, å, character for character, so
 * offsets in the folded text are offsets in the original.
 */
export function foldText(text: string): string {
  // Only the units that can change are visited (one by one, as UTF-16 units); the rest is copied.
  const out = text.replace(FOLDABLE, foldChar);
  // Typographic dashes and quotes behave as their plain forms.
  return out.replace(/[‐‑‒–—]/g, '-').replace(/[’‘]/g, "'");
}

export interface Token {
  word: string;
  /** Position in the word sequence; the parts of a hyphenated word share their whole word's. */
  index: number;
  start: number;
  end: number;
}

/** A letter or digit (the word characters): decided once per UTF-16 unit, 0 = not yet known. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordUnit = new Uint8Array(0x10000);

/** The length (1 or 2 units) of the letter or digit at `i`, or 0 when there is none there. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = wordUnit[c]!;
  if (known === 0) wordUnit[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** The end of the run of letters and digits that starts at `i` (i itself when there is none). */
function runEnd(text: string, i: number): number {
  let n: number;
  while (i < text.length && (n = wordCharAt(text, i)) > 0) i += n;
  return i;
}

/**
 * Splits folded text into words; "OGP-handlingsplan" yields the whole word and both parts.
 * A word is a run of letters and digits, runs joined by single hyphens or apostrophes: what the
 * expression [\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)* finds with the u flag, read here with a scanner
 * (the expression took longer than all the matching of a long document).
 */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  eachToken(folded, (word, index, start, end) => tokens.push({ word, index, start, end }));
  return tokens;
}

/**
 * The tokens of tokenize(), one at a time, none kept: for a reader that only counts words (a text of
 * a million characters made 200,000 token objects at once).
 */
export function eachToken(folded: string, visit: (word: string, index: number, start: number, end: number) => void): void {
  let index = 0;
  let i = 0;
  const length = folded.length;
  while (i < length) {
    const n = wordCharAt(folded, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = runEnd(folded, i + n);
    let hyphen = false;
    for (;;) {
      const sep = folded.charCodeAt(end);
      if (sep !== 45 && sep !== 39) break; // '-' or "'"
      const next = runEnd(folded, end + 1);
      if (next === end + 1) break;
      if (sep === 45) hyphen = true;
      end = next;
    }
    const word = folded.slice(start, end);
    visit(word, index, start, end);
    if (hyphen) {
      let offset = start;
      for (const part of word.split('-')) {
        if (part.length > 0) visit(part, index, offset, offset + part.length);
        offset += part.length + 1;
      }
    }
    index++;
    i = end;
  }
}
