// Every consultation's invitation letter together: a reply may quote any of them, and the quoted
// lines are never the sender's own words. Counting is per consultation (routing, relevance).
import { normaliseLine, type LetterIndex } from '../text/letter.js';

/** Letters beyond this many are asked one by one, not remembered as the bits of a number. */
const MAX_LETTERS_IN_BITS = 30;

export class LetterSet {
  /** Answers already given, by line (replies quote the same lines again and again). */
  private readonly answers = new Map<string, boolean>();
  /**
   * For counting (strict): which letters have a line, one bit per letter in their order, by line.
   * Own words ask whether each line of a body is a letter's, then count the lines of each letter:
   * the second look reads the answers of the first instead of normalising every line again.
   */
  private readonly strictAnswers = new Map<string, number>();

  constructor(private readonly letters: ReadonlyArray<{ id: string; index: LetterIndex }>) {}

  /** Whether a line is a line of any of the letters (see LetterIndex.contains). */
  contains(line: string, strict = false): boolean {
    if (this.letters.length === 1) return this.letters[0]!.index.contains(line, strict);
    if (strict && this.letters.length <= MAX_LETTERS_IN_BITS) return this.strictLetters(line) !== 0;
    const key = strict ? `1${line}` : `0${line}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      const n = normaliseLine(line);
      answer = this.letters.some((l) => l.index.containsNormalised(n, strict));
      if (this.answers.size >= 5_000) this.answers.clear();
      if (line.length <= 1_000) this.answers.set(key, answer);
    }
    return answer;
  }

  /** The letters that have the line (strict), one bit each in their order (remembered by line, as `contains` does). */
  private strictLetters(line: string): number {
    let bits = this.strictAnswers.get(line);
    if (bits === undefined) {
      bits = 0;
      const n = normaliseLine(line);
      // Shorter than any strict match (LetterIndex.containsNormalised).
      if (n.length >= 24) for (let i = 0; i < this.letters.length; i++) if (this.letters[i]!.index.containsNormalised(n, true)) bits |= 1 << i;
      if (this.strictAnswers.size >= 5_000) this.strictAnswers.clear();
      if (line.length <= 1_000) this.strictAnswers.set(line, bits);
    }
    return bits;
  }

  /** Whether a line is a piece of any letter's text, however it is broken (LetterIndex.containsPiece). */
  containsPiece(line: string): boolean {
    const n = normaliseLine(line);
    return this.letters.some((l) => l.index.containsPiece(n));
  }

  /** The consultations whose letter has this piece of text (LetterIndex.containsPiece), by id. */
  piecesOf(line: string): string[] {
    const n = normaliseLine(line);
    return this.letters.filter((l) => l.index.containsPiece(n)).map((l) => l.id);
  }

  /** Lines of each letter among these lines (strict), by consultation id; every id is present. */
  count(lines: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const l of this.letters) out[l.id] = 0;
    if (this.letters.length === 1) {
      const l = this.letters[0]!;
      for (const line of lines) if (l.index.contains(line, true)) out[l.id]!++;
      return out;
    }
    if (this.letters.length <= MAX_LETTERS_IN_BITS) {
      for (const line of lines) {
        const bits = this.strictLetters(line);
        for (let i = 0; bits !== 0 && i < this.letters.length; i++) if ((bits & (1 << i)) !== 0) out[this.letters[i]!.id]!++;
      }
      return out;
    }
    // Each line normalised once, then asked of every letter.
    for (const line of lines) {
      const n = normaliseLine(line);
      if (n.length < 24) continue; // shorter than any strict match (LetterIndex.containsNormalised)
      for (const l of this.letters) if (l.index.containsNormalised(n, true)) out[l.id]!++;
    }
    return out;
  }
}
