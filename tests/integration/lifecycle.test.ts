// The daemon as a real process (`innspill run`), the way systemd runs it: SIGTERM finishes the
// work in hand and exits 0 within the bound; SIGHUP reloads rules and templates, keeping the last
// good ones when the new ones have a mistake; broken rules at start are refused with exit 2.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { exitedWithin, runCli, runTsFile, type Child } from '../helpers/child.js';
import { fixture, fixturesDir, waitUntil } from '../helpers/daemon.js';
import { deliver, variant } from '../helpers/maildir.js';
import { breakRules, copyOfRules } from '../helpers/broken-rules.js';
import { OGP } from '../helpers/rules.js';
import { STOP_BOUND_MS } from '../../src/commands/run.js';

let child: Child | null = null;
afterEach(async () => {
  if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
  child = null;
});

interface Setup {
  env: Record<string, string>;
  maildir: string;
  dataDir: string;
  outbox: string;
  rules: string;
}

function setup(extra: Record<string, string> = {}): Setup {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-life-'));
  const s = { maildir: join(dir, 'Maildir'), dataDir: join(dir, 'data'), outbox: join(dir, 'outbox'), rules: copyOfRules() };
  return {
    ...s,
    env: {
      INNSPILL_DATA_DIR: s.dataDir,
      INNSPILL_MAILDIR: s.maildir,
      INNSPILL_OUTBOX_DIR: s.outbox,
      INNSPILL_RULES_DIR: s.rules,
      INNSPILL_LOG_LEVEL: 'info',
      INNSPILL_WORKERS: '1',
      ...extra,
    },
  };
}

const recordCount = (s: Setup) => (existsSync(join(s.dataDir, 'records')) ? readdirSync(join(s.dataDir, 'records')).filter((n) => n.endsWith('.json')).length : 0);

/** The JSON log lines the child wrote to stderr so far. */
function logLines(c: Child): Array<Record<string, unknown>> {
  return c
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function receiptSubjects(s: Setup): Promise<string[]> {
  if (!existsSync(s.outbox)) return [];
  const names = readdirSync(s.outbox).filter((n) => n.endsWith('.eml'));
  return Promise.all(names.map(async (n) => (await simpleParser(readFileSync(join(s.outbox, n)))).subject ?? ''));
}

function setSubjectPrefix(rules: string, prefix: string): void {
  const file = join(rules, OGP, 'templates', 'receipt.nb.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^subjectPrefix: .*$/m, `subjectPrefix: "${prefix}"`));
}

const RECEIPT_FIXTURE = 'reply-nb-ks-einnsyn-outlook.eml';

describe('innspill run as a service', () => {
  it('SIGTERM during a run finishes the batch in hand and exits 0 within the bound, leaving a whole store', async () => {
    const s = setup();
    const fixtures = readdirSync(fixturesDir).filter((f) => f.startsWith('reply-'));
    const total = 150;
    for (let i = 0; i < total; i++) deliver(s.maildir, variant(fixture(fixtures[i % fixtures.length]!), i));
    child = runCli(['run'], s.env);
    // The first batch (50) is filed; the next one is in hand.
    await waitUntil('the first batch filed', () => recordCount(s) > 0, 60_000);
    const t0 = Date.now();
    child.proc.kill('SIGTERM');
    const exit = await child.exited;
    const took = Date.now() - t0;
    // Within the bound: past it the process gives up, says so and exits 1 (src/commands/run.ts); the
    // behaviour is asserted, not the time, which a loaded machine stretches.
    expect(exit).toEqual({ code: 0, signal: null });
    const msgs = logLines(child).map((l) => String(l['msg']));
    expect(msgs.filter((m) => m.startsWith('did not stop within'))).toEqual([]);
    expect(msgs).toContain('stop requested');
    expect(msgs.at(-1), child.output()).toBe('innspill stopped');
    // Every record whole, every original beside it, the lock released, the heartbeat says stopped.
    for (const name of readdirSync(join(s.dataDir, 'records'))) {
      const r = JSON.parse(readFileSync(join(s.dataDir, 'records', name), 'utf8')) as { raw: string };
      expect(existsSync(join(s.dataDir, r.raw))).toBe(true);
    }
    expect(existsSync(join(s.dataDir, 'lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(s.dataDir, 'state', 'heartbeat.json'), 'utf8')).connected).toBe(false);
    // Nothing lost: each message is filed (moved to .filed/) or still waits in new/ for the next start.
    const waiting = readdirSync(join(s.maildir, 'new')).length;
    const filed = readdirSync(join(s.maildir, '.filed', 'new')).length;
    expect(waiting + filed).toBe(total);
    expect(filed).toBe(recordCount(s));
    console.info(`SIGTERM → exit 0 in ${took} ms (bound ${STOP_BOUND_MS} ms); ${filed} of ${total} filed, ${waiting} wait for the next start`);
  });

  it('SIGTERM at the first moment it can be caught, while it still starts, exits 0', async () => {
    const s = setup();
    deliver(s.maildir, variant(fixture(RECEIPT_FIXTURE), 1));
    child = runCli(['run'], s.env);
    // The first line `run` writes: from here on a stop request is caught (rules, store and mailbox are still to come).
    await waitUntil('the start logged', () => logLines(child!).find((l) => l['msg'] === 'innspill starting'), 60_000);
    child.proc.kill('SIGTERM');
    // Within the 30 s stop bound with room to spare, and short of the test's own timeout, so that
    // a child that does not stop shows what it said (CI on 3179d1f once timed out here: a Maildir
    // opened after the stop left its folder watches running; see daemon-maildir.test.ts).
    expect(await exitedWithin(child, 50_000), child.output()).toEqual({ code: 0, signal: null });
    const msgs = logLines(child).map((l) => l['msg']);
    expect(msgs).toContain('stop requested');
    expect(msgs.at(-1), child.output()).toBe('innspill stopped');
    expect(existsSync(join(s.dataDir, 'lock'))).toBe(false);
  });

  it('a stopped daemon that something left open still exits, and says what was left open', async () => {
    // What runCommand does once the daemon is closed, in a process where a timer was left running.
    const dir = mkdtempSync(join(tmpdir(), 'innspill-linger-'));
    const script = join(dir, 'linger.mts');
    const signals = new URL('../../src/stop-signals.ts', import.meta.url).href;
    const log = new URL('../../src/log.ts', import.meta.url).href;
    writeFileSync(
      script,
      [
        `import { exitIfStillRunning } from '${signals}';`,
        `import { createLogger } from '${log}';`,
        `setInterval(() => undefined, 60_000); // left open by mistake`,
        `exitIfStillRunning(createLogger({ level: 'info', secrets: [] }), 200);`,
      ].join('\n'),
    );
    child = runTsFile(script, [], {});
    expect(await exitedWithin(child, 60_000), child.output()).toEqual({ code: 0, signal: null });
    const warned = child.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string; open?: string[] });
    expect(warned.map((l) => l.msg)).toEqual(['still running 0.2 s after it stopped; exiting']);
    expect(warned[0]!.open).toContain('Timeout');
  });

  it('SIGTERM while it waits for the mailbox at start exits 0 without waiting for the mailbox', async () => {
    // An IMAP server that takes the connection and never says a word: the daemon cannot finish starting.
    const held: Socket[] = [];
    const silent: Server = createServer((sock) => held.push(sock));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (silent.address() as { port: number }).port;
      const s = setup({ INNSPILL_IMAP_HOST: '127.0.0.1', INNSPILL_IMAP_PORT: String(port), INNSPILL_IMAP_USER: 'u', INNSPILL_IMAP_PASS: 'p', INNSPILL_IMAP_TLS: 'false' });
      child = runCli(['run'], s.env);
      await waitUntil('the connection to the mailbox begun', () => held.length > 0, 60_000);
      child.proc.kill('SIGTERM');
      expect(await child.exited, child.output()).toEqual({ code: 0, signal: null });
      const msgs = logLines(child).map((l) => String(l['msg']));
      expect(msgs).toContain('stopped while starting');
      // It did not sit out the server's silence (the greeting timeout) before stopping.
      expect(msgs.filter((m) => m.includes('cannot be reached'))).toEqual([]);
      expect(msgs.at(-1), child.output()).toBe('innspill stopped');
      expect(existsSync(join(s.dataDir, 'lock'))).toBe(false);
    } finally {
      for (const sock of held) sock.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('SIGHUP with good rules reloads rules and templates: the next receipt uses the new template', async () => {
    const s = setup();
    deliver(s.maildir, variant(fixture(RECEIPT_FIXTURE), 1));
    child = runCli(['run'], s.env);
    await waitUntil('the first receipt', async () => (await receiptSubjects(s)).length === 1, 60_000);
    setSubjectPrefix(s.rules, 'Mottatt: ');
    child.proc.kill('SIGHUP');
    await waitUntil('the reload logged', () => logLines(child!).find((l) => l['msg'] === 'rules and templates reloaded'));
    deliver(s.maildir, variant(fixture(RECEIPT_FIXTURE), 2));
    const subjects = await waitUntil('the second receipt', async () => {
      const got = await receiptSubjects(s);
      return got.length === 2 ? got : null;
    });
    expect(subjects.filter((x) => x.startsWith('Kvittering: '))).toHaveLength(1);
    expect(subjects.filter((x) => x.startsWith('Mottatt: '))).toHaveLength(1);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
  });

  it('SIGHUP with broken rules keeps the last good ones, logs the file and line, and goes on filing', async () => {
    const s = setup();
    deliver(s.maildir, variant(fixture(RECEIPT_FIXTURE), 1));
    child = runCli(['run'], s.env);
    await waitUntil('the first receipt', async () => (await receiptSubjects(s)).length === 1, 60_000);
    // A template change and a mistake elsewhere: nothing of the new rules may be used.
    setSubjectPrefix(s.rules, 'Mottatt: ');
    const broken = breakRules(s.rules);
    child.proc.kill('SIGHUP');
    const error = await waitUntil('the error logged', () => logLines(child!).find((l) => l['level'] === 50));
    expect(error['msg']).toBe('the new rules have a mistake; the last good rules stay in use');
    expect(String(error['err'])).toContain(`${broken.file}:${broken.line}:`);
    deliver(s.maildir, variant(fixture(RECEIPT_FIXTURE), 2));
    const subjects = await waitUntil('the second receipt', async () => {
      const got = await receiptSubjects(s);
      return got.length === 2 ? got : null;
    });
    expect(subjects.every((x) => x.startsWith('Kvittering: '))).toBe(true);
    expect(recordCount(s)).toBe(2);
    expect(child.proc.exitCode).toBeNull();
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
  });

  it('refuses to start with broken rules: exit status 2 and the file and line', async () => {
    const s = setup();
    const broken = breakRules(s.rules);
    child = runCli(['run'], s.env);
    const exit = await child.exited;
    expect(exit.code).toBe(2);
    expect(child.output()).toContain('innspill: the rules have a mistake and nothing was done:');
    expect(child.output()).toContain(`${broken.file}:${broken.line}:`);
    expect(existsSync(join(s.dataDir, 'lock'))).toBe(false);
  });
});
