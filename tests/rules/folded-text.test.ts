import { describe, expect, it } from 'vitest';
import { FoldedText, wordMatches, wordPattern } from '../../src/text/folded-text.js';
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

  it('firstAt gives the first token of a word that matches, as at(index).find does', () => {
    const t = new FoldedText('Kort innspill om OGP-handlingsplan og kommunene, handlingsplaner.');
    const patterns = [
      wordPattern('exact', 'ogp'),
      wordPattern('exact', 'handlingsplan'),
      wordPattern('prefix', 'handlingsplan'),
      wordPattern('prefix', 'ogp-h'),
      wordPattern('exact', 'kommune'),
      wordPattern('exact', 'kort'),
      wordPattern('suffix', 'plan'),
      wordPattern('contains', 'ndlings'),
    ];
    for (let index = -1; index <= t.wordCount; index++) {
      for (const p of patterns) expect(t.firstAt(index, p), `${p.kind} ${p.value} at ${index}`).toBe(t.at(index).find((k) => wordMatches(p, k.word)));
    }
    expect(t.firstAt(3, wordPattern('exact', 'handlingsplan'))?.word).toBe('handlingsplan');
    expect(t.firstAt(3, wordPattern('prefix', 'ogp'))?.word).toBe('ogp-handlingsplan');
    expect(t.firstAt(5, wordPattern('exact', 'kommune'))?.word).toBe('kommunene');
    expect(t.firstAt(9, wordPattern('exact', 'kort'))).toBeUndefined();
  });

  it('looks up an exact word as written, with -s and with \'s, once per pattern', () => {
    const p = wordPattern('exact', 'ogp');
    expect(p.forms).toEqual(['ogp', 'ogps', "ogp's"]);
    expect(wordPattern('exact', 'ogp')).toBe(p);
    expect(wordPattern('prefix', 'ogp').forms).toEqual([]);
    const t = new FoldedText("OGP, ogps og OGP's; ogpx");
    expect(t.matching(p).map((k) => k.word)).toEqual(['ogp', 'ogps', "ogp's"]);
    const long = wordPattern('exact', 'kommune');
    expect(new FoldedText("Kommunes og kommune's kommuner").matching(long).map((k) => k.word)).toEqual(['kommunes', "kommune's", 'kommuner']);
  });
});
