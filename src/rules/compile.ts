// Checked rule data → the matchers and indexes intake uses. Nothing here can fail on data that
// read.ts accepted. Shared rules are compiled once; each consultation gets a view (see Rules).
import { TermMatcher, rulesRegExp } from '../text/terms.js';
import { foldText } from '../text/fold.js';
import { LetterIndex } from '../text/letter.js';
import { zonedLocalToInstant } from '../time/zone.js';
import type { Language } from '../intake/types.js';
import { LetterSet } from './letters.js';
import type { ConsultationData, Organisation, RelevanceSignal, RuleData, Rules } from './types.js';

const re = (s: string) => rulesRegExp(s.startsWith('re:') ? s.slice(3) : s);
const DAY = 86_400_000;

type Shared = Omit<Rules, 'consultation' | 'organisations' | 'commitments' | 'relevance' | 'letter' | 'templates'>;
type Own = Pick<Rules, 'consultation' | 'organisations' | 'commitments' | 'relevance' | 'letter' | 'templates'>;

type SignalData = RuleData['signals']['signals'][number];

function compileSignal(s: SignalData, shared: boolean): RelevanceSignal {
  return {
    name: s.name,
    points: s.points,
    where: s.where,
    matcher: new TermMatcher(s.terms),
    unless: new TermMatcher(s.unless ?? []),
    unlessWhere: s.unlessWhere ?? 'text',
    unlessCommitments: s.unlessCommitments === 'any' ? 'any' : s.unlessCommitments === true ? 'clearly' : null,
    onlyWithCommitments: s.onlyWithCommitments === true,
    unlessOwnAddress: s.unlessOwnAddress === true,
    ties: s.ties === true,
    tiesNewsletters: s.tiesNewsletters === true,
    names: s.names === true,
    suspicious: s.suspicious === true,
    correspondence: s.correspondence === true,
    ownSubmission: s.ownSubmission === true,
    shared,
  };
}

/** `sharedSignals`: rules/signals.yaml compiled once, the same objects in every consultation's view. */
function compileConsultation(c: ConsultationData, data: RuleData, sharedSignals: RelevanceSignal[]): Own {
  const { consultation, commitments, relevance, letterText, templates } = c;
  const classIds = [...consultation.commitments.map((x) => x.id), ...consultation.topics.map((t) => t.id)];
  const titles = new Map<string, string>([
    ...consultation.commitments.map((x) => [x.id, x.title] as const),
    ...consultation.topics.map((t) => [t.id, t.title] as const),
  ]);
  // Keep the plan's order whatever the order in the rules file.
  const items = [...commitments.commitments]
    .sort((a, b) => classIds.indexOf(a.id) - classIds.indexOf(b.id))
    .map((x) => ({
      id: x.id,
      title: titles.get(x.id) ?? x.id,
      strong: new TermMatcher(x.strong),
      medium: new TermMatcher(x.medium),
      weak: new TermMatcher(x.weak),
      exclude: new TermMatcher(x.exclude),
      needs: new TermMatcher(x.needs),
    }));
  const invited = new Set(c.senders.invited);
  const organisations: Organisation[] = [...data.senders.organisations, ...c.senders.organisations].map((o) => ({ ...o, invited: invited.has(o.name) }));
  const deadlineAt = zonedLocalToInstant(consultation.deadline, consultation.timezone);
  return {
    consultation: {
      ...consultation,
      id: c.id,
      deadlineAt,
      closesAt: new Date(deadlineAt.getTime() + consultation.graceDays * DAY),
      classIds,
      senderCategories: data.senders.categories,
    },
    organisations,
    commitments: {
      scoring: commitments.scoring,
      noComments: {
        maxWords: commitments.noComments.maxWords,
        matcher: new TermMatcher(commitments.noComments.terms),
        unless: new TermMatcher(commitments.noComments.unless),
      },
      context: new TermMatcher(commitments.context),
      topicMarkers: new TermMatcher(commitments.topicMarkers),
      paragraphPoints: new TermMatcher(commitments.paragraphPoints),
      items,
    },
    relevance: {
      ...relevance,
      signals: [...relevance.signals.map((s) => compileSignal(s, false)), ...sharedSignals],
    },
    letter: new LetterIndex(letterText),
    templates,
  };
}

/** Checked rule data → matchers and indexes ready for intake: the default consultation's view. */
export function compileRules(dir: string, data: RuleData): Rules {
  const { automatic, ownWords, language } = data;
  const words = new Map<string, Language | 'no'>();
  for (const lang of ['en', 'no', 'nn', 'nb'] as const) {
    for (const w of language.words[lang]) words.set(foldText(w), lang);
  }
  const sharedSignals = data.signals.signals.map((s) => compileSignal(s, true));
  const own = data.consultations.map((c) => compileConsultation(c, data, sharedSignals));
  const register = new Map<string, Organisation>();
  for (const o of own.flatMap((x) => x.organisations)) if (!register.has(o.name)) register.set(o.name, { ...o, invited: false });
  const ownAddresses = [...new Set(own.flatMap((x) => x.consultation.ownAddresses))];
  const consultations: Rules[] = [];
  const shared: Shared = {
    dir,
    register: [...register.values()],
    privateDomains: new Set(data.senders.privateDomains.map((d) => d.toLowerCase())),
    consultations,
    routing: data.routing,
    answersSeveral: new TermMatcher(data.routing.answersSeveral),
    ownAddresses,
    governmentNames: data.signals.governmentNames ? { labels: data.signals.governmentNames.labels, domains: data.signals.governmentNames.domains.map((d) => d.toLowerCase()) } : null,
    unreadableInput: data.signals.unreadableInput ? { maxWords: data.signals.unreadableInput.maxWords, matcher: new TermMatcher(data.signals.unreadableInput.terms) } : null,
    letters: new LetterSet(own.map((x) => ({ id: x.consultation.id, index: x.letter }))),
    automatic: {
      noreplyLocalParts: new TermMatcher(automatic.noreplyLocalParts),
      listLocalParts: new TermMatcher(automatic.listLocalParts),
      bounceBody: new TermMatcher(automatic.bounceBody),
      bounceLocalParts: new TermMatcher(automatic.bounceLocalParts),
      ownReceiptSubjects: new TermMatcher(automatic.ownReceiptSubjects),
      bounceSubjects: new TermMatcher(automatic.bounceSubjects),
      delaySubjects: new TermMatcher(automatic.delaySubjects),
      readReceiptSubjects: new TermMatcher(automatic.readReceiptSubjects),
      recallSubjects: new TermMatcher(automatic.recallSubjects),
      autoReplySubjects: new TermMatcher(automatic.autoReplySubjects),
      outOfOfficeSubjects: new TermMatcher(automatic.outOfOfficeSubjects),
      innsynskravSubjects: new TermMatcher(automatic.innsynskravSubjects),
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
      formulas: ownWords.formulas.map(re),
      inlineAnswers: ownWords.inlineAnswers.map(re),
    },
    language: { default: language.default, minimumPoints: language.minimumPoints, words },
  };
  for (const o of own) consultations.push({ ...shared, ...o });
  return consultations.find((v) => v.consultation.id === data.routing.default)!;
}
