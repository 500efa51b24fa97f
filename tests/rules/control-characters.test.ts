// A control character in a rule is a mistake a caseworker cannot see: "\b" in a double-quoted
// YAML string is a backspace, and the pattern then silently never matches. The loader refuses it
// with the file, the line and what to write instead.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/load.js';
import { rulesLoadError, rulesWith } from '../helpers/broken-rules.js';
import { OGP, rulesDir } from '../helpers/rules.js';

describe('control characters in rules', () => {
  it('refuses "\\b" inside a double-quoted pattern, with file, line and a sentence on what to write', () => {
    const dir = rulesWith('automatic.yaml', (t) => t.replace('bounceSubjects:\n', 'bounceSubjects:\n  - "re:^undeliverable\\b"\n'));
    const line = readFileSync(join(dir, 'automatic.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('re:^undeliverable')) + 1;
    const err = rulesLoadError(dir);
    expect(err.file).toBe(join(dir, 'automatic.yaml'));
    expect(err.line).toBe(line);
    expect(err.message).toContain('U+0008');
    expect(err.message).toContain('word boundary');
    expect(err.message).toContain('"\\\\b"');
  });

  it('refuses any control character in any rules file (a form feed in a commitment term)', () => {
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('    - ingen merknad*\n', '    - "ingen\\fmerknad*"\n'));
    const err = rulesLoadError(dir);
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
