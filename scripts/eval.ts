// npm run eval [-- --dev LABELS_DIR MESSAGES_DIR] [--sealed DIR[,DIR…] | --sealed none] [--no-misses]
//
// `--sealed none` prints the development set alone: the form to use while changing rules, so that not even
// a sealed set's totals steer the work.
//
// The development set (fixtures/labels + fixtures/messages: written by the team, the rules tuned
// while reading its misses) and the sealed sets (fixtures/sealed/, fixtures/sealed-2/ and fixtures/sealed-3/, each
// labels.yaml + messages/: written blind, never read) side by side. For a sealed set only figures
// are printed, never a file name, a text or a miss, so running eval does not spend it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../src/rules/load.js';
import { ExtractorPool } from '../src/extract-pool/pool.js';
import { readLabelFile, readLabels } from '../src/evaluate/labels.js';
import { evaluateSet } from '../src/evaluate/run.js';
import { formatMisses, formatTable, type SetResult } from '../src/evaluate/report.js';

function option(name: string, count: number): string[] | null {
  const i = process.argv.indexOf(name);
  return i < 0 ? null : process.argv.slice(i + 1, i + 1 + count);
}

const [devLabels, devMessages] = option('--dev', 2) ?? ['fixtures/labels', 'fixtures/messages'];
const sealedOption = option('--sealed', 1)?.[0] ?? 'fixtures/sealed,fixtures/sealed-2,fixtures/sealed-3';
const sealedDirs = sealedOption === 'none' ? [] : sealedOption.split(',');
const rules = loadRules(process.env.INNSPILL_RULES_DIR ?? 'rules');
const pool = new ExtractorPool(2);
try {
  const dev = await evaluateSet(readLabels(devLabels!), devMessages!, rules, pool.extractor);
  const sets: SetResult[] = [{ name: 'development', scores: dev }];
  for (const [i, sealedDir] of sealedDirs.entries()) {
    const name = sealedDirs.length > 1 ? `sealed-${i + 1}` : 'sealed';
    const sealedLabels = join(sealedDir, 'labels.yaml');
    if (existsSync(sealedLabels) && existsSync(join(sealedDir, 'messages'))) {
      const sealed = await evaluateSet(readLabelFile(sealedLabels, true), join(sealedDir, 'messages'), rules, pool.extractor, { quiet: true });
      sets.push({ name, scores: sealed });
    } else {
      sets.push({ name, scores: null, absent: `not present (${sealedDir})` });
    }
  }
  process.stdout.write(`${formatTable(sets, [...new Set(rules.consultations.flatMap((v) => v.consultation.classIds))])}\n`);
  if (!process.argv.includes('--no-misses')) process.stdout.write(`\ndevelopment set, ${formatMisses(dev)}\n`);
} finally {
  await pool.close();
}
