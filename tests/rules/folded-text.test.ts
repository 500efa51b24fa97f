import { describe, expect, it } from 'vitest';
import { FoldedText, GramSet, withinOneEdit, wordMatches, wordPattern } from '../../src/text/folded-text.js';
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
    // mayInclude never says no to what is there, and says no to most of what is not.
    expect(probes.every((s) => !folded.folded.includes(s) || folded.mayInclude(s))).toBe(true);
    expect(absent.filter((s) => folded.mayInclude(s)).length).toBeLessThan(absent.length / 4);
    // A short text is searched as it is, with the same answers.
    const short = new FoldedText('Høring om plan- og bygningsloven');
    for (const s of ['høring', 'plan- og', 'bygningslova', 'loven', 'xyzw']) {
      expect(short.includes(s), s).toBe(short.folded.includes(s));
      expect(short.mayInclude(s), s).toBe(short.folded.includes(s));
    }
  });
});

describe('one slip of the keyboard, compared in place (issue 17)', () => {
  /** The comparison as it was written with slices: the reference. */
  function reference(a: string, b: string): boolean {
    if (a === b) return true;
    const d = a.length - b.length;
    if (d > 1 || d < -1) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (d === 1) return a.slice(i + 1) === b.slice(i);
    if (d === -1) return a.slice(i) === b.slice(i + 1);
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }

  it('answers as the comparison with slices does, for words near and far', () => {
    const base = ['rettighetshavere', 'byggesaksforskrift', 'ab', 'a', '', 'åpenhet', 'handlingsplan'];
    const edits = (w: string): string[] => {
      const out = new Set<string>([w, w + 'e', 'x' + w, w.slice(1), w.slice(0, -1)]);
      for (let i = 0; i < w.length; i++) {
        out.add(w.slice(0, i) + w.slice(i + 1));
        out.add(w.slice(0, i) + 'q' + w.slice(i + 1));
        out.add(w.slice(0, i) + 'ø' + w.slice(i));
        if (i + 1 < w.length) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
        if (i + 2 < w.length) out.add(w.slice(0, i) + w[i + 2] + w[i + 1] + w[i] + w.slice(i + 3));
      }
      return [...out];
    };
    let yes = 0;
    for (const w of base) {
      for (const a of edits(w)) {
        for (const b of [w, ...edits(w).slice(0, 12)]) {
          expect(withinOneEdit(a, b), `${a} ~ ${b}`).toBe(reference(a, b));
          if (reference(a, b)) yes++;
        }
      }
    }
    expect(yes).toBeGreaterThan(100);
  });

  it('matches a long prefix with one slip in the word’s first letters, as before', () => {
    const p = wordPattern('prefix', 'rettighetshaver');
    const prefixReference = (word: string) =>
      word.startsWith(p.value) || (word[0] === p.value[0] && [p.value.length - 1, p.value.length, p.value.length + 1].some((k) => k <= word.length && reference(word.slice(0, k), p.value)));
    for (const word of ['rettighetshavere', 'rettighethavere', 'rettighetshaverne', 'retighetshaver', 'rettihgetshaver', 'rettighetshav', 'rettighetsh', 'settighetshaver', 'rettighetshaverregister', 'rettighet']) {
      expect(wordMatches(p, word), word).toBe(prefixReference(word));
    }
    expect(wordMatches(p, 'rettighethavere')).toBe(true);
    expect(wordMatches(p, 'rettighetsh')).toBe(false);
  });
});

describe('a text’s answers by pattern (kept by the pattern’s number, issue 17)', () => {
  it('keeps each pattern’s answer, for patterns made before and after the text was first asked', () => {
    const t = new FoldedText('Innspill til handlingsplanen: åpne data og åpenhet, handlingsplan og mer åpenhet. Åpen-data, datadeling og planer.');
    const before = wordPattern('exact', 'åpenhet');
    const first = t.matching(before);
    expect(first.map((k) => k.start)).toEqual([43, 73]);
    expect(t.matching(before)).toBe(first);
    // Every word's tokens, to check each answer against (wordMatches, in text order).
    const all = Array.from({ length: t.wordCount }, (_, i) => t.at(i)).flat();
    const expected = (p: ReturnType<typeof wordPattern>) => all.filter((k) => wordMatches(p, k.word)).sort((a, b) => a.start - b.start).map((k) => [k.word, k.start]);
    // Patterns made after the text's table was made (numbers past its length) are answered and kept too.
    const stamp = `${process.pid}`;
    const later = [
      ...Array.from({ length: 40 }, (_, i) => wordPattern('suffix', `${stamp}${i}q`)),
      wordPattern('prefix', 'handlingspla'),
      wordPattern('prefix', 'åpen'),
      wordPattern('contains', 'data'),
      wordPattern('suffix', 'er'),
      wordPattern('exact', 'plan'),
    ];
    const answers = later.map((p) => t.matching(p));
    later.forEach((p, i) => {
      expect(t.matching(p)).toBe(answers[i]);
      expect(answers[i]!.map((k) => [k.word, k.start]), `${p.kind} ${p.value}`).toEqual(expected(p));
    });
    expect(answers.slice(40).map((a) => a.length)).toEqual([2, 4, 4, 2, 0]);
    expect(t.matching(before)).toBe(first);
  });
});
