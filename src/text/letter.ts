// Recognises lines of the invitation letter wherever a reply quotes them: with or without ">"
// marks, re-wrapped by a mail client, or pasted without any quote header at all.
import { foldText } from './fold.js';

/** Letters and digits only, single spaces: "> Vi ber nå  Interessentforumet," → "vi ber nå interessentforumet". */
export function normaliseLine(line: string): string {
  return foldText(line)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The letter without the comment lines ("# …") at the top of rules/invitation-letter.txt. */
export function letterBody(text: string): string {
  return text.replace(/^(?:# [^\n]*(?:\n|$))+/, '');
}

/** The first two words of a normalised line (the line itself when it has one word). */
function firstPair(n: string): string {
  const a = n.indexOf(' ');
  if (a < 0) return n;
  const b = n.indexOf(' ', a + 1);
  return b < 0 ? n : n.slice(0, b);
}

export class LetterIndex {
  private readonly lines = new Set<string>();
  private readonly text: string;
  /** Every two words that follow each other in the letter, and every word (a line of one word). */
  private readonly pairs = new Set<string>();
  /** Answers already given, by line (replies quote the same letter lines again and again). */
  private readonly answers = new Map<string, boolean>();

  constructor(letter: string) {
    const body = letterBody(letter).split(/\r?\n/);
    const normalised = body.map(normaliseLine).filter((l) => l.length > 0);
    for (const l of normalised) if (l.length >= 4) this.lines.add(l);
    this.text = ` ${normalised.join(' ')} `;
    const words = this.text.trim().split(' ');
    for (let i = 0; i < words.length; i++) this.pairs.add(i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : words[i]!).add(words[i]!);
  }

  /**
   * Whether a line of a message is a line (or a re-wrapped piece of a paragraph) of the letter.
   * `strict` is for counting quoted lines as evidence that the letter was quoted; the other mode
   * decides what to remove from the sender's words and asks for a longer piece.
   */
  contains(line: string, strict = false): boolean {
    const key = strict ? `1${line}` : `0${line}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.look(line, strict);
      if (this.answers.size >= 5_000) this.answers.clear();
      if (line.length <= 1_000) this.answers.set(key, answer);
    }
    return answer;
  }

  private look(line: string, strict: boolean): boolean {
    return this.containsNormalised(normaliseLine(line), strict);
  }

  /**
   * `contains` for a line already normalised (normaliseLine), without the cache: for callers that
   * ask several letters about one line and normalise it once (rules/letters.ts).
   */
  containsNormalised(n: string, strict = false): boolean {
    // A sender may well reuse a few words of the letter ("Register over reelle rettighetshavere"
    // as a heading); only a long piece of it is taken for a copy. Most lines are no part of the
    // letter: a line whose first two words never follow each other in the letter is not searched for.
    if (n.length >= (strict ? 24 : 50) && this.pairs.has(firstPair(n)) && this.text.includes(` ${n} `)) return true;
    return !strict && n.length >= 4 && this.lines.has(n);
  }

  /**
   * Whether a normalised line is a piece of the letter's text at word boundaries, however short
   * (down to `min` characters): for a document that is the letter itself, whose lines break
   * elsewhere than the letter's ("kulturdata er avsluttet.").
   */
  containsPiece(n: string, min = 12): boolean {
    return n.length >= min && this.text.includes(` ${n} `);
  }
}
