// Where intake() spends its time, stage by stage (npx tsx scripts/bench/stages.ts [--rounds 3] [dir …]):
// every message of the folders (default: the development fixtures) through the stages of
// src/intake/index.ts, with each attachment's text read once and then served from memory, so the
// figures are the core's own work without the document readers. Prints wall and CPU per message and
// each stage's wall time per message, largest first. Run it twice and compare: the machine's speed
// moves by ±20 % between minutes; no figure here is a test.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { STAGES } from '../../src/intake/index.ts';
import { readDocument, type Extractor } from '../../src/intake/extract/index.ts';
import { loadRules } from '../../src/rules/load.ts';
import { projectRoot } from './innspill-process.ts';

const { values: args, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '3' } }, allowPositionals: true });
const rules = loadRules(join(projectRoot, 'rules'));
const dirs = positionals.length > 0 ? positionals : [join(projectRoot, 'fixtures', 'messages')];
const raws = dirs.flatMap((d) => readdirSync(d).filter((f) => !f.startsWith('.')).sort().map((f) => readFileSync(join(d, f))));

const texts = new Map<string, Awaited<ReturnType<Extractor>>>();
const remembered: Extractor = async (input, sniffed, limits) => {
  const key = `${input.filename}\n${input.bytes.length}\n${input.bytes.subarray(0, 4096).toString('base64')}`;
  let found = texts.get(key);
  if (!found) texts.set(key, (found = await readDocument(input, sniffed, limits)));
  return found;
};

const perStage = new Map<string, number>();
async function pass(record: boolean): Promise<void> {
  for (const raw of raws) {
    const c: Record<string, unknown> = { raw, rules, options: { extractor: remembered } };
    for (const stage of STAGES.stages) {
      const t0 = performance.now();
      c[stage.name] = await stage.run(c);
      if (record) perStage.set(stage.name, (perStage.get(stage.name) ?? 0) + performance.now() - t0);
    }
  }
}

// Two passes first: the documents read once, the code warmed up.
await pass(false);
await pass(false);
const rounds = Number(args.rounds);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < rounds; i++) await pass(true);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const n = raws.length * rounds;
console.log(`${raws.length} messages × ${rounds} rounds: ${(wall / n).toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms CPU a message`);
for (const [name, ms] of [...perStage].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(12)} ${(ms / n).toFixed(3)} ms`);
