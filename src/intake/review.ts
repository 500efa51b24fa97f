// Stage 14 (review): does a person need to look at this message before innspill acts on it? Each decision
// (relevance, automatic mail, commitments) has a margin from its evidence; one that falls in the
// uncertain band set in rules/relevance.yaml (`review`) is marked for review, with a stable code
// and a sentence. A forged sender or a spam flag from the receiving server is marked too.
// While relevance or the receipt is under review the message is held: stored, left in the
// inbox, its receipt neither sent nor dropped. Input that could belong to two consultations is
// input whichever it is: its receipt goes (naming both), and it waits in the inbox for a person
// to say where it is filed.
import type { Rules } from '../rules/types.js';
import type { IntakeContext } from './context.js';
import { forgedSender, spamFlag } from './sender.js';
import { unreadableInput, unreadableInputText } from './unreadable-input.js';
import type { AutomaticKind, ReceiptDecision, RelevanceCode, Review, ReviewCode } from './types.js';

/** Codes that hold the message and its receipt (the other codes only ask a person to check). */
const HOLDING: ReadonlySet<ReviewCode> = new Set<ReviewCode>([
  'relevance-uncertain',
  'input-uncertain',
  'automatic-uncertain',
  'sender-forged',
  'spam-flagged',
  'suspicious',
  'consultation-uncertain',
  'not-input',
]);
const ORDER: readonly ReviewCode[] = [
  'suspicious',
  'consultation-uncertain',
  'not-input',
  'relevance-uncertain',
  'input-uncertain',
  'automatic-uncertain',
  'sender-forged',
  'spam-flagged',
  'commitments-uncertain',
];

export interface ReviewInput {
  isMail: boolean;
  relevance: { relevant: boolean; score: number; suspicious?: boolean; correspondence?: string; reasonCodes?: readonly RelevanceCode[] };
  /** Machine mail, and whether only words (no header, report or address) said so. */
  automatic: { kind: AutomaticKind | null; byWordsOnly: boolean };
  ownWordCount: number;
  /** Scores of the commitments assigned (best first) and of the best one left out. */
  commitments: { assigned: number[]; bestLeftOut: number | null };
  noComments: boolean;
  /** The receiving server's verdict, in words, when it says the From address is forged. */
  forged: string | null;
  /** The spam filter's verdict, in words, when it flagged the message. */
  spam: string | null;
  /** Why it could belong to more than one consultation, in words (routing could not tell). */
  consultations?: string | null;
  /** A person's short note whose document could not be read, that says it is input: what was not read and the word that says so. */
  unreadableInput?: string | null;
  /** One of the sender's own attachments could not be read (its receipt asks for it again). */
  unreadableAttachment?: boolean;
}

export const NO_REVIEW: Review = { needed: false, reasons: [], notes: [] };

export function decideReview(
  c: Pick<IntakeContext, 'message' | 'attachments' | 'relevance' | 'automatic' | 'texts' | 'assigned' | 'noComments' | 'rules' | 'route' | 'sender'>,
): Review {
  if (!c.message.isMail) return NO_REVIEW;
  return reviewOf(
    {
      isMail: true,
      relevance: c.relevance,
      automatic: c.automatic,
      ownWordCount: c.texts.mail.wordCount,
      commitments: { assigned: c.assigned.commitments.map((m) => m.score), bestLeftOut: null },
      noComments: c.noComments,
      forged: forgedSender(c.message.headers),
      spam: spamFlag(c.message.headers),
      consultations: c.route.uncertain !== null && c.relevance.relevant ? (c.route.choice?.reason.text ?? null) : null,
      unreadableInput: unreadableNote(c),
      unreadableAttachment: c.attachments.some((a) => !a.nested && a.problem !== null),
    },
    c.rules,
  );
}

/** A short note over documents that could not be read, that relevance did not take for input: in words. */
function unreadableNote(c: Parameters<typeof unreadableInput>[0]): string | null {
  const u = unreadableInput(c);
  return u ? unreadableInputText(u) : null;
}

export function reviewOf(input: ReviewInput, rules: Rules): Review {
  if (!input.isMail) return NO_REVIEW;
  const band = rules.relevance.review;
  const notes: Review['notes'] = [];
  const margin = input.relevance.score - rules.relevance.threshold;

  // An imitation of the ministry or the consultation: kept for a person to see, never answered.
  if (input.relevance.suspicious === true) {
    notes.push({ code: 'suspicious', text: 'ser ut til å etterligne departementet eller innspillsrunden (mulig svindel); ikke åpne lenker eller vedlegg' });
  }
  // Routing: it could belong to two consultations; a person says which (it is never filed twice).
  if (input.consultations) notes.push({ code: 'consultation-uncertain', text: input.consultations });
  const person = input.automatic.kind === null;
  // A person's mail about the consultation that is no input (a request for more time, word that
  // input will come): a caseworker answers it; a receipt for "your input" would be wrong.
  if (person && input.relevance.relevant && input.relevance.correspondence) {
    notes.push({ code: 'not-input', text: `ser ut til å være en henvendelse om innspillsrunden, ikke et innspill (${input.relevance.correspondence}): svar avsenderen` });
  }
  // A person's document that could not be read, sent as input: a caseworker sees what it is.
  if (input.unreadableInput) {
    notes.push({ code: 'relevance-uncertain', text: `innholdet står i et vedlegg som ikke kunne leses (${input.unreadableInput}): en saksbehandler må se om det er et innspill` });
  }
  // Relevance: a score close to the threshold on either side — unless a question or request with
  // nothing proposed said it is no input (relevance.ts: correspondence), or machine mail that only
  // the thread, the letter or a tie could make the consultation's has none: no close call either.
  const noCloseCall = input.relevance.reasonCodes?.some((code) => code === 'correspondence' || code === 'automatic-outside-thread');
  if (margin >= band.relevance.from && margin <= band.relevance.to && !noCloseCall) {
    notes.push({
      code: 'relevance-uncertain',
      text: `usikkert om meldingen hører til innspillsrunden: ${input.relevance.score} poeng, grensen er ${rules.relevance.threshold}`,
    });
  }
  // Automatic mail known only by its words, with more own words than such replies have, or with
  // own words clearly about a commitment (relevance.ts).
  const aboutCommitment = input.relevance.reasonCodes?.includes('automatic-words-about-commitment') === true;
  if (input.automatic.kind !== null && input.automatic.byWordsOnly && input.relevance.relevant && (input.ownWordCount > band.automaticWords || aboutCommitment)) {
    notes.push({
      code: 'automatic-uncertain',
      text: aboutCommitment
        ? 'tolket som automatisk svar bare ut fra ordene, men teksten handler tydelig om en av forpliktelsene'
        : `tolket som automatisk svar bare ut fra ordene, men teksten har ${input.ownWordCount} ord`,
    });
  }
  // Input on thin ground: a person's new message, neither in the invitation's thread nor quoting
  // its letter, that the consultation's words made relevant but in which no commitment is found
  // and which does not say "ingen merknader". Nothing in it says what it is input on, and mail
  // that only names the consultation (a notice, a question, an offer, bait) looks the same: a
  // caseworker reads it before the sender is thanked. Not when a document of the sender's could
  // not be read: no commitment could be found in it, and the receipt asks for it again at once.
  const anchored = input.relevance.reasonCodes?.some((code) => code === 'thread' || code === 'quoted-letter' || code === 'quoted-letter-sentence') === true;
  if (
    band.newWithoutCommitment &&
    person &&
    input.relevance.relevant &&
    !input.relevance.correspondence &&
    !anchored &&
    !input.noComments &&
    input.unreadableAttachment !== true &&
    input.commitments.assigned.length === 0 &&
    !notes.some((n) => HOLDING.has(n.code))
  ) {
    notes.push({ code: 'input-uncertain', text: 'usikkert om meldingen er et innspill: en ny henvendelse, ikke et svar i invitasjonens tråd, og ingen forpliktelse er funnet i den' });
  }
  const wouldBeInput = person && (input.relevance.relevant || notes.some((n) => n.code === 'relevance-uncertain'));
  if (wouldBeInput && input.forged) notes.push({ code: 'sender-forged', text: `avsenderen er ikke bekreftet: ${input.forged}` });
  if (wouldBeInput && input.spam) notes.push({ code: 'spam-flagged', text: `merket som søppelpost av mottakerserveren: ${input.spam}` });

  // Commitments: the weakest assigned one, or the best one left out, within the band of the threshold.
  if (person && input.relevance.relevant && !input.noComments) {
    const t = rules.commitments.scoring.threshold;
    const weakest = input.commitments.assigned.at(-1);
    const near = (s: number) => Math.abs(s - t) <= band.commitmentPoints;
    if (weakest !== undefined && near(weakest)) {
      notes.push({ code: 'commitments-uncertain', text: `en forpliktelse er satt på svakt grunnlag (${weakest} poeng, grensen er ${t})` });
    } else if (input.commitments.bestLeftOut !== null && near(input.commitments.bestLeftOut)) {
      notes.push({ code: 'commitments-uncertain', text: `en forpliktelse er nesten funnet (${input.commitments.bestLeftOut} poeng, grensen er ${t})` });
    }
  }
  const reasons = ORDER.filter((code) => notes.some((n) => n.code === code));
  return { needed: reasons.length > 0, reasons, notes: reasons.map((code) => notes.find((n) => n.code === code)!) };
}

/** The message is held: stored, left in the inbox until a person decides. */
export function reviewHoldsMessage(review: Review | undefined): boolean {
  return review?.reasons.some((r) => HOLDING.has(r)) === true;
}

/**
 * Its receipt is held, neither sent nor dropped: relevance or the receipt itself is under review.
 * Which consultation input belongs to is not (a receipt is due either way): `consultation-uncertain`
 * alone keeps the message in the inbox and lets the receipt go.
 */
export function reviewHoldsReceipt(review: Review | undefined): boolean {
  return review?.reasons.some((r) => HOLDING.has(r) && r !== 'consultation-uncertain') === true;
}

/** The receipt decision while the message is held. */
export function heldReceipt(review: Review, decided: ReceiptDecision): ReceiptDecision {
  if (!reviewHoldsReceipt(review)) return decided;
  const why = review.notes.filter((n) => HOLDING.has(n.code) && n.code !== 'consultation-uncertain').map((n) => n.text).join('; ');
  return { send: false, code: 'held-for-review', reason: `kvitteringen holdes tilbake til en saksbehandler har vurdert meldingen (${why})` };
}
