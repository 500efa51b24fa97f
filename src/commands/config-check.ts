// `innspill config check`: is this installation ready to run? Checks the environment (every
// INNSPILL_* variable), the rules, the folders, the IMAP and SMTP logins (login only: no mail is
// read, moved or sent) and the digest schedule. One line per check, "ok", "FAIL" or "skipped",
// with what was found in words. Exit status 1 when anything is wrong. Never prints a secret.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, loadDotEnv, VARIABLES, type Config } from '../config.js';
import { checkWritableFolder } from '../check/folders.js';
import { checkRules } from '../check/rules.js';
import { checkImapLogin } from '../check/imap-login.js';
import { checkSmtpLogin } from '../check/smtp-login.js';
import { checkDigestSchedule } from '../check/digest-schedule.js';
import { failed, ok, skipped, type CheckResult } from '../check/result.js';

export interface ConfigCheckOptions {
  /** the environment to check; default process.env, with .env from `cwd` read into it first */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  out: NodeJS.WritableStream;
  /** time limit for each server connection (default 10 s) */
  timeoutMs?: number;
}

const LOOPBACK = /^(127\.|::1$|localhost$)/;

export async function configCheckCommand(opts: ConfigCheckOptions): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let secrets: string[] = [];
  const scrub = (text: string) => secrets.reduce((t, s) => (s.length >= 3 ? t.split(s).join('[hemmelig]') : t), text);
  let problems = 0;
  const print = (r: CheckResult) => {
    if (r.status === 'FAIL') problems++;
    opts.out.write(`${r.status.padEnd(8)}${r.what}: ${scrub(r.detail)}\n`);
  };

  const dotEnv = resolve(cwd, '.env');
  if (env === process.env) loadDotEnv(cwd);
  const loaded = loadForCheck(env, cwd);
  for (const p of loaded.problems) print(failed('configuration', p));
  const config = loaded.config;
  if (!config) {
    print(skipped('everything else', 'the configuration must be right first'));
    return summary(opts.out, problems);
  }
  secrets = config.secrets;
  // A check that depends on a variable with a problem is skipped, not run on a default in its place.
  const broken = (...prefixes: string[]) => loaded.broken.find((name) => prefixes.some((p) => name.startsWith(p)));
  const skipFor = (what: string, name: string) => skipped(what, `fix ${name} first (see above)`);
  if (loaded.problems.length === 0) {
    const set = Object.keys(VARIABLES).filter((name) => env[name] !== undefined && env[name] !== '').length;
    print(ok('configuration', `${set} of ${Object.keys(VARIABLES).length} INNSPILL_* variables set, the rest are defaults${existsSync(dotEnv) && env === process.env ? `; .env read from ${dotEnv}` : ''}`));
  }

  const rulesBroken = broken('INNSPILL_RULES_DIR');
  print(rulesBroken ? skipFor('rules', rulesBroken) : checkRules(config.rulesDir));
  const dataBroken = broken('INNSPILL_DATA_DIR');
  print(dataBroken ? skipFor('data folder', dataBroken) : await checkWritableFolder('data folder', config.dataDir, 'INNSPILL_DATA_DIR'));

  // The two logins may each wait for a time limit: run them side by side, print in order.
  const imapBroken = broken('INNSPILL_IMAP_', 'INNSPILL_TOKEN_');
  const smtpBroken = broken('INNSPILL_SMTP_', 'INNSPILL_TOKEN_', 'INNSPILL_FROM');
  const imap = config.imap && !imapBroken ? checkImapLogin(config.imap, secrets, timeoutMs) : null;
  const smtp = config.smtp && !smtpBroken ? checkSmtpLogin(config.smtp, secrets, timeoutMs) : null;

  if (imapBroken) {
    print(skipFor('IMAP', imapBroken));
    print(skipFor('Maildir', imapBroken));
  } else if (imap) {
    print(await imap);
    print(skipped('Maildir', 'not used: INNSPILL_IMAP_HOST is set'));
  } else {
    print(skipped('IMAP', 'INNSPILL_IMAP_HOST is not set; the Maildir is watched instead'));
    const maildirBroken = broken('INNSPILL_MAILDIR');
    print(maildirBroken ? skipFor('Maildir', maildirBroken) : await checkWritableFolder('Maildir', config.maildir, 'INNSPILL_MAILDIR'));
  }
  if (smtpBroken) {
    print(skipFor('SMTP', smtpBroken));
  } else if (smtp) {
    print(await smtp);
  } else {
    print(skipped('SMTP', `INNSPILL_SMTP_HOST is not set; receipts and digests are written as .eml files to ${config.outboxDir}`));
    const outboxBroken = broken('INNSPILL_OUTBOX_DIR');
    print(outboxBroken ? skipFor('outbox folder', outboxBroken) : await checkWritableFolder('outbox folder', config.outboxDir, 'INNSPILL_OUTBOX_DIR'));
  }
  const digestBroken = broken('INNSPILL_DIGEST_', 'INNSPILL_TZ');
  print(digestBroken ? skipFor('digest schedule', digestBroken) : checkDigestSchedule(config));
  const healthBroken = broken('INNSPILL_HEALTH_');
  if (healthBroken) {
    print(skipFor('health endpoint', healthBroken));
  } else if (config.health) {
    const where = `http://${config.health.host.includes(':') ? `[${config.health.host}]` : config.health.host}:${config.health.port}/health`;
    print(ok('health endpoint', `${where}${LOOPBACK.test(config.health.host) ? '' : ' (not a loopback address: reachable from the network)'}`));
  } else {
    print(skipped('health endpoint', 'INNSPILL_HEALTH_PORT is not set'));
  }
  return summary(opts.out, problems);
}

/**
 * loadConfig, and when it finds problems, once more with the variables named in them (and the
 * rest of their IMAP/SMTP group) left out, so that the other checks can still run.
 */
function loadForCheck(env: NodeJS.ProcessEnv, cwd: string): { config: Config | null; problems: string[]; broken: string[] } {
  try {
    return { config: loadConfig(env, cwd), problems: [], broken: [] };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const broken = err.problems.map((p) => /^(INNSPILL_[A-Z0-9_]+)/.exec(p)?.[1]).filter((n): n is string => n !== undefined);
    const groups = ['INNSPILL_IMAP_', 'INNSPILL_SMTP_'].filter((g) => broken.some((n) => n.startsWith(g)));
    const rest = Object.fromEntries(Object.entries(env).filter(([name]) => !broken.includes(name) && !groups.some((g) => name.startsWith(g))));
    try {
      return { config: loadConfig(rest, cwd), problems: err.problems, broken };
    } catch {
      return { config: null, problems: err.problems, broken };
    }
  }
}

function summary(out: NodeJS.WritableStream, problems: number): number {
  out.write(problems === 0 ? 'config check: everything is ok\n' : `config check: ${problems} ${problems === 1 ? 'problem' : 'problems'} (FAIL) found\n`);
  return problems === 0 ? 0 : 1;
}
