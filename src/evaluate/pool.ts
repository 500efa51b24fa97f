// Several sets' scores as one: the counts behind every figure summed, the ratios computed again
// from the sums (never an average of percentages, which would weigh a small set like a large one).
// `npm run eval` shows the development sets pooled (everything the rules were tuned on) beside the
// sealed sets pooled, so the gap between the two is one number with its counts.
import type { PairScores } from './campaigns.js';
import { precisionRecall as prf, ratio, type AccuracyKey, type LabelScore, type Scores, type Tally } from './labels.js';
import type { RoutingScores } from './routing.js';

const sum = <T>(items: T[], of: (x: T) => number): number => items.reduce((a, x) => a + of(x), 0);
const tally = (items: Tally[]): Tally => ({ ok: sum(items, (t) => t.ok), n: sum(items, (t) => t.n) });

function pooledLabels(all: Scores[]): LabelScore[] {
  const ids = [...new Set(all.flatMap((s) => s.perLabel.map((c) => c.id)))];
  return ids.map((id) => {
    const of = all.flatMap((s) => s.perLabel.filter((c) => c.id === id));
    return { id, ...prf(sum(of, (c) => c.tp), sum(of, (c) => c.fp), sum(of, (c) => c.fn)) };
  });
}

function pooledRouting(all: Scores[]): RoutingScores | undefined {
  const r = all.flatMap((s) => (s.routing ? [s.routing] : []));
  if (r.length === 0) return undefined;
  return { ...tally(r), filedTwice: sum(r, (x) => x.filedTwice), uncertain: sum(r, (x) => x.uncertain) };
}

function pooledCampaigns(all: Scores[]): PairScores | undefined {
  const c = all.flatMap((s) => (s.campaigns ? [s.campaigns] : []));
  if (c.length === 0) return undefined;
  const { tp, fp, fn, precision, recall } = prf(sum(c, (x) => x.tp), sum(c, (x) => x.fp), sum(c, (x) => x.fn));
  return {
    labelled: sum(c, (x) => x.labelled),
    tp,
    fp,
    fn,
    precision,
    recall,
    notCompared: { notInput: sum(c, (x) => x.notCompared.notInput), nothingToCompare: sum(c, (x) => x.notCompared.nothingToCompare) },
    alone: sum(c, (x) => x.alone),
  };
}

/** The scores of several sets as if they were one set (misses are not pooled: each set lists its own). */
export function poolScores(all: Scores[]): Scores {
  const keys = Object.keys(all[0]?.tally ?? {}) as AccuracyKey[];
  const tallies = Object.fromEntries(keys.map((k) => [k, tally(all.map((s) => s.tally[k]))])) as Record<AccuracyKey, Tally>;
  const micro = prf(sum(all, (s) => s.micro.tp), sum(all, (s) => s.micro.fp), sum(all, (s) => s.micro.fn));
  const exact = tally(all.map((s) => s.exact));
  const routing = pooledRouting(all);
  const campaigns = pooledCampaigns(all);
  return {
    files: sum(all, (s) => s.files),
    perLabel: pooledLabels(all),
    micro,
    exactCommitments: ratio(exact.ok, exact.n),
    exact,
    accuracy: Object.fromEntries(keys.map((k) => [k, ratio(tallies[k].ok, tallies[k].n)])) as Record<AccuracyKey, number>,
    tally: tallies,
    receiptsToAutomaticOrUnrelated: sum(all, (s) => s.receiptsToAutomaticOrUnrelated),
    notInput: sum(all, (s) => s.notInput),
    suspiciousWrong: sum(all, (s) => s.suspiciousWrong),
    inputIgnored: tally(all.map((s) => s.inputIgnored)),
    held: tally(all.map((s) => s.held)),
    waitingForConsultation: tally(all.map((s) => s.waitingForConsultation)),
    attachments: {
      readable: sum(all, (s) => s.attachments.readable),
      textFound: sum(all, (s) => s.attachments.textFound),
      unreadable: sum(all, (s) => s.attachments.unreadable),
      withProblem: sum(all, (s) => s.attachments.withProblem),
      containsOk: sum(all, (s) => s.attachments.containsOk),
      containsChecked: sum(all, (s) => s.attachments.containsChecked),
    },
    misses: [],
    ...(routing ? { routing } : {}),
    ...(campaigns ? { campaigns } : {}),
  };
}
