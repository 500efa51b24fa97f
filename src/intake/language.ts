// Stage 12 (language): the language of the sender's own words — bokmål, nynorsk or English — by counting
// words: common Norwegian words against English ones, then the words only one written form of
// Norwegian uses.
import type { Rules } from '../rules/types.js';
import { eachToken, foldText } from '../text/fold.js';
import type { IntakeContext } from './context.js';
import type { Language } from './types.js';

/** The language of the sender's own words; when there are none, of the subject and the whole text. */
export function detectLanguage(c: Pick<IntakeContext, 'own' | 'message' | 'rules'>): Language {
  return languageOf(c.own.text.trim().length > 0 ? c.own.text : `${c.message.subject}\n${c.message.text}`, c.rules);
}

function languageOf(text: string, rules: Rules): Language {
  const points = { nb: 0, nn: 0, en: 0, no: 0 };
  eachToken(foldText(text), (word) => {
    if (word.includes('-')) return;
    const lang = rules.language.words.get(word);
    if (lang) points[lang]++;
  });
  const norwegian = points.no + points.nb + points.nn;
  if (Math.max(points.en, norwegian) < rules.language.minimumPoints) return rules.language.default;
  if (points.en > norwegian) return 'en';
  if (points.nn > points.nb) return 'nn';
  if (points.nb > points.nn) return 'nb';
  return rules.language.default === 'en' ? 'nb' : rules.language.default;
}
