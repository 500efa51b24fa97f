// Loads rules/ into one compiled, validated Rules object: the checked data from the cache when no
// rules file (and no checking code) changed since the last check, else read and checked afresh.
import { storeRuleData } from './cache.js';
import { rulesFromCache, withDataKey } from './cached.js';
import { compileRules } from './compile.js';
import { readRuleData } from './read.js';
import { loadDigestTemplate } from './digest-template.js';
import { loadReplyTemplates } from './reply-template.js';
import { RulesError } from './yaml-file.js';
import type { Rules } from './types.js';

/** Rules from a folder: from the cache when no file changed since they were last checked. */
export function loadRules(dir: string): Rules {
  const cached = rulesFromCache(dir);
  if (cached) return cached;
  const data = readRuleData(dir);
  // The digest's layout is checked with the rules (a mistake stops the start and a reload); the
  // cache key covers its file, so it is checked again whenever it changes.
  loadDigestTemplate(dir);
  loadReplyTemplates(dir);
  storeRuleData(dir, data);
  return withDataKey(compileRules(dir, data), data);
}

export { RulesError };
