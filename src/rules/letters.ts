// Every consultation's invitation letter together: a reply may quote any of them, and the quoted
// lines are never the sender's own words. Counting is per consultation (routing, relevance).
import { normaliseLine, type LetterIndex } from '../text/letter.js';

export class LetterSet {
  /** Answers already given, by line (replies quote the same lines again and again). */
  private readonly answers = new Map<string, boolean>();

  constructor(private readonly letters: ReadonlyArray<{ id: string; index: LetterIndex }>) {}

  /** Whether a line is a line of any of the letters (see LetterIndex.contains). */
  contains(line: string, strict = false): boolean {
    if (this.letters.length === 1) return this.letters[0]!.index.contains(line, strict);
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
    // Each line normalised once, then asked of every letter.
    for (const line of lines) {
      const n = normaliseLine(line);
      if (n.length < 24) continue; // shorter than any strict match (LetterIndex.containsNormalised)
      for (const l of this.letters) if (l.index.containsNormalised(n, true)) out[l.id]!++;
    }
    return out;
  }
}
