// Stage 9: the language of the sender's own words — bokmål, nynorsk or English — by counting
// words that only one of them uses.
import type { Rules } from '../rules/load.js';
import { foldText, tokenize } from '../rules/terms.js';
import type { Language } from './types.js';

export function detectLanguage(text: string, rules: Rules): Language {
  const points: Record<Language, number> = { nb: 0, nn: 0, en: 0 };
  for (const t of tokenize(foldText(text))) {
    if (t.word.includes('-')) continue;
    const lang = rules.language.words.get(t.word);
    if (lang) points[lang]++;
  }
  const ranked = (Object.entries(points) as Array<[Language, number]>).sort((a, b) => b[1] - a[1]);
  const [best, bestPoints] = ranked[0]!;
  if (bestPoints < rules.language.minimumPoints) return rules.language.default;
  // A tie between the two Norwegian forms goes to the default form.
  if (ranked[1]![1] === bestPoints && best !== rules.language.default && ranked[1]![0] === rules.language.default) return rules.language.default;
  return best;
}
