// `innspill run [--once]`: the daemon. `ingest FILE…` uses the same pipeline over files.
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Daemon } from '../daemon.js';
import { FilesMailbox } from '../mailbox/files.js';

/** How long SIGTERM may take before the process gives up on a clean stop. */
export const STOP_BOUND_MS = 30_000;

export async function runCommand(config: Config, rules: Rules, log: Logger, opts: { once: boolean }): Promise<number> {
  const daemon = new Daemon(config, rules, log);
  await daemon.open({ waitForMailbox: !opts.once });
  if (opts.once) {
    try {
      const { read, receipts } = await daemon.runOnce(process.stderr.isTTY === true);
      log.info({ read, receiptsSent: receipts }, 'one pass done');
    } finally {
      await daemon.close();
    }
    return 0;
  }
  let forced: NodeJS.Timeout | null = null;
  const stop = (signal: string) => {
    if (forced) {
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
  };
  const hup = () => daemon.reloadRules();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('SIGHUP', hup);
  try {
    await daemon.run();
  } finally {
    await daemon.close();
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
    process.off('SIGHUP', hup);
    if (forced) clearTimeout(forced);
  }
  return 0;
}

export async function ingestCommand(config: Config, rules: Rules, log: Logger, files: string[]): Promise<number> {
  const mailbox = new FilesMailbox(files);
  const daemon = new Daemon(config, rules, log, { mailbox });
  await daemon.open();
  try {
    const { read, receipts } = await daemon.runOnce(process.stderr.isTTY === true);
    for (const u of mailbox.unreadable) process.stderr.write(`innspill: ${u.path}: cannot be read (${u.reason})\n`);
    log.info({ read, receiptsSent: receipts, unreadable: mailbox.unreadable.length }, 'ingest done');
  } finally {
    await daemon.close();
  }
  return mailbox.unreadable.length > 0 ? 1 : 0;
}
