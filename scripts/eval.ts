// npm run eval [-- LABELS_DIR MESSAGES_DIR]: scores over the labeled fixtures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { intake } from '../src/intake/index.js';
import { loadRules } from '../src/rules/load.js';
import { ExtractorPool } from '../src/extract-pool/pool.js';
import { formatScores, foundOf, readLabels, score } from '../src/evaluate/labels.js';

const labelsDir = process.argv[2] ?? 'fixtures/labels';
const messagesDir = process.argv[3] ?? 'fixtures/messages';
const rules = loadRules('rules');
const pool = new ExtractorPool(2);
const pairs = [];
for (const label of readLabels(labelsDir)) {
  const s = await intake(await readFile(join(messagesDir, label.file)), rules, { extractor: pool.extractor });
  const found = foundOf(s);
  pairs.push({ label, found });
}
await pool.close();
const scores = score(pairs, rules.consultation.classIds);
process.stdout.write(`${formatScores(scores)}\n`);
