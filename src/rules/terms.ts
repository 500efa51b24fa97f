// Keyword terms as caseworkers write them in rules/*.yaml, compiled once into a matcher.
//
// A term is one or more words separated by spaces; every word must match consecutive words of
// the text. A word is written as
//   arkiv        the word itself or an inflection of it (same Norwegian stem, or English -s)
//   arkiv*       any word that starts with "arkiv" (arkivet, arkivlova, arkivverket …)
//   *korrupsjon* any word that contains it (antikorrupsjonsarbeidet …)
//   *plikt       any word that ends with it
// A term written `re:<regular expression>` is matched against the folded text as it is.
// Case and accents other than æ, ø, å do not matter ("Ungdomspanelet" = "ungdomspanelet").
import { stemNo } from './stem.js';

export interface TermHit {
  term: string;
  start: number;
  end: number;
}

interface WordPattern {
  kind: 'exact' | 'prefix' | 'suffix' | 'contains';
  value: string;
}

interface CompiledTerm {
  source: string;
  words: WordPattern[] | null;
  /** For `re:` terms: the expression as written. Its compiled forms are made on first use. */
  pattern: string | null;
  /** The exact expression (global), the one without its \b checks (see looseRegExp; null when
   *  there is no \b), and the exact one anchored (sticky). undefined: not compiled yet. */
  regex?: RegExp;
  loose?: RegExp | null;
  sticky?: RegExp;
}

const KEEP = new Set(['æ', 'ø', 'å']);

// JavaScript's \b only knows ASCII letters, so "\bpå\b" would never match after "å". Rules are
// matched against folded text (lower case, Latin letters with æ, ø, å), so a letter here is a
// digit or a Latin letter; the small class keeps the ~100 rule expressions quick to compile.
const LETTER = '[0-9A-Za-z\\u00c0-\\u024f]';
const BOUNDARY = `(?:(?<=${LETTER})(?!${LETTER})|(?<!${LETTER})(?=${LETTER}))`;
const compiled = new Map<string, RegExp>();

/** Compiles a rules regular expression with a \b that treats æ, ø, å as letters (memoised). */
export function rulesRegExp(source: string, flags = 'u'): RegExp {
  const f = flags.includes('u') ? flags : `${flags}u`;
  const key = `${f}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source.replace(/(?<!\\)\\b/g, BOUNDARY), f);
    compiled.set(key, re);
  }
  // A global expression keeps its position between uses: hand out a fresh one.
  return f.includes('g') ? new RegExp(re) : re;
}

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
    tokens.push({ word, index, start, end });
    if (hyphen) {
      let offset = start;
      for (const part of word.split('-')) {
        if (part.length > 0) tokens.push({ word: part, index, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
    }
    index++;
    i = end;
  }
  return tokens;
}

/** Checks a term's syntax; returns a sentence saying what is wrong, or null. */
export function termSyntaxError(source: string): string | null {
  const s = source.trim();
  if (s.length === 0) return 'a term is empty';
  if (s.startsWith('re:')) {
    try {
      rulesRegExp(s.slice(3));
      return null;
    } catch (err) {
      return `the regular expression "${s.slice(3)}" is not valid: ${(err as Error).message}`;
    }
  }
  for (const w of s.split(/\s+/)) {
    const core = w.replace(/^\*/, '').replace(/\*$/, '');
    if (core.length === 0) return `the term "${source}" has a word that is only "*"`;
    if (core.includes('*')) return `in "${source}", "*" may stand only at the start or the end of a word`;
  }
  return null;
}

function compileWord(w: string): WordPattern {
  const folded = foldText(w);
  const lead = folded.startsWith('*');
  const trail = folded.endsWith('*') && folded.length > 1;
  const value = folded.replace(/^\*/, '').replace(/\*$/, '');
  if (lead && trail) return { kind: 'contains', value };
  if (lead) return { kind: 'suffix', value };
  if (trail) return { kind: 'prefix', value };
  return { kind: 'exact', value };
}

/**
 * The expression with every \b removed. It matches wherever the exact expression matches (an
 * assertion taken away can only allow more), and, unlike the exact one, it lets the regular
 * expression engine jump straight to its literal text: the exact \b (a lookbehind/lookahead pair on
 * Unicode classes) is tried at every position of the text, which made the rules' regular
 * expressions the largest cost of classifying a long document. null when there is no \b.
 */
function looseRegExp(source: string): RegExp | null {
  if (!/(?<!\\)\\b/.test(source)) return null;
  try {
    return new RegExp(source.replace(/(?<!\\)\\b/g, ''), 'gu');
  } catch {
    return null;
  }
}

function compileTerm(source: string): CompiledTerm {
  const s = source.trim();
  if (s.startsWith('re:')) {
    // Compiled when first used: each \b costs about a millisecond to compile (its Unicode classes),
    // and a start-up (a CLI command, a worker) needs few of them or none.
    return { source, words: null, pattern: s.slice(3) };
  }
  return { source, words: s.split(/\s+/).map(compileWord), pattern: null };
}

/** The index after the code point at `i` (the 'u' flag steps over whole surrogate pairs). */
function nextIndex(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return i + 2;
  }
  return i + 1;
}

/**
 * Every match of a `re:` term, exactly as `text.matchAll(term.regex)` finds them, but fast: the
 * loose expression finds the next place where a match can start, and the exact expression is
 * tried only there (anchored). A place where the exact expression matches is always a place where
 * the loose one does, so nothing is missed, and the matches come out in the same order.
 */
function regexHits(term: CompiledTerm, text: string, hits: TermHit[]): void {
  if (term.loose === undefined) term.loose = looseRegExp(term.pattern!);
  const loose = term.loose;
  if (!loose) {
    const regex = (term.regex ??= rulesRegExp(term.pattern!, 'gu'));
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) hits.push({ term: term.source, start: m.index, end: m.index + m[0].length });
    return;
  }
  let pos = 0;
  while (pos <= text.length) {
    loose.lastIndex = pos;
    const candidate = loose.exec(text);
    if (!candidate) return;
    const at = candidate.index;
    const sticky = (term.sticky ??= rulesRegExp(term.pattern!, 'uy'));
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) {
      hits.push({ term: term.source, start: at, end: at + m[0].length });
      pos = m[0].length > 0 ? at + m[0].length : nextIndex(text, at);
    } else {
      pos = nextIndex(text, at);
    }
  }
}

function wordMatches(p: WordPattern, word: string): boolean {
  switch (p.kind) {
    case 'prefix':
      return word.startsWith(p.value);
    case 'suffix':
      return word.endsWith(p.value);
    case 'contains':
      return word.includes(p.value);
    case 'exact':
      if (word === p.value) return true;
      if (word === p.value + 's' || word === p.value + "'s") return true;
      // Inflections: compare Norwegian stems, but only for words long enough that a stem means something.
      return p.value.length >= 5 && word.length >= 5 && word[0] === p.value[0] && stemNo(word) === stemNo(p.value);
  }
}

/** A compiled set of terms; `find` returns every occurrence of every term in a text. */
export class TermMatcher {
  private readonly terms: CompiledTerm[];

  constructor(sources: readonly string[]) {
    this.terms = sources.map(compileTerm);
  }

  get size(): number {
    return this.terms.length;
  }

  find(text: FoldedText): TermHit[] {
    const hits: TermHit[] = [];
    for (const term of this.terms) termHits(term, text, hits);
    return hits;
  }

  /**
   * The first hit of the first term (in the rules' order) that occurs in any of the texts, tried in
   * order, and the text it is in; null when no term occurs. A term never spans two texts. For one
   * text this is `find(text)[0]`, found without looking for the rest.
   */
  first(texts: readonly FoldedText[]): { text: FoldedText; hit: TermHit } | null {
    const hits: TermHit[] = [];
    for (const term of this.terms) {
      for (const text of texts) {
        termHits(term, text, hits);
        if (hits.length > 0) return { text, hit: hits[0]! };
      }
    }
    return null;
  }
}

/** Adds every occurrence of one term in the text to `hits`, in text order. */
function termHits(term: CompiledTerm, text: FoldedText, hits: TermHit[]): void {
  if (term.pattern !== null) {
    regexHits(term, text.folded, hits);
    return;
  }
  const words = term.words!;
  for (const first of text.matching(words[0]!)) {
    let end = first.end;
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      const next = text.at(first.index + k).find((t) => wordMatches(words[k]!, t.word));
      if (!next) {
        ok = false;
        break;
      }
      end = next.end;
    }
    if (ok) hits.push({ term: term.source, start: first.start, end });
  }
}

const NO_TOKENS: Token[] = [];
const NO_WORDS: string[] = [];

interface WordIndex {
  /** Tokens by their position in the word sequence (dense: 0 … words − 1). */
  byIndex: Token[][];
  /** Every token of each distinct word; the map's order is the order of first occurrence. */
  unique: Map<string, Token[]>;
  /** Distinct words by their first letter: prefix and exact patterns only look at their own letter. */
  byFirst: Map<string, string[]>;
  /** Order of first occurrence of each distinct word. */
  firstSeen: Map<string, number>;
}

function indexWords(tokens: readonly Token[]): WordIndex {
  const index: WordIndex = { byIndex: [], unique: new Map(), byFirst: new Map(), firstSeen: new Map() };
  for (const t of tokens) {
    let list = index.byIndex[t.index];
    if (!list) index.byIndex[t.index] = list = [];
    list.push(t);
    let same = index.unique.get(t.word);
    if (!same) {
      index.unique.set(t.word, (same = []));
      index.firstSeen.set(t.word, index.firstSeen.size);
      const letter = t.word[0]!;
      let words = index.byFirst.get(letter);
      if (!words) index.byFirst.set(letter, (words = []));
      words.push(t.word);
    }
    same.push(t);
  }
  return index;
}

/** A text prepared once for matching against many terms. */
export class FoldedText {
  readonly original: string;
  readonly folded: string;
  /** The words and their look-ups: made on first use (a text only searched with `re:` terms, or
   *  never reached because a term was found earlier, is never split into words). */
  private index: WordIndex | null = null;
  private readonly cache = new Map<string, Token[]>();
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
    return this.words().byIndex.length;
  }

  at(index: number): Token[] {
    return this.words().byIndex[index] ?? NO_TOKENS;
  }

  /** Every token matching one word pattern, in text order (memoised per pattern). */
  matching(p: WordPattern): Token[] {
    const key = `${p.kind}:${p.value}`;
    let found = this.cache.get(key);
    if (found) return found;
    found = [];
    const { unique, byFirst, firstSeen } = this.words();
    if (p.kind === 'exact' && p.value.length < 5) {
      for (const v of [p.value, p.value + 's', p.value + "'s"]) found.push(...(unique.get(v) ?? []));
    } else if (p.kind === 'exact') {
      // The words wordMatches() accepts, found by lookup instead of trying every word with the same
      // first letter: the word itself, with -s or 's, and words of 5+ letters with the same first
      // letter and stem. Taken in order of first occurrence, as the scan would take them.
      const words = new Set<string>();
      for (const v of [p.value, p.value + 's', p.value + "'s"]) if (unique.has(v)) words.add(v);
      for (const w of this.stemIndex().get(stemNo(p.value)) ?? NO_WORDS) if (w[0] === p.value[0]) words.add(w);
      const ordered = [...words].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!);
      for (const w of ordered) found.push(...unique.get(w)!);
    } else if (p.kind === 'prefix') {
      for (const word of byFirst.get(p.value[0]!) ?? NO_WORDS) if (word.startsWith(p.value)) found.push(...unique.get(word)!);
    } else {
      for (const word of unique.keys()) if (wordMatches(p, word)) found.push(...unique.get(word)!);
    }
    found.sort((a, b) => a.start - b.start);
    this.cache.set(key, found);
    return found;
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
