// npm run eval [-- --sets FILE] [--sealed none] [--no-misses]
//
// Every labelled set listed in fixtures/sets.yaml, side by side: the development sets (written by the
// team, or sealed sets whose misses have been read: spent) with their misses, and the sealed sets
// (written blind, never read) with figures only — never a file name, a text or a miss, so running
// eval does not spend them. `--sealed none` leaves the sealed sets out: the form to use while
// changing rules, so that not even a sealed set's totals steer the work.
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadRules } from '../src/rules/load.js';
import { ExtractorPool } from '../src/extract-pool/pool.js';
import { readLabelFile, readLabels, type Label } from '../src/evaluate/labels.js';
import { evaluateSet } from '../src/evaluate/run.js';
import { formatMisses, formatTable, type SetResult } from '../src/evaluate/report.js';
import { poolScores } from '../src/evaluate/pool.js';

const setSchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['development', 'sealed']),
  labels: z.string().min(1),
  messages: z.string().min(1),
  spent: z.string().optional(),
});

function option(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i < 0 ? null : (process.argv[i + 1] ?? null);
}

function readSets(path: string): Array<z.infer<typeof setSchema>> {
  const result = z.array(setSchema).safeParse(parse(readFileSync(path, 'utf8')));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${path}: entry ${String(issue.path[0] ?? '?')}, key ${issue.path.slice(1).join('.') || '?'}: ${issue.message}`);
}

const sets = readSets(option('--sets') ?? 'fixtures/sets.yaml').filter((s) => s.kind === 'development' || option('--sealed') !== 'none');
const rules = loadRules(process.env.INNSPILL_RULES_DIR ?? 'rules');
const pool = new ExtractorPool(2);
try {
  const results: SetResult[] = [];
  const misses: string[] = [];
  for (const set of sets) {
    if (!existsSync(set.labels) || !existsSync(set.messages)) {
      results.push({ name: set.name, scores: null, absent: `not present (${set.labels})` });
      continue;
    }
    const sealed = set.kind === 'sealed';
    const labels: Label[] = set.labels.endsWith('.yaml') ? readLabelFile(set.labels, sealed) : readLabels(set.labels);
    const scores = await evaluateSet(labels, set.messages, rules, pool.extractor, { quiet: sealed });
    results.push({ name: set.name, scores });
    if (!sealed) misses.push(`\n${set.name} set, ${formatMisses(scores)}\n`);
  }
  // First the sets pooled: every development set (what the rules were tuned on) and every sealed
  // set, each as one set, so the gap between them is one pair of figures with its counts.
  const pooled = (kind: 'development' | 'sealed', name: string): SetResult[] => {
    const of = results.filter((r) => r.scores !== null && sets.find((s) => s.name === r.name)?.kind === kind);
    return of.length > 1 ? [{ name: `${name} (${of.length} sets)`, scores: poolScores(of.map((r) => r.scores!)) }] : [];
  };
  const table = [...pooled('development', 'all development'), ...pooled('sealed', 'all sealed'), ...results];
  process.stdout.write(`${formatTable(table, [...new Set(rules.consultations.flatMap((v) => v.consultation.classIds))])}\n`);
  if (!process.argv.includes('--no-misses')) process.stdout.write(misses.join(''));
} finally {
  await pool.close();
}
