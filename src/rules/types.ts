// The rule types: what the checked rules files hold (RuleData) and the compiled form intake uses (Rules).
import type { z } from 'zod';
import type {
  automaticSchema,
  commitmentsSchema,
  consultationSchema,
  languageSchema,
  ownWordsSchema,
  relevanceSchema,
  sendersSchema,
} from './schema.js';
import type { TermMatcher } from '../text/terms.js';
import type { LetterIndex } from '../text/letter.js';
import type { Language } from '../intake/types.js';
import type { AttachmentProblemCode } from '../intake/problems.js';

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
  /** Not counted when one of these is in the text. */
  unless: TermMatcher;
  /** Ties machine mail to the consultation. */
  ties: boolean;
  /** Marks an imitation of the ministry or the consultation. */
  suspicious: boolean;
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

export interface ReceiptTemplate {
  subjectPrefix: string;
  text: string;
  html: string;
  /** Words for why an attachment could not be read, by its code (every code), for {{reason}}. */
  reasons?: Record<AttachmentProblemCode, string> | undefined;
}
export type ReceiptTemplates = Record<Language, ReceiptTemplate>;
