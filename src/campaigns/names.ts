// A campaign's name, as its members and its own document give it. An organisation that mobilises
// often offers two ways to take part: a short text to paste into a mail ("… som en del av
// kampanjen «Fri tilgang»") and its own leaflet or petition as a document, written in other words
// and headed with the same name ("Fri tilgang – våre krav"). The two texts share few word
// shingles, but a caseworker sees one campaign: the members say which campaign they write for,
// and the document is that campaign's. Pure: no clock, no files.
import { comparableWords, hash32 } from './words.js';

/**
 * A campaign named by a member: a word for a campaign, then a name in quotation marks
 * («…», "…", “…”, „…“). Bokmål, nynorsk and English forms.
 */
const DECLARED = /(?<!\p{L})(?:underskrifts)?(?:kampanje(?:n|a)?|opprop(?:et)?|aksjon(?:en|a)?|campaign)\s*[«"“„]([^«»"“”„\n]{3,80})[»"”“]/giu;

/** Whether a text may name a campaign at all (a word DECLARED starts with): cheap, for entry keys. */
export function mayNameCampaign(text: string): boolean {
  return /kampanj|opprop|aksjon|campaign/i.test(text);
}

/** A name counts when it has at least this many words and letters (not «nei», not «OGP»). */
const MIN_NAME_WORDS = 2;
const MIN_NAME_LETTERS = 8;

/** A name as it is matched: its comparable words (nynorsk read as bokmål, stemmed), hashed; null when too short. */
export function nameKey(name: string): number | null {
  const words = comparableWords(name);
  if (words.length < MIN_NAME_WORDS || words.join('').length < MIN_NAME_LETTERS) return null;
  return hash32(words.join(' '));
}

const keysOf = (names: string[]): number[] => [...new Set(names.map(nameKey).filter((k): k is number => k !== null))];

/** The campaigns a text says it is written for ("kampanjen «X»"): their keys. */
export function declaredNames(text: string): number[] {
  return keysOf([...text.matchAll(DECLARED)].map((m) => m[1]!));
}

/**
 * The names a document is headed with: its first line, and the parts of it either side of a dash
 * or a colon ("Fri tilgang – våre krav til handlingsplanen": also "Fri tilgang").
 */
export function titleNames(documentText: string): number[] {
  const first = documentText.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
  if (first.length === 0 || first.length > 160) return [];
  return keysOf([first, ...first.split(/\s+[–—-]\s+|:\s+/)]);
}
