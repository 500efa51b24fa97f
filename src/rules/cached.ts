// Rules from the cache of checked rule data (cache.ts), compiled: what every command gets when no
// rules file changed since the rules were last checked. Nothing here imports the checks (zod, the
// YAML reader, Mustache): a command that finds the rules in the cache never loads them (issue 17).
// load.ts reads and checks the rules on a miss.
import { createHash } from 'node:crypto';
import { cachedRuleData } from './cache.js';
import { compileRules } from './compile.js';
import type { RuleData, Rules } from './types.js';

/** The rules of `dir` from the cache, or null when they are not there (then loadRules() in load.ts). */
export function rulesFromCache(dir: string): Rules | null {
  const cached = cachedRuleData(dir);
  return cached ? withDataKey(compileRules(dir, cached), cached) : null;
}

/** The rules with the hash of the data they were compiled from (the data as checked, not the files: a file edited after loading does not count). */
export function withDataKey(rules: Rules, data: RuleData): Rules {
  rules.dataKey = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
  rules.data = data;
  return rules;
}
