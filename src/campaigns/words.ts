// The words a campaign is compared by: the sender's own words folded, split into words, nynorsk
// function words read as their bokmål forms and longer words stemmed, so that the same template
// in bokmål and nynorsk, with other inflections or a typo here and there, still shares most of its
// word shingles. Pure: no clock, no files.
import { foldText, tokenize } from '../text/fold.js';
import { stemNo } from '../text/stem.js';

/**
 * Nynorsk words and their bokmål forms, for comparing only (never shown): a member who rewrote
 * the template in nynorsk shares its shingles. Inflected content words meet through the stemmer.
 */
const NYNORSK: Record<string, string> = {
  ikkje: 'ikke', eg: 'jeg', kva: 'hva', korleis: 'hvordan', kvifor: 'hvorfor', kvar: 'hvor', frå: 'fra',
  mykje: 'mye', nokon: 'noen', noko: 'noe', vere: 'være', vore: 'vært', berre: 'bare', dykk: 'dere',
  dykkar: 'deres', sjølv: 'selv', meiner: 'mener', meine: 'mene', ønskjer: 'ønsker', desse: 'disse', vart: 'ble',
  hjå: 'hos', eige: 'eget', eigen: 'egen', dei: 'de', ein: 'en', eit: 'et', gjere: 'gjøre', saman: 'sammen',
  heile: 'hele', vert: 'blir', verte: 'bli', fleire: 'flere', difor: 'derfor', òg: 'også', ho: 'hun',
  innspel: 'innspill', innspelet: 'innspillet', høyring: 'høring', høyringa: 'høringen', løysing: 'løsning',
  løysingar: 'løsninger', teneste: 'tjeneste', tenester: 'tjenester', gjeld: 'gjelder', sjå: 'se', gje: 'gi',
  gjev: 'gir',
  forplikting: 'forpliktelse', forpliktinga: 'forpliktelsen', forpliktingane: 'forpliktelsene',
  offentleg: 'offentlig', offentlege: 'offentlige', vennleg: 'vennlig', helsing: 'hilsen', særleg: 'særlig',
  viktigaste: 'viktigste', einskilde: 'enkelte', kommunane: 'kommunene', innbyggjarar: 'innbyggere',
  innbyggjarane: 'innbyggerne', opne: 'åpne', open: 'åpen', ope: 'åpent', opnare: 'åpnere',
  meir: 'mer', no: 'nå', sidan: 'siden', utan: 'uten', nokre: 'noen', medan: 'mens', viss: 'hvis', kven: 'hvem',
  tenkjer: 'tenker', trur: 'tror', veit: 'vet', vorte: 'blitt', verksemd: 'virksomhet', verksemder: 'virksomheter',
  regjeringa: 'regjeringen', forvaltninga: 'forvaltningen', løysinga: 'løsningen', opplysningar: 'opplysninger',
  openheit: 'åpenhet', offentlegheit: 'offentlighet', offentleglova: 'offentlighetsloven', støttar: 'støtter',
  framlegg: 'forslag', framlegget: 'forslaget', høve: 'anledning', kjem: 'kommer', kome: 'komme', fekk: 'fikk',
  gjekk: 'gikk', vera: 'være', heilt: 'helt', deira: 'deres', ei: 'en', betre: 'bedre', naudsynt: 'nødvendig',
  naturleg: 'naturlig', vanleg: 'vanlig', tydeleg: 'tydelig', mogleg: 'mulig', moglegheit: 'mulighet',
  eigentleg: 'egentlig', venleg: 'vennlig', kommunar: 'kommuner', gjer: 'gjør', legg: 'legger', søkje: 'søke',
  dekkjer: 'dekker', føresetnad: 'forutsetning', noregs: 'norges', noreg: 'norge', innbyggjar: 'innbygger',
  arbeidar: 'arbeider', byrja: 'begynte', byrje: 'begynne', spørje: 'spørre',
  kvart: 'hvert', kvarandre: 'hverandre', ligg: 'ligger', givast: 'gis', gjevast: 'gis',
  nyttar: 'bruker',
};

/**
 * Nynorsk word stems inside longer words and compounds, as their bokmål stems: "sakshandsaminga"
 * is "saksbehandlingen", "underteikna" is "undertegnede".
 */
const NYNORSK_STEMS: Array<[string, string]> = [
  ['handsam', 'behandl'],
  ['teikn', 'tegn'],
];

/** Words of at most this many letters are kept as they are; longer ones are stemmed. */
const STEM_FROM = 5;

/** One word as it is compared. */
export function comparable(word: string): string {
  let w = NYNORSK[word] ?? word;
  if (w.length >= STEM_FROM) for (const [stem, bokmal] of NYNORSK_STEMS) if (w.includes(stem)) w = w.replaceAll(stem, bokmal);
  return w.length >= STEM_FROM && !/\d/.test(w) ? skeleton(stemNo(w)) : w;
}

/**
 * A longer word with its doubled letters once: the commonest slip of a hurried typist ("Jeg
 * støter forslaget", "oppropet"/"opropet") leaves the template's shingles whole. Dropping vowels
 * too joined more typos but split a campaign of another set (README, Campaigns).
 */
function skeleton(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/**
 * A text as a document may lay it out, back to its words: ligatures as their letters (ﬁ → fi,
 * ﬀ → ff, as PDFs typeset them), soft hyphens dropped, and a word hyphenated at the end of a line
 * joined again ("forplik-⏎telsen"). The same template pasted in a mail and read from a PDF then
 * has the same words.
 */
export function unwrapLayout(text: string): string {
  let out = /[\uFB00-\uFB06]/.test(text) ? text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC')) : text;
  if (out.includes('\u00ad')) out = out.replace(/\u00ad/g, '');
  return out.includes('-') ? out.replace(/(\p{Ll})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu, '$1$2') : out;
}

/**
 * A text, folded, without the formula sentences each line opens with (rules/own-words.yaml
 * `formulas`: "Vi viser til invitasjonen av 12. april …", "Takk for muligheten …"): every sender
 * writes them, so they say nothing of whether two texts are one campaign.
 */
export function withoutFormulas(text: string, formulas: readonly RegExp[]): string {
  if (formulas.length === 0) return text;
  return foldText(unwrapLayout(text))
    .split('\n')
    .map((line) => {
      let rest = line.trim();
      for (let dropped = true; dropped && rest.length > 0; ) {
        dropped = false;
        for (const f of formulas) {
          const m = f.exec(rest);
          if (m && m.index === 0 && m[0].length > 0) {
            rest = rest.slice(m[0].length).trim();
            dropped = true;
            break;
          }
        }
      }
      return rest;
    })
    .join('\n');
}

/** The words of a text as they are compared, in order (a hyphenated word once, whole). */
export function comparableWords(text: string): string[] {
  const words: string[] = [];
  let last = -1;
  for (const t of tokenize(foldText(unwrapLayout(text)))) {
    if (t.index === last) continue;
    last = t.index;
    words.push(comparable(t.word));
  }
  return words;
}

/** FNV-1a, 32 bits: a shingle's number. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Word shingles of this many words. */
export const SHINGLE_WORDS = 3;

/** The distinct shingles (as numbers) of a list of words; a text shorter than a shingle has none. */
export function shingles(words: string[], size = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + size <= words.length; i++) out.add(hash32(words.slice(i, i + size).join(' ')));
  return out;
}

/**
 * The blocks of a text whose sentences are found apart: paragraphs (blank lines) and list items
 * (lines starting with a bullet). A text's sentences are its blocks' sentences, in order (see
 * sentences), so a caller may keep the sentences of a block that many texts share.
 */
export function blocks(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(/\n\s*\n|\n(?=\s*[-*•–]\s)/);
}

/** The sentences of one block: its lines joined (a PDF breaks lines mid-sentence), split at . ! ? followed by a space; bullets and blanks dropped. */
export function blockSentences(block: string): string[] {
  return block
    .replace(/\s*\n\s*/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/^[\s\-*•–>]+/, '').trim())
    .filter((s) => s.length > 0);
}

/**
 * The sentences of a text: paragraphs (blank lines) and list items (lines starting with a bullet)
 * apart, lines within a paragraph joined (a PDF breaks lines mid-sentence), then split at . ! ?
 * followed by a space; bullets and blanks dropped.
 */
export function sentences(text: string): string[] {
  return blocks(text).flatMap(blockSentences);
}
