// The daemon's memory alone, without IMAP (tsx scripts/bench/daemon-memory.ts [--messages 2000]
// [--text] [--large] [--cpu-prof DIR]): generated messages in a Maildir, `innspill run --once` (the built CLI) with
// receipts to a local SMTP sink, and the peak RSS of its process tree summed (rss.ts: one process
// now, the extraction workers being threads in it), the daemon's own high-water mark, and CPU
// (mainCpuMs the whole process, mainThreadCpuMs its main thread alone). A quicker look than the full bench (which
// measures the same over IMAP at 2,000 and 10,000): run it at two sizes to see whether memory
// grows with the mailbox. BENCH_NODE_OPTIONS, when set, is the daemon's NODE_OPTIONS (its worker
// threads run in the same process): e.g. "--heapsnapshot-signal=SIGUSR2" to look inside while it runs.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSmtpSink } from '../../tests/helpers/smtp-sink.ts';
import { cliPath, projectRoot } from './innspill-process.ts';
import { generateLargeMessage, generateMailbox, loadTemplates, MIX } from './mailbox.ts';
import { sampleMemory } from './rss.ts';

const { values: args } = parseArgs({
  options: {
    messages: { type: 'string', default: '2000' },
    seed: { type: 'string', default: 'innspill-bench' },
    text: { type: 'boolean', default: false },
    large: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** A CPU profile of the daemon (node --cpu-prof) written into this folder. */
    'cpu-prof': { type: 'string' },
  },
});

const TEXT_ONLY = { plain: 0.5, auto: 0.15, unrelated: 0.2, bounce: 0.05 };
const count = Number(args.messages);
const work = mkdtempSync(join(tmpdir(), 'innspill-daemon-memory-'));
try {
  if (!args['no-build']) {
    const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, encoding: 'utf8' });
    if (b.status !== 0) process.stderr.write(`npm run build reported errors; using the dist/ it wrote\n${b.stdout}${b.stderr}`.slice(0, 2000));
  }
  const templates = await loadTemplates();
  const generated = join(work, 'generated');
  const files = (await generateMailbox(templates, { seed: args.seed!, count, dir: generated, weights: args.text ? TEXT_ONLY : MIX })).map((m) => m.file);
  if (args.large) files.unshift((await generateLargeMessage(templates, args.seed!, 25_000_000, join(work, 'large.eml'))).file);
  for (const d of ['new', 'cur', 'tmp']) mkdirSync(join(work, 'maildir', d), { recursive: true });
  files.forEach((f, i) => copyFileSync(f, join(work, 'maildir', 'new', `${1_700_000_000 + i}.M${i}P1.bench`)));
  rmSync(generated, { recursive: true, force: true });

  const sink = await startSmtpSink();
  const env = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    INNSPILL_DATA_DIR: join(work, 'data'),
    INNSPILL_OUTBOX_DIR: join(work, 'outbox'),
    INNSPILL_MAILDIR: join(work, 'maildir'),
    INNSPILL_SMTP_HOST: sink.host,
    INNSPILL_SMTP_PORT: String(sink.port),
    INNSPILL_SMTP_TLS: 'false',
    INNSPILL_LOG_LEVEL: 'warn',
    ...(process.env['BENCH_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_NODE_OPTIONS'] } : {}),
  };
  const t0 = performance.now();
  const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
  const child = spawn(process.execPath, [...profile, cliPath, 'run', '--once'], { cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const memory = sampleMemory(child.pid!, 50);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const peak = memory.stop();
  await sink.close();
  const filed = readdirSync(join(work, 'data', 'records')).length;
  process.stdout.write(`${JSON.stringify({ messages: files.length, text: args.text, large: args.large, exit: code, filed, receipts: sink.messages.length, wallMs: Math.round(performance.now() - t0), ...peak })}\n`);
  if (code !== 0) process.stderr.write(stderr.slice(-2000));
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}
