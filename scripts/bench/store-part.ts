// `npm run bench -- --part store`: only the caseworkers' commands over a store of 10,000 records
// (list, show, digest, xlsx export, reclassify), the CLI's start, and `inspect` over the shared
// corpus; no IMAP server is needed. The store is cloned from a few hundred generated messages
// filed with `innspill ingest`. Wall time and CPU time (user + sys, GNU time) are both reported:
// on a shared machine the CPU time is the steadier figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliStart } from './core.ts';
import { cliPath, projectRoot } from './innspill-process.ts';
import { machineInfo } from './machine.ts';
import { generateMailbox, loadTemplates, MIX } from './mailbox.ts';
import { buildStore, inspectCorpus, openAsDaemon, STORE_COMMANDS, storeScale, type StoreCommand } from './store-scale.ts';

export interface StorePartOptions {
  records: number;
  /** Generated messages filed first, then cloned up to `records`. */
  base: number;
  repetitions: number;
  seed: string;
  corpus: string | null;
  cliRuns: number;
  keep: boolean;
}

const TARGETS: Record<StoreCommand, number> = { list: 500, show: 300, digest: 2000, xlsx: 3000, reclassify: 10_000 };

export async function storePart(o: StorePartOptions, log: (line: string) => void): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'innspill-bench-store-'));
  try {
    log(`store part in ${work}: ${o.base} generated messages filed, cloned to ${o.records} records, ${o.repetitions} run(s)`);
    const files = (await generateMailbox(await loadTemplates(), { seed: o.seed, count: o.base, dir: join(work, 'mailbox'), weights: MIX })).map((m) => m.file);
    const filed = join(work, 'filed');
    const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', INNSPILL_DATA_DIR: filed, INNSPILL_LOG_LEVEL: 'warn' };
    // ingest exits 1 when some file is not mail (the mix has a few on purpose); everything else is filed.
    const ingest = spawnSync(process.execPath, [cliPath, 'ingest', ...files], { cwd: work, env, encoding: 'utf8' });
    if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`innspill ingest failed: ${ingest.stderr.slice(-500)}`);
    const storeDir = join(work, 'store', 'data');
    buildStore(filed, storeDir, o.records);
    await openAsDaemon(storeDir);
    const scale = await storeScale(storeDir, join(work, 'store'), o.repetitions, log);
    const start = await cliStart('reply-nb-smk-samskaping-kort.eml', o.cliRuns, join(work, 'cli'));
    const corpus = o.corpus && existsSync(o.corpus) ? await inspectCorpus(o.corpus, join(work, 'corpus')) : null;

    const machine = machineInfo();
    const lines = [
      `Store part, ${new Date().toISOString()}, ${JSON.stringify(machine)}, load average ${spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim()}`,
      `Medians of ${o.repetitions} run(s); CPU = user + sys of the command (GNU time).`,
      '',
      '| Measure | Wall | CPU | Target | Met (wall / CPU) |',
      '|---|---|---|---|---|',
    ];
    const sec = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
    const yes = (ms: number | null, target: number) => (ms === null ? '–' : ms < target ? 'yes' : 'no');
    const recl = scale.reclassifyFirst!;
    for (const name of Object.keys(STORE_COMMANDS) as StoreCommand[]) {
      const m = scale.median![name];
      if (name === 'reclassify') {
        // The target is for classifying the store again; a reclassify that finds nothing changed is shown apart.
        lines.push(`| ${scale.records.toLocaleString('en')} records: \`reclassify\`, every record classified again (one run) | ${sec(recl.wallMs)} | ${sec(recl.cpuMs)} | < ${sec(TARGETS.reclassify)} | ${yes(recl.wallMs, TARGETS.reclassify)} / ${yes(recl.cpuMs, TARGETS.reclassify)} |`);
        lines.push(`| ${scale.records.toLocaleString('en')} records: \`reclassify\`, nothing changed since (every record skipped) | ${sec(m.wallMs)} | ${sec(m.cpuMs)} | | |`);
        const terms = scale.reclassifyTerms!;
        lines.push(`| ${scale.records.toLocaleString('en')} records: \`reclassify\` after one of eInnsyn's terms was replaced (one run) | ${sec(terms.wallMs)} | ${sec(terms.cpuMs)} | < ${sec(TARGETS.reclassify)} | ${yes(terms.wallMs, TARGETS.reclassify)} / ${yes(terms.cpuMs, TARGETS.reclassify)} |`);
        continue;
      }
      lines.push(`| ${scale.records.toLocaleString('en')} records: \`${STORE_COMMANDS[name].join(' ').replace('{middle}', 'ID').replace('{out}/', '')}\` | ${sec(m.wallMs)} | ${sec(m.cpuMs)} | < ${sec(TARGETS[name])} | ${yes(m.wallMs, TARGETS[name])} / ${yes(m.cpuMs, TARGETS[name])} |`);
    }
    const first = scale.listFirst!;
    lines.push(`| ${scale.records.toLocaleString('en')} records: \`list\` first after the store changed (computes the campaigns) | ${sec(first.wallMs)} | ${sec(first.cpuMs)} | | |`);
    const digestFirst = scale.digestFirst!;
    lines.push(`| ${scale.records.toLocaleString('en')} records: \`digest --format html\` with no campaign descriptions kept (the rows above: after \`campaigns\` kept them, as the daemon's digest does) | ${sec(digestFirst.wallMs)} | ${sec(digestFirst.cpuMs)} | < 2.00 s | ${yes(digestFirst.wallMs, 2000)} / ${yes(digestFirst.cpuMs, 2000)} |`);
    lines.push(`| CLI start → first output (\`inspect --json\`, median of ${o.cliRuns}) | ${sec(start.firstOutputMs.median)} | | < 0.30 s | ${yes(start.firstOutputMs.median, 300)} |`);
    if (corpus) lines.push(`| \`inspect\` over the shared corpus (${corpus.files} messages): peak RSS summed | ${corpus.peakTreeRssMb} MB | | < 400 MB | ${corpus.peakTreeRssMb < 400 ? 'yes' : 'no'} |`);
    else lines.push('| `inspect` over the shared corpus | (no corpus folder: --corpus DIR) | | < 400 MB | |');
    return lines.join('\n');
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
  }
}

/** The corpus the issue names (../shared/corpus beside the project), when it is there. */
export const DEFAULT_CORPUS = join(projectRoot, '..', 'shared', 'corpus');
