// The innspill command line. Each command lives in src/commands/; this file wires them up.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { loadRules, RulesError, type Rules } from './rules/load.js';
import { ExtractorPool } from './extract-pool/pool.js';
import { DEFAULT_LIMITS, type ExtractLimits } from './intake/extract/index.js';
import { inspectFiles } from './commands/inspect.js';

export function limitsFrom(config: Config): ExtractLimits {
  return {
    ...DEFAULT_LIMITS,
    maxBytes: config.limits.maxAttachmentBytes,
    timeoutMs: config.limits.timeoutMs,
    maxMemoryMb: config.limits.maxMemoryMb,
  };
}

function setup(): { config: Config; rules: Rules } {
  loadDotEnv();
  const config = loadConfig();
  return { config, rules: loadRules(config.rulesDir) };
}

export function buildProgram(exit: { code: number }): Command {
  const program = new Command('innspill')
    .description('Email intake for the KMD consultation on OGP action plan 4B: files, classifies and acknowledges input.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('inspect')
    .description('Classify mail message files and print what innspill finds (nothing is stored or sent).')
    .argument('<files...>', '.eml files (RFC 822 messages)')
    .option('--json', 'one JSON object per file, one per line, in the order given')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const { config, rules } = setup();
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

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const exit = { code: 0 };
  try {
    await buildProgram(exit).parseAsync(argv);
    return exit.code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof RulesError) {
      process.stderr.write(`innspill: the rules have a mistake and nothing was done:\n  ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`innspill: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
