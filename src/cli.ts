// The innspill command line. Each command lives in src/commands/ and is loaded only when it runs:
// `inspect` must answer fast, and need not load the daemon, the SMTP client or Excel.
// Over 300 lines on purpose: every command with its options and help in one list, as --help shows them.
// Nothing but commander is imported before a command is chosen: the settings' checks (zod), the
// rules and the store are loaded by the command that needs them, and --version and --help need none.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { Config, ConfigScope } from './config.js';
import type { Rules } from './rules/types.js';
import type { Logger } from './log.js';

/**
 * Settings and rules for a command. The caseworkers' read-only commands ask for the 'reader'
 * scope: a mistake in a setting only the daemon needs does not stop them.
 */
async function setup(scope: ConfigScope = 'all'): Promise<{ config: Config; rules: Rules }> {
  const config = await settings(scope);
  // Rules unchanged since they were last checked come from the cache without loading the checks
  // (zod, the YAML reader, Mustache); only a cache miss loads them (src/rules/cached.ts).
  const { rulesFromCache } = await import('./rules/cached.js');
  const cached = rulesFromCache(config.rulesDir);
  if (cached) return { config, rules: cached };
  const { loadRules } = await import('./rules/load.js');
  return { config, rules: loadRules(config.rulesDir) };
}

/** The settings alone (.env read first), for the commands that need no rules. */
async function settings(scope: ConfigScope = 'all'): Promise<Config> {
  // A reader's plain settings are taken without the settings' checks (zod, node-cron): reader-config.ts.
  if (scope === 'reader') {
    const { loadDotEnv, loadReaderConfig } = await import('./reader-config.js');
    loadDotEnv();
    return loadReaderConfig(process.env, process.cwd());
  }
  const { loadConfig, loadDotEnv } = await import('./config.js');
  loadDotEnv();
  return loadConfig(process.env, process.cwd(), scope);
}

async function setupWithLog(level?: string, scope: ConfigScope = 'all'): Promise<{ config: Config; rules: Rules; log: Logger }> {
  const { config, rules } = await setup(scope);
  const { createLogger } = await import('./log.js');
  return { config, rules, log: createLogger({ level: level ?? config.logLevel, secrets: config.secrets }) };
}

/** The version in package.json (src/cli.ts and dist/cli.js both sit one folder below it). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(exit: { code: number }): Command {
  const program = new Command('innspill')
    .description('Email intake for public consultations (the consultations are in the rules folder): files, classifies and acknowledges input.')
    .version(packageVersion(), '-V, --version', 'print the version of innspill')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('inspect')
    .description('Classify mail message files and print what innspill finds (nothing is stored or sent).')
    .argument('<files...>', '.eml files (RFC 822 messages)')
    .option('--json', 'one JSON object per file, one per line, in the order given')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { config, rules } = await setup('reader');
      const [{ ExtractorPool }, { inspectFiles }, { limitsFrom }] = await Promise.all([
        import('./extract-pool/pool.js'),
        import('./commands/inspect.js'),
        import('./limits.js'),
      ]);
      const pool = new ExtractorPool(config.workers);
      try {
        exit.code = await inspectFiles(files, {
          json: opts.json === true,
          rules,
          extractor: pool.extractor,
          limits: limitsFrom(config),
          out: process.stdout,
          err: process.stderr,
        });
      } finally {
        await pool.close();
      }
    });

  program
    .command('run')
    .description('Watch the postmottak mailbox (IMAP, or the Maildir by default): file consultation mail, send receipts and digests.')
    .option('--once', 'handle all that waits and every receipt due, then exit')
    .action(async (opts: { once?: boolean }) => {
      // The daemon catches SIGTERM from its first moment: a stop while it still starts is a clean stop.
      const signals = opts.once ? null : (await import('./stop-signals.js')).stopSignals();
      const { config, rules, log } = await setupWithLog();
      const { runCommand } = await import('./commands/run.js');
      exit.code = await runCommand(config, rules, log, { once: opts.once === true, signals });
    });

  program
    .command('ingest')
    .description('File mail message files through the same pipeline as the mailbox (the files stay where they are).')
    .argument('<files...>', '.eml files')
    .action(async (files: string[]) => {
      const { config, rules, log } = await setupWithLog();
      const { ingestCommand } = await import('./commands/run.js');
      exit.code = await ingestCommand(config, rules, log, files);
    });

  program
    .command('list')
    .description('List filed submissions.')
    .option('--commitment <id>', 'only those about this commitment or topic (or "uklassifisert")')
    .option('--category <id>', 'only those from this sender category')
    .option('--late', 'only those that arrived after the deadline')
    .option('--json', 'one JSON record per line')
    .option('--consultation <id>', 'only this consultation (its folder name under rules/consultations/, e.g. ogp-4b)')
    .action(async (opts: { commitment?: string; category?: string; late?: boolean; json?: boolean; consultation?: string }) => {
      const { config, rules } = await setup('reader');
      const { listCommand } = await import('./commands/list.js');
      exit.code = await listCommand(config.dataDir, rules, opts, process.stdout);
    });

  program
    .command('show')
    .description('Show one filed submission.')
    .argument('<id>', 'submission id, e.g. 2021-0042')
    .option('--json', 'the record as JSON')
    .option('--consultation <id>', 'only this consultation (its folder name under rules/consultations/, e.g. ogp-4b)')
    .action(async (id: string, opts: { json?: boolean; consultation?: string }) => {
      const { config, rules } = await setup('reader');
      const { showCommand } = await import('./commands/list.js');
      exit.code = await showCommand(config.dataDir, rules, id, opts.json === true, process.stdout, process.stderr, opts.consultation);
    });

  const campaigns = program
    .command('campaigns')
    .description('List the campaigns: many people sending one text or one document, each still a submission of its own.')
    .option('--json', 'one JSON object per campaign, one per line')
    .action(async (opts: { json?: boolean }) => {
      const { config, rules } = await setup('reader');
      const { campaignsCommand } = await import('./commands/campaigns.js');
      exit.code = await campaignsCommand(config.dataDir, rules, opts, process.stdout);
    });
  campaigns
    .command('split')
    .description('Take a submission out of a campaign (kept through every recomputation).')
    .argument('<campaign>', 'campaign id, e.g. k-2021-0042')
    .argument('<member>', 'submission id, e.g. 2021-0057')
    .action(async (campaign: string, member: string) => {
      const { config, rules } = await setup('reader');
      const { campaignSplitCommand } = await import('./commands/campaigns.js');
      exit.code = await campaignSplitCommand(config.dataDir, rules, campaign, member, process.stdout, process.stderr);
    });
  campaigns
    .command('join')
    .description('Join two campaigns into one (kept through every recomputation).')
    .argument('<campaign>', 'campaign id, e.g. k-2021-0042')
    .argument('<other>', 'the other campaign id')
    .action(async (first: string, second: string) => {
      const { config, rules } = await setup('reader');
      const { campaignJoinCommand } = await import('./commands/campaigns.js');
      exit.code = await campaignJoinCommand(config.dataDir, rules, first, second, process.stdout, process.stderr);
    });

  program
    .command('reclassify')
    .description('Run the current rules over every filed submission (after a change to rules/); a person\'s decisions stand. While `innspill run` runs, it does it (and takes the new rules).')
    .action(async () => {
      const { config, rules, log } = await setupWithLog('warn');
      const { reclassifyCommand } = await import('./commands/reclassify.js');
      exit.code = await reclassifyCommand(config, rules, log, process.stdout, process.stderr);
    });

  program
    .command('review')
    .description('List the messages held for a caseworker\'s decision, with why innspill was unsure.')
    .option('--json', 'the list as one JSON array')
    .action(async (opts: { json?: boolean }) => {
      const { config, rules } = await setup('reader');
      const { reviewCommand } = await import('./commands/review.js');
      exit.code = await reviewCommand(config.dataDir, rules, opts.json === true, process.stdout);
    });

  program
    .command('decide')
    .description('Decide a held message: input (filed, moved out of the inbox, its receipt sent) or not-input (left in the inbox as it was). Works while `innspill run` runs.')
    .argument('<id>', 'the held message\'s id, e.g. 2021-0042')
    .argument('<decision>', 'input or not-input')
    .option('--commitments <ids>', 'its commitments and topics, comma-separated (einnsyn,journalforing)')
    .option('--note <text>', 'a note for the caseworkers')
    .option('--consultation <id>', 'with input: the consultation it is input to (its folder name under rules/consultations/), when innspill could not tell')
    .action(async (id: string, decision: string, opts: { commitments?: string; note?: string; consultation?: string }) => {
      const { config, rules, log } = await setupWithLog('warn');
      const { changeCommand, decideRequest } = await import('./commands/decide.js');
      exit.code = await changeCommand(config, rules, log, decideRequest(id, decision, opts), process.stdout, process.stderr);
    });

  program
    .command('correct')
    .description('Correct a filed submission\'s labels; a person\'s decision stands through reclassify. Never sends a receipt. Works while `innspill run` runs.')
    .argument('<id>', 'submission id, e.g. 2021-0042')
    .option('--relevant', 'it is input to the consultation')
    .option('--not-relevant', 'it is not input to the consultation')
    .option('--automatic', 'an automatic message')
    .option('--person', 'written by a person')
    .option('--commitments <ids>', 'set its commitments and topics, comma-separated ("ingen" for none)')
    .option('--organisation <name>', 'the sender\'s organisation, by its name or short name in the register')
    .option('--unknown', 'the sender\'s organisation is unknown')
    .option('--personal-data', 'its text or an attachment contains personal data: the arkivmelding export screens it')
    .option('--no-personal-data', 'it contains no personal data (undoes --personal-data)')
    .option('--note <text>', 'a note for the caseworkers')
    .action(async (id: string, opts: import('./commands/decide.js').CorrectOptions) => {
      const { config, rules, log } = await setupWithLog('warn');
      const { changeCommand, correctRequest } = await import('./commands/decide.js');
      exit.code = await changeCommand(config, rules, log, correctRequest(id, opts), process.stdout, process.stderr);
    });

  program
    .command('decisions')
    .description('What caseworkers decided.')
    .command('export')
    .description('Write every message a caseworker decided, with the decided labels in the fixture label format and its .eml, to check a rule change against (rules are never changed).')
    .requiredOption('--out <dir>', 'the folder to write (made if missing)')
    .action(async (opts: { out: string }) => {
      const { config, rules } = await setup('reader');
      const { decisionsExportCommand } = await import('./commands/decisions-export.js');
      exit.code = await decisionsExportCommand(config.dataDir, rules, opts.out, process.stdout);
    });

  const receipts = program
    .command('receipts')
    .description('List receipts (the outbox), or retry one.')
    .option('--pending', 'only receipts waiting to be sent')
    .option('--failed', 'only receipts that could not be delivered')
    .action(async (opts: { pending?: boolean; failed?: boolean }) => {
      const { config, rules } = await setup('reader');
      const { receiptsList } = await import('./commands/receipts.js');
      exit.code = await receiptsList(config, opts.failed ? 'failed' : opts.pending ? 'pending' : null, process.stdout, rules);
    });
  receipts
    .command('retry')
    .description('Try to send one receipt again now.')
    .argument('<id>', 'submission id')
    .action(async (id: string) => {
      const { config, rules, log } = await setupWithLog();
      const { receiptsRetry } = await import('./commands/receipts.js');
      exit.code = await receiptsRetry(config, rules, log, id, process.stdout);
    });

  program
    .command('digest')
    .description('Write the caseworkers’ digest (text, HTML or Markdown), or mail it now with --send.')
    .option('--since <when>', 'only what was filed after this time: a date or time in Oslo time (2021-05-18, 2021-05-18T08:00), or with an offset; or "last": since the last digest sent')
    .option('--format <format>', 'text, html or md', 'text')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--send', 'mail it to INNSPILL_DIGEST_TO and record it, as the schedule does')
    .option('--consultation <id>', 'only this consultation’s digest; unset: each consultation with mail (its folder name under rules/consultations/, e.g. ogp-4b)')
    .action(async (opts: { since?: string; format: string; out?: string; send?: boolean; consultation?: string }) => {
      const { config, rules } = await setup(opts.send ? 'all' : 'reader');
      const { digestCommand } = await import('./commands/digest.js');
      exit.code = await digestCommand({ ...opts, config, rules, stdout: process.stdout, stderr: process.stderr });
    });

  program
    .command('export')
    .description('Export the filed records: csv or xlsx (one row per record), journal (a public-journal listing of the submissions), or arkivmelding (one Noark 5 archive folder per submission).')
    .requiredOption('--format <format>', 'csv, xlsx, journal or arkivmelding')
    .requiredOption('--out <file>', 'the file to write (arkivmelding: the folder)')
    .option('--since <when>', 'only what was filed after this time: a date or time in Oslo time (2021-05-18, 2021-05-18T08:00), or with an offset')
    .option('--all', 'arkivmelding: write every submission again, also those exported before and unchanged')
    .option('--include-automatic', 'arkivmelding: automatic mail (out-of-office, bounces) too')
    .option('--include-held', 'arkivmelding: messages still held for a caseworker\'s decision too')
    .option('--consultation <id>', 'only this consultation (its folder name under rules/consultations/, e.g. ogp-4b)')
    .action(async (opts: { format: string; out: string; since?: string; all?: boolean; includeAutomatic?: boolean; includeHeld?: boolean; consultation?: string }) => {
      const { config, rules } = await setup('reader');
      const { exportCommand } = await import('./commands/export.js');
      exit.code = await exportCommand({ ...opts, config, rules, stderr: process.stderr });
    });

  program
    .command('config')
    .description('Check the configuration before running innspill.')
    .command('check')
    .description('Check the settings, the rules, the folders, the IMAP and SMTP logins (login only: no mail is read or sent) and the digest schedule. Exit status 1 when anything is wrong.')
    .action(async () => {
      const { configCheckCommand } = await import('./commands/config-check.js');
      exit.code = await configCheckCommand({ out: process.stdout });
    });

  program
    .command('consultation')
    .description('Consultations in rules/consultations/.')
    .command('new')
    .description('Start a consultation folder as a copy of another (switched off until filled in); says what to edit.')
    .argument('<id>', 'the new consultation\'s id (its folder name), e.g. pbl-2021')
    .requiredOption('--from <existing>', 'the consultation to copy, e.g. ogp-4b')
    .action(async (id: string, opts: { from: string }) => {
      const config = await settings('reader');
      const { newConsultation } = await import('./commands/consultation-new.js');
      exit.code = newConsultation(config.rulesDir, id, opts.from, process.stdout);
    });

  program
    .command('status')
    .description('Is the daemon running and connected: last mailbox check, last filed, receipts pending and failed, next digest, store size. Exit status 0 OK, 2 CRITICAL, 3 UNKNOWN (Nagios plugin convention).')
    .option('--json', 'the report as one JSON object (the same as GET /health)')
    .action(async (opts: { json?: boolean }) => {
      const config = await settings();
      const { statusCommand } = await import('./commands/status.js');
      exit.code = await statusCommand(config, { json: opts.json === true, out: process.stdout });
    });

  program
    .command('demo')
    .description('Seed the Maildir (INNSPILL_MAILDIR) with the example messages and make one pass into the store (INNSPILL_DATA_DIR), as `run --once` would; print a summary. Starts over each time, and refuses to touch messages or records it did not make.')
    .action(async () => {
      const { config, rules, log } = await setupWithLog('warn');
      const { demoCommand } = await import('./commands/demo.js');
      exit.code = await demoCommand(config, rules, log, process.stdout, process.stderr);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const exit = { code: 0 };
  // `innspill list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(exit.code);
    throw err;
  });
  try {
    await buildProgram(exit).parseAsync(argv);
    return exit.code;
  } catch (err) {
    // --help and --version end with 0; every other complaint of the parser is a usage mistake: 2.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof Error && err.name === 'UsageError') {
      process.stderr.write(`innspill: ${err.message}\n`);
      return 2;
    }
    // Known by name: importing their modules here would load them on every start.
    const name = err instanceof Error ? err.name : '';
    if (err instanceof Error && name === 'RulesError') {
      process.stderr.write(`innspill: the rules have a mistake and nothing was done:\n  ${err.message}\n`);
      return 2;
    }
    // Exit status 2: a setting to mend or another innspill holding the store. systemd does not
    // restart on it, so a refused mailbox login is not retried into a locked account.
    if (err instanceof Error && (name === 'ConfigError' || name === 'StoreLockedError' || name === 'MailboxLoginError')) {
      process.stderr.write(`innspill: ${err.message}\n`);
      return 2;
    }
    if (err instanceof Error && !(err instanceof TypeError) && !(err instanceof RangeError) && !(err instanceof ReferenceError)) {
      process.stderr.write(`innspill: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
