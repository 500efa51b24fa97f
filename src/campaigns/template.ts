// What a campaign's members share (the template) and what each added beyond it. Sentences are
// compared by their comparable words (folded, nynorsk read as bokmål, stemmed): a sentence is in
// the template when most members have it, or one much like it; a member's other sentences are their
// own additions. Pure.
import { comparableWords, sentences } from './words.js';

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
/** The template is found from at most this many members (spread over the campaign). */
const SAMPLE = 200;
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

/** A sentence's comparable form, made once per distinct sentence (members share most of theirs word for word). */
function sentencesOf(text: string, seen: Map<string, Sentence | null>): Sentence[] {
  return sentences(text).flatMap((s) => {
    let known = seen.get(s);
    if (known === undefined) {
      const words = comparableWords(s);
      known = words.length < MIN_SENTENCE_WORDS ? null : { text: s, key: words.join(' '), words: new Set(words) };
      seen.set(s, known);
    }
    return known ? [known] : [];
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

export function describeCampaign(members: MemberText[]): CampaignText {
  const kinds = new SentenceKinds();
  const seen = new Map<string, Sentence | null>();
  const parsed = members.map((m) => ({ m, sentences: sentencesOf(m.ownWords, seen) }));
  const step = Math.max(1, Math.floor(parsed.length / SAMPLE));
  const sample = parsed.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const counts = new Map<number, number>();
  for (const p of sample) for (const k of new Set(p.sentences.map((s) => kinds.kind(s)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const needed = Math.max(2, Math.ceil(sample.length * TEMPLATE_SHARE));
  const inTemplate = new Set([...counts].filter(([, n]) => n >= needed).map(([k]) => k));
  // The template in the words of the member who has the most of it (the earliest of those).
  let best = parsed[0];
  let bestCount = -1;
  for (const p of sample) {
    const n = new Set(p.sentences.map((s) => kinds.kind(s)).filter((k) => inTemplate.has(k))).size;
    if (n > bestCount) [best, bestCount] = [p, n];
  }
  const used = new Set<number>();
  const template = (best?.sentences ?? []).filter((s) => {
    const k = kinds.kind(s);
    if (!inTemplate.has(k) || used.has(k)) return false;
    used.add(k);
    return true;
  });
  // Every member's sentences against the template only (a member outside the sample adds no kinds).
  const templateReps = [...inTemplate].map((k) => kinds.reps[k]!);
  const templateKey = new Map<string, boolean>();
  const isTemplate = (s: Sentence): boolean => {
    let t = templateKey.get(s.key);
    if (t === undefined) {
      t = templateReps.some((r) => r.key === s.key || similar(r.words, s.words));
      templateKey.set(s.key, t);
    }
    return t;
  };
  const additions = new Map<string, string[]>();
  for (const p of parsed) {
    const own = p.sentences.filter((s) => !isTemplate(s)).map((s) => s.text);
    if (own.length > 0) additions.set(p.m.id, own);
  }
  const templateText = template.map((s) => s.text).join(' ');
  const words = templateText.split(/\s+/).filter(Boolean);
  const name = words.length > 0 ? `${words.slice(0, NAME_WORDS).join(' ')}${words.length > NAME_WORDS ? ' …' : ''}` : mostCommon(members.map((m) => m.subject.trim()));
  return { name, template: templateText, additions };
}
