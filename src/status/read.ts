// The status as seen from outside the daemon (`innspill status`): read from the store's files
// without taking its lock, so it works while the daemon runs. Whether the daemon runs is told by
// the store lock (its pid alive on this host); the rest comes from state/heartbeat.json, the
// records (receipts) and state/digest.json.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { Store } from '../store/json-store.js';
import type { ReceiptCounts } from '../receipts/outbox.js';
import { readDigestState } from '../digest/state.js';
import { readArchiveSummary } from '../export/archive-state.js';
import { buildStatus, type Heartbeat, type StatusReport } from './report.js';
import { storeBytes } from './store-size.js';
import { nextDigestRun } from './next-digest.js';

export class NoStoreError extends Error {
  constructor(dir: string) {
    super(`there is no store in ${dir} (INNSPILL_DATA_DIR): innspill has not run with this data folder`);
    this.name = 'NoStoreError';
  }
}

/** The pid holding the store lock, if that process is alive on this host. */
async function lockHolder(dataDir: string): Promise<number | null> {
  const text = await readFile(join(dataDir, 'lock'), 'utf8').catch(() => '');
  const [pidText, host] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || (host !== undefined && host !== hostname())) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** The mailbox the settings name, as status, /health and the start log show it. */
export function mailboxSource(config: Config): string {
  return config.imap ? `imap://${config.imap.host}:${config.imap.port}/${config.imap.mailbox}` : `maildir:${config.maildir}`;
}

/** Seconds between the daemon's checks of the mailbox (IMAP setting; the Maildir loop uses 10 s). */
export function checkSecondsOf(config: Config): number {
  return config.imap ? config.imap.checkSeconds : 10;
}

export async function readStatus(config: Config, now = new Date()): Promise<StatusReport> {
  if (!existsSync(join(config.dataDir, 'records'))) throw new NoStoreError(config.dataDir);
  const store = await Store.open(config.dataDir, { lock: false });
  try {
    const pid = await lockHolder(config.dataDir);
    const saved = await store.readState<Partial<Heartbeat> | null>('heartbeat', null);
    // While a daemon runs, only its own heartbeat counts (an earlier run's says nothing about it);
    // when none runs, the last one still tells what it knew.
    const heartbeat = !saved ? null : pid === null ? ({ ...saved, connected: false } as Heartbeat) : saved.pid === pid ? (saved as Heartbeat) : null;
    const receipts: ReceiptCounts = { pending: 0, sent: 0, failed: 0, skipped: 0, held: 0 };
    const records = await store.readAll();
    for (const r of records) receipts[r.receipt.status]++;
    const digest = await readDigestState(store);
    return buildStatus({
      heartbeat,
      // A running daemon's mailbox is the one it uses; otherwise the one the settings name now
      // (never the one an earlier run left in its heartbeat).
      source: pid !== null && heartbeat ? heartbeat.source : mailboxSource(config),
      running: pid !== null,
      pid,
      receipts,
      records: records.length,
      bytes: await storeBytes(config.dataDir),
      nextDigest: config.digest.to.length > 0 ? nextDigestRun(config.digest.cron, config.timezone) : null,
      lastDigestAt: digest.lastSentAt,
      archive: await readArchiveSummary(store),
      checkSeconds: checkSecondsOf(config),
      now,
    });
  } finally {
    await store.close();
  }
}
