// kill -9 between a caseworker's decision and its receipt: the decision is stored (the commit
// point: the override, the receipt queued, the move out of the inbox marked pending), then the
// process dies before the mailbox is changed or the receipt sent. The next start finishes both:
// exactly one receipt to the sender, the message moved out of the inbox once, nothing filed twice.
// Both ways a decision comes: `innspill decide` with no daemon, and a command mail the daemon reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { runCli } from '../helpers/child.js';
import { deliver } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';
import { forgedReply } from '../helpers/decisions.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { commandLine } from '../../src/decisions/commands.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { isRecordFile } from '../../src/store/read-records.js';

const CASEWORKER = 'saksbehandler@kmd.dep.no';
const SENDER = 'kari@ks.no';

let sink: SmtpSink;
let dir: string;
beforeEach(async () => {
  sink = await startSmtpSink();
  dir = mkdtempSync(join(tmpdir(), 'innspill-decision-window-'));
  mkdirSync(join(dir, 'mailbox', 'new'), { recursive: true });
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
  INNSPILL_CASEWORKERS: CASEWORKER,
  INNSPILL_LOG_LEVEL: 'warn',
  ...extra,
});

async function cli(args: string[], extra: Record<string, string> = {}) {
  const child = runCli(args, env(extra));
  return { ...(await child.exited), output: child.output() };
}

const records = () =>
  readdirSync(join(dir, 'data', 'records'))
    .filter(isRecordFile)
    .map((n) => JSON.parse(readFileSync(join(dir, 'data', 'records', n), 'utf8')) as SubmissionRecord);
/** Every message file in a Maildir folder (new/ and cur/). */
const files = (folder: string) => ['new', 'cur'].flatMap((d) => (existsSync(join(dir, 'mailbox', folder, d)) ? readdirSync(join(dir, 'mailbox', folder, d)) : []));
const receiptsTo = (address: string) => sink.messages.filter((m) => m.envelope.to.includes(address));

/** A held message in the store, its file still in the inbox. */
async function heldMessage(): Promise<{ record: SubmissionRecord; file: string }> {
  const file = deliver(join(dir, 'mailbox'), forgedReply());
  const first = await cli(['run', '--once']);
  expect(first.code, first.output).toBe(0);
  const [record] = records();
  expect(record!.receipt.status).toBe('held');
  expect(files('').map((n) => n.split(':')[0])).toEqual([file]);
  return { record: record!, file };
}

/** Killed at the point: the decision stored, nothing else done yet. */
function expectStoredOnly(id: string) {
  const r = records().find((x) => x.id === id)!;
  expect(r.overrides?.[0]).toMatchObject({ field: 'decision', value: 'input' });
  expect(r.receipt.status).toBe('pending');
  expect(r.inboxMove?.status).toBe('pending');
  expect(receiptsTo(SENDER)).toHaveLength(0);
  expect(files('.filed')).toHaveLength(0);
}

/** After the restart: one receipt, the message moved out of the inbox exactly once. */
function expectFinishedOnce(id: string, file: string) {
  const r = records().find((x) => x.id === id)!;
  expect(r.receipt.status).toBe('sent');
  expect(r.inboxMove?.status).toBe('done');
  expect(receiptsTo(SENDER)).toHaveLength(1);
  expect(files('.filed').map((n) => n.split(':')[0])).toEqual([file]);
  expect(files('').filter((n) => n.startsWith(file))).toEqual([]);
  expect(records().filter((x) => x.from?.address === SENDER)).toHaveLength(1);
}

describe('kill -9 between a decision and its receipt', () => {
  it('innspill decide (no daemon): killed after storing the decision; the next run moves it and sends one receipt', async () => {
    const { record, file } = await heldMessage();
    const crashed = await cli(['decide', record.id, 'input'], { INNSPILL_FAULT: 'decision-stored' });
    expect(crashed.signal, crashed.output).toBe('SIGKILL');
    expectStoredOnly(record.id);

    const done = await cli(['run', '--once']);
    expect(done.code, done.output).toBe(0);
    expectFinishedOnce(record.id, file);
    // Another run changes nothing.
    expect((await cli(['run', '--once'])).code).toBe(0);
    expectFinishedOnce(record.id, file);
  }, 180_000);

  it('a command mail: killed after storing the decision; the restart finishes it, and reading the mail again is a replay', async () => {
    const { record, file } = await heldMessage();
    const key = await CommandKey.forStore(join(dir, 'data'));
    deliver(join(dir, 'mailbox'), mail({ from: CASEWORKER, subject: 'Innspill: beslutning', body: `${commandLine(key, 'innspill', record.id)}\n` }));
    const crashed = await cli(['run', '--once'], { INNSPILL_FAULT: 'decision-stored' });
    expect(crashed.signal, crashed.output).toBe('SIGKILL');
    expectStoredOnly(record.id);
    // The command mail has not left the inbox yet.
    expect(files('.beslutninger')).toHaveLength(0);

    const done = await cli(['run', '--once']);
    expect(done.code, done.output).toBe(0);
    expectFinishedOnce(record.id, file);
    expect(files('.beslutninger')).toHaveLength(1);
    expect(files('')).toEqual([]);
    const after = records().find((x) => x.id === record.id)!;
    expect(after.overrides).toHaveLength(1);
    // The command mail is never filed; the caseworker hears once that it was done already.
    expect(records()).toHaveLength(1);
    expect(receiptsTo(CASEWORKER)).toHaveLength(1);
    expect(receiptsTo(CASEWORKER)[0]!.raw.toString()).toContain('Allerede gjort');
  }, 180_000);
});
