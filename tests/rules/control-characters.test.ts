// A control character in a rule is a mistake a caseworker cannot see: "\b" in a double-quoted
// YAML string is a backspace, and the pattern then silently never matches. The loader refuses it
// with the file, the line and what to write instead.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules, RulesError } from '../../src/rules/load.js';
import { OGP, rulesDir } from '../helpers/rules.js';

function rulesWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

function loadError(dir: string): RulesError {
  try {
    loadRules(dir);
  } catch (err) {
    if (err instanceof RulesError) return err;
    throw err;
  }
  throw new Error('the rules loaded without error');
}

describe('control characters in rules', () => {
  it('refuses "\\b" inside a double-quoted pattern, with file, line and a sentence on what to write', () => {
    const dir = rulesWith('automatic.yaml', (t) => t.replace('bounceSubjects:\n', 'bounceSubjects:\n  - "re:^undeliverable\\b"\n'));
    const line = readFileSync(join(dir, 'automatic.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('re:^undeliverable')) + 1;
    const err = loadError(dir);
    expect(err.file).toBe(join(dir, 'automatic.yaml'));
    expect(err.line).toBe(line);
    expect(err.message).toContain('U+0008');
    expect(err.message).toContain('word boundary');
    expect(err.message).toContain('"\\\\b"');
  });

  it('refuses any control character in any rules file (a form feed in a commitment term)', () => {
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('    - ingen merknad*\n', '    - "ingen\\fmerknad*"\n'));
    const err = loadError(dir);
    expect(err.file).toBe(join(dir, OGP, 'commitments.yaml'));
    expect(err.message).toContain('U+000C');
  });

  it('accepts the same pattern written with "\\\\b" or in single quotes', () => {
    for (const written of ['"re:^undeliverable\\\\b"', "'re:^undeliverable\\b'"]) {
      const dir = rulesWith('automatic.yaml', (t) => t.replace('bounceSubjects:\n', `bounceSubjects:\n  - ${written}\n`));
      expect(() => loadRules(dir), written).not.toThrow();
    }
  });

  it('the shipped rules have none', () => {
    expect(() => loadRules(rulesDir)).not.toThrow();
  });
});
