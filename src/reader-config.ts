// The settings of the caseworkers' read-only commands (list, show, inspect, digest without --send,
// export, receipts) without loading the settings' checks: zod and node-cron cost about 0.17 s of
// CPU to import, more than `show` needs for everything else (issue 17). Only the plain values
// every reader sees in practice are taken here (unset, or a path, a whole number, a known word);
// anything else — a value with spaces around it, "0x10", an unknown log level or time zone — is
// handed to loadConfig(env, cwd, 'reader') in config.ts, which accepts or refuses it with the one
// message it always gives. tests/store/reader-config.test.ts checks that both give the same.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';

// src/reader-config.ts and dist/reader-config.js both sit one folder below the package root.
const packageRoot = fileURLToPath(new URL('../', import.meta.url));

/** Reads .env in the working folder (if there is one) into process.env, without overriding. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = resolve(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** A whole number as loadConfig's check takes it, written plainly (no sign, exponent or spaces). */
const PLAIN_WHOLE = /^[1-9][0-9]{0,8}$/;

/** Not taken here: loadConfig decides (and says what is wrong). */
const ASK_CONFIG = Symbol('ask config.ts');

/**
 * The settings in the 'reader' scope, as loadConfig(env, cwd, 'reader') gives them: every variable
 * but the readers' at its default (no mail servers). Throws ConfigError (from config.ts) exactly
 * when loadConfig does.
 */
export async function loadReaderConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Config> {
  const quick = quickReaderConfig(env, cwd);
  if (quick !== ASK_CONFIG) return quick;
  const { loadConfig } = await import('./config.js');
  return loadConfig(env, cwd, 'reader');
}

/** The same, only for the plainly written values (else ASK_CONFIG); exported for the test. */
export function quickReaderConfig(env: NodeJS.ProcessEnv, cwd: string): Config | typeof ASK_CONFIG {
  /** The value given, or the default for unset and empty (as loadConfig); ASK_CONFIG when not plain. */
  const given = (name: string): string | undefined | typeof ASK_CONFIG => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    return v.trim() === v ? v : ASK_CONFIG;
  };
  const whole = (name: string, dflt: number): number | typeof ASK_CONFIG => {
    const v = given(name);
    if (v === undefined) return dflt;
    return v !== ASK_CONFIG && PLAIN_WHOLE.test(v) ? Number(v) : ASK_CONFIG;
  };
  const dataDir = given('INNSPILL_DATA_DIR');
  const rulesDir = given('INNSPILL_RULES_DIR');
  const tz = given('INNSPILL_TZ');
  const maxMb = whole('INNSPILL_MAX_ATTACHMENT_MB', 25);
  const timeoutS = whole('INNSPILL_EXTRACT_TIMEOUT_SECONDS', 30);
  const memoryMb = whole('INNSPILL_EXTRACT_MEMORY_MB', 768);
  const workersGiven = given('INNSPILL_WORKERS');
  const workers = workersGiven === undefined || workersGiven === 'auto' ? Math.max(1, availableParallelism() - 1) : workersGiven !== ASK_CONFIG && PLAIN_WHOLE.test(workersGiven) ? Number(workersGiven) : ASK_CONFIG;
  const logGiven = given('INNSPILL_LOG_LEVEL');
  const logLevel = logGiven === undefined ? 'info' : logGiven !== ASK_CONFIG && LOG_LEVELS.includes(logGiven) ? logGiven : ASK_CONFIG;
  const values = [dataDir, rulesDir, tz, maxMb, timeoutS, memoryMb, workers, logLevel];
  if (values.includes(ASK_CONFIG)) return ASK_CONFIG;
  const timezone = (tz as string | undefined) ?? 'Europe/Oslo';
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    return ASK_CONFIG;
  }
  const abs = (p: string) => resolve(cwd, p);
  return {
    dataDir: abs((dataDir as string | undefined) ?? './var/data'),
    rulesDir: rulesDir ? abs(rulesDir as string) : resolve(packageRoot, 'rules'),
    maildir: abs('./var/mailbox'),
    imap: null,
    smtp: null,
    from: 'postmottak@kmd.dep.no',
    fromName: null,
    outboxDir: abs('./var/outbox'),
    receiptsPerSenderPerDay: 3,
    receiptRetrySeconds: 60,
    receiptGiveUpHours: 72,
    digest: { cron: '0 8 * * 1-5', to: [], sendEmpty: false },
    caseworkers: null,
    timezone,
    limits: {
      maxAttachmentBytes: (maxMb as number) * 1024 * 1024,
      timeoutMs: (timeoutS as number) * 1000,
      maxMemoryMb: memoryMb as number,
    },
    workers: workers as number,
    logLevel: logLevel as string,
    health: null,
    secrets: [],
  };
}
