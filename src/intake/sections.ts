// Input to two consultations in one message, written in parts under a heading for each ("Til
// 17/1886:", "Høring om plan- og bygningsloven (21/345):"): what a part says is about the
// consultation its heading names, and only that one. Each consultation's commitments are scored on
// the sender's own words with the other consultations' parts blanked out — the words keep their
// places, so the evidence and the places compared between consultations still line up.
// Text before the first heading, and text of a message without such headings, counts for every one.
import type { Rules } from '../rules/types.js';
import { FoldedText } from '../text/folded-text.js';
import type { OwnTexts, TextSegment } from './attachment-own-words.js';

/** A heading is a short line, or a line's lead-in, ending with a colon: at most this many characters … */
const HEADING_MAX_CHARS = 100;
/** … and this many words. */
const HEADING_MAX_WORDS = 12;

/** Whether a heading names this consultation (routing's test: its case number or one of its `names` signals). */
export type NamesConsultation = (heading: FoldedText, view: Rules) => boolean;

interface Heading {
  /** Where the part begins (the heading's first character) in the segment's original text. */
  start: number;
  /** The consultation its heading names (an index into the views). */
  view: number;
}

/**
 * The headings in one text that name exactly one of the views: a short line ending with a colon
 * ("Høring om plan- og bygningsloven (21/345):"), or a line's short lead-in before its first colon
 * ("Til OGP-planen: Forpliktelsen om … bør …").
 */
function headingsIn(text: string, views: readonly Rules[], names: NamesConsultation): Heading[] {
  const found: Heading[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    const lead = colon < 0 ? '' : line.slice(0, colon + 1).trim();
    if (lead.length > 1 && lead.length <= HEADING_MAX_CHARS && lead.split(/\s+/).length <= HEADING_MAX_WORDS) {
      const folded = new FoldedText(lead);
      const named = views.flatMap((v, i) => (names(folded, v) ? [i] : []));
      if (named.length === 1) found.push({ start, view: named[0]! });
    }
    start += line.length + 1;
  }
  return found;
}

/** The text with every part under another view's heading turned to spaces (line breaks kept). */
function keepOnly(text: string, headings: readonly Heading[], view: number): string {
  let out = '';
  let at = 0;
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.start ?? text.length;
    if (h.view === view) return;
    out += text.slice(at, h.start) + text.slice(h.start, end).replace(/[^\n]/g, ' ');
    at = end;
  });
  return out + text.slice(at);
}

/**
 * Each view's own texts, with the parts headed for other views blanked — or null when the sender's
 * words do not fall in parts for at least two of the views (then every view reads all of them).
 */
export function textsByHeading(texts: OwnTexts, views: readonly Rules[], names: NamesConsultation): Map<Rules, OwnTexts> | null {
  if (views.length < 2) return null;
  const headings = texts.segments.map((s) => headingsIn(s.text.original, views, names));
  if (new Set(headings.flat().map((h) => h.view)).size < 2) return null;
  const byView = new Map<Rules, OwnTexts>();
  views.forEach((view, v) => {
    const segments: TextSegment[] = texts.segments.map((s, i) => {
      const hs = headings[i]!;
      if (hs.length === 0 || hs.every((h) => h.view === v)) return s;
      return { where: s.where, text: new FoldedText(keepOnly(s.text.original, hs, v)) };
    });
    byView.set(view, { ...texts, segments });
  });
  return byView;
}
