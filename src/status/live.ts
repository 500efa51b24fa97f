// The status report of the running daemon, for GET /health: the same shape as `innspill status
// --json`, from what the daemon holds in memory. The store's size on disk is counted at most once
// a minute (by the daemon's clock).
import type { Config } from '../config.js';
import { readArchiveSummary } from '../export/archive-state.js';
import { readDigestState } from '../digest/state.js';
import type { ReceiptCounts } from '../receipts/outbox.js';
import type { Store } from '../store/json-store.js';
import { checkSecondsOf } from './read.js';
import { buildStatus, type Heartbeat, type StatusReport } from './report.js';
import { storeBytes } from './store-size.js';

const BYTES_EVERY_MS = 60_000;

export class LiveStatus {
  private bytes = { value: 0, at: -Infinity };

  constructor(
    private readonly config: Config,
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async report(now: { heartbeat: Heartbeat; receipts: ReceiptCounts; nextDigest: Date | null }): Promise<StatusReport> {
    const t = this.now().getTime();
    if (t - this.bytes.at > BYTES_EVERY_MS) this.bytes = { value: await storeBytes(this.config.dataDir), at: t };
    return buildStatus({
      heartbeat: now.heartbeat,
      source: now.heartbeat.source,
      running: true,
      pid: process.pid,
      receipts: now.receipts,
      records: this.store.size,
      bytes: this.bytes.value,
      nextDigest: now.nextDigest,
      lastDigestAt: (await readDigestState(this.store)).lastSentAt,
      archive: await readArchiveSummary(this.store),
      checkSeconds: checkSecondsOf(this.config),
      now: this.now(),
    });
  }
}
