// Input whose content could not be read: a short note over documents that are all unreadable
// (scanned, encrypted, damaged, an old format), that says it is input or comes from an invited
// organisation. Relevance (stage 11) files it as input when nothing is left to doubt but what the
// document says; review (stage 15) holds the rest for a caseworker. Both ask here, so the two never
// disagree about what counts.
import type { IntakeContext } from './context.js';
import { fileNameTexts, subjectText } from './message-texts.js';

/** The lowest relevance score at which an unknown sender's unreadable document may still be input. */
const UNREADABLE_FLOOR = -3;

export interface UnreadableInput {
  /** The first of the sender's own documents: its name and why it could not be read. */
  file: string;
  problem: string;
  /** The words that say it is input ("Høringssvar", "vedlagt innspill"), as a snippet; null when none do. */
  said: string | null;
  /** The organisation that sent it, when it is on one or more consultations' lists of invited. */
  organisation: string | null;
  /** The consultations (their ids and titles) the sending organisation is invited to. */
  invitedTo: Array<{ id: string; title: string }>;
}

type Context = Pick<IntakeContext, 'message' | 'attachments' | 'automatic' | 'texts' | 'rules' | 'sender'> & {
  relevance: { relevant: boolean; score: number; suspicious?: boolean };
};

/**
 * A person's short note ("Datteren min har skannet brevet mitt om høringen") whose every document
 * could not be read, and whose note, subject or file name says it is input to a hearing or
 * consultation (rules/signals.yaml `unreadableInput`), or who writes for an organisation invited to
 * one of the consultations ("Vedlagt skannet brev fra styret"; "Høringssvar fra BNL" over a
 * damaged PDF, whose subject alone cannot say which hearing): nothing else can tell what it is, so
 * it is not taken for no one's. null when the message is anything else, or already relevant.
 */
export function unreadableInput(c: Context): UnreadableInput | null {
  const rule = c.rules.unreadableInput;
  if (!rule || !c.message.isMail || c.automatic.kind !== null || c.relevance.relevant || c.relevance.suspicious === true) return null;
  const organisation = c.sender.sender.organisation;
  const invitedTo = organisation === null ? [] : c.rules.consultations.filter((v) => v.organisations.some((o) => o.name === organisation && o.invited));
  // Other business named (another hearing's law or case, a copy for information) takes more than a
  // bare "Høringssvar" as the subject does (which cannot say which hearing, −3): that alone keeps
  // an unknown sender's unreadable hearing reply in question, not out of it.
  if (c.relevance.score < UNREADABLE_FLOOR && invitedTo.length === 0) return null;
  const own = c.attachments.filter((a) => !a.nested);
  if (own.length === 0 || own.some((a) => a.problem === null) || c.texts.mail.wordCount > rule.maxWords) return null;
  const said = rule.matcher.first([subjectText(c.message), c.texts.mail, ...fileNameTexts(c.message)]);
  if (!said && invitedTo.length === 0) return null;
  const file = own[0]!;
  return {
    file: file.filename || 'vedlegg uten navn',
    problem: file.problem ?? 'kunne ikke leses',
    said: said ? said.text.snippet(said.hit.start, said.hit.end, 60) : null,
    organisation,
    invitedTo: invitedTo.map((v) => ({ id: v.consultation.id, title: v.consultation.title })),
  };
}

/** In words: the file, why, and the word or the invitation. */
export function unreadableInputText(u: UnreadableInput): string {
  const why = u.said !== null ? `avsenderen skriver «${u.said}»` : `${u.organisation} er invitert til ${u.invitedTo.map((v) => v.title).join(' og ')}`;
  return `«${u.file}»: ${u.problem}; ${why}`;
}

/**
 * Whether such a note is input to this consultation beyond doubt: it says so in words, and its
 * organisation is invited to this consultation and to no other innspill knows — the one thing a
 * caseworker would have to find out is what the document says, and the receipt asks the sender
 * for it again at once. An unknown sender's, or one invited to several, is held (review.ts).
 */
export function unreadableInputIsThis(u: UnreadableInput, consultationId: string): boolean {
  return u.said !== null && u.invitedTo.length === 1 && u.invitedTo[0]!.id === consultationId;
}
