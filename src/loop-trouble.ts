// What the daemon's loop says when a pass over the mailbox fails, and how long it waits before the
// next try. Nothing is lost either way: mail that was not filed stays in the mailbox.
import type { Logger } from './log.js';
import type { Heartbeat } from './status/report.js';

export class LoopTrouble {
  private diskFull = false;

  constructor(
    private readonly log: Logger,
    private readonly dataDir: string,
  ) {}

  /** A pass over the mailbox filed what waited: when the disk had been full, says that filing has resumed. */
  passed(): void {
    if (!this.diskFull) return;
    this.diskFull = false;
    this.log.warn('there is room on the disk again: filing has resumed');
  }

  /**
   * Says in words what went wrong (a full disk once, not at every try) and marks the heartbeat
   * disconnected when the mailbox cannot be reached. Returns how long to wait, and whether the
   * heartbeat should be written now.
   */
  failed(err: unknown, mailbox: { readonly connected: boolean }, heartbeat: Heartbeat): { waitMs: number; writeHeartbeat: boolean } {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      if (!this.diskFull) {
        this.log.error(
          { code, store: this.dataDir },
          `the disk of the store is full (${code}): no more mail is taken from the mailbox until there is room again. Nothing is lost — the messages stay in the mailbox`,
        );
      }
      this.diskFull = true;
      return { waitMs: 10_000, writeHeartbeat: false };
    }
    const message = (err as Error).message ?? String(err);
    if (!mailbox.connected) {
      heartbeat.connected = false;
      this.log.error({ err: message }, 'the mailbox cannot be reached; trying again');
    } else {
      this.log.error({ err: message, stack: (err as Error).stack }, 'handling mail failed; trying again shortly (the mail stays in the mailbox)');
    }
    return { waitMs: 5_000, writeHeartbeat: true };
  }
}
