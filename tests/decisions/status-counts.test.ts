// `innspill status` counts receipts held for a caseworker's decision, and a decision moves each one
// on: decided input, it is pending (here it cannot be delivered: the SMTP server refuses); decided
// not-input, it is not sent. Both the running daemon's count (/health, status while it runs) and
// the count read from the store agree.
import { afterEach, describe, expect, it } from 'vitest';
import { DaemonHarness, records, testConfig, waitUntil } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { forgedReply } from '../helpers/decisions.js';
import { freePort } from '../helpers/ports.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, decideRequest } from '../../src/commands/decide.js';
import { readStatus } from '../../src/status/read.js';
import type { Daemon } from '../../src/daemon.js';
import type { Config } from '../../src/config.js';

const harness = new DaemonHarness();
afterEach(() => harness.stop());
const log = createLogger({ level: 'silent', secrets: [] });
const quiet = { write: () => true } as unknown as NodeJS.WritableStream;

async function counts(daemon: Daemon, config: Config) {
  const live = (await daemon.status()).receipts;
  const read = (await readStatus(config)).receipts;
  expect(read).toEqual(live);
  return live;
}

describe('status and held receipts', () => {
  it('counts held receipts; a decision moves them to pending (input) or skipped (not input)', async () => {
    const port = await freePort();
    const config = testConfig({ INNSPILL_SMTP_HOST: '127.0.0.1', INNSPILL_SMTP_PORT: String(port), INNSPILL_SMTP_TLS: 'false', INNSPILL_RECEIPT_RETRY_SECONDS: '3600' });
    deliver(config.maildir, forgedReply('Kari <kari@ks.no>'));
    deliver(config.maildir, forgedReply('Per <per@ks.no>', 'Vi viser til invitasjonen og mener eInnsyn må bli bedre for kommunene.\n\nPer'));
    const daemon = await harness.start(config);
    const [a, b] = await waitUntil('both held', () => {
      const held = records(config).filter((r) => r.receipt.status === 'held');
      return held.length === 2 ? held : null;
    });
    // Stored first, counted when the batch is finished: wait for the daemon's count.
    await waitUntil('the daemon counted both', async () => ((await daemon.status()).receipts.held === 2 ? true : null));
    expect(await counts(daemon, config)).toMatchObject({ held: 2, pending: 0, skipped: 0, sent: 0 });

    expect(await changeCommand(config, projectRules(), log, decideRequest(a!.id, 'input', {}), quiet, quiet)).toBe(0);
    await waitUntil('the receipt tried once', () => (records(config).find((r) => r.id === a!.id)!.receipt.attempts > 0 ? true : null));
    expect(records(config).find((r) => r.id === a!.id)!.receipt.status).toBe('pending');
    expect(await counts(daemon, config)).toMatchObject({ held: 1, pending: 1, skipped: 0, sent: 0 });

    expect(await changeCommand(config, projectRules(), log, decideRequest(b!.id, 'not-input', {}), quiet, quiet)).toBe(0);
    expect(await counts(daemon, config)).toMatchObject({ held: 0, pending: 1, skipped: 1, sent: 0 });
  }, 120_000);
});
