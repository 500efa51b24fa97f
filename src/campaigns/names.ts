// A campaign's name, as its members and its own document give it. An organisation that mobilises
// often offers two ways to take part: a short text to paste into a mail ("… som en del av
// kampanjen «Fri tilgang»") and its own leaflet or petition as a document, written in other words
// and headed with the same name ("Fri tilgang – våre krav"). The two texts share few word
// shingles, but a caseworker sees one campaign: the members say which campaign they write for,
// and the document is that campaign's. Pure: no clock, no files.
import { comparable, comparableWords, hash32, sentences } from './words.js';

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

/** A name in quotation marks, whatever word comes before it (a member who typed "oprpoet «X»"). */
const QUOTED = /[«"“„]([^«»"“”„\n]{3,80})[»"”“]/gu;

/**
 * The names a text quotes without a campaign word before them: keys of quoted names that are not
 * declared. Such a name joins the members who declared it ("oppropet «X»"), never starts a
 * campaign of its own: a quotation alone says nothing.
 */
export function quotedNames(text: string): number[] {
  const declared = new Set(declaredNames(text));
  return keysOf([...text.matchAll(QUOTED)].map((m) => m[1]!)).filter((k) => !declared.has(k));
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

/**
 * Words a petition's heading and a text share without saying what is asked for: the petition's own
 * words ("Opprop", "Ja til", "nå") and function words. Compared as the words are (stemmed).
 */
const FILLER = new Set(
  (
    'opprop oppropet underskrift underskrifter underskriftskampanje kampanje kampanjen aksjon aksjonen ja nei til for mot nå et en ei eit ein om av i og på å med vi jeg krever krev vil ønsker ' +
    'petition campaign yes no to now the a an of and on we demand call'
  )
    .split(' ')
    .map(comparable),
);

const demandWords = (text: string): string[] => comparableWords(text).filter((w) => !FILLER.has(w));

/** A demand is two or three words with at least this many letters ("åpent lobbyregister", not «ja til OGP»). */
const DEMAND_WORDS = { min: 2, max: 3, letters: 10 } as const;

/**
 * The demand a document is headed with: the words of its first line (or the part after a colon)
 * less filler, when two or three are left ("Opprop: Ja til et åpent lobbyregister" → "åpent
 * lobbyregister"). A petition's members send it with a cover note; people who paste the same
 * organisation's text to the ministry state the demand in its opening words (see phraseKeys).
 */
export function demandKeys(documentText: string): number[] {
  const first = documentText.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
  if (first.length === 0 || first.length > 120) return [];
  const keys = new Set<number>();
  for (const part of [first, ...first.split(/:\s+/).slice(1)]) {
    const words = demandWords(part);
    if (words.length >= DEMAND_WORDS.min && words.length <= DEMAND_WORDS.max && words.join('').length >= DEMAND_WORDS.letters) keys.add(hash32(words.join(' ')));
  }
  return [...keys];
}

/** The opening words a text's phrases are taken from: its first sentences of four words or more, up to this many words (less filler). */
const OPENING_WORDS = 30;

/**
 * Keys of the two- and three-word phrases (less filler) of a text's opening sentences — greetings
 * ("Hei,") left out — and of its subject (members often keep the one their organisation suggested:
 * "Ta vare på strandsonen"), to be found again as a petition's demand (see demandKeys).
 */
export function phraseKeys(text: string, subject = ''): number[] {
  const words: string[] = [];
  for (const s of sentences(text)) {
    if (s.split(/\s+/).length < 4) continue;
    words.push(...demandWords(s));
    if (words.length >= OPENING_WORDS) break;
  }
  const keys = new Set<number>();
  for (const run of [words.slice(0, OPENING_WORDS), demandWords(subject.replace(/^((re|sv|fw|fwd|vs|aw)\s*:\s*)+/i, ''))]) {
    for (let n = DEMAND_WORDS.min; n <= DEMAND_WORDS.max; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const phrase = run.slice(i, i + n);
        if (phrase.join('').length >= DEMAND_WORDS.letters) keys.add(hash32(phrase.join(' ')));
      }
    }
  }
  return [...keys];
}
