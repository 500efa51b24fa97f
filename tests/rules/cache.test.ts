// The rules cache: a second load reads the checked data back; any edit to a rules file is
// checked afresh (mistakes included); a cache folder others can write is never trusted.
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules, RulesError } from '../../src/rules/load.js';
import { cachedRuleData, checkerModules } from '../../src/rules/cache.js';
import { OGP, rulesDir } from '../helpers/rules.js';

const before = process.env['XDG_CACHE_HOME'];
afterEach(() => {
  if (before === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = before;
});

function fresh(): { rules: string; cache: string } {
  const rules = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, rules, { recursive: true });
  const cache = mkdtempSync(join(tmpdir(), 'innspill-cache-'));
  process.env['XDG_CACHE_HOME'] = cache;
  return { rules, cache };
}

describe('the rules cache', () => {
  it('stores checked rules on the first load and reads them back on the next', () => {
    const { rules, cache } = fresh();
    expect(cachedRuleData(rules)).toBeNull();
    const first = loadRules(rules);
    expect(readdirSync(join(cache, 'innspill', 'rules'))).toHaveLength(1);
    expect(cachedRuleData(rules)).not.toBeNull();
    const second = loadRules(rules);
    expect(second.consultation.deadlineAt).toEqual(first.consultation.deadlineAt);
    expect(second.commitments.items.map((c) => c.id)).toEqual(first.commitments.items.map((c) => c.id));
  });

  it('checks an edited file afresh, so a new mistake is still reported with its line', () => {
    const { rules } = fresh();
    loadRules(rules);
    const file = join(rules, OGP, 'commitments.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- id: einnsyn', '- id: e-innsyn'));
    expect(cachedRuleData(rules)).toBeNull();
    expect(() => loadRules(rules)).toThrow(RulesError);
  });

  it('never trusts a cache folder that others can write', () => {
    const { rules, cache } = fresh();
    loadRules(rules);
    chmodSync(join(cache, 'innspill', 'rules'), 0o777);
    expect(cachedRuleData(rules)).toBeNull();
  });

  it('is keyed by every module that reading and checking the rules runs, so a change to term checking invalidates it', () => {
    // Follow the value imports (not `import type`) from the reader, as far as they stay in src/.
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import (?!type )[^;]*? from '(\.[^']+)\.js';/gm)) {
        const target = resolve(dirname(file), `${m[1]}.ts`);
        if (target.startsWith(src) && existsSync(target)) visit(target);
      }
    };
    visit(join(src, 'rules', 'read.ts'));
    visit(join(src, 'rules', 'cache.ts'));
    expect([...reached].some((f) => f.endsWith('/text/terms.ts'))).toBe(true);
    expect([...reached].filter((f) => !checkerModules().includes(f))).toEqual([]);

    // utimes sets whole milliseconds: align the file's time first (a fresh checkout has
    // nanoseconds), so that putting it back below gives the very time the key was made with.
    const terms = join(src, 'text', 'terms.ts');
    const { atime, mtime } = statSync(terms);
    utimesSync(terms, atime, mtime);
    const { rules } = fresh();
    loadRules(rules);
    expect(cachedRuleData(rules)).not.toBeNull();
    try {
      utimesSync(terms, atime, new Date(mtime.getTime() + 60_000));
      expect(cachedRuleData(rules)).toBeNull();
    } finally {
      utimesSync(terms, atime, mtime);
    }
    expect(cachedRuleData(rules)).not.toBeNull();
  });
});
