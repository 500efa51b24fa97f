// Loads rules/ into one compiled, validated Rules object: the checked data from the cache when no
// rules file (and no checking code) changed since the last check, else read and checked afresh.
import { createHash } from 'node:crypto';
import { cachedRuleData, storeRuleData } from './cache.js';
import { compileRules } from './compile.js';
import { readRuleData } from './read.js';
import { loadDigestTemplate } from './digest-template.js';
import { loadReplyTemplates } from './reply-template.js';
import { RulesError } from './yaml-file.js';
import type { Rules } from './types.js';

/** Rules from a folder: from the cache when no file changed since they were last checked. */
export function loadRules(dir: string): Rules {
  const cached = cachedRuleData(dir);
  if (cached) return withDataKey(compileRules(dir, cached), cached);
  const data = readRuleData(dir);
  // The digest's layout is checked with the rules (a mistake stops the start and a reload); the
  // cache key covers its file, so it is checked again whenever it changes.
  loadDigestTemplate(dir);
  loadReplyTemplates(dir);
  storeRuleData(dir, data);
  return withDataKey(compileRules(dir, data), data);
}

/** The rules with the hash of the data they were compiled from (the data as checked, not the files: a file edited after loading does not count). */
function withDataKey(rules: Rules, data: unknown): Rules {
  rules.dataKey = createHash('sha256').update(JSON.stringify(data)).digest('base64url');
  return rules;
}

export { RulesError };
