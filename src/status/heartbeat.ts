// The daemon's heartbeat (state/heartbeat.json): what `innspill status` and GET /health read to
// know whether the daemon runs, whether its mailbox is reachable and when it last looked.
import type { Store } from '../store/json-store.js';
import type { Heartbeat } from './report.js';

/** Between two writes that are not forced, at least this long. */
const EVERY_MS = 5_000;

export class HeartbeatWriter {
  private lastWrite = -Infinity;
  private lastConnected: boolean | null = null;

  private constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    readonly value: Heartbeat,
  ) {}

  /**
   * This run's heartbeat. What the last run knew (last check, last filed) is kept; what this run
   * is comes from the settings in force: an earlier run's mailbox is never named as this one's.
   */
  static async start(store: Store, now: () => Date, source: string): Promise<HeartbeatWriter> {
    const previous = await store.readState<Partial<Heartbeat>>('heartbeat', {});
    return new HeartbeatWriter(store, now, {
      lastCheckAt: previous.lastCheckAt ?? null,
      lastFiledAt: previous.lastFiledAt ?? null,
      lastFiledId: previous.lastFiledId ?? null,
      source,
      connected: false,
      pid: process.pid,
      startedAt: now().toISOString(),
    });
  }

  /** Writes it; unless `force` or the mailbox was reached or lost since the last write, at most every 5 seconds. */
  async write(force: boolean): Promise<void> {
    const t = this.now().getTime();
    if (!force && this.value.connected === this.lastConnected && t - this.lastWrite < EVERY_MS) return;
    this.lastWrite = t;
    this.lastConnected = this.value.connected;
    await this.store.writeState('heartbeat', this.value);
  }
}
