// A text prepared once for matching against many rule terms: folded, split into words on first
// use, with look-ups by word, first letter and Norwegian stem.
import { foldText, tokenize, type Token } from './fold.js';
import { stemNo } from './stem.js';

export interface WordPattern {
  kind: 'exact' | 'prefix' | 'suffix' | 'contains';
  value: string;
  /** Its place in each text's table of matching words: one per distinct pattern (wordPattern). */
  id: number;
  /** For an exact word of five letters or more: its Norwegian stem (inflections match by it). */
  stem: string | null;
  /** Whether a text's word with one letter wrong also matches (see TYPO_LENGTH). */
  typos: boolean;
  /**
   * For an exact word: the word, with -s and with 's, the forms looked up as they are. Made once:
   * a string put together for each look-up is a new string to hash every time (every text asks).
   */
  forms: readonly string[];
}

/**
 * A whole word or a word's beginning of this many letters or more, written in a rule, also matches
 * a text's word with one slip of the keyboard in it: a letter wrong, missing or extra, or two
 * letters swapped ("reele rettighethavere", "byggesaksfirster"). Long words are compounds that
 * differ from every other word by more than one letter, so the slip is all that separates them;
 * shorter words are left exact ("plan" and "plass", "arkiv" and "arkiv-" are other words). The
 * first letter must be right: people mistype inside a word, and a text's words are looked up by it.
 */
export const TYPO_LENGTH = 10;

/** Whether a can be made b by at most one edit: a letter changed, added or removed, or two
 *  neighbouring letters swapped (the optimal string alignment distance is 0 or 1). */
export function withinOneEdit(a: string, b: string): boolean {
  return prefixWithinOneEdit(a, a.length, b);
}

/**
 * withinOneEdit(a.slice(0, n), b) without the slices: compared unit by unit in place. Typo-tolerant
 * patterns are tried against every word with their first letter (matching), up to three prefixes
 * of each for a prefix pattern, and each slice was a new string (issue 17).
 */
function prefixWithinOneEdit(a: string, n: number, b: string): boolean {
  const m = b.length;
  const d = n - m;
  if (d > 1 || d < -1) return false;
  let i = 0;
  while (i < n && i < m && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n && i === m) return true;
  if (d === 1) return sameUnits(a, i + 1, b, i, m - i);
  if (d === -1) return sameUnits(a, i, b, i + 1, n - i);
  if (sameUnits(a, i + 1, b, i + 1, n - i - 1)) return true;
  return i + 1 < n && a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameUnits(a, i + 2, b, i + 2, n - i - 2);
}

/** Whether the `count` units of a from `ai` are those of b from `bi`. */
function sameUnits(a: string, ai: number, b: string, bi: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
  return true;
}

/** A text's word that matches a typo-tolerant pattern only through one slip (wordMatches has
 *  already said no to it as written). */
function typoMatches(p: WordPattern, word: string): boolean {
  if (word[0] !== p.value[0]) return false;
  const n = p.value.length;
  if (p.kind === 'prefix') {
    for (let k = n - 1; k <= n + 1 && k <= word.length; k++) if (prefixWithinOneEdit(word, k, p.value)) return true;
    return false;
  }
  if (withinOneEdit(word, p.value)) return true;
  // An inflected form with the slip ("rettighethaverne"): compare the stems, both long enough that
  // one letter does not make them another word.
  return p.stem !== null && p.stem.length >= TYPO_LENGTH - 1 && word.length >= TYPO_LENGTH - 1 && withinOneEdit(stemNo(word), p.stem);
}

const patterns = new Map<string, WordPattern>();

/** The one pattern of this kind and value (rules' terms share words: "åpne data", "åpne kulturdata"). */
export function wordPattern(kind: WordPattern['kind'], value: string): WordPattern {
  const key = `${kind}:${value}`;
  let p = patterns.get(key);
  if (!p) {
    const stem = kind === 'exact' && value.length >= 5 ? stemNo(value) : null;
    const typos = (kind === 'exact' || kind === 'prefix') && value.length >= TYPO_LENGTH;
    const forms = kind === 'exact' ? [value, `${value}s`, `${value}'s`] : [];
    patterns.set(key, (p = { kind, value, id: patterns.size, stem, typos, forms }));
  }
  return p;
}

/** Whether one word of a text matches one word of a term. */
export function wordMatches(p: WordPattern, word: string): boolean {
  switch (p.kind) {
    case 'prefix':
      return word.startsWith(p.value) || (p.typos && typoMatches(p, word));
    case 'suffix':
      return word.endsWith(p.value);
    case 'contains':
      return word.includes(p.value);
    case 'exact':
      if (word === p.value) return true;
      if (word === p.value + 's' || word === p.value + "'s") return true;
      // Inflections: compare Norwegian stems, but only for words long enough that a stem means something.
      if (p.stem !== null && word.length >= 5 && word[0] === p.value[0] && stemNo(word) === p.stem) return true;
      return p.typos && typoMatches(p, word);
  }
}

/** The one empty answer (never changed: readers only read what matching and at give). */
const NO_TOKENS: Token[] = [];
const NO_WORDS: string[] = [];

interface WordIndex {
  /** Every token, in word order (tokenize() makes them so: a word, then its hyphenated parts). */
  tokens: readonly Token[];
  /**
   * Where each word's tokens begin in `tokens` (one more entry than words, the last is the end).
   * One typed array instead of an array per word: a text of 200,000 words held that many small
   * arrays, about 35 MB (issue 17).
   */
  starts: Int32Array;
  /** Every token of each distinct word; the map's order is the order of first occurrence. */
  unique: Map<string, Token[]>;
  /** Distinct words by their first letter: prefix and exact patterns only look at their own letter. */
  byFirst: Map<string, string[]>;
  /** Order of first occurrence of each distinct word. */
  firstSeen: Map<string, number>;
}

function indexWords(tokens: readonly Token[]): WordIndex {
  const words = tokens.length === 0 ? 0 : tokens[tokens.length - 1]!.index + 1;
  const index: WordIndex = { tokens, starts: new Int32Array(words + 1), unique: new Map(), byFirst: new Map(), firstSeen: new Map() };
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (next <= t.index) index.starts[next++] = i;
    let same = index.unique.get(t.word);
    if (!same) {
      index.unique.set(t.word, (same = []));
      index.firstSeen.set(t.word, index.firstSeen.size);
      const letter = t.word[0]!;
      let words = index.byFirst.get(letter);
      if (!words) index.byFirst.set(letter, (words = []));
      words.push(t.word);
    } else {
      // One string per distinct word, not per occurrence (the same text, so nothing changes).
      t.word = same[0]!.word;
    }
    same.push(t);
  }
  while (next <= words) index.starts[next++] = tokens.length;
  return index;
}

/**
 * A text shorter than this is searched for a string as it is (includes): a look at the text's
 * four-letter pieces (GramSet) pays only where a search reads many characters.
 */
const GRAM_MIN_LENGTH = 256;

/** The hash of the four UTF-16 units at `i` (i + 3 < text.length), for GramSet's bits. */
function gramHash(text: string, i: number): number {
  const a = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
  const b = (text.charCodeAt(i + 2) << 16) | text.charCodeAt(i + 3);
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
}

/**
 * Which runs of four UTF-16 units (grams) a text has, as bits of their hashes: a string one of
 * whose grams is not there is not in the text, found without reading the text. A bit set may be
 * another gram's (a hash collision), so a string whose grams are all there is still searched for
 * (includes): the answer is always includes()'s. About eight bits a character: a string absent from
 * the text is let through only when each of its grams hits a set bit (about one in nine each).
 */
export class GramSet {
  private readonly bits: Int32Array;
  private readonly shift: number;

  constructor(text: string) {
    // The smallest power of two of at least eight bits a character (at least 2^10, at most 2^23).
    let log = 10;
    while (log < 23 && 1 << log < text.length * 8) log++;
    this.bits = new Int32Array(1 << (log - 5));
    this.shift = 32 - log;
    for (let i = 0; i + 3 < text.length; i++) {
      const h = gramHash(text, i) >>> this.shift;
      this.bits[h >>> 5]! |= 1 << (h & 31);
    }
  }

  /** False when `s` (four units or more) cannot be in the text; true when it may be. */
  mayHave(s: string): boolean {
    for (let i = 0; i + 3 < s.length; i++) {
      const h = gramHash(s, i) >>> this.shift;
      if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    }
    return true;
  }
}

/** A text prepared once for matching against many terms. */
export class FoldedText {
  readonly original: string;
  readonly folded: string;
  /** The words and their look-ups: made on first use (a text only searched with `re:` terms, or
   *  never reached because a term was found earlier, is never split into words). */
  private index: WordIndex | null = null;
  /**
   * The tokens matching each pattern asked about, by the pattern's id: an array made as long as
   * there are patterns on the first look (about 2,150 patterns a record are asked for the first
   * time; kept in a Map by number, the matching took about 15 % longer). A pattern made later still
   * fits: the array grows.
   */
  private cache: Array<Token[] | undefined> | null = null;
  /** Other results computed over this text, by a key their maker chooses (see terms.ts). */
  private readonly memos = new Map<string, unknown>();
  /** Strings looked for in the folded text (includes), and whether they are there. */
  private readonly looked = new Map<string, boolean>();
  /** The text's four-letter pieces, for includes (made on the first look at a long text). */
  private grams: GramSet | null = null;
  /** Distinct words of 5+ letters by Norwegian stem, in order of first occurrence (made on first use). */
  private byStem: Map<string, string[]> | null = null;

  constructor(original: string) {
    this.original = original;
    this.folded = foldText(original);
  }

  private words(): WordIndex {
    return (this.index ??= indexWords(tokenize(this.folded)));
  }

  get wordCount(): number {
    return this.words().starts.length - 1;
  }

  /** The tokens of the word at `index` (the whole word, then its hyphenated parts). */
  at(index: number): Token[] {
    const { tokens, starts } = this.words();
    if (index < 0 || index >= starts.length - 1) return NO_TOKENS;
    return tokens.slice(starts[index], starts[index + 1]);
  }

  /**
   * The first token of the word at `index` (the whole word, then its hyphenated parts) that matches
   * a pattern: `at(index).find(…)` without the copy of the tokens (a phrase's next word is looked
   * at this way for every place its first word is found).
   */
  firstAt(index: number, p: WordPattern): Token | undefined {
    const { tokens, starts } = this.words();
    if (index < 0 || index >= starts.length - 1) return undefined;
    for (let i = starts[index]!, end = starts[index + 1]!; i < end; i++) if (wordMatches(p, tokens[i]!.word)) return tokens[i];
    return undefined;
  }

  /** Every token matching one word pattern, in text order (memoised per pattern). */
  matching(p: WordPattern): Token[] {
    const cache = (this.cache ??= new Array<Token[] | undefined>(patterns.size));
    let found = cache[p.id];
    if (found) return found;
    found = [];
    const { unique, byFirst, firstSeen } = this.words();
    // Most patterns match no word of a text: nothing is made for them but the one empty answer.
    if (p.kind === 'exact' && p.value.length < 5) {
      for (const v of p.forms) found.push(...(unique.get(v) ?? NO_TOKENS));
    } else if (p.kind === 'exact') {
      // The words wordMatches() accepts, found by lookup instead of trying every word with the same
      // first letter: the word itself, with -s or 's, and words of 5+ letters with the same first
      // letter and stem. Taken in order of first occurrence, as the scan would take them.
      let words: Set<string> | null = null;
      for (const v of p.forms) if (unique.has(v)) (words ??= new Set()).add(v);
      for (const w of this.stemIndex().get(p.stem!) ?? NO_WORDS) if (w[0] === p.value[0]) (words ??= new Set()).add(w);
      if (p.typos) for (const w of byFirst.get(p.value[0]!) ?? NO_WORDS) if (w.length >= TYPO_LENGTH - 1 && !words?.has(w) && typoMatches(p, w)) (words ??= new Set()).add(w);
      if (words) {
        const ordered = [...words].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!);
        for (const w of ordered) found.push(...unique.get(w)!);
      }
    } else if (p.kind === 'prefix') {
      for (const word of byFirst.get(p.value[0]!) ?? NO_WORDS) if (wordMatches(p, word)) found.push(...unique.get(word)!);
    } else {
      for (const word of unique.keys()) if (wordMatches(p, word)) found.push(...unique.get(word)!);
    }
    if (found.length === 0) found = NO_TOKENS;
    else if (found.length > 1) found.sort((a, b) => a.start - b.start);
    cache[p.id] = found;
    return found;
  }

  /**
   * Whether the folded text has this string anywhere (memoised: the rules' expressions share their
   * words, and terms.ts asks each expression's before searching with it).
   */
  includes(s: string): boolean {
    let found = this.looked.get(s);
    if (found === undefined) {
      // Most looks find nothing (89 % over the bench store's records), and each read the whole text:
      // 770 looks a record read 3.7 million characters, 11 % of reclassify's CPU. The text's
      // grams, made in one pass, answer most of them without a read (GramSet).
      if (s.length >= 4 && this.folded.length >= GRAM_MIN_LENGTH && !(this.grams ??= new GramSet(this.folded)).mayHave(s)) found = false;
      else found = this.folded.includes(s);
      this.looked.set(s, found);
    }
    return found;
  }

  /**
   * False only when the folded text cannot have this string; true when it has it or, in a long
   * text, may have it: the answer of the text's grams alone (GramSet), the text not read. For a
   * reader that can skip work on a no and asks includes() before it acts on a yes (terms.ts).
   */
  mayInclude(s: string): boolean {
    if (s.length >= 4 && this.folded.length >= GRAM_MIN_LENGTH) return (this.grams ??= new GramSet(this.folded)).mayHave(s);
    return this.includes(s);
  }

  /** A result computed once over this text, by key (e.g. an expression's matches). */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  private stemIndex(): Map<string, string[]> {
    if (this.byStem) return this.byStem;
    const index = new Map<string, string[]>();
    for (const word of this.words().unique.keys()) {
      if (word.length < 5) continue;
      const stem = stemNo(word);
      let list = index.get(stem);
      if (!list) index.set(stem, (list = []));
      list.push(word);
    }
    this.byStem = index;
    return index;
  }

  /** Up to `width` characters of the original around [start, end), on one line. */
  snippet(start: number, end: number, width = 90): string {
    const pad = Math.max(10, Math.floor((width - (end - start)) / 2));
    let a = Math.max(0, start - pad);
    let b = Math.min(this.original.length, end + pad);
    // Do not cut words in half.
    while (a > 0 && a < start && /\S/.test(this.original[a - 1]!)) a++;
    while (b < this.original.length && b > end && /\S/.test(this.original[b]!)) b--;
    const body = this.original.slice(a, b).replace(/\s+/g, ' ').trim();
    return `${a > 0 ? '…' : ''}${body}${b < this.original.length ? '…' : ''}`;
  }
}
