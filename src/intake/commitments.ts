// Stage 8 (commitment scoring): which commitments (and topics) the sender's own words are about. Multi-label, with a
// score and the evidence — the matched terms with the words around them — so a caseworker sees why.
import type { CommitmentRule, Rules } from '../rules/types.js';
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

function hitsFor(rule: CommitmentRule, segments: TextSegment[], weights: Record<Tier, number>): Hit[] {
  const all: Hit[] = [];
  segments.forEach((seg, segment) => {
    const excluded = rule.exclude.size > 0 ? rule.exclude.find(seg.text) : [];
    for (const tier of ['strong', 'medium', 'weak'] as const) {
      for (const h of rule[tier].find(seg.text)) {
        if (excluded.some((x) => h.start < x.end && x.start < h.end)) continue;
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

/** Every commitment whose score reaches the threshold (and the top score's share), best first. */
export function scoreCommitments(c: Pick<IntakeContext, 'texts' | 'rules'>): CommitmentMatch[] {
  const segments = c.texts.segments;
  const { scoring, items } = c.rules.commitments;
  const scored = items
    .map((rule) => {
      const hits = hitsFor(rule, segments, scoring.weights);
      return { id: rule.id, score: scoreOf(hits, scoring), hits, strong: hits.some((h) => h.tier === 'strong') };
    })
    .filter((c) => c.score >= scoring.threshold);
  const top = Math.max(0, ...scored.map((c) => c.score));
  // The evidence (snippets of the text) only for the commitments kept.
  return scored
    .filter((c) => c.score >= top * scoring.relativeThreshold)
    .sort((a, b) => b.score - a.score)
    .filter((c, i) => i === 0 || c.strong || !scoring.secondaryNeedsStrong)
    .map(({ id, score, hits }) => ({ id, score, evidence: evidenceOf(hits, segments) }));
}
