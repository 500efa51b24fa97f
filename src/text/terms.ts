// Keyword terms as caseworkers write them in rules/*.yaml, compiled once into a matcher.
//
// A term is one or more words separated by spaces; every word must match consecutive words of
// the text. A word is written as
//   arkiv        the word itself or an inflection of it (same Norwegian stem, or English -s)
//   arkiv*       any word that starts with "arkiv" (arkivet, arkivlova, arkivverket …)
//   *korrupsjon* any word that contains it (antikorrupsjonsarbeidet …)
//   *plikt       any word that ends with it
// A whole word or a beginning of ten letters or more also matches with one slip of the keyboard in
// the text (a letter wrong, missing, extra, or two swapped; not the first letter): TYPO_LENGTH.
// A term written `re:<regular expression>` is matched against the folded text as it is.
// Case and accents other than æ, ø, å do not matter ("Ungdomspanelet" = "ungdomspanelet").
import { foldText, tokenize } from './fold.js';
import { beginsWithRepeatedClass, MAX_CHOICES, requiredPieces, startsWithText, withoutLeadingLookbehind } from './regex-pieces.js';
import { FoldedText, wordPattern, type WordPattern } from './folded-text.js';

export interface TermHit {
  term: string;
  start: number;
  end: number;
}

interface CompiledTerm {
  source: string;
  words: WordPattern[] | null;
  /** For `re:` terms: the expression as written. Its compiled forms are made on first use. */
  pattern: string | null;
  /** Its place in each text's table of hits (tableOf): one per distinct term, whichever rules have it. */
  id: number;
  /** The exact expression (global), the one without its \b checks (see looseRegExp; null when
   *  there is no \b), and the exact one anchored (sticky). undefined: not compiled yet. */
  regex?: RegExp;
  loose?: RegExp | null;
  sticky?: RegExp;
  /** Strings of which every match has one, per entry (see lookFirst); undefined: not read yet. */
  pieces?: string[][];
}

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

/** Checks a term's syntax; returns a sentence saying what is wrong, or null. */
export function termSyntaxError(source: string): string | null {
  const s = source.trim();
  if (s.length === 0) return 'a term is empty';
  if (s.startsWith('re:')) {
    try {
      rulesRegExp(s.slice(3));
    } catch (err) {
      return `the regular expression "${s.slice(3)}" is not valid: ${(err as Error).message}`;
    }
    if (beginsWithRepeatedClass(withoutLeadingLookbehind(s.slice(3)))) {
      return `the regular expression "${s.slice(3)}" begins with a repeated class and no \\b: over one long word (a document of one letter repeated) it would be tried from every letter to the word's end, seconds for one message; begin it with \\b ("\\b[a-zæøå]*tilskudd")`;
    }
    return null;
  }
  for (const w of s.split(/\s+/)) {
    const core = w.replace(/^\*/, '').replace(/\*$/, '');
    if (core.length === 0) return `the term "${source}" has a word that is only "*"`;
    if (core.includes('*')) return `in "${source}", "*" may stand only at the start or the end of a word`;
    if (!canBeWord(w)) {
      return `in "${source}", "${w}" can never match: a text is split into words at spaces and punctuation other than a hyphen or an apostrophe between letters (for "plan- og byggesak" write "plan og byggesak*"; for "(delay)" write "delay"; or use re:)`;
    }
  }
  return null;
}

/**
 * Whether a word of a term can match a word of a text: written as it is (with a letter where a
 * "*" stands), it must be read as one word. "plan-" is read as "plan", "open.regjeringa.no" as three
 * words, "(delay)" as "delay": a term with them would never be found.
 */
function canBeWord(w: string): boolean {
  const probe = foldText(w.replace(/^\*/, 'a').replace(/(.)\*$/, '$1a'));
  const first = tokenize(probe)[0];
  return first !== undefined && first.word === probe;
}

function compileWord(w: string): WordPattern {
  const folded = foldText(w);
  const lead = folded.startsWith('*');
  const trail = folded.endsWith('*') && folded.length > 1;
  const value = folded.replace(/^\*/, '').replace(/\*$/, '');
  return wordPattern(lead && trail ? 'contains' : lead ? 'suffix' : trail ? 'prefix' : 'exact', value);
}

/**
 * The expression with every \b removed, and a lookbehind it starts with. It matches wherever the
 * exact expression matches (an assertion taken away can only allow more), and, unlike the exact
 * one, it lets the regular expression engine jump straight to its literal text: the exact \b (a
 * lookbehind/lookahead pair on Unicode classes) is tried at every position of the text, which made
 * the rules' regular expressions the largest cost of classifying a long document. A leading
 * lookbehind is the same at every position, and a long one more so: "(?<=(ingen|ikke) … [^.]{0,80})
 * (men|likevel|but|however)" read up to a hundred characters backwards from every position of every
 * text (5 % of reclassify's CPU); without it only the places of "men", "but" … are tried. null when
 * there is nothing to take away.
 */
function looseRegExp(source: string): RegExp | null {
  const loose = withoutLeadingLookbehind(source.replace(/(?<!\\)\\b/g, ''));
  // Only an expression that begins with written-out text gains (the engine looks for that text);
  // one that begins with a repeated class would, without its \b, be tried from every letter of a
  // long word to that word's end: "\b[a-zæøå]*(tilskudd|…)" took 29 s over a 100 kB attachment of
  // one letter repeated, where the exact expression, whose \b holds only where a word begins,
  // takes milliseconds.
  if (loose === source || !startsWithText(loose)) return null;
  try {
    return new RegExp(loose, 'gu');
  } catch {
    return null;
  }
}

/**
 * Of what every match of an expression must contain (requiredPieces), what is worth a look before
 * the search: at most MAX_LOOKS pieces, single strings first and the longest of them, then the
 * choices of fewest strings. A choice that contains another of the same piece is left out: where it
 * is, the other is too ("foreslår" and "foreslå" are one look for "foreslå").
 *
 * A look that finds nothing is mostly answered from the text's four-letter pieces without reading
 * it (FoldedText.includes, GramSet), so a piece of many choices is worth its looks: over 200 of the
 * bench store's records, with choices of up to 3 strings and 2 pieces (before the grams) 298
 * expressions a record were run over 1.63 M characters; with up to 12 and 4 pieces, 108 over 0.76 M,
 * for 724 more looks (234 K more characters read by them).
 */
export function lookFirst(pattern: string): string[][] {
  const pieces = requiredPieces(pattern)
    .map((p) => p.filter((s, i) => !p.some((o, k) => k !== i && s.includes(o) && (o !== s || k < i))))
    .filter((p) => p.length <= MAX_CHOICES);
  const rank = (p: string[]) => p.length * 1000 - Math.min(...p.map((s) => s.length));
  return pieces.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_LOOKS);
}

/** At most this many pieces are looked for before the search (lookFirst). */
const MAX_LOOKS = 4;

/** Every term compiled so far, by its source: the same term in several consultations' rules (or
 *  several signals, or tiers) is one term, matched once per text. */
const interned = new Map<string, CompiledTerm>();

/**
 * A `re:` term's letters folded as the text they are matched against is (fold.ts): "òg" in a rule
 * is "og" in every folded text, so written with the accent it would never match. Only letters
 * outside ASCII change (no escape, class or flag is touched); æ, ø and å stay.
 */
function foldedPattern(pattern: string): string {
  return pattern.replace(/[\u0080-\uffff]/g, (c) => (/\p{L}/u.test(c) ? foldText(c) : c));
}

function compileTerm(source: string): CompiledTerm {
  let term = interned.get(source);
  if (term) return term;
  const s = source.trim();
  const id = interned.size;
  // `re:` terms are compiled when first used: each \b costs about a millisecond to compile (its
  // Unicode classes), and a start-up (a CLI command, a worker) needs few of them or none.
  term = s.startsWith('re:') ? { source, words: null, pattern: foldedPattern(s.slice(3)), id } : { source, words: s.split(/\s+/).map(compileWord), pattern: null, id };
  interned.set(source, term);
  return term;
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
function regexHits(term: CompiledTerm, folded: FoldedText, hits: TermHit[]): void {
  // A text without one of the pieces every match has is not searched (regex-pieces.ts). Every piece
  // is first asked of the text's grams, which answer a no without reading the text, and only then
  // is the text read for each piece: a piece found by reading before another was found missing by
  // the grams was read for nothing (over 200 of the bench store's records the reads fell from 0.58 M
  // to 0.43 M characters a record, and the looks kept from 1,486 to 514; the same searches run).
  const pieces = (term.pieces ??= lookFirst(term.pattern!));
  for (const choices of pieces) if (!choices.some((s) => folded.mayInclude(s))) return;
  for (const choices of pieces) if (!choices.some((s) => folded.mayInclude(s) && folded.includes(s))) return;
  const text = folded.folded;
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

/** A compiled set of terms; `find` returns every occurrence of every term in a text. */
export class TermMatcher {
  private readonly terms: CompiledTerm[];

  constructor(sources: readonly string[]) {
    this.terms = sources.map(compileTerm);
  }

  get size(): number {
    return this.terms.length;
  }

  /** The terms as written in the rules. */
  get sources(): string[] {
    return this.terms.map((t) => t.source);
  }

  find(text: FoldedText): TermHit[] {
    const hits: TermHit[] = [];
    const table = tableOf(text);
    for (const term of this.terms) for (const h of hitsOf(term, text, table)) hits.push(h);
    return hits;
  }

  /**
   * False only when no term can occur in any of the texts, each given folded (foldText): a quick
   * look that needs no word index. Every word of a term must be there as written (prefix, suffix,
   * part), or, for a whole word of five letters or more (which also matches by its stem), its stem:
   * the Norwegian stemmer only takes endings away, so a word with the same stem begins with it. A
   * regular expression may always occur. A long word may also be there with one slip in it (see
   * TYPO_LENGTH). True says only "look properly" (TermMatcher.first).
   */
  mayOccurIn(folded: readonly string[]): boolean {
    let lower: string[] | null = null;
    const has = (literal: string, lowerCase: boolean) => {
      if (!lowerCase) return folded.some((t) => t.includes(literal));
      lower ??= folded.map((t) => t.toLowerCase());
      return lower.some((t) => t.includes(literal));
    };
    const present = (w: WordPattern) => {
      if (w.stem !== null ? has(w.stem, true) : has(w.value, false)) return true;
      if (!w.typos) return false;
      // A word with one slip in it (wordMatches): one slip leaves one of the two halves of the word
      // as written, or of its stem, whole (the letter between them is the one a slip may touch).
      return [w.value, w.stem ?? w.value].some((s) => {
        const k = Math.floor(s.length / 2);
        return has(s.slice(0, k), true) || has(s.slice(k + 1), true);
      });
    };
    return this.terms.some((term) => term.words === null || term.words.every(present));
  }

  /**
   * The first hit of the first term (in the rules' order) that occurs in any of the texts, tried in
   * order, and the text it is in; null when no term occurs. A term never spans two texts. For one
   * text this is `find(text)[0]`, found without looking for the rest.
   */
  first(texts: readonly FoldedText[]): { text: FoldedText; hit: TermHit } | null {
    const tables = texts.map(tableOf);
    for (const term of this.terms) {
      for (let i = 0; i < texts.length; i++) {
        const hits = hitsOf(term, texts[i]!, tables[i]!);
        if (hits.length > 0) return { text: texts[i]!, hit: hits[0]! };
      }
    }
    return null;
  }
}

const NO_HITS: readonly TermHit[] = Object.freeze([]);

/**
 * Each text's hits of every term asked about so far, by the term's id: routing asks the same text
 * about every consultation's terms, and a table look-up by number is what makes the terms several
 * consultations share (and each one's second look) cost next to nothing.
 */
const tables = new WeakMap<FoldedText, Array<readonly TermHit[] | undefined>>();

function tableOf(text: FoldedText): Array<readonly TermHit[] | undefined> {
  let table = tables.get(text);
  if (!table) tables.set(text, (table = new Array<readonly TermHit[] | undefined>(interned.size)));
  return table;
}

/** Every occurrence of one term in the text, in text order (from the text's table once found). */
function hitsOf(term: CompiledTerm, text: FoldedText, table: Array<readonly TermHit[] | undefined>): readonly TermHit[] {
  let hits = table[term.id];
  if (hits === undefined) {
    if (term.pattern !== null) {
      const found: TermHit[] = [];
      regexHits(term, text, found);
      hits = found.length > 0 ? found : NO_HITS;
    } else {
      hits = wordHits(term, text);
    }
    table[term.id] = hits;
  }
  return hits;
}

function wordHits(term: CompiledTerm, text: FoldedText): readonly TermHit[] {
  let hits: TermHit[] | null = null;
  const words = term.words!;
  for (const first of text.matching(words[0]!)) {
    let end = first.end;
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      const next = text.firstAt(first.index + k, words[k]!);
      if (!next) {
        ok = false;
        break;
      }
      end = next.end;
    }
    if (ok) (hits ??= []).push({ term: term.source, start: first.start, end });
  }
  return hits ?? NO_HITS;
}
