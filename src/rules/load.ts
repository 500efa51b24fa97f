// Loads rules/ into one compiled, validated Rules object. A mistake in any file stops the load
// with the file and line; nothing runs on half a rule set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlRules, RulesError } from './yaml-file.js';
import {
  automaticSchema,
  commitmentsSchema,
  consultationSchema,
  languageSchema,
  ownWordsSchema,
  relevanceSchema,
  sendersSchema,
} from './schema.js';
import { TermMatcher, foldText, rulesRegExp } from './terms.js';
import { LetterIndex } from './letter.js';
import { loadReceiptTemplates, type ReceiptTemplates } from './templates.js';
import { cachedRuleData, storeRuleData } from './cache.js';
import { zonedLocalToInstant } from '../intake/time.js';
import type { Language } from '../intake/types.js';

export type ConsultationRules = z.output<typeof consultationSchema> & {
  deadlineAt: Date;
  /** Commitment ids in the plan's order, then the topics. */
  classIds: string[];
};
export type Organisation = z.output<typeof sendersSchema>['organisations'][number];

export interface CommitmentRule {
  id: string;
  title: string;
  strong: TermMatcher;
  medium: TermMatcher;
  weak: TermMatcher;
  exclude: TermMatcher;
}

export interface RelevanceSignal {
  name: string;
  points: number;
  where: 'subject' | 'text' | 'own';
  matcher: TermMatcher;
}

export interface Rules {
  dir: string;
  consultation: ConsultationRules;
  organisations: Organisation[];
  commitments: {
    scoring: z.output<typeof commitmentsSchema>['scoring'];
    noComments: { maxWords: number; matcher: TermMatcher; unless: TermMatcher };
    items: CommitmentRule[];
  };
  relevance: Omit<z.output<typeof relevanceSchema>, 'signals'> & { signals: RelevanceSignal[] };
  automatic: {
    noreplyLocalParts: TermMatcher;
    bounceLocalParts: TermMatcher;
    ownReceiptSubjects: TermMatcher;
    bounceSubjects: TermMatcher;
    delaySubjects: TermMatcher;
    readReceiptSubjects: TermMatcher;
    autoReplySubjects: TermMatcher;
    outOfOfficeSubjects: TermMatcher;
    outOfOfficeBody: { maxWords: number; matcher: TermMatcher };
    ticketSubjects: TermMatcher;
    ticketBody: { maxWords: number; matcher: TermMatcher };
  };
  ownWords: {
    replySeparators: RegExp[];
    forwardSeparators: RegExp[];
    headerFrom: RegExp;
    headerOthers: RegExp[];
    headerWindow: number;
    attribution: RegExp[];
    forwardSubject: RegExp;
    closings: RegExp[];
    disclaimers: string[];
    deviceLines: RegExp[];
  };
  language: { default: Language; minimumPoints: number; words: Map<string, Language | 'no'> };
  letter: LetterIndex;
  templates: ReceiptTemplates;
}

export interface RuleData {
  consultation: z.output<typeof consultationSchema>;
  senders: z.output<typeof sendersSchema>;
  commitments: z.output<typeof commitmentsSchema>;
  relevance: z.output<typeof relevanceSchema>;
  automatic: z.output<typeof automaticSchema>;
  ownWords: z.output<typeof ownWordsSchema>;
  language: z.output<typeof languageSchema>;
  letterText: string;
  templates: ReceiptTemplates;
}

export const RULE_FILES = {
  consultation: 'consultation.yaml',
  senders: 'senders.yaml',
  commitments: 'commitments.yaml',
  relevance: 'relevance.yaml',
  automatic: 'automatic.yaml',
  ownWords: 'own-words.yaml',
  language: 'language.yaml',
  letter: 'invitation-letter.txt',
} as const;

const re = (s: string) => rulesRegExp(s.startsWith('re:') ? s.slice(3) : s);

/** Every rules file, parsed and checked: plain data, as the files say it. */
export function readRuleData(dir: string): RuleData {
  const file = (name: string) => join(dir, name);

  const consultation = readYamlRules(file(RULE_FILES.consultation), file(RULE_FILES.consultation), consultationSchema);
  const classIds = [...consultation.commitments.map((c) => c.id), ...consultation.topics.map((t) => t.id)];
  const categoryIds = new Set(consultation.senderCategories.map((c) => c.id));
  if (!categoryIds.has('ukjent')) {
    throw new RulesError(file(RULE_FILES.consultation), null, null, 'senderCategories must include the category "ukjent" (unknown sender)');
  }

  const senders = readYamlRules(
    file(RULE_FILES.senders),
    file(RULE_FILES.senders),
    sendersSchema.superRefine((v, ctx) => {
      const seen = new Map<string, string>();
      v.organisations.forEach((o, i) => {
        if (!categoryIds.has(o.category)) {
          ctx.addIssue({
            code: 'custom',
            path: ['organisations', i, 'category'],
            message: `unknown category "${o.category}"; the categories are: ${[...categoryIds].join(', ')}`,
          });
        }
        o.domains.forEach((d, j) => {
          const other = seen.get(d);
          if (other) ctx.addIssue({ code: 'custom', path: ['organisations', i, 'domains', j], message: `the domain ${d} is already listed for ${other}` });
          seen.set(d, o.name);
        });
      });
    }),
  );

  const commitments = readYamlRules(
    file(RULE_FILES.commitments),
    file(RULE_FILES.commitments),
    commitmentsSchema.superRefine((v, ctx) => {
      const listed = new Set<string>();
      v.commitments.forEach((c, i) => {
        if (!classIds.includes(c.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['commitments', i, 'id'],
            message: `"${c.id}" is not a commitment or topic in consultation.yaml (${classIds.join(', ')})`,
          });
        }
        if (listed.has(c.id)) ctx.addIssue({ code: 'custom', path: ['commitments', i, 'id'], message: `"${c.id}" is listed twice` });
        listed.add(c.id);
      });
    }),
  );
  const relevance = readYamlRules(file(RULE_FILES.relevance), file(RULE_FILES.relevance), relevanceSchema);
  const automatic = readYamlRules(file(RULE_FILES.automatic), file(RULE_FILES.automatic), automaticSchema);
  const ownWords = readYamlRules(file(RULE_FILES.ownWords), file(RULE_FILES.ownWords), ownWordsSchema);
  const language = readYamlRules(file(RULE_FILES.language), file(RULE_FILES.language), languageSchema);

  let letterText: string;
  try {
    letterText = readFileSync(file(RULE_FILES.letter), 'utf8');
  } catch (err) {
    throw new RulesError(file(RULE_FILES.letter), null, null, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }

  return { consultation, senders, commitments, relevance, automatic, ownWords, language, letterText, templates: loadReceiptTemplates(dir) };
}

/** Rules from a folder: from the cache when no file changed since they were last checked. */
export function loadRules(dir: string): Rules {
  const cached = cachedRuleData(dir);
  if (cached) return compileRules(dir, cached);
  const data = readRuleData(dir);
  storeRuleData(dir, data);
  return compileRules(dir, data);
}

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
      signals: relevance.signals.map((s) => ({ name: s.name, points: s.points, where: s.where, matcher: new TermMatcher(s.terms) })),
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

export { RulesError };
