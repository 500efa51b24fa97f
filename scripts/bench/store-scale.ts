// The store at consultation scale: a store of N records made from one that innspill filed (its
// records cloned under new ids, originals and attachments hard-linked), then `list`, `digest` and
// `reclassify` run as the CLI runs them, each timed from process start to exit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { idFor, type SubmissionRecord } from '../../src/store/record.js';
import { cliPath } from './innspill-process.ts';
import { median } from './stats.ts';

/** Builds `dir` with exactly `count` records from the filed store in `from`. Returns the count. */
export function buildStore(from: string, dir: string, count: number): number {
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['records', 'raw', 'state']) mkdirSync(join(dir, d), { recursive: true });
  const r = spawnSync('cp', ['-al', join(from, 'attachments'), join(dir, 'attachments')]);
  if (r.status !== 0) throw new Error(`cp -al attachments failed: ${r.stderr}`);
  const names = readdirSync(join(from, 'records')).filter((n) => /^\d{4}-\d{4,}\.json$/.test(n));
  const base = names.map((n) => JSON.parse(readFileSync(join(from, 'records', n), 'utf8')) as SubmissionRecord).sort((a, b) => a.seq - b.seq);
  if (base.length === 0) throw new Error(`no records in ${from}`);
  const campaignLines = readCampaignLines(join(from, 'state', 'campaign-index.jsonl'));
  const campaignIndex: string[] = [];
  for (let i = 0; i < count; i++) {
    const src = base[i % base.length]!;
    const seq = i + 1;
    const id = idFor(seq, Number(src.id.slice(0, 4)));
    const round = Math.floor(i / base.length);
    const record: SubmissionRecord = {
      ...src,
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
  }
  // The campaign index the daemon appends as it files (state/campaign-index.jsonl), cloned with the
  // records: a store filed by innspill has it, and readers only complete what it lacks.
  if (campaignIndex.length > 0) writeFileSync(join(dir, 'state', 'campaign-index.jsonl'), `${campaignIndex.join('\n')}\n`);
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

function timed(args: string[], env: Record<string, string>, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let err = '';
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`innspill ${args.join(' ')} exited with ${code}: ${err.slice(-500)}`))));
  });
}

export interface StoreScaleResult {
  records: number;
  listMs: number;
  digestMs: number;
  reclassifyMs: number;
  runs: { list: number[]; digest: number[]; reclassify: number[] };
}

export async function storeScale(dataDir: string, cwd: string, repetitions: number, log: (l: string) => void): Promise<StoreScaleResult> {
  mkdirSync(cwd, { recursive: true });
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    INNSPILL_DATA_DIR: dataDir,
    INNSPILL_LOG_LEVEL: 'warn',
  };
  const records = readdirSync(join(dataDir, 'records')).filter((n) => n.endsWith('.json')).length;
  const runs = { list: [] as number[], digest: [] as number[], reclassify: [] as number[] };
  for (let rep = 1; rep <= repetitions; rep++) {
    runs.list.push(await timed(['list'], env, cwd));
    runs.digest.push(await timed(['digest', '--format', 'html', '--out', '/dev/null'], env, cwd));
    runs.reclassify.push(await timed(['reclassify'], env, cwd));
    log(`  store ${records} run ${rep}: list ${Math.round(runs.list.at(-1)!)} ms, digest ${Math.round(runs.digest.at(-1)!)} ms, reclassify ${Math.round(runs.reclassify.at(-1)!)} ms`);
  }
  return { records, listMs: median(runs.list), digestMs: median(runs.digest), reclassifyMs: median(runs.reclassify), runs };
}
