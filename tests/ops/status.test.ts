// `innspill status [--json]` beside a running daemon (a real `innspill run` process): it reads the
// store without the lock, tells running/connected, the last check, receipts pending and failed,
// the next digest and the store's size, and exits like a Nagios plugin (0 OK, 2 CRITICAL, 3 UNKNOWN).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Child } from '../helpers/child.js';
import { fixture, waitUntil } from '../helpers/daemon.js';
import { deliver, variant } from '../helpers/maildir.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { loadConfig, type Config } from '../../src/config.js';
import { statusCommand } from '../../src/commands/status.js';
import { Store } from '../../src/store/json-store.js';
import { nextDigestRun } from '../../src/status/next-digest.js';
import type { StatusReport } from '../../src/status/report.js';

let child: Child | null = null;
let sink: SmtpSink | null = null;
afterEach(async () => {
  if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
  child = null;
  await sink?.close();
  sink = null;
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-status-'));
  return {
    INNSPILL_DATA_DIR: join(dir, 'data'),
    INNSPILL_MAILDIR: join(dir, 'Maildir'),
    INNSPILL_OUTBOX_DIR: join(dir, 'outbox'),
    INNSPILL_LOG_LEVEL: 'warn',
    INNSPILL_WORKERS: '1',
    ...extra,
  };
}

async function status(config: Config, json = true): Promise<{ code: number; out: string; report: StatusReport }> {
  let out = '';
  const code = await statusCommand(config, { json, out: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream });
  return { code, out, report: json ? (JSON.parse(out) as StatusReport) : (null as unknown as StatusReport) };
}

describe('innspill status', () => {
  it('reports a running daemon: connected, last check, last filed, receipts pending and failed, next digest, store size', async () => {
    sink = await startSmtpSink();
    const e = env({
      INNSPILL_SMTP_HOST: sink.host,
      INNSPILL_SMTP_PORT: String(sink.port),
      INNSPILL_SMTP_TLS: 'false',
      INNSPILL_DIGEST_TO: 'saksbehandler@kmd.dep.no',
      INNSPILL_RECEIPT_RETRY_SECONDS: '3600',
    });
    const config = loadConfig(e);
    // The first receipt is refused for good, the second has to wait.
    sink.failNext(550, 1);
    sink.failNext(451, 1);
    deliver(config.maildir, variant(fixture('reply-nb-ks-einnsyn-outlook.eml'), 1));
    deliver(config.maildir, variant(fixture('reply-en-nj-einnsyn-gmail.eml'), 2));
    const startedAt = new Date().toISOString();
    child = runCli(['run'], e);
    const { code, report } = await waitUntil('both receipts tried', async () => {
      const s = await status(config).catch(() => null);
      return s && s.report.receipts && s.report.receipts.failed === 1 && s.report.receipts.pending === 1 ? s : null;
    }, 60_000);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, problems: [], running: true, pid: child.proc.pid, connected: true, source: `maildir:${config.maildir}` });
    expect(report.receipts).toEqual({ pending: 1, sent: 0, failed: 1, skipped: 0, held: 0 });
    expect(report.store.records).toBe(2);
    expect(report.store.bytes).toBeGreaterThan(fixture('reply-nb-ks-einnsyn-outlook.eml').length);
    expect(report.lastFiledId).toMatch(/^\d{4}-\d{4,}$/);
    expect(report.lastCheckAt! >= startedAt, `${report.lastCheckAt} is a check of this run (started ${startedAt})`).toBe(true);
    expect(report.nextDigest).toBe(nextDigestRun(config.digest.cron, config.timezone)!.toISOString());

    const human = await status(config, false);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^innspill OK\n/);
    expect(human.out).toMatch(/^ {2}receipts {5}1 pending, 1 failed, 0 sent/m);
    expect(human.out).toMatch(/^ {2}store {8}2 records, [\d.]+ KiB$/m);

    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    const after = await status(config);
    expect(after.code).toBe(2);
    expect(after.report).toMatchObject({ ok: false, running: false, connected: false, problems: ['innspill is not running'] });
    // What it knew stays readable after the stop.
    expect(after.report.receipts).toEqual({ pending: 1, sent: 0, failed: 1, skipped: 0, held: 0 });
    expect((await status(config, false)).out).toMatch(/^innspill CRITICAL: innspill is not running\n/);
  });

  it('is CRITICAL when the last successful check is older than the bound (3 × the check interval, at least 60 s)', async () => {
    const config = loadConfig(env({ INNSPILL_IMAP_HOST: '127.0.0.1', INNSPILL_IMAP_USER: 'u', INNSPILL_IMAP_PASS: 'p', INNSPILL_IMAP_CHECK_SECONDS: '30' }));
    // A process that holds the lock (this one) and whose loop stopped looking 5 minutes ago.
    const store = await Store.open(config.dataDir, { lock: true });
    const old = new Date(Date.now() - 300_000).toISOString();
    await store.writeState('heartbeat', { source: 'imap://x', connected: true, lastCheckAt: old, lastFiledAt: null, lastFiledId: null, pid: process.pid, startedAt: old });
    try {
      const { code, report } = await status(config);
      expect(code).toBe(2);
      expect(report.running).toBe(true);
      expect(report.connected).toBe(true);
      expect(report.staleAfterSeconds).toBe(90);
      expect(report.problems).toEqual([expect.stringMatching(/^the last successful mailbox check was 30\d s ago \(more than 90 s\)$/)]);
    } finally {
      await store.close();
    }
  });

  it('does not take an earlier run\'s heartbeat for this one (a daemon that has not reached the mailbox yet)', async () => {
    const config = loadConfig(env());
    const store = await Store.open(config.dataDir, { lock: true });
    const now = new Date().toISOString();
    await store.writeState('heartbeat', { source: 'maildir:x', connected: true, lastCheckAt: now, lastFiledAt: null, lastFiledId: null, pid: 999_999_999, startedAt: now });
    try {
      const { code, report } = await status(config);
      expect(code).toBe(2);
      expect(report).toMatchObject({ running: true, connected: false, lastCheckAt: null, problems: ['innspill is starting: it has not reached the mailbox yet'] });
    } finally {
      await store.close();
    }
  });

  it('is UNKNOWN (3) when there is no store at all', async () => {
    const config = loadConfig(env());
    const { code, report } = await status(config);
    expect(code).toBe(3);
    expect(report.problems[0]).toMatch(/there is no store in .* \(INNSPILL_DATA_DIR\)/);
  });
});
