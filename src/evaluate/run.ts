// One labelled set through intake. `quiet` is for the sealed set: a message that cannot be read
// is counted, never named, and the misses are dropped so nothing can print them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { intake } from '../intake/index.js';
import type { Extractor } from '../intake/extract/index.js';
import type { Rules } from '../rules/types.js';
import { foundOf, score, type Found, type Label, type Scores } from './labels.js';
import { scoreCampaigns } from './campaigns.js';
import { routedOf, scoreRouting, type Routed } from './routing.js';
import type { Submission } from '../intake/types.js';

export async function evaluateSet(
  labels: Label[],
  messagesDir: string,
  rules: Rules,
  extractor?: Extractor,
  options: { quiet?: boolean } = {},
): Promise<Scores> {
  const pairs: Array<{ label: Label; found: Found }> = [];
  const messages: Array<{ file: string; campaign: string | null | undefined; submission: Submission }> = [];
  const routed: Array<{ label: Label; routed: Routed }> = [];
  let missing = 0;
  for (const label of labels) {
    let raw: Buffer;
    try {
      raw = await readFile(join(messagesDir, label.file));
    } catch (err) {
      if (!options.quiet) throw err;
      missing++;
      continue;
    }
    const submission = await intake(raw, rules, { extractor });
    pairs.push({ label, found: foundOf(submission) });
    routed.push({ label, routed: routedOf(submission) });
    messages.push({ file: label.file, campaign: label.campaign, submission });
  }
  if (missing > 0) throw new Error(`${missing} labelled message file(s) are missing from ${messagesDir}`);
  // Campaigns are found over the whole set, in the labels' order (as if filed in that order).
  // Commitments of every consultation: a message is scored under the one it was routed to.
  const classIds = [...new Set(rules.consultations.flatMap((v) => v.consultation.classIds))];
  const scored = score(pairs, classIds);
  const scores = { ...scored, campaigns: scoreCampaigns(messages, rules), routing: scoreRouting(routed, rules.routing.default, scored.misses) };
  return options.quiet ? { ...scores, misses: [] } : scores;
}
