import { describe, expect, it } from 'vitest';
import { FoldedText, wordPattern } from '../../src/text/folded-text.js';
import { eachToken, foldText, tokenize } from '../../src/text/fold.js';

describe('a folded text’s words (kept compact: issue 17)', () => {
  it('gives each word position its tokens, the whole hyphenated word before its parts', () => {
    const t = new FoldedText('Kort innspill om OGP-handlingsplan, og – ja – åpenhet.');
    expect(t.wordCount).toBe(7);
    expect(t.at(0).map((k) => k.word)).toEqual(['kort']);
    expect(t.at(3).map((k) => k.word)).toEqual(['ogp-handlingsplan', 'ogp', 'handlingsplan']);
    expect(t.at(6).map((k) => [k.word, k.start, k.end])).toEqual([['åpenhet', 46, 53]]);
    expect(t.at(7)).toEqual([]);
    expect(t.at(-1)).toEqual([]);
    expect(new FoldedText('  …  ').wordCount).toBe(0);
    expect(new FoldedText('  …  ').at(0)).toEqual([]);
  });

  it('finds every occurrence of a word repeated many times, in order', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `ord${i % 7} samskaping`).join(' ');
    const t = new FoldedText(text);
    expect(t.wordCount).toBe(10_000);
    const hits = t.matching(wordPattern('exact', 'samskaping'));
    expect(hits).toHaveLength(5000);
    expect(hits.map((h) => h.index)).toEqual(Array.from({ length: 5000 }, (_, i) => 2 * i + 1));
    expect(hits.every((h) => text.slice(h.start, h.end) === 'samskaping')).toBe(true);
  });

  it('eachToken visits exactly the tokens tokenize returns', () => {
    const folded = foldText('Åpen-data og KI-strategi: 12 innspill, ikke-digitale tjenester.');
    const seen: Array<[string, number, number, number]> = [];
    eachToken(folded, (word, index, start, end) => seen.push([word, index, start, end]));
    expect(seen).toEqual(tokenize(folded).map((t) => [t.word, t.index, t.start, t.end]));
  });
});
