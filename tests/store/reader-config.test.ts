// The caseworkers' commands read their settings and the cached rules without loading the checks
// (zod, node-cron, the YAML reader, Mustache; issue 17): src/reader-config.ts must give exactly
// what loadConfig(env, cwd, 'reader') gives, or hand the value to it; src/rules/cached.ts must
// give the rules loadRules gives.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { loadReaderConfig, quickReaderConfig } from '../../src/reader-config.js';
import { rulesFromCache } from '../../src/rules/cached.js';
import { loadRules } from '../../src/rules/load.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every module a source file loads when imported: static imports that are not `import type`, followed through src/. */
function importClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith(src)) return seen;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)';/gms)) {
    if (m[1]) continue;
    const spec = m[2]!;
    importClosure(spec.startsWith('.') ? resolve(dirname(file), spec.replace(/\.js$/, '.ts')) : spec, seen);
  }
  return seen;
}

const CHECKS = ['zod', 'node-cron', 'yaml', 'mustache'];

describe('reader settings without the checks', () => {
  const cwd = '/tmp/somewhere';
  const cases: NodeJS.ProcessEnv[] = [
    {},
    { INNSPILL_DATA_DIR: '/var/lib/innspill/data', INNSPILL_RULES_DIR: 'my-rules', INNSPILL_TZ: 'Europe/Oslo', INNSPILL_LOG_LEVEL: 'warn' },
    { INNSPILL_DATA_DIR: '', INNSPILL_WORKERS: '3', INNSPILL_MAX_ATTACHMENT_MB: '10', INNSPILL_EXTRACT_TIMEOUT_SECONDS: '5', INNSPILL_EXTRACT_MEMORY_MB: '512' },
    { INNSPILL_WORKERS: 'auto', INNSPILL_TZ: 'America/New_York' },
    // Only the daemon's settings, wrong: a reader takes them at their defaults.
    { INNSPILL_IMAP_PORT: 'abc', INNSPILL_IMAP_HOST: 'imap.example.org', INNSPILL_SMTP_HOST: 'smtp', INNSPILL_DIGEST_CRON: 'never', INNSPILL_FROM: 'x', INNSPILL_IMAP_PASS: 'secret' },
    // Not plain: handed to loadConfig, which takes or refuses them.
    { INNSPILL_DATA_DIR: '  /data  ', INNSPILL_WORKERS: ' 2', INNSPILL_MAX_ATTACHMENT_MB: '1e1' },
    { INNSPILL_MAX_ATTACHMENT_MB: '0x10' },
  ];
  for (const env of cases) {
    it(`gives what loadConfig gives: ${JSON.stringify(env)}`, async () => {
      expect(await loadReaderConfig(env, cwd)).toEqual(loadConfig(env, cwd, 'reader'));
    });
  }

  const wrong: NodeJS.ProcessEnv[] = [
    { INNSPILL_WORKERS: 'many' },
    { INNSPILL_WORKERS: '0' },
    { INNSPILL_MAX_ATTACHMENT_MB: '-5' },
    { INNSPILL_EXTRACT_TIMEOUT_SECONDS: '1.5' },
    { INNSPILL_LOG_LEVEL: 'loud' },
    { INNSPILL_TZ: 'Europe/Bergen' },
    { INNSPILL_DATA_DIR: '   ' },
  ];
  for (const env of wrong) {
    it(`refuses as loadConfig refuses: ${JSON.stringify(env)}`, async () => {
      let expected: unknown;
      try {
        loadConfig(env, cwd, 'reader');
      } catch (err) {
        expected = err;
      }
      expect(expected).toBeInstanceOf(ConfigError);
      await expect(loadReaderConfig(env, cwd)).rejects.toThrow((expected as Error).message);
    });
  }

  it('takes only plain values itself (the check can fail: a value with spaces goes to loadConfig)', () => {
    expect(typeof quickReaderConfig({ INNSPILL_WORKERS: '2' }, cwd)).toBe('object');
    expect(typeof quickReaderConfig({ INNSPILL_WORKERS: ' 2' }, cwd)).toBe('symbol');
  });

  it('loads none of the checks', () => {
    const loaded = [...importClosure(join(src, 'reader-config.ts'))];
    expect(loaded.filter((m) => CHECKS.includes(m))).toEqual([]);
    expect(loaded).not.toContain(join(src, 'config.ts'));
  });
});

describe('rules from the cache without the checks', () => {
  it('are the rules loadRules gives', () => {
    const dir = fileURLToPath(new URL('../../rules/', import.meta.url));
    const loaded = loadRules(dir);
    const cached = rulesFromCache(dir);
    // A user whose cache folder cannot be written gets null, and the CLI calls loadRules.
    if (cached === null) return;
    expect(cached.dataKey).toBe(loaded.dataKey);
    expect(cached.consultations.map((v) => v.consultation.id)).toEqual(loaded.consultations.map((v) => v.consultation.id));
  });

  it('load none of the checks (the import closure check can fail: load.ts loads them)', () => {
    const closure = (f: string) => [...importClosure(join(src, f))].filter((m) => CHECKS.includes(m)).sort();
    expect(closure('rules/cached.ts')).toEqual([]);
    expect(closure('rules/load.ts')).toEqual(expect.arrayContaining(['zod']));
  });
});

describe('list and show without the campaigns\' grouping', () => {
  it('load store/campaigns.ts and src/campaigns/ only when the campaigns\' cache does not match (the check can fail: campaigns.ts loads them)', () => {
    const grouping = (f: string) => [...importClosure(join(src, f))].filter((m) => m === join(src, 'store', 'campaigns.ts') || m.startsWith(join(src, 'campaigns'))).length;
    expect(grouping('commands/list.ts')).toBe(0);
    expect(grouping('store/campaigns.ts')).toBeGreaterThan(1);
  });
});
