// Sending the due receipts in the background while the daemon files the next batches, so a sender
// gets the receipt within seconds even while a backlog of thousands is read. One pass at a time:
// a pass asked for while one runs is made right after it. An error of a background pass is
// thrown by the next all().
import type { ReceiptOutbox } from './outbox.js';

export class BackgroundReceiptPass {
  private running: Promise<number> | null = null;
  private again = false;
  private error: unknown = null;

  constructor(
    private readonly outbox: Pick<ReceiptOutbox, 'sendDue'>,
    /** True once the daemon stops: no further pass is started then. */
    private readonly stopping: () => boolean,
  ) {}

  /** Starts a pass now, or right after the one running. */
  soon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const pass = async (): Promise<number> => {
      let sent = 0;
      do {
        this.again = false;
        sent += await this.outbox.sendDue();
      } while (this.again && !this.stopping());
      return sent;
    };
    this.running = pass()
      .catch((err: unknown) => {
        this.error ??= err;
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Every receipt that is due: the background pass finished, then one more pass. Returns how many were sent. */
  async all(): Promise<number> {
    const before = (await this.running) ?? 0;
    const err = this.error;
    this.error = null;
    if (err) throw err;
    return before + (await this.outbox.sendDue());
  }

  /** Resolves when no pass runs (never throws: for closing). */
  async settled(): Promise<void> {
    await this.running;
  }
}
