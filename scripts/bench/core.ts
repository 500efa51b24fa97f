// The core alone: intake() per fixture message, with attachment extraction in this process and
// without it (an extractor that returns no text), after warm-up; and the CLI's start-up time.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { intake } from '../../src/intake/index.js';
import { readDocument, type Extractor } from '../../src/intake/extract/index.js';
import { loadRules } from '../../src/rules/load.js';
import { cliPath, projectRoot } from './innspill-process.ts';
import { max, median, percentile } from './stats.ts';

export interface Distribution {
  median: number;
  p95: number;
  max: number;
  samples: number;
}

export interface CoreResult {
  fixtures: number;
  rounds: number;
  /** wall ms per message, extraction in-process (pdf-parse, mammoth, ODT) */
  withExtraction: Distribution;
  /** wall ms per message, extractor returns empty text */
  withoutExtraction: Distribution;
  /** CPU ms per message (user + system), no extraction, replies only: issue 2's "≤ 20 ms" */
  repliesCpuWithoutExtraction: Distribution;
}

const dist = (v: number[]): Distribution => ({ median: median(v), p95: percentile(v, 95), max: max(v), samples: v.length });
const noText: Extractor = async () => ({ text: '', problem: null });

export async function intakeCore(rounds: number, warmups: number): Promise<CoreResult> {
  const rules = loadRules(join(projectRoot, 'rules'));
  const dir = join(projectRoot, 'fixtures', 'messages');
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  const raws = files.map((f) => ({ name: f, raw: readFileSync(join(dir, f)) }));
  const measure = async (extractor: Extractor, onlyReplies = false) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < warmups + rounds; round++) {
      for (const { name, raw } of raws) {
        if (onlyReplies && !name.startsWith('reply-')) continue;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await intake(raw, rules, { extractor });
        const t = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (round >= warmups) {
          wall.push(t);
          cpu.push((c.user + c.system) / 1000);
        }
      }
    }
    return { wall, cpu };
  };
  const withX = await measure(readDocument);
  const withoutX = await measure(noText);
  const replies = await measure(noText, true);
  return {
    fixtures: raws.length,
    rounds,
    withExtraction: dist(withX.wall),
    withoutExtraction: dist(withoutX.wall),
    repliesCpuWithoutExtraction: dist(replies.cpu),
  };
}

export interface CliStartResult {
  fixture: string;
  runs: number;
  /** spawn → first byte on stdout */
  firstOutputMs: Distribution;
  /** spawn → exit */
  exitMs: Distribution;
}

/** `node bin/innspill.js inspect --json <fixture>`, run `runs` times after one unmeasured run. */
export async function cliStart(fixture: string, runs: number, cwd: string): Promise<CliStartResult> {
  mkdirSync(cwd, { recursive: true });
  const path = join(projectRoot, 'fixtures', 'messages', fixture);
  const one = () =>
    new Promise<{ first: number; exit: number }>((resolve, reject) => {
      const t0 = performance.now();
      let first = -1;
      const child = spawn(process.execPath, [cliPath, 'inspect', '--json', path], {
        cwd,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', INNSPILL_DATA_DIR: join(cwd, 'data') },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      child.stdout.on('data', () => {
        if (first < 0) first = performance.now() - t0;
      });
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve({ first, exit: performance.now() - t0 }) : reject(new Error(`inspect exited with ${code}`))));
    });
  await one();
  const firsts: number[] = [];
  const exits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await one();
    firsts.push(r.first);
    exits.push(r.exit);
  }
  return { fixture, runs, firstOutputMs: dist(firsts), exitMs: dist(exits) };
}
