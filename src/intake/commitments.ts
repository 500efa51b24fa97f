// Stage 8 (commitment scoring): which commitments (and topics) the sender's own words are about. Multi-label, with a
// score and the evidence — the matched terms with the words around them — so a caseworker sees why.
import type { CommitmentRule, Rules } from '../rules/types.js';
import type { FoldedText } from '../text/folded-text.js';
import type { TermHit } from '../text/terms.js';
import type { TextSegment } from './attachment-own-words.js';
import type { IntakeContext } from './context.js';
import type { CommitmentMatch, Evidence } from './types.js';

type Tier = 'strong' | 'medium' | 'weak';
interface Hit extends TermHit {
  tier: Tier;
  weight: number;
  segment: number;
}

interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?]|\n\s*\n/g;
/** A sentence is looked for this far on each side (a long document need not be read from its start). */
const SENTENCE_REACH = 2_000;

/** The sentence around [start, end): from after the previous full stop (or blank line) to the next. */
function sentenceOf(text: string, start: number, end: number): Span {
  const from = Math.max(0, start - SENTENCE_REACH);
  let begin = from;
  SENTENCE_END.lastIndex = 0;
  const before = text.slice(from, start);
  for (let m = SENTENCE_END.exec(before); m; m = SENTENCE_END.exec(before)) begin = from + m.index + m[0].length;
  SENTENCE_END.lastIndex = 0;
  const after = SENTENCE_END.exec(text.slice(end, end + SENTENCE_REACH));
  SENTENCE_END.lastIndex = 0;
  return { start: begin, end: after ? end + after.index : Math.min(text.length, end + SENTENCE_REACH) };
}

/**
 * Where a text names commitments without commenting on them: a sentence that says there are no
 * comments on something ("Til punktet om åpne kulturdata har vi ingen nye merknader"), up to a
 * "men"/"but" that goes on with input, and the rules' context phrases (what the reply refers to:
 * "viser til brevet om Interessentforumet …").
 */
function contextSpans(text: FoldedText, rules: Rules['commitments']): Span[] {
  const spans: Span[] = rules.context.size > 0 ? rules.context.find(text).map(({ start, end }) => ({ start, end })) : [];
  const says = rules.noComments.matcher.find(text);
  if (says.length === 0) return spans;
  const buts = rules.noComments.unless.find(text);
  for (const h of says) {
    const span = sentenceOf(text.folded, h.start, h.end);
    for (const b of buts) {
      if (b.end <= h.start && b.end > span.start && b.start >= span.start) span.start = b.end;
      if (b.start >= h.end && b.start < span.end) span.end = b.start;
    }
    spans.push(span);
  }
  return spans;
}

/** A heading is a line of at most this many words. */
const HEADING_WORDS = 8;
const NUMBERED = /^\s*(\d{1,2}[.)]|[a-z][.)]|[-•*#]+)\s/;

/**
 * Whether a strong term names its commitment as what the sender comments on: right after a topic
 * marker ("når det gjelder", "vi foreslår en"), or as a heading — a short line of its own, after a
 * blank line or numbered ("2. Register over reelle rettighetshavere").
 */
function namedAsTopic(h: Hit, text: string, markers: TermHit[]): boolean {
  // The marker just before the term, or running into it ("vi foreslår også en" in a term that
  // starts with "foreslår").
  if (markers.some((m) => m.start < h.start && (m.end > h.start || /^[\s«»"':]*$/.test(text.slice(m.end, h.start))))) return true;
  const from = text.lastIndexOf('\n', h.start - 1) + 1;
  const next = text.indexOf('\n', h.end);
  const line = text.slice(from, next < 0 ? text.length : next).trim();
  if (line.split(/\s+/).length > HEADING_WORDS || /[.,;:!?]$/.test(line)) return false;
  return NUMBERED.test(line + ' ') || from === 0 || /\n\s*\n\s*$/.test(text.slice(Math.max(0, from - 40), from));
}

/**
 * A point of its own: the strong term stands in a paragraph where no other commitment has a strong
 * or medium term, and the paragraph argues or proposes something (the rules' `paragraphPoints`:
 * "Vi meiner òg at konsekvensutgreiingar må gjerast på nytt …" after two paragraphs on
 * dispensations). A sender who gives a commitment a paragraph and an opinion has made it a point,
 * however much longer the other points are (like a heading, namedAsTopic); a paragraph that only
 * sets the scene ("dokumenter … står ikke i postjournalen") or closes does not.
 */
function aloneInParagraph(h: Hit, id: string, all: ReadonlyArray<{ rule: CommitmentRule; hits: Hit[] }>, breaksOf: (segment: number) => number[], points: TermHit[]): boolean {
  if (points.length === 0) return false;
  const breaks = breaksOf(h.segment);
  if (breaks.length === 0) return false;
  const here = paragraphAt(breaks, h.start);
  if (!points.some((p) => paragraphAt(breaks, p.start) === here)) return false;
  return all.every(({ rule, hits }) => rule.id === id || !hits.some((o) => o.segment === h.segment && o.tier !== 'weak' && paragraphAt(breaks, o.start) === here));
}

/** Whether a hit overlaps one of the spans. */
const overlapsAny = (spans: readonly Span[], h: Span): boolean => spans.some((x) => h.start < x.end && x.start < h.end);

function hitsFor(rule: CommitmentRule, segments: TextSegment[], context: Span[][], weights: Record<Tier, number>): Hit[] {
  const all: Hit[] = [];
  segments.forEach((seg, segment) => {
    // The rule's exclusions and the text's context spans, each looked at as it is (not copied into one list per rule and text).
    const excluded: readonly Span[] = rule.exclude.size > 0 ? rule.exclude.find(seg.text) : [];
    const spans = context[segment]!;
    for (const tier of ['strong', 'medium', 'weak'] as const) {
      for (const h of rule[tier].find(seg.text)) {
        if (overlapsAny(excluded, h) || overlapsAny(spans, h)) continue;
        all.push({ ...h, tier, weight: weights[tier], segment });
      }
    }
  });
  // One place in the text counts once, for the strongest (then longest) term that covers it.
  all.sort((a, b) => b.weight - a.weight || b.end - b.start - (a.end - a.start) || a.start - b.start);
  // A hit is kept when none of its characters is covered by a hit kept before it (in the same
  // segment); marking the covered characters makes that one look-up per character, not a
  // comparison with every kept hit (a long document has hundreds).
  const covered = segments.map(() => null as Uint8Array | null);
  const kept: Hit[] = [];
  for (const h of all) {
    let marks = covered[h.segment];
    if (!marks) covered[h.segment] = marks = new Uint8Array(segments[h.segment]!.text.folded.length);
    let free = true;
    for (let i = h.start; i < h.end && free; i++) if (marks[i] === 1) free = false;
    if (!free) continue;
    marks.fill(1, h.start, h.end);
    kept.push(h);
  }
  return kept;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

/** Where each paragraph break (a blank line) of a text ends, in order. */
const paragraphBreaks = (text: string): number[] => [...text.matchAll(PARAGRAPH_BREAK)].map((m) => m.index + m[0].length);

/** The number of the paragraph a position is in: how many breaks end at or before it. */
function paragraphAt(breaks: number[], at: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A commitment with `needs` keeps only the hits whose paragraph also has one of those terms: the
 * side of the matter it is about must be in the same passage ("byggesaker … digitalt"), not anywhere
 * in a message that speaks of several things.
 */
function withNeeds(rule: CommitmentRule, segments: TextSegment[], hits: Hit[]): Hit[] {
  if (rule.needs.size === 0 || hits.length === 0) return hits;
  // Per segment, the paragraphs that have one of the needed terms (a term is inside one paragraph).
  const breaks = segments.map((seg) => paragraphBreaks(seg.text.folded));
  const withTerm = segments.map((seg, i) => new Set(rule.needs.find(seg.text).map((n) => paragraphAt(breaks[i]!, n.start))));
  return hits.filter((h) => withTerm[h.segment]!.has(paragraphAt(breaks[h.segment]!, h.start)));
}

function scoreOf(hits: Hit[], s: Rules['commitments']['scoring']): number {
  const byTerm = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byTerm.get(h.term);
    if (list) list.push(h);
    else byTerm.set(h.term, [h]);
  }
  let core = 0;
  let repeats = 0;
  let weak = 0;
  for (const list of byTerm.values()) {
    const tier = list[0]!.tier;
    if (tier === 'weak') weak += list[0]!.weight;
    else {
      core += list[0]!.weight;
      repeats += (list.length - 1) * s.repeatBonus;
    }
  }
  if (core === 0) return 0;
  return core + Math.min(repeats, s.maxRepeatBonus) + Math.min(weak, s.maxWeak);
}

function evidenceOf(hits: Hit[], segments: TextSegment[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const h of [...hits].sort((a, b) => b.weight - a.weight || a.segment - b.segment || a.start - b.start)) {
    if (h.tier === 'weak' || seen.has(h.term)) continue;
    seen.add(h.term);
    const seg = segments[h.segment]!;
    out.push({ term: h.term, where: seg.where, snippet: seg.text.snippet(h.start, h.end) });
    if (out.length >= 5) break;
  }
  return out;
}

/** Where in the texts a commitment's words were found: the segment (its place in `texts.segments`) and the span. */
export interface HitPlace {
  segment: number;
  start: number;
  end: number;
}

const placesOfMatch = new WeakMap<CommitmentMatch, readonly HitPlace[]>();

/**
 * The places of every word a commitment was assigned for (its scored hits), for a match made by
 * scoreCommitments in this run; none for one made otherwise. Routing compares two consultations'
 * places: words both claim decide nothing between them.
 */
export const placesOf = (m: CommitmentMatch): readonly HitPlace[] => placesOfMatch.get(m) ?? [];

/** Every commitment whose score reaches the threshold (and the top score's share), best first. */
export function scoreCommitments(c: Pick<IntakeContext, 'texts' | 'rules'>): CommitmentMatch[] {
  const segments = c.texts.segments;
  const { scoring, items } = c.rules.commitments;
  const context = segments.map((seg) => contextSpans(seg.text, c.rules.commitments));
  const markers = segments.map((seg) => (c.rules.commitments.topicMarkers.size > 0 ? c.rules.commitments.topicMarkers.find(seg.text) : []));
  const points = segments.map((seg) => (c.rules.commitments.paragraphPoints.size > 0 ? c.rules.commitments.paragraphPoints.find(seg.text) : []));
  const all = items.map((rule) => ({ rule, hits: withNeeds(rule, segments, hitsFor(rule, segments, context, scoring.weights)) }));
  // Each segment's paragraph breaks, found once and only when a paragraph rule asks.
  const breaks: Array<number[] | undefined> = [];
  const breaksOf = (segment: number) => (breaks[segment] ??= paragraphBreaks(segments[segment]!.text.folded));
  const scored = all
    .map(({ rule, hits }) => {
      const strong = hits.filter((h) => h.tier === 'strong');
      const named = strong.some((h) => namedAsTopic(h, segments[h.segment]!.text.folded, markers[h.segment]!) || aloneInParagraph(h, rule.id, all, breaksOf, points[h.segment]!));
      return { id: rule.id, score: scoreOf(hits, scoring), hits, strong: strong.length > 0, named };
    })
    .filter((c) => c.score >= scoring.threshold);
  const top = Math.max(0, ...scored.map((c) => c.score));
  // A commitment the sender names as a topic of its own counts beside a longer one.
  // The evidence (snippets of the text) only for the commitments kept.
  return scored
    .filter((c) => c.score >= top * scoring.relativeThreshold || c.named)
    .sort((a, b) => b.score - a.score)
    .filter((c, i) => i === 0 || c.strong || !scoring.secondaryNeedsStrong)
    .map(({ id, score, hits }) => {
      const match = { id, score, evidence: evidenceOf(hits, segments) };
      placesOfMatch.set(match, hits.map(({ segment, start, end }) => ({ segment, start, end })));
      return match;
    });
}
