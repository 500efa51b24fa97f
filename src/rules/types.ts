// The rule types: what the checked rules files hold (RuleData) and the compiled form intake uses (Rules).
import type { z } from 'zod';
import type {
  automaticSchema,
  commitmentsSchema,
  consultationSchema,
  consultationSendersSchema,
  languageSchema,
  ownWordsSchema,
  relevanceSchema,
  routingSchema,
  sharedSignalsSchema,
  sendersSchema,
} from './schema.js';
import type { TermMatcher } from '../text/terms.js';
import type { LetterIndex } from '../text/letter.js';
import type { LetterSet } from './letters.js';
import type { Language } from '../intake/types.js';
import type { AttachmentProblemCode } from '../intake/problems.js';

export type ConsultationRules = z.output<typeof consultationSchema> & {
  /** The consultation's id: the name of its folder under rules/consultations/. */
  id: string;
  deadlineAt: Date;
  /** The deadline plus the grace days: after it the consultation is closed (late replies still filed). */
  closesAt: Date;
  /** Commitment ids in the plan's order, then the topics. */
  classIds: string[];
  /** The sender categories (shared, rules/senders.yaml). */
  senderCategories: Array<{ id: string; title: string }>;
};
export type Organisation = z.output<typeof sendersSchema>['organisations'][number] & {
  /** On this consultation's list of invited organisations. */
  invited: boolean;
};

export interface CommitmentRule {
  id: string;
  title: string;
  strong: TermMatcher;
  medium: TermMatcher;
  weak: TermMatcher;
  exclude: TermMatcher;
  /** Assigned only when one of these is in the sender's own words too (empty: no such condition). */
  needs: TermMatcher;
}

export interface RelevanceSignal {
  name: string;
  points: number;
  where: 'subject' | 'text' | 'own';
  matcher: TermMatcher;
  /** Not counted when one of these is in the text (`unlessWhere`: the subject, the whole text, the sender's own words, or those in the e-mail alone). */
  unless: TermMatcher;
  unlessWhere: 'subject' | 'text' | 'own' | 'mail';
  /** Not counted when the sender's own words are clearly about one of the consultation's commitments (`clearly`), or address one at all (`any`). */
  unlessCommitments: 'clearly' | 'any' | null;
  /** Counted only when one of the consultation's commitments is found in the sender's own words. */
  onlyWithCommitments: boolean;
  /** Not counted when the message was sent to one of the consultation's own addresses. */
  unlessOwnAddress: boolean;
  /** Ties machine mail to the consultation. */
  ties: boolean;
  /** A tie that holds for newsletters and list mail too (see schema). */
  tiesNewsletters: boolean;
  /** Names the consultation itself (its case, its law or plan by name). */
  names: boolean;
  /** Marks an imitation of the ministry or the consultation. */
  suspicious: boolean;
  /** Marks a person's mail about the consultation that is no input: left in the inbox, or held when clearly about a commitment. */
  correspondence: boolean;
  /** Marks a person asking after their own input: held for a caseworker, never left in the inbox. */
  ownSubmission: boolean;
  /** From rules/signals.yaml: the same signal in every consultation. */
  shared: boolean;
}

/**
 * The rules as intake and everything after it use them: the shared rules, and one consultation's
 * (a "view"). Every consultation's view is in `consultations`; `rulesFor` picks one. The view
 * loadRules returns is the default consultation's, so code that knows one consultation works
 * unchanged with a folder of one.
 */
export interface Rules {
  dir: string;
  /**
   * A hash of the checked rule data these rules were compiled from (set by loadRules): reclassify
   * knows by it which records were classified by these very rules. Unset: assume they differ.
   */
  dataKey?: string;
  /** The checked rule data `dataKey` is the hash of (set with it): reclassify keeps it in the store to compare later rules with. */
  data?: RuleData;
  consultation: ConsultationRules;
  /** This consultation's organisations (the shared register and its own), `invited` by its list. */
  organisations: Organisation[];
  /** Every organisation known (shared and every consultation's own), for telling who sent a message. */
  register: Organisation[];
  /** The private mail services' domains (rules/senders.yaml privateDomains), lower case. */
  privateDomains: ReadonlySet<string>;
  /** Every consultation's view, in the order of their folders (archived ones included). */
  consultations: Rules[];
  routing: z.output<typeof routingSchema>;
  /** routing.yaml's answersSeveral, compiled. */
  answersSeveral: TermMatcher;
  /** Every consultation's own addresses together (the ministry's mailboxes). */
  ownAddresses: string[];
  /** A person's short note sending a document innspill could not read, that says it is input (rules/signals.yaml); null: none. */
  unreadableInput: { maxWords: number; matcher: TermMatcher } | null;
  /** Government names as domain labels and the government's own domains (rules/signals.yaml); null: none. */
  governmentNames: { labels: string[]; domains: string[] } | null;
  /** Every consultation's letter, to remove quoted letter lines whichever was quoted. */
  letters: LetterSet;
  commitments: {
    scoring: z.output<typeof commitmentsSchema>['scoring'];
    noComments: { maxWords: number; matcher: TermMatcher; unless: TermMatcher };
    /** Phrases that only name what the reply refers to: no commitment's term inside one counts. */
    context: TermMatcher;
    /** Phrases right before a strong term that name that commitment as what the sender comments on. */
    topicMarkers: TermMatcher;
    /** Words that make a paragraph a point the sender argues: a strong term alone in it counts beside a longer one. */
    paragraphPoints: TermMatcher;
    items: CommitmentRule[];
  };
  relevance: Omit<z.output<typeof relevanceSchema>, 'signals'> & { signals: RelevanceSignal[] };
  automatic: {
    noreplyLocalParts: TermMatcher;
    listLocalParts: TermMatcher;
    bounceBody: TermMatcher;
    bounceLocalParts: TermMatcher;
    ownReceiptSubjects: TermMatcher;
    bounceSubjects: TermMatcher;
    delaySubjects: TermMatcher;
    readReceiptSubjects: TermMatcher;
    recallSubjects: TermMatcher;
    autoReplySubjects: TermMatcher;
    outOfOfficeSubjects: TermMatcher;
    outOfOfficeBody: { maxWords: number; matcher: TermMatcher };
    innsynskravSubjects: TermMatcher;
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
    /** Formula sentences ("Vi viser til invitasjonen …") campaign detection leaves out. */
    formulas: RegExp[];
    /** The sender's word that the answers stand inline in the quoted mail ("kommentarene står inne i teksten"). */
    inlineAnswers: RegExp[];
  };
  language: { default: Language; minimumPoints: number; words: Map<string, Language | 'no'> };
  letter: LetterIndex;
  templates: ReceiptTemplates;
}

/** One consultation's folder, checked. */
export interface ConsultationData {
  id: string;
  consultation: z.output<typeof consultationSchema>;
  senders: z.output<typeof consultationSendersSchema>;
  commitments: z.output<typeof commitmentsSchema>;
  relevance: z.output<typeof relevanceSchema>;
  letterText: string;
  templates: ReceiptTemplates;
}

export interface RuleData {
  senders: z.output<typeof sendersSchema>;
  automatic: z.output<typeof automaticSchema>;
  ownWords: z.output<typeof ownWordsSchema>;
  language: z.output<typeof languageSchema>;
  routing: z.output<typeof routingSchema>;
  /** Signals every consultation judges by, besides its own (rules/signals.yaml). */
  signals: z.output<typeof sharedSignalsSchema>;
  consultations: ConsultationData[];
}

export interface ReceiptTemplate {
  subjectPrefix: string;
  text: string;
  html: string;
  /** Words for why an attachment could not be read, by its code (every code), for {{reason}}. */
  reasons?: Record<AttachmentProblemCode, string> | undefined;
  /** The consultation's name in a sentence, in this language: how another consultation's receipt names it ({{otherName}}). */
  consultationName?: string | undefined;
}
export type ReceiptTemplates = Record<Language, ReceiptTemplate>;
