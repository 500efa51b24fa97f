// kill -9 at random moments while the daemon files a large mailbox and sends receipts: every
// message filed exactly once, every receipt sent once (a repeat only with the same Message-ID,
// from the documented window), every JSON file valid, no temporary file left.
// Size and number of kills: INNSPILL_FAULT_MESSAGES (default 150) and INNSPILL_FAULT_KILLS (default 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { fixturesDir, waitUntil } from '../helpers/daemon.js';
import { runCli, untilDaemonUp, type Child } from '../helpers/child.js';
import { intake } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { projectRules } from '../helpers/rules.js';
import type { SubmissionRecord } from '../../src/store/record.js';

const MESSAGES = Number(process.env['INNSPILL_FAULT_MESSAGES'] ?? 150);
const KILLS = Number(process.env['INNSPILL_FAULT_KILLS'] ?? 6);

let dovecot: DovecotServer;
let sink: SmtpSink;
let dir: string;

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot(), startSmtpSink()]);
  dir = mkdtempSync(join(tmpdir(), 'innspill-kill9-'));
});
let passed = false;
afterAll(async () => {
  await Promise.all([dovecot?.stop(), sink?.close()]);
  // Kept for a person to look at when the test failed.
  if (passed) rmSync(dir, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    INNSPILL_DATA_DIR: join(dir, 'data'),
    INNSPILL_OUTBOX_DIR: join(dir, 'outbox'),
    INNSPILL_IMAP_HOST: dovecot.host,
    INNSPILL_IMAP_PORT: String(dovecot.port),
    INNSPILL_IMAP_USER: dovecot.user,
    INNSPILL_IMAP_PASS: dovecot.pass,
    INNSPILL_IMAP_TLS: 'false',
    INNSPILL_IMAP_CHECK_SECONDS: '1',
    INNSPILL_SMTP_HOST: sink.host,
    INNSPILL_SMTP_PORT: String(sink.port),
    INNSPILL_SMTP_TLS: 'false',
    INNSPILL_RECEIPTS_PER_SENDER_PER_DAY: '100000',
    INNSPILL_RECEIPT_RETRY_SECONDS: '1',
    INNSPILL_LOG_LEVEL: 'warn',
    ...extra,
  };
}

function storeRecords(): SubmissionRecord[] {
  const d = join(dir, 'data', 'records');
  return readdirSync(d)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(d, n), 'utf8')) as SubmissionRecord);
}

function allFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(join(d, e.name)) : [join(d, e.name)]));
}

describe(`kill -9 ×${KILLS} during a ${MESSAGES}-message ingest with receipts`, () => {
  it('loses nothing, doubles nothing', async () => {
    const rules = projectRules();
    const bases = readdirSync(fixturesDir).filter((f) => f.endsWith('.eml') && !f.startsWith('hostile-nested'));
    let expectFiled = 0;
    let expectLeft = 0;
    let expectReceipts = 0;
    const seen = new Set<string>();
    for (let i = 0; i < MESSAGES; i++) {
      const base = readFileSync(join(fixturesDir, bases[i % bases.length]!)).toString('latin1');
      // Every copy is its own message: a new Message-ID and subject.
      const raw = Buffer.from(
        base.replace(/^Message-I[Dd]: *<([^>]+)>/im, `Message-ID: <k${i}-$1>`).replace(/^Subject: (.*)$/im, `Subject: $1 #${i}`),
        'latin1',
      );
      // A copy with nothing to vary (a file that is not mail: no Message-ID, no subject) is the same
      // bytes again: the store files those once, and each copy stays in the inbox.
      const sha = createHash('sha256').update(raw).digest('hex');
      const again = seen.has(sha);
      seen.add(sha);
      const s = await intake(raw, rules);
      const readable = !s.problems.some((p) => p.startsWith('filen er'));
      // Held for review: filed, and left in the inbox like what cannot be read.
      const held = readable && reviewHoldsMessage(s.review);
      if (s.relevant && readable && !held) expectFiled += again ? 0 : 1;
      else if (readable && !held) expectLeft++;
      else {
        expectFiled += again ? 0 : 1;
        expectLeft++;
      }
      if (s.relevant && s.receipt.send && !again) expectReceipts++;
      await dovecot.append(raw);
    }

    let kills = 0;
    let child: Child | null = null;
    while (kills < KILLS) {
      child = runCli(['run'], env());
      await new Promise((r) => setTimeout(r, 1500 + Math.random() * 2500));
      child.proc.kill('SIGKILL');
      await child.exited;
      kills++;
    }
    child = runCli(['run'], env());
    const started = Date.now();
    let state = 'no records yet';
    const last = child;
    const explain = async (e: unknown): Promise<never> => {
      const inbox = (await dovecot.list('INBOX')).length;
      throw new Error(
        `${(e as Error).message}: ${state}; expected ${expectFiled} filed and ${expectLeft} left; inbox holds ${inbox}; ` +
          `daemon ${last.proc.exitCode === null ? 'running' : `exited ${last.proc.exitCode}`}\n${last.output().slice(-4000)}`,
      );
    };
    // The time allowed grows with the mailbox: the daemon here runs from the sources under tsx.
    await waitUntil(
      'everything filed and every receipt sent',
      () => {
        try {
          const r = storeRecords();
          const pending = r.filter((x) => x.receipt.status === 'pending').length;
          state = `${r.length} filed, ${pending} receipts pending after ${Math.round((Date.now() - started) / 1000)} s`;
          return r.length >= expectFiled && pending === 0;
        } catch {
          return false;
        }
      },
      120_000 + MESSAGES * 600,
    ).catch(explain);
    await waitUntil('inbox holds only what was left alone', async () => (await dovecot.list('INBOX')).length === expectLeft).catch(explain);
    // On a fast machine the killed runs may have done everything already, so the waits above are
    // met at once: the SIGTERM must still reach a daemon that is up (one stopped while starting exits 0 too).
    await untilDaemonUp(child, join(dir, 'data')).catch(explain);
    child.proc.kill('SIGTERM');
    const { code } = await child.exited;
    expect(code, child.output()).toBe(0);

    const records = storeRecords();
    expect(records).toHaveLength(expectFiled);
    expect(new Set(records.map((r) => r.fingerprint)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);
    // Every file valid JSON, no temporary file anywhere.
    const files = allFiles(join(dir, 'data'));
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    for (const f of files.filter((x) => x.endsWith('.json'))) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow();

    // Receipts: one per record that should have one; a repeat only with the same Message-ID.
    const sent = records.filter((r) => r.receipt.status === 'sent');
    expect(sent).toHaveLength(expectReceipts);
    const byRecord = new Map<string, Set<string>>();
    let captures = 0;
    for (const m of sink.messages) {
      const parsed = await simpleParser(m.raw);
      const id = String(parsed.headers.get('x-innspill-receipt'));
      const set = byRecord.get(id) ?? new Set<string>();
      set.add(parsed.messageId!);
      byRecord.set(id, set);
      captures++;
    }
    expect(byRecord.size).toBe(expectReceipts);
    for (const [id, ids] of byRecord) expect(ids.size, id).toBe(1);
    process.stdout.write(
      `kill -9: ${kills} kills, ${MESSAGES} messages, filed ${records.length} (expected ${expectFiled}), left ${expectLeft}, ` +
        `receipts ${byRecord.size} records / ${captures} deliveries (repeats with the same Message-ID: ${captures - byRecord.size})\n`,
    );
    passed = true;
  }, 300_000 + MESSAGES * 1_200);
});
