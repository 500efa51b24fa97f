// What detection needs of a message, from what intake found (a Submission) or from a filed record
// (whose attachment texts the caller reads). Pure: the letters come with the rules.
import type { LetterSet } from '../rules/letters.js';
import { reviewHoldsMessage } from '../intake/review.js';
import type { Review } from '../intake/types.js';
import { demandKeys, titleNames } from './names.js';
import { entryKey, mostlyLetter, type EntryAttachment, type EntryInput } from './entry.js';

/** An attachment's text less the lines of an invitation letter (the sender's own words in it). */
export function attachmentOwnText(text: string, letters: LetterSet): string {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0 && !letters.contains(line))
    .join('\n');
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** The parts of a submission or record that detection reads. */
export interface MessageFacts {
  consultation?: { id: string } | null;
  from: { address: string } | null;
  sender: { organisation: string | null };
  relevant: boolean;
  automatic: boolean;
  ownWords: string;
  /** The subject (a campaign's members often keep the one the organisation suggested). */
  subject?: string;
  /** Says only "ingen merknader": never text-linked, however many say it. */
  noComments?: boolean;
  review?: Review;
}

function keyParts(m: MessageFacts, at: { readable: boolean; defaultConsultation: string }) {
  return {
    consultation: m.consultation?.id ?? at.defaultConsultation,
    from: m.from?.address ?? null,
    organisation: m.sender.organisation,
    submission: (m.relevant || reviewHoldsMessage(m.review)) && !m.automatic && at.readable,
    noComments: m.noComments === true,
  };
}

/** The entry key of a message (see entryKey), without reading its attachments' texts. */
export function keyOf(m: MessageFacts, at: { readable: boolean; defaultConsultation: string }, attachments: Array<{ sha256: string }>): string {
  return entryKey({ ...keyParts(m, at), ownWords: m.ownWords, attachments: attachments.map((a) => a.sha256) });
}

/**
 * An entry's input. `readable`: the message was read as mail. `attachments`: each with the text read
 * from it ('' when none) and whether it could be read. The text compared is the sender's own words
 * in the mail and in the attachments (letter lines removed), as the commitments are found from.
 * A message takes part when it is a person's readable mail that is filed as input: relevant, or
 * held for a person to decide whether it is (a campaign is a good reason to look).
 */
export function entryInputOf(
  m: MessageFacts,
  at: { id: string; seq: number; readable: boolean; defaultConsultation: string },
  attachments: Array<{ sha256: string; detectedType: string; text: string; problem: string | null }>,
  letters: LetterSet,
  formulas: readonly RegExp[] = [],
): EntryInput {
  const texts = attachments.map((a) => attachmentOwnText(a.text, letters));
  const files: EntryAttachment[] = attachments.map((a, i) => ({
    sha256: a.sha256,
    detectedType: a.detectedType,
    readable: a.problem === null && a.text.length > 0,
    ownWords: wordCount(texts[i]!),
    words: wordCount(a.text),
    titles: titleNames(texts[i]!),
    demands: demandKeys(texts[i]!),
  }));
  // The letter sent back says nothing of the sender's: what is left of it is not compared either.
  const own = texts.filter((_, i) => !mostlyLetter(files[i]!));
  return {
    id: at.id,
    seq: at.seq,
    ...keyParts(m, at),
    ownWords: [m.ownWords, ...own].filter((t) => t.trim().length > 0).join('\n\n'),
    mailWords: m.ownWords,
    ...(m.subject !== undefined ? { subject: m.subject } : {}),
    ...(formulas.length > 0 ? { formulas } : {}),
    attachments: files,
    key: keyOf(m, at, attachments),
  };
}
