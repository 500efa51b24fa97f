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

const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

/** Splits folded text into words; "OGP-handlingsplan" yields the whole word and both parts. */
export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  for (const m of folded.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    tokens.push({ word, index, start, end: start + word.length });
    if (word.includes('-')) {
      let offset = start;
      for (const part of word.split('-')) {
        if (part.length > 0) tokens.push({ word: part, index, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
    }
    index++;
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
    for (const term of this.terms) {
      if (term.pattern !== null) {
        regexHits(term, text.folded, hits);
        continue;
      }
      const words = term.words!;
      const firstHits = text.matching(words[0]!);
      for (const first of firstHits) {
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
    return hits;
  }
}

const NO_TOKENS: Token[] = [];
const NO_WORDS: string[] = [];

/** A text prepared once for matching against many terms. */
export class FoldedText {
  readonly original: string;
  readonly folded: string;
  private readonly tokens: Token[];
  /** Tokens by their position in the word sequence (dense: 0 … words − 1). */
  private readonly byIndex: Token[][] = [];
  private readonly cache = new Map<string, Token[]>();
  private readonly unique = new Map<string, Token[]>();
  /** Distinct words by their first letter: prefix and exact patterns only look at their own letter. */
  private readonly byFirst = new Map<string, string[]>();
  /** Distinct words of 5+ letters by Norwegian stem, in order of first occurrence (made on first use). */
  private byStem: Map<string, string[]> | null = null;
  /** Order of first occurrence of each distinct word. */
  private readonly firstSeen = new Map<string, number>();

  /** `prepared`: the folded text and its tokens, when already known (see join()). */
  constructor(original: string, prepared?: { folded: string; tokens: Token[] }) {
    this.original = original;
    this.folded = prepared?.folded ?? foldText(original);
    this.tokens = prepared?.tokens ?? tokenize(this.folded);
    for (const t of this.tokens) {
      let list = this.byIndex[t.index];
      if (!list) this.byIndex[t.index] = list = [];
      list.push(t);
      let same = this.unique.get(t.word);
      if (!same) {
        this.unique.set(t.word, (same = []));
        this.firstSeen.set(t.word, this.firstSeen.size);
        const letter = t.word[0]!;
        let words = this.byFirst.get(letter);
        if (!words) this.byFirst.set(letter, (words = []));
        words.push(t.word);
      }
      same.push(t);
    }
  }

  get wordCount(): number {
    return this.byIndex.length;
  }

  /**
   * The same as `new FoldedText(parts.map((p) => p.original).join('\n'))`, made from texts already
   * folded and split: folding goes character by character and no word spans a line break, so the
   * parts' folded texts and words, shifted, are exactly those of the whole.
   */
  static join(parts: readonly FoldedText[]): FoldedText {
    const tokens: Token[] = [];
    let offset = 0;
    let words = 0;
    parts.forEach((part, i) => {
      if (i > 0) offset += 1;
      for (const t of part.tokens) tokens.push({ word: t.word, index: t.index + words, start: t.start + offset, end: t.end + offset });
      offset += part.original.length;
      words += part.wordCount;
    });
    return new FoldedText(parts.map((p) => p.original).join('\n'), { folded: parts.map((p) => p.folded).join('\n'), tokens });
  }

  at(index: number): Token[] {
    return this.byIndex[index] ?? NO_TOKENS;
  }

  /** Every token matching one word pattern, in text order (memoised per pattern). */
  matching(p: WordPattern): Token[] {
    const key = `${p.kind}:${p.value}`;
    let found = this.cache.get(key);
    if (found) return found;
    found = [];
    if (p.kind === 'exact' && p.value.length < 5) {
      for (const v of [p.value, p.value + 's', p.value + "'s"]) found.push(...(this.unique.get(v) ?? []));
    } else if (p.kind === 'exact') {
      // The words wordMatches() accepts, found by lookup instead of trying every word with the same
      // first letter: the word itself, with -s or 's, and words of 5+ letters with the same first
      // letter and stem. Taken in order of first occurrence, as the scan would take them.
      const words = new Set<string>();
      for (const v of [p.value, p.value + 's', p.value + "'s"]) if (this.unique.has(v)) words.add(v);
      for (const w of this.stemIndex().get(stemNo(p.value)) ?? NO_WORDS) if (w[0] === p.value[0]) words.add(w);
      const ordered = [...words].sort((a, b) => this.firstSeen.get(a)! - this.firstSeen.get(b)!);
      for (const w of ordered) found.push(...this.unique.get(w)!);
    } else if (p.kind === 'prefix') {
      for (const word of this.byFirst.get(p.value[0]!) ?? NO_WORDS) if (word.startsWith(p.value)) found.push(...this.unique.get(word)!);
    } else {
      for (const word of this.unique.keys()) if (wordMatches(p, word)) found.push(...this.unique.get(word)!);
    }
    found.sort((a, b) => a.start - b.start);
    this.cache.set(key, found);
    return found;
  }

  private stemIndex(): Map<string, string[]> {
    if (this.byStem) return this.byStem;
    const index = new Map<string, string[]>();
    for (const word of this.unique.keys()) {
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
