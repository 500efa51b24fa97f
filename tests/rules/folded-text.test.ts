import { describe, expect, it } from 'vitest';
import { FoldedText, GramSet, wordMatches, wordPattern } from '../../src/text/folded-text.js';
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

describe('a long text’s four-letter pieces (GramSet: includes without reading the text, issue 17)', () => {
  /** A seeded text of Norwegian-looking words, long enough for the gram look. */
  function text(seed: number, words: number): string {
    const syllables = ['inn', 'spill', 'hø', 'ring', 'plan', 'by', 'gg', 'e', 'sak', 'åp', 'en', 'het', 'da', 'ta', 'kom', 'mu', 'ne', 'lov', 'ø', 'ré'];
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % syllables.length;
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(syllables[next()]! + syllables[next()]! + (i % 9 === 0 ? '.\n' : ''));
    return out.join(' ');
  }

  it('never says no to a string that is in the text', () => {
    for (const seed of [1, 2, 3]) {
      const t = text(seed, 3000);
      const grams = new GramSet(t);
      for (let i = 0; i + 12 < t.length; i += 7) for (const n of [4, 5, 9, 12]) expect(grams.mayHave(t.slice(i, i + n)), t.slice(i, i + n)).toBe(true);
    }
  });

  it('says no to most strings that are not in the text, and includes answers as the text does', () => {
    const t = text(4, 3000);
    const grams = new GramSet(t);
    const probes = Array.from({ length: 2000 }, (_, i) => text(100 + i, 2).slice(0, 4 + (i % 9)));
    const absent = probes.filter((s) => !t.includes(s));
    expect(absent.length).toBeGreaterThan(200);
    // About one in nine grams of an absent string hits a set bit by chance: few absent strings of
    // several grams get through.
    expect(absent.filter((s) => grams.mayHave(s)).length).toBeLessThan(absent.length / 4);
    const folded = new FoldedText(t);
    for (const s of [...probes, 'inn', 'ø', '']) expect(folded.includes(s), s).toBe(folded.folded.includes(s));
    // A short text is searched as it is, with the same answers.
    const short = new FoldedText('Høring om plan- og bygningsloven');
    for (const s of ['høring', 'plan- og', 'bygningslova', 'loven', 'xyzw']) expect(short.includes(s), s).toBe(short.folded.includes(s));
  });
});
