// The one place that reads process.env. Every INNSPILL_* variable is declared here with its
// default and meaning; the README's configuration table is generated from this list
// (`npm run docs:config`) and a test checks that the two agree.
// Over 300 lines on purpose: the one list of variables and the one function that checks them stay together.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { validate as validCron } from 'node-cron';

// src/config.ts and dist/config.js both sit one folder below the package root.
const packageRoot = fileURLToPath(new URL('../', import.meta.url));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number({ message: 'must be a port number' }).int().min(1, 'must be a port number (1–65535)').max(65535, 'must be a port number (1–65535)');
const positiveInt = z.coerce.number({ message: 'must be a whole number' }).int().positive('must be a positive whole number');
const auth = z.enum(['password', 'oauth2'], { message: 'must be password or oauth2' });
const tls = z.enum(['true', 'starttls', 'false'], { message: 'must be one of: true (implicit TLS), starttls, false' });
const text = z.string().trim().min(1, 'must not be empty');
const addressList = z
  .string()
  .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
  .pipe(z.array(z.email({ message: 'must be a comma-separated list of e-mail addresses' })));

interface Variable<T extends z.ZodType> {
  schema: T;
  default?: string;
  doc: string;
  secret?: boolean;
}
const v = <T extends z.ZodType>(schema: T, doc: string, dflt?: string, secret = false): Variable<T> =>
  dflt === undefined ? { schema, doc, secret } : { schema, doc, default: dflt, secret };

/** Every variable innspill reads. Order = order in the README table. */
export const VARIABLES = {
  INNSPILL_DATA_DIR: v(text, 'Folder of the JSON store: records, original messages, attachments, outbox, state.', './var/data'),
  INNSPILL_RULES_DIR: v(text, 'Folder of the rules (keywords, sender register, templates). Default: the rules/ folder shipped with innspill.'),
  INNSPILL_MAILDIR: v(text, 'Maildir watched when no IMAP server is set (the embedded default).', './var/mailbox'),
  INNSPILL_IMAP_HOST: v(text, 'IMAP server of the postmottak mailbox. When set, IMAP is used instead of the Maildir.'),
  INNSPILL_IMAP_PORT: v(port, 'IMAP port.', '993'),
  INNSPILL_IMAP_USER: v(text, 'IMAP login name.'),
  INNSPILL_IMAP_AUTH: v(auth, 'How innspill logs in to IMAP: password (INNSPILL_IMAP_PASS), or oauth2 (XOAUTH2/OAUTHBEARER with an access token, as Microsoft 365 and Google require).', 'password'),
  INNSPILL_IMAP_PASS: v(z.string(), 'IMAP password (never logged).', undefined, true),
  INNSPILL_IMAP_TOKEN_COMMAND: v(text, 'With INNSPILL_IMAP_AUTH=oauth2: a command (run by /bin/sh) that prints a fresh access token, either the token alone or JSON with "access_token" and "expires_in". Run again before the token expires, and once more when a login is refused.'),
  INNSPILL_IMAP_ACCESS_TOKEN: v(text, 'With INNSPILL_IMAP_AUTH=oauth2: a fixed access token instead of a command (it cannot be refreshed; for tests and short trials). Never logged.', undefined, true),
  INNSPILL_IMAP_TLS: v(tls, 'true = implicit TLS (port 993), starttls, or false (loopback tests only).', 'true'),
  INNSPILL_IMAP_CA: v(text, 'PEM file with the CA that signed the IMAP server certificate, if not a public CA.'),
  INNSPILL_IMAP_MAILBOX: v(text, 'Folder watched for new mail.', 'INBOX'),
  INNSPILL_IMAP_FILED_FOLDER: v(text, 'Folder that the default consultation\'s filed mail is moved to (created if missing). Unset: the consultation\'s imapFolder in its consultation.yaml, else Innspill/<id>. With "{consultation}" in it, a pattern for every consultation.'),
  INNSPILL_IMAP_COMMAND_FOLDER: v(text, 'Folder that caseworkers\' command mails (decisions and corrections sent from the digest\'s links) are moved to once handled (created if missing). In the Maildir: the sub-maildir .beslutninger.', 'Innspill/Beslutninger'),
  INNSPILL_IMAP_CHECK_SECONDS: v(positiveInt, 'Seconds between fallback checks of the mailbox (IDLE is used as well).', '60'),
  INNSPILL_SMTP_HOST: v(text, 'SMTP server for receipts and digests. Without it receipts are written as .eml files to INNSPILL_OUTBOX_DIR.'),
  INNSPILL_SMTP_PORT: v(port, 'SMTP port.', '587'),
  INNSPILL_SMTP_USER: v(text, 'SMTP login name (leave unset for no login).'),
  INNSPILL_SMTP_AUTH: v(auth, 'How innspill logs in to SMTP when INNSPILL_SMTP_USER is set: password (INNSPILL_SMTP_PASS) or oauth2 (XOAUTH2 with an access token).', 'password'),
  INNSPILL_SMTP_PASS: v(z.string(), 'SMTP password (never logged).', undefined, true),
  INNSPILL_SMTP_TOKEN_COMMAND: v(text, 'With INNSPILL_SMTP_AUTH=oauth2: a command that prints a fresh access token for SMTP (same output as INNSPILL_IMAP_TOKEN_COMMAND; may be the same command).'),
  INNSPILL_SMTP_ACCESS_TOKEN: v(text, 'With INNSPILL_SMTP_AUTH=oauth2: a fixed access token instead of a command (cannot be refreshed). Never logged.', undefined, true),
  INNSPILL_SMTP_TLS: v(tls, 'true = implicit TLS (port 465), starttls (port 587), or false.', 'starttls'),
  INNSPILL_TOKEN_COMMAND_TIMEOUT_SECONDS: v(positiveInt, 'Time limit for one run of a token command.', '30'),
  INNSPILL_TOKEN_LIFETIME_SECONDS: v(positiveInt, 'How long a token is used when the token command does not say (no "expires_in"); it is fetched again a little before that.', '3000'),
  INNSPILL_FROM: v(z.email({ message: 'must be an e-mail address' }), 'Sender address of receipts and digests.', 'postmottak@kmd.dep.no'),
  INNSPILL_FROM_NAME: v(text, 'Display name in the From of receipts and digests. Unset: the ministry\'s name from rules/consultation.yaml.'),
  INNSPILL_OUTBOX_DIR: v(text, 'Where receipts are written as .eml files when no SMTP server is set.', './var/outbox'),
  INNSPILL_RECEIPTS_PER_SENDER_PER_DAY: v(positiveInt, 'At most this many receipts to one address in 24 hours (loop guard).', '3'),
  INNSPILL_RECEIPT_RETRY_SECONDS: v(positiveInt, 'Wait before the first retry of a receipt after a temporary failure; each later wait is three times longer (at most 3 hours).', '60'),
  INNSPILL_RECEIPT_GIVE_UP_HOURS: v(positiveInt, 'A receipt still failing this long after its first try is marked failed and shown to caseworkers.', '72'),
  INNSPILL_DIGEST_CRON: v(text.refine((c) => validCron(c), 'is not a valid cron schedule (5 or 6 fields, e.g. "0 8 * * 1-5")'), 'When digests are sent (cron, 5 or 6 fields).', '0 8 * * 1-5'),
  INNSPILL_TZ: v(text, 'Time zone for digests, receipts and the schedule.', 'Europe/Oslo'),
  INNSPILL_DIGEST_TO: v(addressList, 'Caseworkers who get the digest (comma-separated). Unset: no digest is mailed.'),
  INNSPILL_CASEWORKERS: v(addressList, 'Caseworkers whose command mails (from the digest\'s links) innspill obeys (comma-separated). Unset: the digest recipients (INNSPILL_DIGEST_TO and every consultation\'s digestTo).'),
  INNSPILL_DIGEST_SEND_EMPTY: v(bool, 'Send a digest also when nothing new was filed.', 'false'),
  INNSPILL_MAX_ATTACHMENT_MB: v(positiveInt, 'Attachments larger than this are kept but not read.', '25'),
  INNSPILL_EXTRACT_TIMEOUT_SECONDS: v(positiveInt, 'Time limit for reading one attachment.', '30'),
  INNSPILL_EXTRACT_MEMORY_MB: v(positiveInt, 'Memory limit (MB) of the worker thread reading one attachment: its heap, and how far the process may grow while it reads.', '768'),
  INNSPILL_WORKERS: v(
    z.union([z.literal('auto'), positiveInt], { message: 'must be auto or a positive whole number' }),
    'Worker threads of the daemon that read attachments and whole messages in parallel. auto = one less than the cores (at least one): the daemon itself needs a core.',
    'auto',
  ),
  INNSPILL_LOG_LEVEL: v(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'Log level.', 'info'),
  INNSPILL_HEALTH_PORT: v(port, 'Port of the HTTP health endpoint (off when unset).'),
  INNSPILL_HEALTH_HOST: v(text, 'Address the health endpoint listens on.', '127.0.0.1'),
} as const;

export type VariableName = keyof typeof VARIABLES;
type Values = { [K in VariableName]: z.output<(typeof VARIABLES)[K]['schema']> | undefined };

/** OAuth2 (XOAUTH2) login: where the access token comes from. Exactly one of the two is set. */
export interface OAuth2Settings {
  /** e.g. "INNSPILL_IMAP": the prefix of the variables, for messages */
  variablePrefix: string;
  accessToken: string | null;
  tokenCommand: string | null;
  commandTimeoutMs: number;
  /** used when the command does not say when its token expires */
  defaultLifetimeMs: number;
}

export interface Config {
  dataDir: string;
  rulesDir: string;
  maildir: string;
  imap: {
    host: string;
    port: number;
    user: string;
    /** how to log in; with oauth2, `pass` is unused and `oauth2` says where the token comes from */
    auth: 'password' | 'oauth2';
    pass: string;
    oauth2: OAuth2Settings | null;
    tls: 'true' | 'starttls' | 'false';
    caFile: string | null;
    mailbox: string;
    /** INNSPILL_IMAP_FILED_FOLDER; null: from the rules (see mailbox/filed-folder.ts) */
    filedFolder: string | null;
    /** where handled command mails go */
    commandFolder: string;
    checkSeconds: number;
  } | null;
  smtp: {
    host: string;
    port: number;
    /** null: no login */
    user: string | null;
    auth: 'password' | 'oauth2';
    pass: string | null;
    oauth2: OAuth2Settings | null;
    tls: 'true' | 'starttls' | 'false';
  } | null;
  from: string;
  /** display name of `from`; null: the ministry's name from the rules */
  fromName: string | null;
  outboxDir: string;
  receiptsPerSenderPerDay: number;
  receiptRetrySeconds: number;
  receiptGiveUpHours: number;
  digest: { cron: string; to: string[]; sendEmpty: boolean };
  /** INNSPILL_CASEWORKERS; null when unset (then the digest recipients are the caseworkers) */
  caseworkers: string[] | null;
  timezone: string;
  limits: { maxAttachmentBytes: number; timeoutMs: number; maxMemoryMb: number };
  workers: number;
  logLevel: string;
  health: { port: number; host: string } | null;
  /**
   * Values that must never appear in logs, records or errors. Access tokens fetched by a token
   * command are added while innspill runs (src/oauth2/token-source.ts); the logger reads the list live.
   */
  secrets: string[];
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads .env in the working folder (if there is one) into process.env, without overriding. */
export { loadDotEnv } from './reader-config.js';

/**
 * The variables the caseworkers' read-only commands (list, show, digest without --send, export,
 * inspect, receipts) use. With `loadConfig(env, cwd, 'reader')` every other variable is taken at
 * its default, so a mistake in a setting only the daemon needs (INNSPILL_IMAP_PORT=abc) does not
 * stop them. The mail servers are then not configured (imap and smtp are null).
 */
export const READER_VARIABLES: readonly VariableName[] = [
  'INNSPILL_DATA_DIR',
  'INNSPILL_RULES_DIR',
  'INNSPILL_TZ',
  'INNSPILL_MAX_ATTACHMENT_MB',
  'INNSPILL_EXTRACT_TIMEOUT_SECONDS',
  'INNSPILL_EXTRACT_MEMORY_MB',
  'INNSPILL_WORKERS',
  'INNSPILL_LOG_LEVEL',
];

export type ConfigScope = 'all' | 'reader';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd(), scope: ConfigScope = 'all'): Config {
  const problems: string[] = [];
  const values = {} as Record<string, unknown>;
  for (const [name, def] of Object.entries(VARIABLES) as Array<[VariableName, Variable<z.ZodType>]>) {
    const given = scope === 'all' || READER_VARIABLES.includes(name) ? env[name] : undefined;
    const raw = given === undefined || given === '' ? def.default : given;
    if (raw === undefined) {
      values[name] = undefined;
      continue;
    }
    const parsed = def.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues[0]!.message}${def.secret ? '' : ` (got "${raw}")`}`);
  }
  const val = values as Values;
  const abs = (p: string) => resolve(cwd, p);

  const oauth2 = (prefix: 'INNSPILL_IMAP' | 'INNSPILL_SMTP', method: 'password' | 'oauth2', accessToken: string | undefined, tokenCommand: string | undefined): OAuth2Settings | null => {
    if (method === 'password') {
      for (const [name, value] of [[`${prefix}_TOKEN_COMMAND`, tokenCommand], [`${prefix}_ACCESS_TOKEN`, accessToken]] as const) {
        if (value !== undefined) problems.push(`${name}: is set, but ${prefix}_AUTH is password; set ${prefix}_AUTH=oauth2 to log in with a token`);
      }
      return null;
    }
    if (accessToken === undefined && tokenCommand === undefined) {
      problems.push(`${prefix}_AUTH: oauth2 needs ${prefix}_TOKEN_COMMAND (a command that prints an access token) or ${prefix}_ACCESS_TOKEN`);
    }
    if (accessToken !== undefined && tokenCommand !== undefined) {
      problems.push(`${prefix}_ACCESS_TOKEN: set either ${prefix}_TOKEN_COMMAND or ${prefix}_ACCESS_TOKEN, not both`);
    }
    return {
      variablePrefix: prefix,
      accessToken: accessToken ?? null,
      tokenCommand: tokenCommand ?? null,
      commandTimeoutMs: val.INNSPILL_TOKEN_COMMAND_TIMEOUT_SECONDS! * 1000,
      defaultLifetimeMs: val.INNSPILL_TOKEN_LIFETIME_SECONDS! * 1000,
    };
  };

  let imap: Config['imap'] = null;
  if (val.INNSPILL_IMAP_HOST) {
    const method = val.INNSPILL_IMAP_AUTH!;
    if (!val.INNSPILL_IMAP_USER) problems.push('INNSPILL_IMAP_USER: must be set when INNSPILL_IMAP_HOST is set');
    if (method === 'password' && val.INNSPILL_IMAP_PASS === undefined) problems.push('INNSPILL_IMAP_PASS: must be set when INNSPILL_IMAP_HOST is set (or use INNSPILL_IMAP_AUTH=oauth2)');
    if (val.INNSPILL_IMAP_CA && !existsSync(abs(val.INNSPILL_IMAP_CA))) problems.push(`INNSPILL_IMAP_CA: no such file: ${abs(val.INNSPILL_IMAP_CA)}`);
    imap = {
      host: val.INNSPILL_IMAP_HOST,
      port: val.INNSPILL_IMAP_PORT!,
      user: val.INNSPILL_IMAP_USER ?? '',
      auth: method,
      pass: val.INNSPILL_IMAP_PASS ?? '',
      oauth2: oauth2('INNSPILL_IMAP', method, val.INNSPILL_IMAP_ACCESS_TOKEN, val.INNSPILL_IMAP_TOKEN_COMMAND),
      tls: val.INNSPILL_IMAP_TLS!,
      caFile: val.INNSPILL_IMAP_CA ? abs(val.INNSPILL_IMAP_CA) : null,
      mailbox: val.INNSPILL_IMAP_MAILBOX!,
      filedFolder: val.INNSPILL_IMAP_FILED_FOLDER ?? null,
      commandFolder: val.INNSPILL_IMAP_COMMAND_FOLDER!,
      checkSeconds: val.INNSPILL_IMAP_CHECK_SECONDS!,
    };
  }
  let smtp: Config['smtp'] = null;
  if (val.INNSPILL_SMTP_HOST) {
    const method = val.INNSPILL_SMTP_AUTH!;
    if (method === 'password' && val.INNSPILL_SMTP_USER && val.INNSPILL_SMTP_PASS === undefined) problems.push('INNSPILL_SMTP_PASS: must be set when INNSPILL_SMTP_USER is set');
    if (method === 'oauth2' && !val.INNSPILL_SMTP_USER) problems.push('INNSPILL_SMTP_USER: must be set when INNSPILL_SMTP_AUTH is oauth2 (the mailbox the token belongs to)');
    smtp = {
      host: val.INNSPILL_SMTP_HOST,
      port: val.INNSPILL_SMTP_PORT!,
      user: val.INNSPILL_SMTP_USER ?? null,
      auth: method,
      pass: val.INNSPILL_SMTP_PASS ?? null,
      oauth2: oauth2('INNSPILL_SMTP', method, val.INNSPILL_SMTP_ACCESS_TOKEN, val.INNSPILL_SMTP_TOKEN_COMMAND),
      tls: val.INNSPILL_SMTP_TLS!,
    };
  }
  const tz = val.INNSPILL_TZ!;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    problems.push(`INNSPILL_TZ: not a known time zone (got "${tz}"; e.g. Europe/Oslo)`);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    dataDir: abs(val.INNSPILL_DATA_DIR!),
    rulesDir: val.INNSPILL_RULES_DIR ? abs(val.INNSPILL_RULES_DIR) : resolve(packageRoot, 'rules'),
    maildir: abs(val.INNSPILL_MAILDIR!),
    imap,
    smtp,
    from: val.INNSPILL_FROM!,
    fromName: val.INNSPILL_FROM_NAME ?? null,
    outboxDir: abs(val.INNSPILL_OUTBOX_DIR!),
    receiptsPerSenderPerDay: val.INNSPILL_RECEIPTS_PER_SENDER_PER_DAY!,
    receiptRetrySeconds: val.INNSPILL_RECEIPT_RETRY_SECONDS!,
    receiptGiveUpHours: val.INNSPILL_RECEIPT_GIVE_UP_HOURS!,
    digest: { cron: val.INNSPILL_DIGEST_CRON!, to: val.INNSPILL_DIGEST_TO ?? [], sendEmpty: val.INNSPILL_DIGEST_SEND_EMPTY! },
    caseworkers: val.INNSPILL_CASEWORKERS && val.INNSPILL_CASEWORKERS.length > 0 ? val.INNSPILL_CASEWORKERS : null,
    timezone: tz,
    limits: {
      maxAttachmentBytes: val.INNSPILL_MAX_ATTACHMENT_MB! * 1024 * 1024,
      timeoutMs: val.INNSPILL_EXTRACT_TIMEOUT_SECONDS! * 1000,
      maxMemoryMb: val.INNSPILL_EXTRACT_MEMORY_MB!,
    },
    workers: val.INNSPILL_WORKERS === 'auto' || val.INNSPILL_WORKERS === undefined ? Math.max(1, availableParallelism() - 1) : val.INNSPILL_WORKERS,
    logLevel: val.INNSPILL_LOG_LEVEL!,
    health: val.INNSPILL_HEALTH_PORT ? { port: val.INNSPILL_HEALTH_PORT, host: val.INNSPILL_HEALTH_HOST! } : null,
    secrets: [val.INNSPILL_IMAP_PASS, val.INNSPILL_SMTP_PASS, val.INNSPILL_IMAP_ACCESS_TOKEN, val.INNSPILL_SMTP_ACCESS_TOKEN].filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    ),
  };
}
