// The CLI's start: before a command is chosen only commander is loaded (issue 17). The settings'
// checks (zod), the rules and the store cost a tenth of a second or more to import, and
// `--version`, `--help` and a mistyped option need none of them; each command imports its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = readFileSync(new URL('../../src/cli.ts', import.meta.url), 'utf8');

/** The modules src/cli.ts imports when it is loaded: every static import that is not `import type`. */
function loadedAtStart(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^'";]*?from\s+'([^']+)';/gms)) if (!m[1]) found.push(m[2]!);
  return found;
}

describe('CLI start', () => {
  it('imports only node:fs and commander before a command runs', () => {
    expect(loadedAtStart(source).sort()).toEqual(['commander', 'node:fs']);
  });

  it('reads the settings and the rules inside the commands, by dynamic import', () => {
    expect(source).toContain("await import('./config.js')");
    expect(source).toContain("await import('./rules/load.js')");
  });

  it('gives the readers their settings and cached rules without the checks (tests/store/reader-config.test.ts)', () => {
    expect(source).toContain("await import('./reader-config.js')");
    expect(source).toContain("await import('./rules/cached.js')");
  });

  it('finds a module imported at the top (the check can fail)', () => {
    expect(loadedAtStart("import { z } from 'zod';\nimport type { A } from './a.js';\n")).toEqual(['zod']);
  });
});
