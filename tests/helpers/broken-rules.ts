// A copy of the project's rules/ in a temp folder, for tests that break or change rules on disk
// (the loader's checks, SIGHUP reloads, `innspill run` refusing broken rules, `config check`).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules, RulesError } from '../../src/rules/load.js';
import { OGP, rulesDir } from './rules.js';

export function copyOfRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  return dir;
}

/** A copy of the project's rules with one file (a path below rules/) changed by `edit`. */
export function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = copyOfRules();
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

/** The RulesError that loading the rules in `dir` gives; fails the test when they load, or fail otherwise. */
export function rulesLoadError(dir: string): RulesError {
  try {
    loadRules(dir);
  } catch (err) {
    if (err instanceof RulesError) return err;
    throw err;
  }
  throw new Error('the rules loaded without error');
}

/**
 * Puts a caseworker's typical mistake into commitments.yaml: an unquoted term starting with "*"
 * (a YAML alias), as the next item of the first term list. Returns the file and the line it is on.
 */
export function breakRules(dir: string): { file: string; line: number } {
  const file = join(dir, OGP, 'commitments.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => /^\s+- [a-zæøå]/.test(l));
  if (at < 0) throw new Error('no term list found in commitments.yaml');
  const indent = /^(\s+)- /.exec(lines[at]!)![1]!;
  lines.splice(at + 1, 0, `${indent}- *korrupsjon*`);
  writeFileSync(file, lines.join('\n'));
  return { file, line: at + 2 };
}
