// `npm run bench` (tsx scripts/bench/run.ts): how fast and how lean innspill is, next to the
// raw-fetch limit (mbsync) and the bare extraction floor, on a generated realistic mailbox in a
// throwaway Dovecot with receipts to a local SMTP sink. Prints a table; writes bench/results/*.json.
//
//   npm run bench                     the full run (2,000 and 10,000 messages, 3 repetitions)
//   npm run bench -- --quick          a small check that everything works (300 messages, once; ~1.5 min)
//   npm run bench -- --part store     only the caseworkers' commands over 10,000 records, CLI start, inspect over the corpus
//   npm run bench -- --part campaigns a campaign of 5,000 members + 1,000 others: grouping against filing, campaigns/digest (scripts/bench/campaigns.ts)
//   npm run bench -- --part burst     only the backlog APPENDed at once (--burst messages, --reps runs; ~1.5 min a run at 2,000)
//   npm run bench -- --consultations  only what routing costs: intake() with 5 consultations against 1 (~2 min)
//   options: --sizes 2000,10000  --reps 3  --latency 200  --burst 2000  --text 2000  --store 10000
//            --seed innspill  --keep  --corpus DIR
//            (--latency 0, --burst 0, --text 0 and --store 0 leave those parts out)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDovecot, type DovecotServer } from '../../tests/helpers/dovecot.ts';
import { startSmtpSink, type SmtpSink } from '../../tests/helpers/smtp-sink.ts';
import { machineInfo } from './machine.ts';
import { cliStart, intakeCore } from './core.ts';
import { describeMix, generateLargeMessage, generateMailbox, loadTemplates, REPLIES_ONLY, TEXT_HEAVY, type GeneratedMessage } from './mailbox.ts';
import { appendAll, Snapshots } from './imap-mailbox.ts';
import { mbsyncAvailable, mbsyncVersion } from './mbsync.ts';
import { throughput } from './throughput.ts';
import { innspillEnv, projectRoot, runOnce } from './innspill-process.ts';
import { latency } from './latency.ts';
import { burst } from './burst.ts';
import { buildStore, openAsDaemon, storeScale } from './store-scale.ts';
import { header, rows, table, writeResults, type BenchResults } from './report.ts';
import { median } from './stats.ts';
import { routingCost } from './consultations.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    reps: { type: 'string' },
    latency: { type: 'string' },
    burst: { type: 'string' },
    text: { type: 'string' },
    store: { type: 'string' },
    seed: { type: 'string', default: 'innspill-bench' },
    keep: { type: 'boolean', default: false },
    part: { type: 'string' },
    corpus: { type: 'string' },
    consultations: { type: 'boolean', default: false },
  },
});

const quick = args.quick === true;
const opts = {
  sizes: (args.sizes ?? (quick ? '300' : '2000,10000')).split(',').map(Number).sort((a, b) => a - b),
  repetitions: Number(args.reps ?? (quick ? 1 : 3)),
  latencyMessages: Number(args.latency ?? (quick ? 10 : 200)),
  /** A backlog APPENDed at once while the daemon idles (burst.ts). */
  burstMessages: Number(args.burst ?? (quick ? 50 : 2000)),
  /** A mailbox of mostly text, few attachments (TEXT_HEAVY): the ratio to the floor where extraction is little. */
  textMessages: Number(args.text ?? (quick ? 100 : 2000)),
  storeRecords: Number(args.store ?? (quick ? 500 : 10_000)),
  largeAttachmentBytes: 25_000_000,
  coreRounds: quick ? 1 : 5,
  coreWarmups: quick ? 1 : 2,
  cliRuns: quick ? 5 : 10,
  seed: args.seed!,
};

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

function ensureTools(): { mbsync: boolean } {
  for (const tools of [['dovecot', 'isync'], ['dovecot']]) {
    const r = spawnSync('bash', [join(projectRoot, 'scripts/ensure-system-deps.sh'), ...tools], { stdio: 'inherit' });
    if (r.status === 0) return { mbsync: mbsyncAvailable() };
  }
  throw new Error('Dovecot is missing and could not be installed (run scripts/ensure-system-deps.sh dovecot isync as root)');
}

function build(notes: string[]): void {
  log('building dist/ (npm run build)');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, encoding: 'utf8' });
  if (r.status !== 0) {
    if (!existsSync(join(projectRoot, 'dist/cli.js'))) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
    const note = `npm run build reported errors; the dist/ it wrote was used:\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 5).join('\n')}`;
    notes.push(note);
    log(note);
  }
}

/** A throwaway folder for the run's mailboxes and daemons, removed at exit unless --keep. */
function workFolder(): string {
  const work = mkdtempSync(join(tmpdir(), 'innspill-bench-'));
  process.on('exit', () => {
    if (!args.keep) rmSync(work, { recursive: true, force: true });
  });
  return work;
}

/** Node's and Dovecot's versions in the results. */
function serverTools(results: BenchResults): void {
  results.tools['node'] = process.version;
  results.tools['dovecot'] = spawnSync('dovecot', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/**
 * Stops the SMTP sink and Dovecot. Twice (2026-12-05) the bench ended here in silence, its table
 * unprinted: the sink's close never called back and nothing else kept Node alive. It is given five
 * seconds at most.
 */
async function stopServers(sink: SmtpSink | null, imap: DovecotServer | null): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([sink?.close(), new Promise<void>((r) => (timer = setTimeout(r, 5000)))]);
  clearTimeout(timer);
  await imap?.stop();
}

/** Writes the results file and prints the table, the notes and the total time. */
function report(results: BenchResults): void {
  results.finishedAt = new Date().toISOString();
  const file = writeResults(join(projectRoot, 'bench', 'results'), results);
  const text = `${header(results)}\n\n${table(rows(results))}\n${results.notes.length ? `\nNotes:\n${results.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
  process.stdout.write(`\n${text}\nResults: ${file}\nTotal time ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
}

/** `--consultations`: only what routing costs, five consultations against one (in-process, a minute or two). */
async function routingOnly(): Promise<void> {
  log('routing: intake() over the fixtures with 5 consultations and with 1');
  const routing = await routingCost(quick ? 3 : 9, quick ? 1 : 2);
  const results: BenchResults = { startedAt: new Date(started).toISOString(), mode: quick ? 'quick' : 'full', options: { consultations: true }, machine: machineInfo(), tools: { node: process.version }, throughput: [], notes: [], routing };
  process.stdout.write(`${table(rows(results))}\n`);
}

/** `--part store`: only the store's commands at scale, the CLI start and inspect over the corpus (no IMAP; ~10–20 min). */
async function storeOnly(): Promise<void> {
  const notes: string[] = [];
  build(notes);
  const { DEFAULT_CORPUS, storePart } = await import('./store-part.ts');
  const text = await storePart(
    { records: Number(args.store ?? (quick ? 500 : 10_000)), base: quick ? 100 : 300, repetitions: opts.repetitions, seed: opts.seed, corpus: args.corpus ?? DEFAULT_CORPUS, cliRuns: opts.cliRuns, keep: args.keep === true },
    log,
  );
  process.stdout.write(`\n${text}\n${notes.map((n) => `- ${n}`).join('\n')}\nTotal time ${((Date.now() - started) / 60000).toFixed(1)} min\n`);
}

/** `--part campaigns`: scripts/bench/campaigns.ts (5,000 campaign members + 1,000 others), its own process. */
function campaignsOnly(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/bench/campaigns.ts')], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the campaign bench failed (exit ${r.status})`);
}

/**
 * `--part burst`: only the backlog APPENDed at once (burst.ts), the same messages as the full
 * bench's first `--burst`, `--reps` times; the load average before each run, and each run's waits
 * of the first 31 messages (the first five batches of a pass: 1, 2, 4, 8, 16).
 */
async function burstOnly(): Promise<void> {
  const work = workFolder();
  const results: BenchResults = { startedAt: new Date(started).toISOString(), mode: quick ? 'quick' : 'full', options: { part: 'burst', ...opts }, machine: machineInfo(), tools: {}, throughput: [], notes: [] };
  log(`work folder ${work}${args.keep ? ' (kept)' : ''}; burst of ${opts.burstMessages}, ${opts.repetitions} run(s)`);
  ensureTools();
  build(results.notes);
  serverTools(results);
  const templates = await loadTemplates();
  const messages = await generateMailbox(templates, { seed: opts.seed, count: opts.burstMessages, dir: join(work, 'mailbox') });
  const warmup = (await generateMailbox(templates, { seed: `${opts.seed}/burst`, count: 1, dir: join(work, 'burst-mailbox'), weights: REPLIES_ONLY }))[0]!.file;
  let imap: DovecotServer | null = null;
  let sink: SmtpSink | null = null;
  const loads: string[] = [];
  try {
    imap = await startDovecot();
    sink = await startSmtpSink();
    const snapshots = new Snapshots(imap, join(work, 'snapshots'));
    results.burst = [];
    for (let rep = 1; rep <= opts.repetitions; rep++) {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      loads.push(load);
      log(`burst of ${messages.length} messages, run ${rep} (load average ${load})`);
      const b = await burst({ imap, sink, snapshots, files: messages.map((m) => m.file), warmup, workDir: join(work, `burst-${rep}`), log });
      results.burst.push(b);
      log(`  first ${b.first} ms, the first 20 at most ${b.first20Max} ms; p50 ${b.p50} / p95 ${b.p95} ms`);
      log(`  the first 31, APPEND sent → handled (ms): ${b.handledMs.slice(0, 31).join(' ')}`);
    }
  } finally {
    await stopServers(sink, imap);
  }
  results.notes.push(`load average before each run: ${loads.join('; ')}`);
  report(results);
}

async function main(): Promise<void> {
  if (args.part === 'store') return storeOnly();
  if (args.part === 'campaigns') return campaignsOnly();
  if (args.part === 'burst') return burstOnly();
  if (args.part !== undefined) throw new Error(`unknown --part ${args.part} (there are: store, campaigns, burst)`);
  if (args.consultations) return routingOnly();
  const work = workFolder();
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    mode: quick ? 'quick' : 'full',
    options: { ...opts },
    machine: machineInfo(),
    tools: {},
    throughput: [],
    notes: [],
  };
  log(`work folder ${work}${args.keep ? ' (kept)' : ''}; ${JSON.stringify(opts)}`);
  const tools = ensureTools();
  build(results.notes);
  serverTools(results);
  if (tools.mbsync) results.tools['mbsync'] = mbsyncVersion();
  else results.notes.push('mbsync (isync) is not installed: the raw-fetch reference was skipped');

  // 1. The core, before anything else loads the machine.
  log('core: intake() over the fixtures');
  results.core = await intakeCore(opts.coreRounds, opts.coreWarmups);
  log(`  with extraction median ${results.core.withExtraction.median.toFixed(1)} ms, without ${results.core.withoutExtraction.median.toFixed(1)} ms`);
  results.cliStart = await cliStart('reply-nb-smk-samskaping-kort.eml', opts.cliRuns, join(work, 'cli'));
  log(`  CLI start to first output ${results.cliStart.firstOutputMs.median.toFixed(0)} ms`);
  log('routing: intake() over the fixtures with 5 consultations and with 1');
  results.routing = await routingCost(opts.coreRounds, opts.coreWarmups);
  log(`  5 consultations ${(results.routing.extra * 100).toFixed(1)} % over 1`);

  // 2. The mailboxes.
  const largest = opts.sizes[opts.sizes.length - 1]!;
  log(`generating ${largest} messages (seed "${opts.seed}")`);
  const templates = await loadTemplates();
  const messages = await generateMailbox(templates, { seed: opts.seed, count: largest, dir: join(work, 'mailbox'), onProgress: (n) => n % 2000 === 0 && log(`  ${n} generated`) });
  results.mix = describeMix(messages);
  const latencySet = await generateMailbox(templates, { seed: `${opts.seed}/latency`, count: opts.latencyMessages, dir: join(work, 'latency-mailbox'), weights: REPLIES_ONLY });
  const burstWarmup = opts.burstMessages > 0 ? (await generateMailbox(templates, { seed: `${opts.seed}/burst`, count: 1, dir: join(work, 'burst-mailbox'), weights: REPLIES_ONLY }))[0]!.file : '';
  const textSet = await generateMailbox(templates, { seed: `${opts.seed}/text`, count: opts.textMessages, dir: join(work, 'text-mailbox'), weights: TEXT_HEAVY });
  if (textSet.length > 0) results.textMix = describeMix(textSet);
  const large = await generateLargeMessage(templates, opts.seed, opts.largeAttachmentBytes, join(work, 'large.eml'));
  log(`  mix: ${JSON.stringify(results.mix)}`);

  let imap: DovecotServer | null = null;
  let sink: SmtpSink | null = null;
  try {
    imap = await startDovecot();
    sink = await startSmtpSink();
    const snapshots = new Snapshots(imap, join(work, 'snapshots'));
    let appended = 0;
    let appendMs = 0;
    for (const size of opts.sizes) {
      const batch = messages.slice(appended, size).map((m) => m.file);
      log(`APPEND ${batch.length} messages (to ${size})`);
      const a = await appendAll(imap, batch, (n) => n % 2000 === 0 && log(`  ${appended + n} appended`));
      appendMs += a.ms;
      appended = size;
      await snapshots.take(`n${size}`);
    }
    results.append = { messages: appended, perSecond: appended / (appendMs / 1000) };
    if (textSet.length > 0) {
      log(`APPEND ${textSet.length} text-heavy messages`);
      await snapshots.restore(null);
      await appendAll(imap, textSet.map((m) => m.file));
      await snapshots.take('text');
    }

    // 3. Throughput, with memory.
    const warmup = messages.filter((m) => m.documents.length > 0).slice(0, 24).map((m) => m.file);
    let lastRunData = '';
    for (const size of opts.sizes) {
      log(`throughput, ${size} messages, ${opts.repetitions} run(s)`);
      const t = await throughput({
        imap,
        sink,
        snapshots,
        snapshot: `n${size}`,
        files: messages.slice(0, size).map((m: GeneratedMessage) => m.file),
        warmup,
        workDir: join(work, 'throughput'),
        repetitions: opts.repetitions,
        withMbsync: tools.mbsync,
        // One extraction worker per core instead of the default (one less than the cores): what it
        // gains in speed and costs in memory (smallest size only).
        variants: size === opts.sizes[0] ? [{ name: 'INNSPILL_WORKERS=2', env: { INNSPILL_WORKERS: '2' } }] : [],
        log,
      });
      results.throughput.push(t);
      lastRunData = join(work, 'throughput', `innspill-${size}-${opts.repetitions}`, 'data');
    }

    // 3b. Throughput on the text-heavy mailbox (`--text 0` leaves it out).
    if (textSet.length > 0) {
      log(`throughput, ${textSet.length} text-heavy messages, ${opts.repetitions} run(s)`);
      results.textHeavy = await throughput({
        imap,
        sink,
        snapshots,
        snapshot: 'text',
        files: textSet.map((m) => m.file),
        warmup,
        workDir: join(work, 'throughput-text'),
        repetitions: opts.repetitions,
        withMbsync: tools.mbsync,
        log,
      });
    } else log('text-heavy mailbox: left out (--text 0)');

    // 4. Memory with one 25 MB attachment (among a few ordinary messages).
    log(`memory with one ${(large.bytes / 1e6).toFixed(1)} MB message`);
    await snapshots.restore(null);
    await appendAll(imap, [large.file, ...messages.slice(0, 20).map((m) => m.file)]);
    await snapshots.take('large');
    const largeRuns = [];
    for (let rep = 1; rep <= opts.repetitions; rep++) {
      await snapshots.restore('large');
      const dir = join(work, `large-${rep}`);
      const once = await runOnce(innspillEnv({ dataDir: join(dir, 'data'), imap, smtp: sink }), dir, join(dir, 'innspill.log'));
      largeRuns.push(once);
      log(`  run ${rep}: peak RSS ${once.memory.peakTreeRssMb} MB (the daemon process ${once.memory.mainHwmMb} MB), ${once.wallMs} ms`);
      rmSync(dir, { recursive: true, force: true });
    }
    results.largeAttachment = {
      attachmentBytes: opts.largeAttachmentBytes,
      messageBytes: large.bytes,
      runs: largeRuns.map((r) => r.memory),
      peakTreeRssMb: median(largeRuns.map((r) => r.memory.peakTreeRssMb)),
      peakTreeUniqueMb: median(largeRuns.map((r) => r.memory.peakTreeUniqueMb)),
      mainHwmMb: median(largeRuns.map((r) => r.memory.mainHwmMb)),
      wallMs: median(largeRuns.map((r) => r.wallMs)),
    };

    // 5. Latency while idle (`--latency 0` leaves it out).
    if (latencySet.length > 0) {
      log(`latency, ${latencySet.length} messages one by one`);
      results.latency = await latency({ imap, sink, snapshots, files: latencySet.map((m) => m.file), workDir: join(work, 'latency'), log });
    } else log('latency: left out (--latency 0)');

    // 5b. Latency under a backlog arriving at once (`--burst 0` leaves it out).
    if (opts.burstMessages > 0) {
      const files = messages.slice(0, opts.burstMessages).map((m) => m.file);
      results.burst = [];
      for (let rep = 1; rep <= opts.repetitions; rep++) {
        log(`burst of ${files.length} messages, run ${rep}`);
        results.burst.push(await burst({ imap, sink, snapshots, files, warmup: burstWarmup, workDir: join(work, `burst-${rep}`), log }));
      }
    } else log('burst: left out (--burst 0)');

    // 6. The store at scale (`--store 0` leaves it out).
    if (opts.storeRecords > 0) {
      log(`store of ${opts.storeRecords} records (cloned from the last ${largest} run)`);
      const storeDir = join(work, 'store', 'data');
      buildStore(lastRunData, storeDir, opts.storeRecords);
      await openAsDaemon(storeDir); // the index a daemon writes when it opens its store
      results.store = await storeScale(storeDir, join(work, 'store'), quick ? 1 : opts.repetitions, log);
    } else log('store: left out (--store 0)');
  } finally {
    log('stopping the SMTP sink and Dovecot');
    await stopServers(sink, imap);
    log('stopped');
  }
  report(results);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
