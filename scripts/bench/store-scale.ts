// The store at consultation scale: a store of N records made from one that innspill filed (its
// records cloned under new ids, originals and attachments hard-linked), then `list`, `digest` and
// `reclassify` run as the CLI runs them, each timed from process start to exit.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { idFor, type SubmissionRecord } from '../../src/store/record.js';
import { cliPath, projectRoot } from './innspill-process.ts';
import { median } from './stats.ts';

/** Builds `dir` with exactly `count` records from the filed store in `from`. Returns the count. */
export function buildStore(from: string, dir: string, count: number): number {
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['records', 'raw', 'state']) mkdirSync(join(dir, d), { recursive: true });
  const r = spawnSync('cp', ['-al', join(from, 'attachments'), join(dir, 'attachments')]);
  if (r.status !== 0) throw new Error(`cp -al attachments failed: ${r.stderr}`);
  // The parses the daemon kept beside the originals (src/store/parsed-cache.ts), named by the
  // original's hash: the clones' originals are the same bytes, so they share them as they would.
  if (existsSync(join(from, 'parsed'))) {
    const p = spawnSync('cp', ['-al', join(from, 'parsed'), join(dir, 'parsed')]);
    if (p.status !== 0) throw new Error(`cp -al parsed failed: ${p.stderr}`);
  }
  const names = readdirSync(join(from, 'records')).filter((n) => /^\d{4}-\d{4,}\.json$/.test(n));
  const base = names.map((n) => JSON.parse(readFileSync(join(from, 'records', n), 'utf8')) as SubmissionRecord).sort((a, b) => a.seq - b.seq);
  if (base.length === 0) throw new Error(`no records in ${from}`);
  const campaignLines = readCampaignLines(join(from, 'state', 'campaign-index.jsonl'));
  const signatureLines = readCampaignLines(join(from, 'state', 'campaign-signatures.jsonl'));
  const campaignIndex: string[] = [];
  const signatures: string[] = [];
  for (let i = 0; i < count; i++) {
    const src = base[i % base.length]!;
    const seq = i + 1;
    const id = idFor(seq, Number(src.id.slice(0, 4)));
    const round = Math.floor(i / base.length);
    // Without the classification key of its filing: the first reclassify is the full pass it is timed as.
    const { classifiedWith: _w, classifiedRules: _r, ...unkeyed } = src;
    const record: SubmissionRecord = {
      ...unkeyed,
      id,
      seq,
      raw: `raw/${id}.eml`,
      messageId: round === 0 ? src.messageId : src.messageId ? src.messageId.replace('<', `<copy${round}.`) : null,
      followUpOf: round === 0 ? src.followUpOf : null,
    };
    linkSync(join(from, src.raw), join(dir, record.raw));
    writeFileSync(join(dir, 'records', `${id}.json`), `${JSON.stringify(record, null, 2)}\n`);
    const entry = campaignLines.get(src.id);
    if (entry) campaignIndex.push(JSON.stringify({ ...entry, id, seq }));
    const signature = signatureLines.get(src.id);
    if (signature) signatures.push(JSON.stringify({ ...signature, id }));
  }
  // The campaign index the daemon appends as it files (state/campaign-index.jsonl), cloned with the
  // records: a store filed by innspill has it, and readers only complete what it lacks.
  if (campaignIndex.length > 0) writeFileSync(join(dir, 'state', 'campaign-index.jsonl'), `${campaignIndex.join('\n')}\n`);
  // With the entries' signatures beside it, as the daemon keeps them: without them, the first
  // command that compares entries (reclassify) made every entry again, which a filed store never needs.
  if (signatures.length > 0) writeFileSync(join(dir, 'state', 'campaign-signatures.jsonl'), `${signatures.join('\n')}\n`);
  return count;
}

/** The campaign index's lines by record id (the last line for a record wins); none when missing. */
function readCampaignLines(path: string): Map<string, Record<string, unknown>> {
  const lines = new Map<string, Record<string, unknown>>();
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (!line) continue;
    const entry = JSON.parse(line) as Record<string, unknown>;
    lines.set(String(entry['id']), entry);
  }
  return lines;
}

/** One command's cost: wall time from start to exit, and (with GNU time) CPU time and peak RSS. */
export interface CommandCost {
  wallMs: number;
  /** user + sys of the process and what it waited for; null without /usr/bin/time. */
  cpuMs: number | null;
  maxRssMb: number | null;
}

const GNU_TIME = '/usr/bin/time';

function timed(args: readonly string[], env: Record<string, string>, cwd: string): Promise<CommandCost> {
  const costFile = join(cwd, `.cost-${process.pid}`);
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', costFile, process.execPath, cliPath, ...args]] : [process.execPath, [cliPath, ...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let err = '';
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`innspill ${args.join(' ')} exited with ${code}: ${err.slice(-500)}`));
      if (!withTime) return resolve({ wallMs, cpuMs: null, maxRssMb: null });
      const [user, sys, rssKb] = readFileSync(costFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      resolve({ wallMs, cpuMs: (user! + sys!) * 1000, maxRssMb: Math.round(rssKb! / 102.4) / 10 });
    });
  });
}

/** The caseworkers' commands measured over the store, each as the CLI runs it. */
export const STORE_COMMANDS = {
  list: ['list'],
  show: ['show', '{middle}'],
  digest: ['digest', '--format', 'html', '--out', '/dev/null'],
  xlsx: ['export', '--format', 'xlsx', '--out', '{out}/export.xlsx'],
  reclassify: ['reclassify'],
} as const;
export type StoreCommand = keyof typeof STORE_COMMANDS;

export interface StoreScaleResult {
  records: number;
  listMs: number;
  digestMs: number;
  reclassifyMs: number;
  runs: { list: number[]; digest: number[]; reclassify: number[] };
  /** Every command's wall and CPU time per run (medians in `median`). */
  costs?: Record<StoreCommand, CommandCost[]>;
  /** `list` run first after the store changed: it computes the campaigns the others take from the cache. */
  listFirst?: CommandCost;
  /**
   * `digest --format html` with no campaign descriptions kept (state/campaign-described.json): a
   * reader's digest describes every campaign itself. The repetitions run after `innspill campaigns`
   * kept them, as the daemon's scheduled digest (the store's writer) does.
   */
  digestFirst?: CommandCost;
  /**
   * `reclassify` the first time: every record classified again (the records were classified by the
   * `ingest` that filed them, then cloned). The repetitions' `reclassify` finds nothing changed and
   * skips every record: the two are different work and never share a median.
   */
  reclassifyFirst?: CommandCost;
  /**
   * `reclassify` after one of eInnsyn's terms was replaced in a copy of the rules (after the
   * repetitions: every record was classified once, and its key kept): the records none of the
   * changed terms is found in are left as they are (src/store/rule-change.ts).
   */
  reclassifyTerms?: CommandCost;
  median?: Record<StoreCommand, { wallMs: number; cpuMs: number | null }>;
}

/**
 * Opens the store once as a writer, as the daemon does when it starts: a store cloned file by
 * file gets its index (state/record-index.jsonl) and its record copies (state/record-copies.jsonl)
 * as a store filed by innspill has them. A copy made within 2 s of its file's last change is not
 * trusted (src/store/record-copies.ts; the daemon's own writes are), so the clone settles first.
 */
export async function openAsDaemon(dataDir: string): Promise<void> {
  const { SETTLED_MS } = await import('../../src/store/record-copies.js');
  await new Promise((resolve) => setTimeout(resolve, SETTLED_MS + 100));
  const { Store } = await import('../../src/store/json-store.js');
  const store = await Store.open(dataDir, { lock: true });
  await store.close();
}

export async function storeScale(dataDir: string, cwd: string, repetitions: number, log: (l: string) => void): Promise<StoreScaleResult> {
  mkdirSync(cwd, { recursive: true });
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    INNSPILL_DATA_DIR: dataDir,
    INNSPILL_LOG_LEVEL: 'warn',
  };
  const ids = readdirSync(join(dataDir, 'records'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.slice(0, -5))
    .sort();
  const middle = ids[Math.floor(ids.length / 2)] ?? '';
  const costs = Object.fromEntries(Object.keys(STORE_COMMANDS).map((k) => [k, [] as CommandCost[]])) as Record<StoreCommand, CommandCost[]>;
  // The first command after the store changed computes the campaigns (and caches them for the
  // next): measured apart, then every command as a caseworker meets it between two batches.
  const listFirst = await timed(STORE_COMMANDS.list, env, cwd);
  log(`  store ${ids.length}: first list after the store changed ${Math.round(listFirst.wallMs)} ms${listFirst.cpuMs === null ? '' : ` (CPU ${Math.round(listFirst.cpuMs)} ms)`}`);
  // A reader's digest before any writer kept the campaigns described, then `innspill campaigns`
  // keeps them, as the daemon's scheduled digest does between two batches.
  const digestFirst = await timed(STORE_COMMANDS.digest, env, cwd);
  log(`  store ${ids.length}: digest with no campaign descriptions kept ${Math.round(digestFirst.wallMs)} ms${digestFirst.cpuMs === null ? '' : ` (CPU ${Math.round(digestFirst.cpuMs)} ms)`}`);
  // The first reclassify classifies every record again and rewrites those it changes; then the
  // campaigns are kept again (untimed), so each repetition meets the store as a caseworker does.
  const reclassifyFirst = await timed(STORE_COMMANDS.reclassify, env, cwd);
  log(`  store ${ids.length}: first reclassify (every record classified) ${Math.round(reclassifyFirst.wallMs)} ms${reclassifyFirst.cpuMs === null ? '' : ` (CPU ${Math.round(reclassifyFirst.cpuMs)} ms)`}`);
  for (const args of [['list'], ['campaigns']]) {
    // Output not kept: a listing of 10,000 records is more than spawnSync buffers.
    const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`innspill ${args[0]} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr.slice(-500)}`);
  }
  for (let rep = 1; rep <= repetitions; rep++) {
    for (const [name, args] of Object.entries(STORE_COMMANDS) as Array<[StoreCommand, readonly string[]]>) {
      costs[name].push(await timed(args.map((a) => a.replace('{middle}', middle).replace('{out}', cwd)), env, cwd));
    }
    const line = (Object.keys(costs) as StoreCommand[]).map((k) => {
      const c = costs[k].at(-1)!;
      return `${k} ${Math.round(c.wallMs)} ms${c.cpuMs === null ? '' : ` (CPU ${Math.round(c.cpuMs)} ms)`}`;
    });
    log(`  store ${ids.length} run ${rep}: ${line.join(', ')}`);
  }
  const reclassifyTerms = await timed(STORE_COMMANDS.reclassify, { ...env, INNSPILL_RULES_DIR: rulesWithOneTermChanged(cwd) }, cwd);
  log(`  store ${ids.length}: reclassify after one of eInnsyn's terms was replaced ${Math.round(reclassifyTerms.wallMs)} ms${reclassifyTerms.cpuMs === null ? '' : ` (CPU ${Math.round(reclassifyTerms.cpuMs)} ms)`}`);
  const med = Object.fromEntries(
    (Object.keys(costs) as StoreCommand[]).map((k) => {
      const cpu = costs[k].map((c) => c.cpuMs).filter((c): c is number => c !== null);
      return [k, { wallMs: median(costs[k].map((c) => c.wallMs)), cpuMs: cpu.length > 0 ? median(cpu) : null }];
    }),
  ) as Record<StoreCommand, { wallMs: number; cpuMs: number | null }>;
  const walls = (k: StoreCommand) => costs[k].map((c) => c.wallMs);
  return {
    records: ids.length,
    listMs: med.list.wallMs,
    digestMs: med.digest.wallMs,
    reclassifyMs: med.reclassify.wallMs,
    runs: { list: walls('list'), digest: walls('digest'), reclassify: walls('reclassify') },
    costs,
    median: med,
    listFirst,
    digestFirst,
    reclassifyFirst,
    reclassifyTerms,
  };
}

/** A copy of the project's rules in `cwd` with one of eInnsyn's strong terms replaced by another; its folder. */
function rulesWithOneTermChanged(cwd: string): string {
  const dir = join(cwd, 'rules-one-term-changed');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(projectRoot, 'rules'), dir, { recursive: true });
  const file = join(dir, 'consultations', 'ogp-4b', 'commitments.yaml');
  const before = readFileSync(file, 'utf8');
  const after = before.replace('  - id: einnsyn\n    strong:\n      - innsynsløsning*\n', '  - id: einnsyn\n    strong:\n      - postliste*\n');
  if (after === before) throw new Error(`eInnsyn's first strong term is no longer "innsynsløsning*" in ${file}: the bench's term change needs another`);
  writeFileSync(file, after);
  return dir;
}

/** `inspect --json` over every .eml under `dir` (the shared corpus): peak RSS of it and its workers summed. */
export async function inspectCorpus(dir: string, cwd: string): Promise<{ files: number; peakTreeRssMb: number; wallMs: number }> {
  const { sampleMemory } = await import('./rss.ts');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.eml')) files.push(join(d, e.name));
    }
  };
  walk(dir);
  files.sort();
  mkdirSync(cwd, { recursive: true });
  const t0 = performance.now();
  const child = spawn(process.execPath, [cliPath, 'inspect', '--json', ...files], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', INNSPILL_DATA_DIR: join(cwd, 'data') },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const memory = sampleMemory(child.pid!, 20);
  // inspect exits 1 when a file is not mail: the corpus has such files on purpose.
  await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  return { files: files.length, peakTreeRssMb: memory.stop().peakTreeRssMb, wallMs: performance.now() - t0 };
}
