// The one window where exactly-once receipts depend on timing: between the SMTP server's
// "250 OK" and our fsync of "sent". A kill -9 exactly there (fault point) gives one repeat with
// the SAME Message-ID; a kill anywhere else gives exactly one receipt. Also: killed after the
// records are stored but before the mailbox is changed → nothing filed twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { fixture } from '../helpers/daemon.js';
import { runCli } from '../helpers/child.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { isRecordFile } from '../../src/store/read-records.js';
import { receiptMessageId } from '../../src/receipts/outbox.js';

let sink: SmtpSink;
let dir: string;
beforeEach(async () => {
  sink = await startSmtpSink();
  dir = mkdtempSync(join(tmpdir(), 'innspill-window-'));
  mkdirSync(join(dir, 'mailbox', 'new'), { recursive: true });
  writeFileSync(join(dir, 'mailbox', 'new', '1620000001.M1.host'), fixture('reply-nb-nho-anskaffelser-2359.eml'));
  writeFileSync(join(dir, 'mailbox', 'new', '1620000002.M2.host'), fixture('reply-en-nj-einnsyn-gmail.eml'));
});
afterEach(async () => {
  await sink.close();
});

const env = (extra: Record<string, string> = {}) => ({
  INNSPILL_DATA_DIR: join(dir, 'data'),
  INNSPILL_MAILDIR: join(dir, 'mailbox'),
  INNSPILL_OUTBOX_DIR: join(dir, 'outbox'),
  INNSPILL_SMTP_HOST: sink.host,
  INNSPILL_SMTP_PORT: String(sink.port),
  INNSPILL_SMTP_TLS: 'false',
  INNSPILL_LOG_LEVEL: 'warn',
  ...extra,
});

async function once(extra: Record<string, string> = {}) {
  const child = runCli(['run', '--once'], env(extra));
  return { ...(await child.exited), output: child.output() };
}

// Every record file, read strictly (a damaged record fails the test); the temporary file of a write
// a kill -9 cut off is no record (the store removes it on start).
const records = () =>
  readdirSync(join(dir, 'data', 'records'))
    .filter(isRecordFile)
    .map((n) => JSON.parse(readFileSync(join(dir, 'data', 'records', n), 'utf8')) as SubmissionRecord)
    .sort((a, b) => a.seq - b.seq);

describe('the receipt window, and the store-then-mailbox order, under kill -9', () => {
  it('killed after "250 OK" but before recording it: the one repeat carries the same Message-ID', async () => {
    const crashed = await once({ INNSPILL_FAULT: 'receipt-after-send' });
    expect(crashed.signal).toBe('SIGKILL');
    expect(sink.messages).toHaveLength(1);
    const done = await once();
    expect(done.code, done.output).toBe(0);
    const ids = await Promise.all(sink.messages.map(async (m) => (await simpleParser(m.raw)).messageId));
    expect(sink.messages).toHaveLength(3);
    const first = records()[0]!;
    expect(ids.filter((id) => id === first.receipt.messageId)).toHaveLength(2);
    expect(records().every((r) => r.receipt.status === 'sent')).toBe(true);
  });

  it('killed just before sending: exactly one receipt each, with the Message-ID its record gives', async () => {
    const crashed = await once({ INNSPILL_FAULT: 'receipt-before-send' });
    expect(crashed.signal).toBe('SIGKILL');
    expect(sink.messages).toHaveLength(0);
    // Nothing was written about the try: the Message-ID is made from the record, the same on the next.
    const before = records()[0]!;
    expect(before.receipt).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await once()).code).toBe(0);
    expect(sink.messages).toHaveLength(2);
    const ids = await Promise.all(sink.messages.map(async (m) => (await simpleParser(m.raw)).messageId));
    const after = records();
    expect(after.every((r) => r.receipt.status === 'sent' && r.receipt.attempts === 1)).toBe(true);
    expect(ids.sort()).toEqual(after.map((r) => r.receipt.messageId).sort());
    expect(after[0]!.receipt.messageId).toBe(receiptMessageId(before, 'postmottak@kmd.dep.no'));
  });

  it('killed with the records stored but the mailbox not yet changed: moved on restart, filed once', async () => {
    const crashed = await once({ INNSPILL_FAULT: 'record-stored-before-move' });
    expect(crashed.signal).toBe('SIGKILL');
    // Killed after the first batch was stored: a pass starts with a batch of one message
    // (src/mailbox/batches.ts). Its record is there, its message still in the inbox.
    expect(records()).toHaveLength(1);
    expect(readdirSync(join(dir, 'mailbox', 'new'))).toHaveLength(2);
    expect((await once()).code).toBe(0);
    expect(records()).toHaveLength(2);
    expect(readdirSync(join(dir, 'mailbox', 'new'))).toHaveLength(0);
    expect(readdirSync(join(dir, 'mailbox', '.filed', 'new'))).toHaveLength(2);
    expect(sink.messages).toHaveLength(2);
  });

  it('writes to the outbox folder without any window: a crash after writing is found, not written twice', async () => {
    const noSmtp = { INNSPILL_SMTP_HOST: '' };
    const crashed = await once({ ...noSmtp, INNSPILL_FAULT: 'receipt-after-send' });
    expect(crashed.signal).toBe('SIGKILL');
    expect((await once(noSmtp)).code).toBe(0);
    expect(readdirSync(join(dir, 'outbox')).filter((n) => n.endsWith('.eml'))).toHaveLength(2);
    expect(records().every((r) => r.receipt.status === 'sent')).toBe(true);
  });
});
