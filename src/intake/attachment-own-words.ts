// Stage 4: the attachments' own words. Attachment text counts as the sender's own words, less any
// copy of the invitation letter in it (a reply may attach the letter with comments written in).
// Each text is folded once here: commitments, "no comments" and relevance all look in these.
import { FoldedText } from '../text/folded-text.js';
import type { IntakeContext } from './context.js';

/** A document with at least this share of its lines from an invitation letter is that letter sent back. */
const LETTER_SHARE = 0.5;

export interface TextSegment {
  /** "e-posten" or the attachment's file name. */
  where: string;
  text: FoldedText;
}

export interface OwnTexts {
  /** The sender's own words in the mail, folded. */
  mail: FoldedText;
  /** The mail's own words, then each attachment's own words (attachments with no text left out). */
  segments: TextSegment[];
  /** Each attachment's whole text, folded, in the order of the attachments (for relevance). */
  whole: FoldedText[];
}

/** What the stage reads: the mail's own words, each attachment's text and name, the letters' lines (reclassify gives it these from a record too). */
export interface OwnTextsInput {
  own: Pick<IntakeContext['own'], 'text'>;
  attachments: ReadonlyArray<Pick<IntakeContext['attachments'][number], 'text' | 'filename'>>;
  rules: Pick<IntakeContext['rules'], 'letters'>;
}

export function findOwnTexts(c: OwnTextsInput): OwnTexts {
  const whole: FoldedText[] = [];
  const segments: TextSegment[] = [];
  const mail = new FoldedText(c.own.text);
  segments.push({ where: 'e-posten', text: mail });
  for (const a of c.attachments) {
    if (a.text.length === 0) {
      whole.push(new FoldedText(a.text));
      continue;
    }
    const lines = a.text.split('\n');
    let own = lines.filter((l) => !c.rules.letters.contains(l));
    // A document that is mostly the letter is the letter sent back: its short pieces, broken
    // elsewhere than the letter's lines, are the letter's too (a comment written in is a line of
    // the sender's own, not a piece of the letter's text).
    const filled = lines.filter((l) => l.trim().length > 0).length;
    if (filled > 0 && filled - own.filter((l) => l.trim().length > 0).length >= filled * LETTER_SHARE) own = own.filter((l) => !c.rules.letters.containsPiece(l));
    const text = new FoldedText(own.length === lines.length ? a.text : own.join('\n'));
    whole.push(own.length === lines.length ? text : new FoldedText(a.text));
    segments.push({ where: a.filename || 'vedlegg uten navn', text });
  }
  return { mail, segments, whole };
}
