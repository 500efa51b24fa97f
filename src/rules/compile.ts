// Checked rule data → the matchers and indexes intake uses. Nothing here can fail on data that
// read.ts accepted.
import { TermMatcher, rulesRegExp } from '../text/terms.js';
import { foldText } from '../text/fold.js';
import { LetterIndex } from '../text/letter.js';
import { zonedLocalToInstant } from '../time/zone.js';
import type { Language } from '../intake/types.js';
import type { RuleData, Rules } from './types.js';

const re = (s: string) => rulesRegExp(s.startsWith('re:') ? s.slice(3) : s);

/** Checked rule data → matchers and indexes ready for intake. */
export function compileRules(dir: string, data: RuleData): Rules {
  const { consultation, senders, commitments, relevance, automatic, ownWords, language, letterText, templates } = data;
  const classIds = [...consultation.commitments.map((c) => c.id), ...consultation.topics.map((t) => t.id)];
  const titles = new Map<string, string>([
    ...consultation.commitments.map((c) => [c.id, c.title] as const),
    ...consultation.topics.map((t) => [t.id, t.title] as const),
  ]);
  // Keep the plan's order whatever the order in the rules file.
  const items = [...commitments.commitments]
    .sort((a, b) => classIds.indexOf(a.id) - classIds.indexOf(b.id))
    .map((c) => ({
      id: c.id,
      title: titles.get(c.id) ?? c.id,
      strong: new TermMatcher(c.strong),
      medium: new TermMatcher(c.medium),
      weak: new TermMatcher(c.weak),
      exclude: new TermMatcher(c.exclude),
    }));

  const words = new Map<string, Language | 'no'>();
  for (const lang of ['en', 'no', 'nn', 'nb'] as const) {
    for (const w of language.words[lang]) words.set(foldText(w), lang);
  }

  return {
    dir,
    consultation: {
      ...consultation,
      deadlineAt: zonedLocalToInstant(consultation.deadline, consultation.timezone),
      classIds,
    },
    organisations: senders.organisations,
    commitments: {
      scoring: commitments.scoring,
      noComments: {
        maxWords: commitments.noComments.maxWords,
        matcher: new TermMatcher(commitments.noComments.terms),
        unless: new TermMatcher(commitments.noComments.unless),
      },
      items,
    },
    relevance: {
      ...relevance,
      signals: relevance.signals.map((s) => ({
        name: s.name,
        points: s.points,
        where: s.where,
        matcher: new TermMatcher(s.terms),
        unless: new TermMatcher(s.unless ?? []),
        ties: s.ties === true,
        suspicious: s.suspicious === true,
      })),
    },
    automatic: {
      noreplyLocalParts: new TermMatcher(automatic.noreplyLocalParts),
      bounceLocalParts: new TermMatcher(automatic.bounceLocalParts),
      ownReceiptSubjects: new TermMatcher(automatic.ownReceiptSubjects),
      bounceSubjects: new TermMatcher(automatic.bounceSubjects),
      delaySubjects: new TermMatcher(automatic.delaySubjects),
      readReceiptSubjects: new TermMatcher(automatic.readReceiptSubjects),
      autoReplySubjects: new TermMatcher(automatic.autoReplySubjects),
      outOfOfficeSubjects: new TermMatcher(automatic.outOfOfficeSubjects),
      outOfOfficeBody: { maxWords: automatic.outOfOfficeBody.maxWords, matcher: new TermMatcher(automatic.outOfOfficeBody.terms) },
      ticketSubjects: new TermMatcher(automatic.ticketSubjects),
      ticketBody: { maxWords: automatic.ticketBody.maxWords, matcher: new TermMatcher(automatic.ticketBody.terms) },
    },
    ownWords: {
      replySeparators: ownWords.separators.reply.map(re),
      forwardSeparators: ownWords.separators.forward.map(re),
      headerFrom: re(ownWords.headerBlock.from),
      headerOthers: ownWords.headerBlock.others.map(re),
      headerWindow: ownWords.headerBlock.window,
      attribution: ownWords.attribution.map(re),
      forwardSubject: re(ownWords.forwardSubjects),
      closings: ownWords.closings.map(re),
      disclaimers: ownWords.disclaimers.map((d) => d.toLowerCase()),
      deviceLines: ownWords.deviceLines.map(re),
    },
    language: { default: language.default, minimumPoints: language.minimumPoints, words },
    letter: new LetterIndex(letterText),
    templates,
  };
}
