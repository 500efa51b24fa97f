// Stage 12 (language): the language of the sender's own words — bokmål, nynorsk or English — by counting
// words: common Norwegian words against English ones, then the words only one written form of
// Norwegian uses.
import type { Rules } from '../rules/types.js';
import { eachToken, foldText } from '../text/fold.js';
import type { IntakeContext } from './context.js';
import type { Language } from './types.js';

/**
 * The language of the sender's own words. When the mail's own words say too little ("Sjå
 * vedlegg."), the attachments' own words are counted with them: the input is in those. When there
 * are no own words at all, the subject and the whole text.
 */
export function detectLanguage(c: Pick<IntakeContext, 'own' | 'texts' | 'message' | 'rules'>): Language {
  if (c.own.text.trim().length === 0) return languageOf(`${c.message.subject}\n${c.message.text}`, c.rules) ?? c.rules.language.default;
  const documents = c.texts.segments.slice(1).map((s) => s.text.original);
  const inMail = languageOf(c.own.text, c.rules);
  if (inMail !== null || documents.length === 0) return inMail ?? c.rules.language.default;
  return languageOf([c.own.text, ...documents].join('\n'), c.rules) ?? c.rules.language.default;
}

/** The language a text's words show, or null when they are too few to tell. */
function languageOf(text: string, rules: Rules): Language | null {
  const points = { nb: 0, nn: 0, en: 0, no: 0 };
  eachToken(foldText(text), (word) => {
    if (word.includes('-')) return;
    const lang = rules.language.words.get(word);
    if (lang) points[lang]++;
  });
  const norwegian = points.no + points.nb + points.nn;
  if (Math.max(points.en, norwegian) < rules.language.minimumPoints) return null;
  if (points.en > norwegian) return 'en';
  if (points.nn > points.nb) return 'nn';
  if (points.nb > points.nn) return 'nb';
  return rules.language.default === 'en' ? 'nb' : rules.language.default;
}
