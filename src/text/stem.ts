// Norwegian stemming from `natural`, loaded by its file path. The package's main entry costs
// 1.2 s, pulls in database drivers and prints dotenv lines to stdout; this file alone costs ~20 ms.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const stemmer = require('natural/lib/natural/stemmers/porter_stemmer_no.js') as { stem(word: string): string };

const cache = new Map<string, string>();

/** The Norwegian stem of one lower-case word (memoised; the rule vocabulary is small and repeats). */
export function stemNo(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}
