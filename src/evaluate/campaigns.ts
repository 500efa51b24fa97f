// Campaign grouping against the labels, over pairs of messages: two messages are a true pair when
// their labels name the same campaign, a found pair when detection put them in one campaign.
// Precision and recall of the found pairs, with the counts behind them.
import { comparesText, entryInputOf, entryOf, groupCampaigns } from '../campaigns/index.js';
import { readAsMail } from '../intake/problems.js';
import type { Submission } from '../intake/types.js';
import type { Rules } from '../rules/types.js';
import { ratio } from './labels.js';

export interface PairScores {
  /** Messages with a campaign label (not null). */
  labelled: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Labelled members detection could not take part: not filed as a person's input, or with neither enough words nor a document to compare. */
  notCompared: { notInput: number; nothingToCompare: number };
  /** Labelled members detection put in no campaign at all. */
  alone: number;
}

const pairsOf = (groups: string[][]): Set<string> => {
  const out = new Set<string>();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let k = i + 1; k < g.length; k++) out.add([g[i]!, g[k]!].sort().join('\n'));
  return out;
};

/** `messages`: each labelled file with its campaign label (null or absent: none) and what intake found, in filing order. */
export function scoreCampaigns(messages: Array<{ file: string; campaign: string | null | undefined; submission: Submission }>, rules: Rules): PairScores {
  const entries = messages.map((m, seq) =>
    entryOf(entryInputOf(m.submission, { id: m.file, seq, readable: readAsMail(m.submission), defaultConsultation: rules.routing.default }, m.submission.attachments, rules.letters, rules.ownWords.formulas)),
  );
  const groups = groupCampaigns(entries);
  const found = pairsOf(groups.map((g) => g.members));
  const grouped = new Set(groups.flatMap((g) => g.members));
  const labelled = entries.filter((_, i) => messages[i]!.campaign);
  const byCampaign = new Map<string, string[]>();
  for (const m of messages) if (m.campaign) byCampaign.set(m.campaign, [...(byCampaign.get(m.campaign) ?? []), m.file]);
  const truth = pairsOf([...byCampaign.values()]);
  let tp = 0;
  for (const p of found) if (truth.has(p)) tp++;
  const fp = found.size - tp;
  const fn = truth.size - tp;
  return {
    labelled: labelled.length,
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    notCompared: {
      notInput: labelled.filter((e) => !e.submission).length,
      nothingToCompare: labelled.filter((e) => e.submission && !comparesText(e) && e.documents.length === 0).length,
    },
    alone: labelled.filter((e) => !grouped.has(e.id)).length,
  };
}
