// The shape of every file in rules/, as zod schemas. A mistake is reported with file and line
// by yaml-file.ts; the messages here are written for the caseworker who made it.
import { z } from 'zod';
import { rulesRegExp, termSyntaxError } from '../text/terms.js';

const term = z.string().superRefine((value, ctx) => {
  const problem = termSyntaxError(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const regex = z.string().superRefine((value, ctx) => {
  try {
    rulesRegExp(value.startsWith('re:') ? value.slice(3) : value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
  }
});

const domain = z
  .string()
  .transform((d) => d.trim().toLowerCase())
  .refine((d) => /^(?=.{1,253}$)([a-z0-9æøå](?:[a-z0-9æøå-]{0,61}[a-z0-9æøå])?\.)+[a-z]{2,}$/.test(d), 'not a mail domain (e.g. ks.no)');

const terms = z.array(term);
const id = z.string().regex(/^[a-z0-9-]+$/, 'an id uses only a–z, 0–9 and "-"');

/** The Noark 5 archive export (`export --format arkivmelding`): what the records officer's rules set. */
const archiveSchema = z.strictObject({
  /** The arkivmelding's `system`: who sends it. */
  system: z.string().min(1),
  /** Put in place of a private person's name, e-mail or postal address in offentligTittel. */
  screeningMask: z.string().min(1).regex(/^[^\p{L}\p{N}]+$/u, 'the mask must not contain letters or digits (e.g. *****)'),
  /** Set on a record a caseworker marked as containing personal data. */
  personalData: z.strictObject({
    accessCode: z.string().min(1),
    accessText: z.string().min(1),
    legalBasis: z.string().min(1),
  }),
});

export const consultationSchema = z.strictObject({
  title: z.string().min(1),
  /** The consultation's name in a sentence for people ("innspillsrunden til …"). */
  shortTitle: z.string().min(1),
  /** The consultation's label for caseworkers, in digest subjects ("Innspill … – oversikt"). */
  label: z.string().min(1),
  caseNumber: z.string().regex(/^(\d{2}|\d{4})\/\d+$/, 'a case number is the year (two or four digits), a slash and the sequence number, e.g. 17/1886'),
  /** Record ids: "<idPrefix>-<year>-<number>", or "<year>-<number>" with an empty prefix. */
  idPrefix: z
    .string()
    .regex(/^([a-z][a-z0-9]*(-[a-z0-9]+)*)?$/, 'an id prefix is empty or starts with a letter a–z and uses only a–z, 0–9 and "-" (e.g. pbl)')
    .default(''),
  letterReference: z.string(),
  letterDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD'),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'the deadline is a local time written YYYY-MM-DDTHH:MM:SS (e.g. 2021-05-18T23:59:59)'),
  timezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not a known time zone (e.g. Europe/Oslo)'),
  /** Days after the deadline until the consultation is closed (late replies are still filed). */
  graceDays: z.number().int().min(0).default(14),
  /** Switched off: no longer routed, filed or answered. */
  archived: z.boolean().default(false),
  mailbox: z.email(),
  ministry: z.string(),
  ownAddresses: z.array(z.email()).min(1),
  /** Addresses of this consultation alone (hoering-xyz@…, postmottak+xyz@…). */
  addresses: z.array(z.email()).default([]),
  /** Who gets its digests; empty: INNSPILL_DIGEST_TO. */
  digestTo: z.array(z.email()).default([]),
  /** Its filed folder on the IMAP server (INNSPILL_IMAP_FILED_FOLDER, when set, wins for the default consultation); unset: Innspill/<id>. */
  imapFolder: z.string().min(1).optional(),
  invitationMessageIds: z.array(z.string()),
  /**
   * Subjects the invitation was sent with, besides the title: a delivery report returning a message
   * from one of the ministry's addresses with one of them (or the title) returns the invitation,
   * whatever its Message-ID (a second send-out, a list that rewrote it).
   */
  invitationSubjects: z.array(z.string().min(1)).default([]),
  contact: z.string(),
  commitments: z.array(z.strictObject({ id, title: z.string(), ministry: z.string() })).min(1),
  topics: z.array(z.strictObject({ id, title: z.string() })),
  unclassifiedId: id,
  archive: archiveSchema,
});

const organisation = z.strictObject({
  name: z.string().min(1),
  shortName: z.string().optional(),
  category: id,
  domains: z.array(domain).min(1),
});

/** rules/senders.yaml: the sender categories and the organisations every consultation hears from. */
export const sendersSchema = z.strictObject({
  categories: z.array(z.strictObject({ id, title: z.string() })).min(1),
  organisations: z.array(organisation).min(1),
  /** Mail services where anyone has an address (gmail.com, online.no): a sender there writes as a private person. */
  privateDomains: z.array(domain).default([]),
});

/** consultations/<id>/senders.yaml: whom it invited, and organisations only it hears from. */
export const consultationSendersSchema = z.strictObject({
  invited: z.array(z.string().min(1)).default([]),
  organisations: z.array(organisation).default([]),
});

/** rules/routing.yaml. */
export const routingSchema = z.strictObject({
  default: id,
  contentMargin: z.number().min(0),
  /** Words of a sender who says one mail answers several consultations ("Vi svarer på begge invitasjonene"): held between those its words address. */
  answersSeveral: terms.default([]),
});

const tier = terms.default([]);
export const commitmentsSchema = z.strictObject({
  scoring: z.strictObject({
    threshold: z.number().positive(),
    relativeThreshold: z.number().min(0).max(1),
    weights: z.strictObject({ strong: z.number(), medium: z.number(), weak: z.number() }),
    repeatBonus: z.number().min(0),
    maxRepeatBonus: z.number().min(0),
    maxWeak: z.number().min(0),
    /** A commitment beside the best one needs one of its strong terms: words that only argue for another commitment do not add this one. */
    secondaryNeedsStrong: z.boolean().default(false),
  }),
  /** Phrases that only name what the reply refers to ("viser til brevet om …"): no commitment's term inside one counts. */
  context: terms.default([]),
  /** Phrases right before a commitment's strong term that name it as what the sender comments on ("når det gjelder …", "vi foreslår en …"): it counts beside a longer one. */
  topicMarkers: terms.default([]),
  /** Words that make a paragraph a point the sender argues ("bør", "vi mener", "should"): a commitment whose strong term stands alone in such a paragraph counts beside a longer one. None: the paragraph rule is off. */
  paragraphPoints: terms.default([]),
  noComments: z.strictObject({ maxWords: z.number().int().positive(), unless: terms.default([]), terms }),
  commitments: z
    .array(
      z.strictObject({
        id,
        strong: tier,
        medium: tier,
        weak: tier,
        exclude: tier,
        /** The commitment counts only when the sender's own words also have one of these: the side of a broad matter it is about (digital, in "digital planning and building processes"). */
        needs: tier,
      }),
    )
    .min(1),
});

const aloneStep = z.strictObject({
  minScore: z.number().min(0),
  points: z.number(),
  needs: terms.min(1).optional(),
  /** The step counts only for a sender at one of the private mail services (senders.yaml privateDomains). */
  privateSender: z.literal(true).optional(),
  /** The step counts only for an organisation this consultation invited (its senders.yaml). */
  invitedSender: z.literal(true).optional(),
  /** Sender categories (rules/senders.yaml) the step does not count for. */
  exceptCategories: z.array(z.string().min(1)).min(1).optional(),
  /** Sender categories the step counts only for (`ukjent`: a sender innspill does not know). */
  categories: z.array(z.string().min(1)).min(1).optional(),
});

/** One signal: words that tie a message to a consultation, or say it is other business. */
const signalSchema = z.strictObject({
  name: z.string().min(1),
  points: z.number(),
  where: z.enum(['subject', 'text', 'own'], { message: 'where is one of: subject, text, own' }),
  terms: terms.min(1),
  /** The signal does not count when one of these is found anywhere in the message's text. */
  unless: terms.optional(),
  /**
   * Where `unless` is looked for (default: the whole text): `subject` for a signal about what the
   * subject names; `mail` for the sender's own words in the e-mail alone, not in the attachments
   * (a report sent for information: what it recommends is the report's, not a proposal to us).
   */
  unlessWhere: z.enum(['subject', 'text', 'own', 'mail'], { message: 'unlessWhere is one of: subject, text, own, mail' }).optional(),
  /**
   * The signal does not count when the sender's own words are about one of the consultation's
   * commitments: `true` when clearly about one (commitmentWords.minScore), `any` when one is found
   * in them at all (a generic "høringssvar" subject over words on one of the hearing's proposals).
   */
  unlessCommitments: z.union([z.boolean(), z.literal('any')], { message: 'unlessCommitments is true, false or any' }).optional(),
  /** The signal counts only when a commitment of the consultation is found in the sender's own words (positive points only). */
  onlyWithCommitments: z.boolean().optional(),
  /** The signal does not count when the message was sent to one of the consultation's own addresses (its hearing address, plus addressing). */
  unlessOwnAddress: z.boolean().optional(),
  /** It ties machine mail (lists, noreply senders, reports) to the consultation, as the thread does. */
  ties: z.boolean().optional(),
  /**
   * A tie that holds for newsletters and list mail too: the sender reporting their own input ("vi
   * har levert høringssvar": its lead item), or what only the consultation's own letters carry (its
   * case number, its invitation's subject, returned by a list server). A newsletter that tells of
   * the consultation as news, by its name alone, is not the consultation's.
   */
  tiesNewsletters: z.boolean().optional(),
  /** It names the consultation itself (its case, its law or plan by name): a person's own words
   *  that name two consultations this way are input to both, held for a person (routing). */
  names: z.boolean().optional(),
  /** It marks mail that imitates the ministry or the consultation (phishing). */
  suspicious: z.boolean().optional(),
  /** It marks a person's mail about the consultation that is no input (a question, a request for more time,
   *  word that input will come): never receipted; left in the inbox, or held for a caseworker to answer
   *  when its words are clearly about a commitment. */
  correspondence: z.boolean().optional(),
  /** It marks a person asking after their own input (was it received, the receipt that never came):
   *  the consultation's to see, so never left in the inbox as correspondence; held for a caseworker
   *  to answer, never receipted on this alone — it may mean input went missing. */
  ownSubmission: z.boolean().optional(),
}).superRefine((s, ctx) => {
  // Routing bounds a consultation's relevance by judging it as if every commitment were found: a
  // signal that counted only then and took points away would make that bound too low.
  if (s.onlyWithCommitments === true && s.points <= 0) {
    ctx.addIssue({ code: 'custom', path: ['onlyWithCommitments'], message: 'onlyWithCommitments is for a signal that adds points (points above 0)' });
  }
});

export const relevanceSchema = z.strictObject({
  threshold: z.number(),
  quotedLetter: z.strictObject({ minLines: z.number().int().positive(), points: z.number(), sentencePoints: z.number().optional() }),
  thread: z.strictObject({ points: z.number() }),
  /** Sent to one of the consultation's own addresses (consultation.yaml `addresses`, plus addressing). */
  ownAddress: z.strictObject({ points: z.number() }).default({ points: 0 }),
  invitedSender: z.strictObject({ points: z.number() }),
  commitmentWords: z.strictObject({
    minScore: z.number().min(0),
    points: z.number(),
    /** Commitment words alone (no other signal, none of other business) count this much; a list
     *  gives steps, each adding its points once the score reaches its minScore (and, with `needs`,
     *  only when the sender's own words also have one of those terms). */
    alone: z.union([aloneStep, z.array(aloneStep).min(1)]).optional(),
  }),
  /** Our mailbox is only in Cc (the mail is addressed to someone else) and it is no reply in our thread. */
  copyOnly: z.strictObject({ points: z.number() }).optional(),
  review: z
    .strictObject({
      relevance: z.strictObject({ from: z.number(), to: z.number() }),
      automaticWords: z.number().int().min(0),
      commitmentPoints: z.number().min(0),
      /** Hold a person's new message (outside the invitation's thread, no sentence of the letter
       *  quoted) that is found relevant but in which no commitment is found and which does not say
       *  "ingen merknader": nothing says what it is input on (not when an attachment of the
       *  sender's could not be read: its receipt asks for it again). */
      newWithoutCommitment: z.boolean().default(false),
    })
    .default({ relevance: { from: 0, to: -1 }, automaticWords: 1_000_000, commitmentPoints: -1, newWithoutCommitment: false }),
  signals: z.array(signalSchema),
});

/** rules/signals.yaml (optional): signals every consultation judges by, besides its own (phishing bait, say). */
export const sharedSignalsSchema = z.strictObject({
  signals: z.array(signalSchema),
  /**
   * Words in a person's short note (or the file's name) that say the document they send is input to
   * a hearing or consultation: when innspill cannot read the document, such mail is held for a
   * caseworker instead of being taken for no one's.
   */
  unreadableInput: z.strictObject({ maxWords: z.number().int().min(0), terms: terms.min(1) }).optional(),
  /**
   * The names of the government as domain labels, and the government's own domains: phishing bait
   * from a domain with such a label that is not the government's own imitates the ministry.
   */
  governmentNames: z.strictObject({ labels: z.array(z.string().regex(/^[a-z0-9æøå]{2,}$/, 'a label is lower-case letters and digits')).min(1), domains: z.array(z.string().min(3)).min(1) }).optional(),
});

const bodyRule = z.strictObject({ maxWords: z.number().int().positive(), terms });
export const automaticSchema = z.strictObject({
  noreplyLocalParts: terms,
  /** Local parts of a news service's sender ("nyhetsvarsel", "newsletter"): newsletters without list headers. */
  listLocalParts: terms.default([]),
  /** A delivery system's own words in a report's text: with a bounce or delay subject, a report from any address. */
  bounceBody: terms.default([]),
  bounceLocalParts: terms,
  ownReceiptSubjects: terms,
  bounceSubjects: terms,
  delaySubjects: terms,
  readReceiptSubjects: terms,
  /** Subjects of a mail program's notice that the sender wants a message back ("Tilbakekall: …"). */
  recallSubjects: terms.default([]),
  autoReplySubjects: terms,
  outOfOfficeSubjects: terms,
  outOfOfficeBody: bodyRule,
  /** Subjects of a public-records request sent by a system (eInnsyn): its own kind. */
  innsynskravSubjects: terms.default([]),
  ticketSubjects: terms,
  ticketBody: bodyRule,
});

export const ownWordsSchema = z.strictObject({
  separators: z.strictObject({ reply: z.array(regex), forward: z.array(regex) }),
  headerBlock: z.strictObject({ from: regex, others: z.array(regex).min(1), window: z.number().int().positive() }),
  attribution: z.array(regex),
  forwardSubjects: regex,
  closings: z.array(regex),
  disclaimers: z.array(z.string().min(3)),
  deviceLines: z.array(regex),
  /** Formula sentences campaign detection leaves out when it compares (src/campaigns/words.ts). */
  formulas: z.array(regex).default([]),
  /** The sender's word that the answers stand inline in the quoted mail (src/intake/own-words.ts). */
  inlineAnswers: z.array(regex).default([]),
});

export const languageSchema = z.strictObject({
  default: z.enum(['nb', 'nn', 'en']),
  minimumPoints: z.number().int().min(0),
  words: z.strictObject({ no: z.array(z.string()), nb: z.array(z.string()), nn: z.array(z.string()), en: z.array(z.string()) }),
});
