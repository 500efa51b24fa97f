// Recognises lines of the invitation letter wherever a reply quotes them: with or without ">"
// marks, re-wrapped by a mail client, or pasted without any quote header at all.
import { foldText } from './terms.js';

/** Letters and digits only, single spaces: "> Vi ber nå  Interessentforumet," → "vi ber nå interessentforumet". */
export function normaliseLine(line: string): string {
  return foldText(line)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export class LetterIndex {
  private readonly lines = new Set<string>();
  private readonly text: string;

  constructor(letter: string) {
    const body = letter
      .split(/\r?\n/)
      .filter((l, i, all) => !(l.startsWith('# ') && all.slice(0, i).every((p) => p.startsWith('# '))));
    const normalised = body.map(normaliseLine).filter((l) => l.length > 0);
    for (const l of normalised) if (l.length >= 4) this.lines.add(l);
    this.text = ` ${normalised.join(' ')} `;
  }

  /**
   * Whether a line of a message is a line (or a re-wrapped piece of a paragraph) of the letter.
   * `strict` is for counting quoted lines as evidence that the letter was quoted; the other mode
   * decides what to remove from the sender's words and asks for a longer piece.
   */
  contains(line: string, strict = false): boolean {
    const n = normaliseLine(line);
    // A sender may well reuse a few words of the letter ("Register over reelle rettighetshavere"
    // as a heading); only a long piece of it is taken for a copy.
    if (n.length >= (strict ? 24 : 50) && this.text.includes(` ${n} `)) return true;
    return !strict && n.length >= 4 && this.lines.has(n);
  }
}
