// Runs the daemon in-process against test servers, with a fresh store in a temp folder.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { projectRules } from './rules.js';
import { waitUntil } from './wait.js';

export { waitUntil };

export const fixturesDir = fileURLToPath(new URL('../../fixtures/messages/', import.meta.url));
export const fixture = (name: string) => readFileSync(join(fixturesDir, name));

export function testConfig(env: Record<string, string> = {}): Config {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-test-'));
  return loadConfig(
    {
      INNSPILL_DATA_DIR: join(dir, 'data'),
      INNSPILL_MAILDIR: join(dir, 'mailbox'),
      INNSPILL_OUTBOX_DIR: join(dir, 'outbox'),
      INNSPILL_LOG_LEVEL: 'silent',
      INNSPILL_WORKERS: '1',
      ...env,
    },
    dir,
  );
}

export function imapEnv(server: { host: string; port: number; user: string; pass: string }): Record<string, string> {
  return {
    INNSPILL_IMAP_HOST: server.host,
    INNSPILL_IMAP_PORT: String(server.port),
    INNSPILL_IMAP_USER: server.user,
    INNSPILL_IMAP_PASS: server.pass,
    INNSPILL_IMAP_TLS: 'false',
  };
}

export function smtpEnv(sink: { host: string; port: number }): Record<string, string> {
  return { INNSPILL_SMTP_HOST: sink.host, INNSPILL_SMTP_PORT: String(sink.port), INNSPILL_SMTP_TLS: 'false' };
}

export function newDaemon(config: Config): Daemon {
  return new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: config.secrets }));
}

/** One pass of a fresh daemon over what waits (`innspill run --once`): opened, run once, closed. */
export async function onePass(config: Config): Promise<{ read: number; receipts: number }> {
  const daemon = newDaemon(config);
  await daemon.open();
  try {
    return await daemon.runOnce();
  } finally {
    await daemon.close();
  }
}

/** Files these fixture messages (names in fixtures/messages) into the config's store: one pass, then closed. */
export async function fileFixtures(config: Config, names: readonly string[]): Promise<void> {
  const mailbox = new FilesMailbox(names.map((n) => join(fixturesDir, n)));
  const daemon = new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: config.secrets }), { mailbox });
  await daemon.open();
  try {
    await daemon.runOnce();
  } finally {
    await daemon.close();
  }
}

/**
 * Takes the classification keys out of every record in the data folder, as in a store filed before
 * records carried them from filing: the next reclassify classifies every record again.
 */
export function forgetClassificationKeys(dataDir: string): void {
  for (const r of records({ dataDir } as Config)) {
    delete r.classifiedWith;
    delete r.classifiedRules;
    writeFileSync(join(dataDir, 'records', `${r.id}.json`), `${JSON.stringify(r, null, 2)}\n`);
  }
}

/** The records on disk (what another tool would see), in filing order. */
export function records(config: Config): SubmissionRecord[] {
  const dir = join(config.dataDir, 'records');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as SubmissionRecord).sort((a, b) => a.seq - b.seq);
}

/** One in-process daemon per test: start() it, and stop() it in afterEach. */
export class DaemonHarness {
  private daemon: Daemon | null = null;
  private running: Promise<void> | null = null;

  async start(config: Config): Promise<Daemon> {
    this.daemon = newDaemon(config);
    await this.daemon.open({ waitForMailbox: true });
    this.running = this.daemon.run();
    return this.daemon;
  }

  async stop(): Promise<void> {
    this.daemon?.stop();
    await this.running;
    await this.daemon?.close();
    this.daemon = null;
    this.running = null;
  }
}

/**
 * Resolves once the daemon has finished `passes` whole checks of the mailbox (and the receipt pass
 * after each) that began after this call: "nothing more happens" is then seen, not assumed after a
 * sleep that a slow machine may not honour.
 */
export async function untilChecks(daemon: Daemon, passes = 2, timeoutMs = 60_000): Promise<void> {
  let last = (await daemon.status()).lastCheckAt;
  for (let i = 0; i < passes; i++) {
    const seen = last;
    last = await waitUntil(`check ${i + 1} of ${passes}`, async () => {
      const at = (await daemon.status()).lastCheckAt;
      return at !== null && at !== seen ? at : null;
    }, timeoutMs);
  }
}

/**
 * Resolves once the daemon has finished a whole check of the mailbox since it started, whether
 * that happened before this call or after (untilChecks counts only checks that begin after it).
 */
export async function untilFirstCheck(daemon: Daemon): Promise<void> {
  await waitUntil('the first check since the start', async () => {
    const { lastCheckAt, startedAt } = await daemon.status();
    return lastCheckAt !== null && startedAt !== null && lastCheckAt >= startedAt;
  });
}
