import { describe, expect, it } from 'vitest';
import { TermMatcher, rulesRegExp, termSyntaxError } from '../../src/text/terms.js';
import { beginsWithRepeatedClass, startsWithText, withoutLeadingLookbehind } from '../../src/text/regex-pieces.js';
import { FoldedText } from '../../src/text/folded-text.js';
import { foldText, tokenize } from '../../src/text/fold.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRules } from '../helpers/rules.js';

const find = (terms: string[], text: string) => new TermMatcher(terms).find(new FoldedText(text)).map((h) => text.slice(h.start, h.end));

describe('keyword terms', () => {
  it('folds case and accents but keeps æ, ø, å, and keeps offsets', () => {
    expect(foldText('Åpenhet, IDÉ og Ørsta')).toBe('åpenhet, ide og ørsta');
    expect(foldText('Åpenhet, IDÉ og Ørsta').length).toBe('Åpenhet, IDÉ og Ørsta'.length);
  });

  it('keeps hyphenated words whole and also as parts', () => {
    expect(tokenize(foldText('OGP-handlingsplan')).map((t) => t.word)).toEqual(['ogp-handlingsplan', 'ogp', 'handlingsplan']);
  });

  it('matches prefixes, suffixes, infixes and phrases', () => {
    expect(find(['arkiv*'], 'Arkivlova og arkivverket')).toEqual(['Arkivlova', 'arkivverket']);
    expect(find(['*korrupsjon*'], 'Antikorrupsjonsarbeidet')).toEqual(['Antikorrupsjonsarbeidet']);
    expect(find(['*plikt'], 'journalføringsplikt og arkivplikten')).toEqual(['journalføringsplikt']);
    expect(find(['kunstig* intelligens*'], 'bruk av kunstig intelligens i forvaltningen')).toEqual(['kunstig intelligens']);
    expect(find(['kunstig* intelligens*'], 'kunstig og intelligent')).toEqual([]);
  });

  it('matches inflections of a plain word through the Norwegian stem, but not other words', () => {
    expect(find(['kommune'], 'kommunene og kommuner')).toEqual(['kommunene', 'kommuner']);
    expect(find(['ki'], 'KI og kiosk')).toEqual(['KI']);
  });

  it('gives regular expressions a \\b that knows æ, ø and å', () => {
    expect(rulesRegExp('\\bpå\\b').test('jeg er på ferie')).toBe(true);
    expect(rulesRegExp('\\bpå\\b').test('påske')).toBe(false);
    expect(find(['re:\\bforslag\\w* til (en )?ny\\b'], 'Vi har et forslag til en ny forpliktelse')).toEqual(['forslag til en ny']);
  });

  it('finds regular-expression terms exactly where matchAll of the full expression finds them', () => {
    // The matcher searches with the expression stripped of \b and checks the exact one only there.
    const terms = [
      're:\\bpå\\b',
      're:\\bki\\b',
      're:\\b(ny|nye) forplikt\\w*',
      're:\\bplan 4 ?b\\b',
      're:(?<!ikke )\\bforeslår\\b',
      're:\\b\\w*',
      're:x?\\b',
      're:\\bå\\b|\\bø\\b',
      // A leading lookbehind is searched without (withoutLeadingLookbehind), then checked where the rest matches.
      're:(?<=\\b(ingen|ikke) (\\S+ ){0,2}merknad\\w* (til|på) [^.]{0,40})\\b(men|likevel)\\b',
      're:(?<!ikke )foreslår',
      're:(?<=[(]\\)?)(plan|påske)',
      're:(?<=å|ø)\\s',
    ];
    const texts = [
      'På påske var jeg på ferie – på! Påfallende.',
      'KI, ki-basert, kiosk, politikk, AI/KI og ki.',
      'Vi foreslår nye forpliktelser; ny forplikting, ikke foreslår, foreslår igjen.',
      'Plan 4b, plan 4 b, handlingsplan 4b og plan 4bx.',
      'å ø æ åø 😀å ø😀 ÅØ',
      'Vi har ingen merknader til forslaget, men vil likevel nevne plan 4b. Ingen merknad på dette. Men likevel: ikke merknader til planen men ja.',
      '(plan) ()påske )plan [påske]',
      '',
    ];
    for (const term of terms) {
      for (const text of texts) {
        const folded = new FoldedText(text);
        const expected = [...folded.folded.matchAll(rulesRegExp(term.slice(3), 'gu'))].map((m) => [m.index, m.index + m[0].length]);
        const found = new TermMatcher([term]).find(folded).map((h) => [h.start, h.end]);
        expect(found, `${term} in "${text}"`).toEqual(expected);
      }
    }
  });

  it('takes away only a lookbehind an expression starts with, and only when nothing refers back to a group', () => {
    expect(withoutLeadingLookbehind('(?<=(ingen|ikke) [^.)]{0,80})(men|but)')).toBe('(men|but)');
    expect(withoutLeadingLookbehind('(?<!ikke )foreslår')).toBe('foreslår');
    expect(withoutLeadingLookbehind('(?<=\\)[(]\\()(a)')).toBe('(a)');
    expect(withoutLeadingLookbehind('(?<=[)(])x|y')).toBe('x|y');
    expect(withoutLeadingLookbehind('foreslår(?<=(forslag) \\w+)')).toBe('foreslår(?<=(forslag) \\w+)');
    expect(withoutLeadingLookbehind('(?<=(a))\\1')).toBe('(?<=(a))\\1');
    expect(withoutLeadingLookbehind('(?<=(?<x>a))\\k<x>')).toBe('(?<=(?<x>a))\\k<x>');
    expect(withoutLeadingLookbehind('(?<=a)')).toBe('(?<=a)');
    expect(withoutLeadingLookbehind('(?:a)b')).toBe('(?:a)b');
  });

  it('searches without \\b only an expression that begins with written-out text', () => {
    // Without its \b, "[a-zæøå]*(tilskudd|…)" is tried from every letter of a long word to its end.
    for (const s of ['foreslår', '(men|likevel|but)', '(?:ab|cd)+e', '^x', '\\.no', 'a+b']) expect(startsWithText(s), s).toBe(true);
    for (const s of ['[a-zæøå]*(tilskudd|x)', '(\\w*frist|forslaget)', '\\d+ ?%', '(?!kommunal)[a-z]+dep', 'a?b', '(ab)?c', 'x|[a-z]+', '.{0,3}x', '(a|b*c)', '(a']) {
      expect(startsWithText(s), s).toBe(false);
    }
  });

  it('finds a term that begins with a repeated class in a long word as the exact expression does', () => {
    const word = 'x'.repeat(20_000);
    const text = `${word} statstilskudd må publiseres, ${word}tilskudd bør legges ut`;
    const term = 're:\\b[a-zæøå]*(tilskudd|tilskot)\\w* (\\S+ ){0,4}?(bør|må) (publiseres|legges ut)\\b';
    const folded = new FoldedText(text);
    const expected = [...folded.folded.matchAll(rulesRegExp(term.slice(3), 'gu'))].map((m) => [m.index, m.index + m[0].length]);
    expect(expected).toHaveLength(2);
    expect(new TermMatcher([term]).find(folded).map((h) => [h.start, h.end])).toEqual(expected);
  });

  it('refuses an expression that may begin with a repeated class and no \\b, and says how to write it', () => {
    for (const s of ['[a-zæøå]*tilskudd', '(\\w*frist|forslaget) må', '\\d+ ?%', '(?<!ikke )[a-zæøå]+departementet', 'ja|[a-z]+nei']) {
      expect(beginsWithRepeatedClass(withoutLeadingLookbehind(s)), s).toBe(true);
      expect(termSyntaxError(`re:${s}`), s).toMatch(/begins with a repeated class and no \\b.*begin it with \\b/);
    }
    for (const s of ['\\b[a-zæøå]*tilskudd', '\\b(\\w*frist|forslaget) må', 'foreslår \\w+', '(?<!ikke )\\bforeslår', '[a-z] \\w+']) {
      expect(beginsWithRepeatedClass(withoutLeadingLookbehind(s)), s).toBe(false);
      expect(termSyntaxError(`re:${s}`), s).toBeNull();
    }
  });

  it('finds the first hit of the first term over several texts, as find() would in each', () => {
    const parts = ['Vi støtter OGP-handlingsplan 4B.', '', 'KI – «kunstig intelligens» og ÅPENHET', "Ørsta's kommune-plan\n2. avsnitt"].map((p) => new FoldedText(p));
    const matcher = new TermMatcher(['finnes ikke', 'kunstig* intelligens*', 'ogp*']);
    const found = matcher.first(parts);
    // The second term is the first that occurs; its first hit is in the third text.
    expect(found?.text).toBe(parts[2]);
    expect(found?.text.original.slice(found.hit.start, found.hit.end)).toBe('kunstig intelligens');
    expect(found?.hit).toEqual(matcher.find(parts[2]!).find((h) => h.term === 'kunstig* intelligens*'));
    for (const p of parts) expect(new TermMatcher(['re:\\bplan\\b', 'ogp*']).first([p])?.hit ?? null).toEqual(new TermMatcher(['re:\\bplan\\b', 'ogp*']).find(p)[0] ?? null);
    expect(matcher.first([parts[1]!, parts[3]!])).toBeNull();
    // A phrase is not found across two texts.
    expect(new TermMatcher(['avsnitt vi']).first([parts[3]!, parts[0]!])).toBeNull();
  });

  it('splits into the same words as the regular expression it stands for', () => {
    const reference = (folded: string) => {
      const out: Array<[string, number]> = [];
      for (const m of folded.matchAll(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu)) {
        out.push([m[0], m.index]);
        if (m[0].includes('-')) {
          let offset = m.index;
          for (const part of m[0].split('-')) {
            if (part.length > 0) out.push([part, offset]);
            offset += part.length + 1;
          }
        }
      }
      return out;
    };
    const fixed = [
      "OGP-handlingsplan 4B, ki-basert, Ørsta's plan-, -arkiv, a--b, a-'b, x'-y, rock'n'roll",
      'tall: 2021, 18.5., ½, ², ٣٤, Ⅻ 😀å𝒜bc 𝟘 \ud800x \udc00y',
      'ǅungla ﬁnans ĳs straße ΑΒΓ кирилл 中文 한국어 -- - \' \'\'',
      '',
    ];
    // And random strings over an alphabet with the hard cases.
    const alphabet = ['a', 'Z', 'æ', 'ø', 'å', '9', '-', "'", ' ', '\n', '.', '😀', '𝒜', '\ud800', '\udc00', 'é', '–', '_', '٣'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const random = Array.from({ length: 300 }, () => Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join(''));
    for (const text of [...fixed, ...random]) {
      const folded = foldText(text);
      const tokens = tokenize(folded);
      expect(tokens.map((t) => [t.word, t.start]), JSON.stringify(text)).toEqual(reference(folded));
      for (const t of tokens) expect(folded.slice(t.start, t.end)).toBe(t.word);
    }
  });

  it('makes snippets on one line, without cutting words', () => {
    const t = new FoldedText('Første linje.\nVi mener at eInnsyn må utvides til alle kommuner og fylkeskommuner i landet.');
    const [hit] = new TermMatcher(['einnsyn']).find(t);
    expect(t.snippet(hit!.start, hit!.end, 40)).toMatch(/^…?[^\n]*eInnsyn[^\n]*…$/);
  });
});

describe('one slip of the keyboard in a long word (TYPO_LENGTH)', () => {
  it('a letter missing, extra, wrong or two swapped in a word of ten letters or more still matches', () => {
    expect(find(['rettighetshaver*'], 'register over reele rettighethavere')).toEqual(['rettighethavere']);
    expect(find(['rettighetshavere'], 'rettigshetshavere og rettighetshvaere')).toEqual(['rettigshetshavere', 'rettighetshvaere']);
    expect(find(['byggesaksfrister'], 'Byggesaksfirster må kortes ned')).toEqual(['Byggesaksfirster']);
    // ø written as o on a keyboard without it
    expect(find(['journalfør*'], 'så snart de er journalfort')).toEqual(['journalfort']);
    // an inflected form with the slip, through its stem ("byggesaksfirst" is one slip from "byggesaksfrist")
    expect(find(['byggesaksfrister'], 'de nye byggesaksfirstene')).toEqual(['byggesaksfirstene']);
    expect(find(['konsekvensutredning'], 'konsekvensutreningene')).toEqual(['konsekvensutreningene']);
  });

  it('not two slips, not the first letter, not a shorter word', () => {
    expect(find(['rettighetshaver*'], 'rettighethaevre')).toEqual([]);
    expect(find(['byggesaksfrister'], 'vyggesaksfrister')).toEqual([]);
    expect(find(['plass'], 'plan')).toEqual([]);
    expect(find(['postliste*'], 'postlitse')).toEqual([]);
    // a word that only begins with one slip away from a short beginning
    expect(find(['offentlig*'], 'offentlog')).toEqual([]);
  });

  it('the quick look never says no where a slip matches', () => {
    const may = (terms: string[], text: string) => new TermMatcher(terms).mayOccurIn([foldText(text)]);
    for (const [term, text] of [
      ['rettighetshaver*', 'reele rettighethavere'],
      ['byggesaksfrister', 'byggesaksfirster'],
      ['byggesaksfrister', 'byggesaksfirstene'],
      ['konsekvensutredning*', 'konsekvensutreding'],
    ] as const) {
      expect(new TermMatcher([term]).first([new FoldedText(text)]), `${term} in ${text}`).not.toBeNull();
      expect(may([term], text), `${term} in ${text}`).toBe(true);
    }
    expect(may(['rettighetshaver*'], 'ingen treff her')).toBe(false);
  });
});

describe('the quick look for terms (TermMatcher.mayOccurIn)', () => {
  it('says no only when a term cannot occur: words as written, whole words by their stem, expressions always maybe', () => {
    const may = (terms: string[], text: string) => new TermMatcher(terms).mayOccurIn([foldText(text)]);
    expect(may(['postliste*'], 'Postlistene må være åpne.')).toBe(true);
    expect(may(['postliste*'], 'Ingen treff her.')).toBe(false);
    // A whole word of five letters or more matches its inflections: "innsynsløsningene" has the stem of "innsynsløsning".
    expect(may(['innsynsløsning'], 'Innsynsløsningene er for dårlige.')).toBe(true);
    expect(new TermMatcher(['innsynsløsning']).first([new FoldedText('Innsynsløsningene er for dårlige.')])).not.toBeNull();
    // Every word of a term must be there.
    expect(may(['åpne data'], 'Data om vær.')).toBe(false);
    expect(may(['re:\\bingen\\b'], 'Ingenting.')).toBe(true);
    expect(new TermMatcher([]).mayOccurIn([foldText('Noe tekst.')])).toBe(false);
  });

  it('never says no where the full search finds a term (every commitment term of the rules over every development message)', () => {
    const rules = projectRules();
    const terms = [...new Set(rules.consultations.flatMap((v) => v.commitments.items.flatMap((c) => [...c.strong.sources, ...c.medium.sources, ...c.weak.sources])))];
    expect(terms.length).toBeGreaterThan(100);
    let found = 0;
    for (const name of readdirSync('fixtures/messages').filter((n) => n.endsWith('.eml'))) {
      const text = readFileSync(join('fixtures/messages', name), 'utf8');
      const whole = new FoldedText(text);
      const folded = [foldText(text)];
      for (const term of terms) {
        const matcher = new TermMatcher([term]);
        if (matcher.first([whole]) === null) continue;
        found++;
        expect(matcher.mayOccurIn(folded), `${term} in ${name}`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
