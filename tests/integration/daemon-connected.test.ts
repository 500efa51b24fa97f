// The daemon learns whether its mailbox can be reached from the mailbox itself (Mailbox.connected),
// whatever kind of mailbox it is: a source that is down is said as such in the log and the status,
// and reachable again once it is back. No downcast to the IMAP class decides it.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import type { Incoming, Mailbox } from '../../src/mailbox/types.js';
import { testConfig, waitUntil } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';

/** A mailbox that is not IMAP and can be taken down and brought back by the test. */
class SwitchableMailbox implements Mailbox {
  readonly kind = 'maildir' as const;
  up = true;
  checks = 0;
  get connected(): boolean {
    return this.up;
  }
  async open(): Promise<void> {}
  async *waiting(): AsyncIterable<Incoming[]> {
    this.checks++;
    if (!this.up) throw Object.assign(new Error('the source is down'), { code: 'ECONNREFUSED' });
  }
  async moveFiled(): Promise<void> {}
  async handled(): Promise<void> {}
  async waitForMail(maxWaitMs: number, signal: AbortSignal): Promise<void> {
    // At most a tenth of a second: the test waits on what the daemon says, not on time.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(maxWaitMs, 100));
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
  async close(): Promise<void> {}
}

describe('the daemon and its mailbox being reachable', () => {
  it('asks the mailbox: down is said in the log and the status, back is seen at the next check', async () => {
    const lines = new PassThrough();
    let logged = '';
    lines.on('data', (d: Buffer) => (logged += d.toString()));
    const mailbox = new SwitchableMailbox();
    const daemon = new Daemon(testConfig(), projectRules(), createLogger({ level: 'info', secrets: [], destination: lines }), { mailbox });
    await daemon.open({ waitForMailbox: true });
    const running = daemon.run();
    try {
      await waitUntil('the first check', () => mailbox.checks > 0);
      expect((await daemon.status()).connected).toBe(true);

      mailbox.up = false;
      await waitUntil('the daemon to say the mailbox cannot be reached', () => logged.includes('the mailbox cannot be reached; trying again'));
      expect((await daemon.status()).connected).toBe(false);
      expect(logged).not.toContain('handling mail failed');

      mailbox.up = true;
      const seen = mailbox.checks;
      await waitUntil('a check after the mailbox is back', async () => mailbox.checks > seen + 1 && (await daemon.status()).connected);
    } finally {
      daemon.stop();
      await running;
      await daemon.close();
    }
  });
});
