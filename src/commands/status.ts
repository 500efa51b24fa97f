// `innspill status [--json]`: is the daemon running, is the mailbox reachable, when did it last
// look, what waits. Reads the store without its lock, so it can run beside the daemon. The exit
// status follows the Nagios plugin convention: 0 OK, 2 CRITICAL (not running, mailbox down, or
// the last successful check is older than 3 × INNSPILL_IMAP_CHECK_SECONDS, at least 60 s),
// 3 UNKNOWN (the store cannot be read).
import type { Config } from '../config.js';
import { NoStoreError, readStatus } from '../status/read.js';
import { formatStatus } from '../status/format.js';

export const STATUS_OK = 0;
export const STATUS_CRITICAL = 2;
export const STATUS_UNKNOWN = 3;

export async function statusCommand(config: Config, opts: { json: boolean; out: NodeJS.WritableStream; now?: Date }): Promise<number> {
  let report;
  try {
    report = await readStatus(config, opts.now);
  } catch (err) {
    const message = err instanceof NoStoreError ? err.message : `the store cannot be read: ${(err as Error).message}`;
    opts.out.write(opts.json ? `${JSON.stringify({ ok: false, problems: [message] })}\n` : `innspill UNKNOWN: ${message}\n`);
    return STATUS_UNKNOWN;
  }
  opts.out.write(opts.json ? `${JSON.stringify(report)}\n` : formatStatus(report));
  return report.ok ? STATUS_OK : STATUS_CRITICAL;
}
