// `innspill run [--once]`: the daemon. `ingest FILE…` uses the same pipeline over files.
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Daemon } from '../daemon.js';
import type { Incoming } from '../mailbox/types.js';
import type { Outcome } from '../pipeline.js';
import { FilesMailbox } from '../mailbox/files.js';
import { exitIfStillRunning, StopSignals } from '../stop-signals.js';

/** How long SIGTERM may take before the process gives up on a clean stop. */
export const STOP_BOUND_MS = 30_000;

/** How long a stopped daemon may still be kept alive by something left open before it exits anyway. */
export const LINGER_MS = 10_000;

export async function runCommand(
  config: Config,
  rules: Rules,
  log: Logger,
  opts: { once: boolean; signals?: StopSignals | null },
): Promise<number> {
  if (opts.once) {
    const daemon = new Daemon(config, rules, log);
    await daemon.open();
    try {
      const { read, receipts } = await daemon.runOnce(process.stderr.isTTY === true);
      log.info({ read, receiptsSent: receipts }, 'one pass done');
    } finally {
      await daemon.close();
    }
    return 0;
  }
  // Caught from here on (or earlier, by the caller): a stop asked for while the store is opened
  // or the mailbox is still being reached ends the start, and the process exits 0.
  const signals = opts.signals ?? new StopSignals();
  log.info('innspill starting');
  const daemon = new Daemon(config, rules, log);
  let forced: NodeJS.Timeout | null = null;
  signals.onStop((signal, repeated) => {
    if (repeated) {
      log.warn(`${signal} again: stopping now`);
      process.exit(1);
    }
    log.info({ signal }, 'stop requested');
    daemon.stop();
    forced = setTimeout(() => {
      log.error(`did not stop within ${STOP_BOUND_MS / 1000} s; exiting`);
      process.exit(1);
    }, STOP_BOUND_MS);
    forced.unref();
  });
  const hup = () => daemon.reloadRules();
  process.on('SIGHUP', hup);
  try {
    await daemon.open({ waitForMailbox: true });
    if (daemon.stopping) log.info('stopped while starting');
    else await daemon.run();
  } finally {
    await daemon.close();
    signals.dispose();
    process.off('SIGHUP', hup);
    if (forced) clearTimeout(forced);
  }
  exitIfStillRunning(log, LINGER_MS);
  return 0;
}

export async function ingestCommand(config: Config, rules: Rules, log: Logger, files: string[]): Promise<number> {
  const mailbox = new FilesMailbox(files);
  // A file that is not mail is filed raw for a person to look at, and said on stderr, as inspect does.
  const notMail: Array<{ path: string; problem: string }> = [];
  const onOutcome = (item: Incoming, o: Outcome) => {
    if (item.source.kind !== 'file') return;
    if (o.kind === 'filed' && !o.record.readable) notMail.push({ path: item.source.path, problem: o.record.problems[0] ?? 'filen kan ikke leses' });
    if (o.kind === 'duplicate' && !o.readable) notMail.push({ path: item.source.path, problem: `${o.problems[0] ?? 'filen kan ikke leses'} (allerede arkivert som ${o.of})` });
  };
  const daemon = new Daemon(config, rules, log, { mailbox, onOutcome });
  await daemon.open();
  try {
    const { read, receipts } = await daemon.runOnce(process.stderr.isTTY === true);
    for (const u of mailbox.unreadable) process.stderr.write(`innspill: ${u.path}: cannot be read (${u.reason})\n`);
    for (const n of notMail) process.stderr.write(`innspill: ${n.path}: ${n.problem}\n`);
    log.info({ read, receiptsSent: receipts, unreadable: mailbox.unreadable.length, notMail: notMail.length }, 'ingest done');
  } finally {
    await daemon.close();
  }
  return mailbox.unreadable.length > 0 || notMail.length > 0 ? 1 : 0;
}
