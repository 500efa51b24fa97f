// The project's own rules, loaded once per test file.
import { fileURLToPath } from 'node:url';
import { loadRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/types.js';

export const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
let cached: Rules | null = null;
export function projectRules(): Rules {
  cached ??= loadRules(rulesDir);
  return cached;
}

/** The OGP 4B consultation's folder, relative to rules/ (its commitments, relevance, letter, templates). */
export const OGP = 'consultations/ogp-4b';
