// The SMTP server down for minutes while submissions keep arriving: every receipt waits, with
// its error in words, and goes out once the server is back — once each.
// INNSPILL_FAULT_SMTP_DOWN_SECONDS sets how long (default 20; `npm run test:faults` 150).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { newDaemon, records, smtpEnv, testConfig, waitUntil } from '../helpers/daemon.js';
import { copyOf, isReply } from '../helpers/generate.js';

const DOWN = Number(process.env['INNSPILL_FAULT_SMTP_DOWN_SECONDS'] ?? 20);
let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

describe(`the SMTP server down for ${DOWN} s`, () => {
  it('sends every receipt once when it is back', async () => {
    await sink.stop();
    const config = testConfig({ ...smtpEnv(sink), INNSPILL_RECEIPT_RETRY_SECONDS: '2', INNSPILL_RECEIPTS_PER_SENDER_PER_DAY: '1000' });
    mkdirSync(join(config.maildir, 'new'), { recursive: true });
    const daemon = newDaemon(config);
    await daemon.open();
    const running = daemon.run();
    const started = Date.now();
    let n = 0;
    // Mail keeps coming while the server is away.
    while (Date.now() - started < DOWN * 1000) {
      writeFileSync(join(config.maildir, 'new', `${1_620_000_000 + n}.M${n}.host`), copyOf(n, (f) => isReply(f) && !f.includes('ingen-merknader')).raw);
      n++;
      await new Promise((r) => setTimeout(r, Math.max(500, (DOWN * 1000) / 12)));
    }
    // Every message written is a reply in the invitation's thread, so each is filed: wait for all of them
    // (a message filed after `due` is counted below would be sent and make the count overshoot it).
    await waitUntil('every message written filed', () => records(config).length === n, 600_000);
    // The last messages may have been filed a moment ago: wait until each receipt so far was tried once.
    const waiting = await waitUntil('every waiting receipt tried once', () => {
      const pending = records(config).filter((r) => r.receipt.status === 'pending');
      return pending.length > 0 && pending.every((r) => r.receipt.attempts > 0) ? pending : null;
    }, 60_000);
    expect(waiting.every((r) => /kunne ikke nås/.test(r.receipt.error ?? ''))).toBe(true);
    await sink.start();
    const due = records(config).filter((r) => r.receipt.send).length;
    await waitUntil('every receipt sent', () => records(config).filter((r) => r.receipt.status === 'sent').length === due, 600_000);
    daemon.stop();
    await running;
    await daemon.close();
    const ids = await Promise.all(sink.messages.map(async (m) => String((await simpleParser(m.raw)).headers.get('x-innspill-receipt'))));
    expect(ids).toHaveLength(due);
    expect(new Set(ids).size).toBe(due);
  }, 900_000);
});
