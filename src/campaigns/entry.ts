// One message as campaign detection sees it (an entry): its own words' shingle signature and the
// documents it carries. Made from what intake found; pure.
import { THRESHOLDS } from './group.js';
import { signatureOf } from './minhash.js';
import { declaredNames, mayNameCampaign, phraseKeys, quotedNames } from './names.js';
import type { CampaignEntry } from './types.js';
import { comparableWords, hash32, shingles, withoutFormulas } from './words.js';

/** Attachment types that are documents a sender writes (images and archives are not compared). */
const DOCUMENT_TYPES = new Set(['pdf', 'docx', 'odt', 'doc', 'rtf', 'text']);
/**
 * A document counts when at least this many of its words are the sender's (not the invitation
 * letter's) … A petition of two lines sent as a PDF by many ("Opprop: … Vi krever at …") is one.
 */
const MIN_DOCUMENT_WORDS = 10;
/**
 * … and at least this share of them: a document that is mostly the invitation letter is the
 * letter sent back (what is left of it is furniture the letter's text lacks: addresses, a stamp),
 * neither a document of the sender's nor words to compare.
 */
export const MIN_DOCUMENT_OWN_SHARE = 0.5;

export interface EntryAttachment {
  sha256: string;
  detectedType: string;
  /** How many words of its text are not lines of the invitation letter (0 when unreadable). */
  ownWords: number;
  /** Whether text could be read from it. */
  readable: boolean;
  /** How many words its text has in all (absent: as many as ownWords). */
  words?: number;
  /** The names its own text is headed with (see titleNames). */
  titles?: number[];
  /** The demand its own text is headed with (see demandKeys). */
  demands?: number[];
}

/** Whether an attachment is mostly the invitation letter (see MIN_DOCUMENT_OWN_SHARE). */
export function mostlyLetter(a: Pick<EntryAttachment, 'ownWords' | 'words'>): boolean {
  return a.words !== undefined && a.words > 0 && a.ownWords < a.words * MIN_DOCUMENT_OWN_SHARE;
}

/** What an entry is made from: the entry's own identity fields, and the texts and attachments it is computed from. */
export interface EntryInput extends Pick<CampaignEntry, 'id' | 'seq' | 'consultation' | 'from' | 'organisation' | 'submission' | 'key'> {
  /** Says only "ingen merknader". */
  noComments?: boolean;
  /** The sender's own words: the mail's and the attachments' (letter lines removed). */
  ownWords: string;
  /** The mail's own words alone (absent: not known apart). */
  mailWords?: string;
  /** The subject, whose words may state the campaign's demand as its opening does (absent: none). */
  subject?: string;
  /** Formula sentences left out when texts are compared (rules/own-words.yaml `formulas`; absent: none). */
  formulas?: readonly RegExp[];
  attachments: EntryAttachment[];
}

export function entryOf(input: EntryInput): CampaignEntry {
  const formulas = input.formulas ?? [];
  const words = comparableWords(withoutFormulas(input.ownWords, formulas));
  const set = shingles(words);
  const documentFiles = input.attachments.filter((a) => DOCUMENT_TYPES.has(a.detectedType) && (!a.readable || (a.ownWords >= MIN_DOCUMENT_WORDS && !mostlyLetter(a))));
  const documents = documentFiles.map((a) => a.sha256);
  const mailWords = documents.length > 0 && input.mailWords !== undefined ? comparableWords(withoutFormulas(input.mailWords, formulas)) : [];
  const mailSet = mailWords.length >= THRESHOLDS.minWords ? shingles(mailWords) : null;
  // The campaigns the sender says they write for, and, when they speak through a document (their
  // mail a cover note), the names that document is headed with.
  const names = input.noComments ? [] : declaredNames(input.ownWords);
  const quoted = input.noComments ? [] : quotedNames(input.ownWords);
  const titles = mailSet ? [] : [...new Set(documentFiles.flatMap((a) => a.titles ?? []))];
  const demands = mailSet ? [] : [...new Set(documentFiles.flatMap((a) => a.demands ?? []))];
  // The phrases a text to paste opens with: only for a text long enough to be compared.
  const phrases = words.length >= THRESHOLDS.minWords && !input.noComments ? phraseKeys(input.ownWords, input.subject) : [];
  return {
    id: input.id,
    seq: input.seq,
    consultation: input.consultation,
    from: input.from?.toLowerCase() ?? null,
    organisation: input.organisation,
    submission: input.submission,
    noComments: input.noComments === true,
    words: words.length,
    shingles: set.size,
    signature: set.size > 0 ? signatureOf(set) : null,
    ...(mailSet && mailSet.size > 0 ? { mail: signatureOf(mailSet) } : {}),
    documents,
    ...(names.length > 0 ? { names } : {}),
    ...(quoted.length > 0 ? { quoted } : {}),
    ...(titles.length > 0 ? { titles } : {}),
    ...(demands.length > 0 ? { demands } : {}),
    ...(phrases.length > 0 ? { phrases } : {}),
    key: input.key,
  };
}

/**
 * What an entry is made of, short: the mail's own words, the attachments (their texts follow from
 * their sha256), and what decides whether and where it takes part. A record reclassified with
 * another result is indexed again; one whose key is the same is not.
 */
export function entryKey(parts: { ownWords: string; attachments: string[]; submission: boolean; noComments: boolean; consultation: string | null; organisation: string | null; from: string | null }): string {
  // Cheap enough for every record of a large store at every read: two 32-bit hashes and the lengths.
  const who = hash32(`${parts.consultation}\n${parts.from}\n${parts.organisation}\n${parts.attachments.join(',')}`);
  // The leading digit: 2 since the mail's words were kept apart (entries made before are made
  // again); 3 for an entry that may carry campaign names (a naming word in its words, or a
  // document: see names.ts), so those made before names were read are made again — and only those:
  // a store's other entries stay current (each made again would cost a reader the record's texts).
  // 5 and 4 since documents' demands and texts' opening phrases were read; 9 and 8 since longer
  // words are compared with their doubled letters once (words.ts), documents of 10 words count and
  // two organisations are linked only by mostly the same text (group.ts): every entry made again
  // once, its links with it. 11 and 10 since two organisations of the register are never linked
  // by text (group.ts registered); 13 and 12 since a campaign's people decide who joins (mayJoin);
  // 15 and 14 since formula sentences are left out when texts are compared (words.ts); 17 and 16
  // since nynorsk stems inside compounds are read as bokmål (words.ts NYNORSK_STEMS); 19 and 18
  // since a quoted name joins the members who declared it (names.ts quotedNames); 21 and 20 since
  // more formula sentences are left out (a sister organisation's English opening: own-words.yaml).
  const version = parts.attachments.length > 0 || mayNameCampaign(parts.ownWords) ? 21 : 20;
  return `${version}${parts.submission ? 1 : 0}${parts.noComments ? 1 : 0}.${who.toString(36)}.${hash32(parts.ownWords).toString(36)}.${parts.ownWords.length}`;
}
