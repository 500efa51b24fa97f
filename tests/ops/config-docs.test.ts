// The configuration reference agrees with the one schema (VARIABLES in src/config.ts): the
// generated table (docs/config-table.md, and the README section between the config markers)
// and .env.example. After changing VARIABLES: `npm run docs:config`, then paste the table.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VARIABLES, loadConfig } from '../../src/config.js';
import { configTable, envExample } from '../../src/config-reference.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const FIX = 'run `npx tsx scripts/config-docs.ts --write` (npm run docs:config)';

describe('the configuration reference', () => {
  it('has one table row per variable, in the order of VARIABLES, with its default', () => {
    const rows = configTable().trimEnd().split('\n').slice(2);
    expect(rows.map((r) => /^\| `(INNSPILL_[A-Z0-9_]+)`/.exec(r)?.[1])).toEqual(Object.keys(VARIABLES));
    expect(rows.find((r) => r.startsWith('| `INNSPILL_IMAP_PORT`'))).toBe('| `INNSPILL_IMAP_PORT` | `993` | IMAP port. |');
    expect(rows.find((r) => r.startsWith('| `INNSPILL_IMAP_HOST`'))).toMatch(/^\| `INNSPILL_IMAP_HOST` \| \*\(unset\)\* \| /);
  });

  it('docs/config-table.md is the generated table', () => {
    expect(read('docs/config-table.md'), FIX).toBe(configTable());
  });

  it('.env.example lists every variable with its default, commented out, and is the generated file', () => {
    const text = read('.env.example');
    expect(text, FIX).toBe(envExample());
    for (const [name, v] of Object.entries(VARIABLES) as Array<[string, { default?: string }]>) {
      expect(text).toMatch(new RegExp(`^# ${name}=`, 'm'));
      if (v.default !== undefined && /^[\w./:@,+-]*$/.test(v.default)) expect(text).toContain(`# ${name}=${v.default}\n`);
    }
    // every line is a comment or empty: copying it as .env changes nothing
    expect(text.split('\n').every((l) => l === '' || l.startsWith('#'))).toBe(true);
  });

  it('the defaults in .env.example are what innspill uses when nothing is set', () => {
    const uncommented = Object.fromEntries(
      envExample()
        .split('\n')
        .filter((l) => /^# INNSPILL_[A-Z0-9_]+=./.test(l))
        .map((l) => {
          const [name, ...rest] = l.slice(2).split('=');
          return [name!, rest.join('=').replace(/^"(.*)"$/, '$1')];
        }),
    );
    expect(loadConfig(uncommented, '/srv/x')).toEqual(loadConfig({}, '/srv/x'));
  });

  it("README.md's section between <!-- config:start --> and <!-- config:end --> is the generated table", () => {
    const m = /<!-- config:start -->\n([\s\S]*?)<!-- config:end -->/.exec(read('README.md'));
    expect(m, 'README.md has no <!-- config:start --> … <!-- config:end --> section; paste docs/config-table.md between the markers').not.toBeNull();
    expect(m![1], `the README's table is out of date: ${FIX} and paste docs/config-table.md`).toBe(configTable());
  });
});
