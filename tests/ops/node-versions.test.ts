// The Node versions the README promises (22 and 24; 20.19 still works) fit package.json's
// `engines` and every package `npm ci` installs, so `npm ci` warns about no engine on any of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } | string[] }> };

/** The lowest release of each line the README promises, and one later release of each. */
const PROMISED = ['20.19.0', '20.20.2', '22.12.0', '22.23.3', '24.0.0', '24.21.0'];

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/\.x/g, '').split('.').map((n) => Number(n));
  return [a, b, c];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The subset of npm's range syntax that engines fields use: ||, spaces, ^ ~ >= > <= < = and *. */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter(Boolean);
    return comparators.every((c) => {
      if (c === '*' || c === 'x') return true;
      const m = /^(>=|<=|>|<|=|\^|~)?v?(\d+(?:\.(?:\d+|x))*(?:\.(?:\d+|x))?)$/.exec(c);
      if (!m) throw new Error(`range not understood: ${range}`);
      const [, op = '=', text] = m;
      const w = parse(text!);
      const parts = text!.split('.').filter((p) => p !== 'x').length;
      const cmp = compare(v, w);
      switch (op) {
        case '>=':
          return cmp >= 0;
        case '>':
          return cmp > 0;
        case '<=':
          return cmp <= 0;
        case '<':
          return cmp < 0;
        case '^':
          return cmp >= 0 && (w[0] > 0 ? v[0] === w[0] : w[1] > 0 ? v[0] === 0 && v[1] === w[1] : compare(v, [0, 0, w[2] + 1]) < 0);
        case '~':
          return cmp >= 0 && v[0] === w[0] && (parts < 2 || v[1] === w[1]);
        default:
          return v[0] === w[0] && (parts < 2 || v[1] === w[1]) && (parts < 3 || v[2] === w[2]);
      }
    });
  });
}

describe('the Node versions innspill promises', () => {
  it('reads npm ranges as npm does (for the forms engines fields use)', () => {
    expect(satisfies('22.0.0', '>=20.16.0 <21 || >=22.3.0')).toBe(false);
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('24.0.0', '^22 || ^24 || >=26')).toBe(true);
    expect(satisfies('20.19.0', '>= 10.x')).toBe(true);
    expect(satisfies('20.16.0', '^20.19.0 || >=22.12.0')).toBe(false);
  });

  it('package.json promises 22.12+ and 24 (and keeps 20.19+ working)', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0 || >=24');
    for (const v of PROMISED) expect(satisfies(v, pkg.engines.node), v).toBe(true);
    expect(satisfies('20.16.0', pkg.engines.node)).toBe(false);
    expect(read('README.md')).toContain('Node.js 22 (≥ 22.12) or 24 is required');
  });

  it('every package npm ci installs accepts every promised version, so npm ci warns about no engine', () => {
    const refusals: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
      if (!path || p.optional || !range) continue;
      for (const v of PROMISED) if (!satisfies(v, range)) refusals.push(`${path}@${p.version} wants node ${range}, not ${v}`);
    }
    expect(refusals).toEqual([]);
  });
});
