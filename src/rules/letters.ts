// Every consultation's invitation letter together: a reply may quote any of them, and the quoted
// lines are never the sender's own words. Counting is per consultation (routing, relevance).
import type { LetterIndex } from '../text/letter.js';

export class LetterSet {
  constructor(private readonly letters: ReadonlyArray<{ id: string; index: LetterIndex }>) {}

  /** Whether a line is a line of any of the letters (see LetterIndex.contains). */
  contains(line: string, strict = false): boolean {
    for (const l of this.letters) if (l.index.contains(line, strict)) return true;
    return false;
  }

  /** Lines of each letter among these lines (strict), by consultation id; every id is present. */
  count(lines: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const l of this.letters) {
      let n = 0;
      for (const line of lines) if (l.index.contains(line, true)) n++;
      out[l.id] = n;
    }
    return out;
  }
}
