// What a campaign's members share (the template) and what each added beyond it. Sentences are
// compared by their comparable words (folded, nynorsk read as bokmål, stemmed): a sentence is in
// the template when most members have it, or one much like it; a member's other sentences are their
// own additions. Pure.
import { blockSentences, blocks, comparableWords } from './words.js';

/** A sentence is the template's when at least this share of members (and two) have it. */
const TEMPLATE_SHARE = 0.5;
/**
 * Two sentences are the same when this share of their distinct words is shared (typos, nynorsk) …
 * but a short one only word for word: "Jeg bor i Vinje" and "Jeg bor i Gran" are two members' own.
 */
const SAME_SENTENCE = 0.7;
const SHORT_SENTENCE_WORDS = 12;
/** Sentences shorter than this many words (a greeting, a name) are neither template nor additions. */
const MIN_SENTENCE_WORDS = 3;
/** The template is found from the first this many members (see templateOf). */
export const TEMPLATE_SAMPLE = 200;
/** Words of the template that name a campaign. */
const NAME_WORDS = 8;

export interface MemberText {
  id: string;
  ownWords: string;
  subject: string;
}

export interface CampaignText {
  /** The template's first words, or the most common subject when there is no template text. */
  name: string;
  /** The sentences most members share, in the order of the member who has most of them. */
  template: string;
  /** Per member, the sentences they added beyond the template (members with none left out). */
  additions: Map<string, string[]>;
}

interface Sentence {
  text: string;
  key: string;
  words: Set<string>;
}

/**
 * A text's sentences in comparable form, made once per distinct paragraph and sentence (members
 * share most of theirs word for word): `seen` keeps them by paragraph and by sentence.
 */
function sentencesOf(text: string, seen: Map<string, Sentence | null>, paragraphs: Map<string, Sentence[]>): Sentence[] {
  return blocks(text).flatMap((block) => {
    let known = paragraphs.get(block);
    if (known === undefined) {
      known = blockSentences(block).flatMap((s) => {
        let one = seen.get(s);
        if (one === undefined) {
          const words = comparableWords(s);
          one = words.length < MIN_SENTENCE_WORDS ? null : { text: s, key: words.join(' '), words: new Set(words) };
          seen.set(s, one);
        }
        return one ? [one] : [];
      });
      paragraphs.set(block, known);
    }
    return known;
  });
}

function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0 || Math.min(a.size, b.size) < SHORT_SENTENCE_WORDS) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= SAME_SENTENCE;
}

/** Sentence kinds: each distinct key is matched to a representative once (memoised per campaign). */
class SentenceKinds {
  readonly reps: Sentence[] = [];
  private readonly kindOf = new Map<string, number>();

  kind(s: Sentence): number {
    const known = this.kindOf.get(s.key);
    if (known !== undefined) return known;
    let k = this.reps.findIndex((r) => similar(r.words, s.words));
    if (k < 0) {
      k = this.reps.length;
      this.reps.push(s);
    }
    this.kindOf.set(s.key, k);
    return k;
  }
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

/**
 * What a campaign's template is, found from its first members (TEMPLATE_SAMPLE of them, in filing
 * order): it stays the same as later members arrive, so their additions can be found one by one.
 * `reps`: one sentence per kind of template sentence, what members' sentences are compared with.
 */
export interface TemplateBasis {
  name: string;
  template: string;
  reps: string[];
}

function sentenceOf(text: string): Sentence {
  const words = comparableWords(text);
  return { text, key: words.join(' '), words: new Set(words) };
}

/** The sentence kinds a share of the given members (and two) have, in the words of the member who has most of them. */
function sharedText(kinds: SentenceKinds, members: Array<{ m: MemberText; sentences: Sentence[] }>): { kinds: Set<number>; sentences: Sentence[] } {
  const counts = new Map<number, number>();
  for (const p of members) for (const k of new Set(p.sentences.map((s) => kinds.kind(s)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(members.length * TEMPLATE_SHARE));
  const shared = new Set([...counts].filter(([, n]) => n >= needed).map(([k]) => k));
  // The earliest of the members who have the most of it.
  let best = members[0];
  let bestCount = -1;
  for (const p of members) {
    const n = new Set(p.sentences.map((s) => kinds.kind(s)).filter((k) => shared.has(k))).size;
    if (n > bestCount) [best, bestCount] = [p, n];
  }
  const used = new Set<number>();
  const text = (best?.sentences ?? []).filter((s) => {
    const k = kinds.kind(s);
    if (!shared.has(k) || used.has(k)) return false;
    used.add(k);
    return true;
  });
  return { kinds: shared, sentences: text };
}

/**
 * The template; and when the campaign offered a second text of its own (its leaflet or petition in
 * other words, sent by members who lack the template: see names.ts), that text too, after a blank
 * line: the caseworker reads each once, and neither is listed among the members' additions.
 */
export function templateOf(members: MemberText[]): TemplateBasis {
  const kinds = new SentenceKinds();
  const seen = new Map<string, Sentence | null>();
  const paragraphs = new Map<string, Sentence[]>();
  const sample = members.slice(0, TEMPLATE_SAMPLE).map((m) => ({ m, sentences: sentencesOf(m.ownWords, seen, paragraphs) }));
  const main = sharedText(kinds, sample);
  // Members with under half of the template's sentences: when two or more of them share a text, it is the campaign's second.
  const has = (p: (typeof sample)[number]) => new Set(p.sentences.map((s) => kinds.kind(s)).filter((k) => main.kinds.has(k))).size;
  const without = main.kinds.size > 0 ? sample.filter((p) => has(p) * 2 < main.kinds.size) : [];
  const second = without.length >= 2 ? sharedText(kinds, without) : { kinds: new Set<number>(), sentences: [] };
  const templateText = [main.sentences, second.sentences]
    .map((t) => t.map((s) => s.text).join(' '))
    .filter(Boolean)
    .join('\n\n');
  const words = main.sentences.map((s) => s.text).join(' ').split(/\s+/).filter(Boolean);
  const name = words.length > 0 ? `${words.slice(0, NAME_WORDS).join(' ')}${words.length > NAME_WORDS ? ' …' : ''}` : mostCommon(sample.map((p) => p.m.subject.trim()));
  return { name, template: templateText, reps: [...main.kinds, ...second.kinds].map((k) => kinds.reps[k]!.text) };
}

/** Per member, the sentences they added beyond the template (members with none left out). */
export function additionsOf(basis: TemplateBasis, members: MemberText[]): Map<string, string[]> {
  const templateReps = basis.reps.map(sentenceOf);
  const templateKey = new Map<string, boolean>();
  const isTemplate = (s: Sentence): boolean => {
    let t = templateKey.get(s.key);
    if (t === undefined) {
      t = templateReps.some((r) => r.key === s.key || similar(r.words, s.words));
      templateKey.set(s.key, t);
    }
    return t;
  };
  const seen = new Map<string, Sentence | null>();
  const paragraphs = new Map<string, Sentence[]>();
  const additions = new Map<string, string[]>();
  for (const m of members) {
    const own = sentencesOf(m.ownWords, seen, paragraphs).filter((s) => !isTemplate(s)).map((s) => s.text);
    if (own.length > 0) additions.set(m.id, own);
  }
  return additions;
}

/** A campaign's name, template and each member's additions; `members` in filing order. */
export function describeCampaign(members: MemberText[]): CampaignText {
  const basis = templateOf(members);
  return { name: basis.name, template: basis.template, additions: additionsOf(basis, members) };
}
