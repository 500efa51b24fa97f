// A per-user cache of checked rules. Parsing and checking the YAML costs more than everything
// else `innspill inspect` does for one message; when no rules file has changed since the last
// check, the checked data is read back instead. The key is a hash of every rules file and of
// the code that checks them, so an edit by a caseworker or a new version of innspill is always
// checked afresh. The cache lives in a folder only this user can write; anything odd about it
// and the rules are simply read the slow way.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleData } from './types.js';

/**
 * The code that reads and checks rules: every module of src/rules/ and of src/text/ (term syntax,
 * the expressions' letter class, folding), and the problem codes receipt templates give words for.
 * Any change to one of them makes old cache entries worthless. Folders are listed whole, so a new
 * module there is covered without being named here (tests/rules/cache.test.ts checks the imports).
 */
export function checkerModules(): string[] {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const out: string[] = [];
  for (const folder of ['./', '../text/']) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const name of readdirSync(dir).sort()) if (name.endsWith(ext) && !name.endsWith('.d.ts')) out.push(join(dir, name));
  }
  out.push(fileURLToPath(new URL(`../intake/problems${ext}`, import.meta.url)));
  return out;
}
let checkers: string[] | null = null;
const KEEP = 20;

function cacheDir(): string | null {
  if (process.env['INNSPILL_RULES_CACHE'] === 'off') return null;
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'innspill', 'rules');
}

function key(dir: string): string {
  const h = createHash('sha256');
  for (const f of (checkers ??= checkerModules())) h.update(`${f}:${statSync(f).mtimeMs}\n`);
  hashFolder(h, dir, '');
  return h.digest('hex');
}

/** Every file under the rules folder (consultations' folders too), by name and content, in name order. */
function hashFolder(h: ReturnType<typeof createHash>, dir: string, prefix: string): void {
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) hashFolder(h, dir, rel);
    else if (e.isFile()) h.update(rel).update('\0').update(readFileSync(join(dir, rel))).update('\0');
  }
}

/** Only a folder of our own that nobody else can write is trusted. */
function trusted(path: string): boolean {
  const st = statSync(path);
  return (process.getuid === undefined || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
}

export function cachedRuleData(dir: string): RuleData | null {
  try {
    const folder = cacheDir();
    if (!folder || !trusted(folder)) return null;
    return JSON.parse(readFileSync(join(folder, `${key(dir)}.json`), 'utf8')) as RuleData;
  } catch {
    return null;
  }
}

export function storeRuleData(dir: string, data: RuleData): void {
  try {
    const folder = cacheDir();
    if (!folder) return;
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!trusted(folder)) return;
    const target = join(folder, `${key(dir)}.json`);
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
    renameSync(temp, target);
    // Keep the folder small: the newest entries only.
    const entries = readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(join(folder, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const e of entries.slice(KEEP)) unlinkSync(join(folder, e.n));
  } catch {
    // A cache that cannot be written only costs time.
  }
}
