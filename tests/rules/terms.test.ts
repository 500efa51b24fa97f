import { describe, expect, it } from 'vitest';
import { FoldedText, TermMatcher, foldText, rulesRegExp, tokenize } from '../../src/rules/terms.js';

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
    ];
    const texts = [
      'På påske var jeg på ferie – på! Påfallende.',
      'KI, ki-basert, kiosk, politikk, AI/KI og ki.',
      'Vi foreslår nye forpliktelser; ny forplikting, ikke foreslår, foreslår igjen.',
      'Plan 4b, plan 4 b, handlingsplan 4b og plan 4bx.',
      'å ø æ åø 😀å ø😀 ÅØ',
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

  it('joins folded texts into exactly the folded text of the joined originals', () => {
    const parts = ['Vi støtter OGP-handlingsplan 4B.', '', 'KI – «kunstig intelligens» og ÅPENHET', "Ørsta's kommune-plan\n2. avsnitt"];
    const joined = FoldedText.join(parts.map((p) => new FoldedText(p)));
    const whole = new FoldedText(parts.join('\n'));
    expect(joined.original).toBe(whole.original);
    expect(joined.folded).toBe(whole.folded);
    expect(joined.wordCount).toBe(whole.wordCount);
    for (let i = 0; i < whole.wordCount; i++) expect(joined.at(i)).toEqual(whole.at(i));
    const terms = ['ogp*', 'kunstig* intelligens*', 'åpenhet', 'plan', '*plan', 're:\\bki\\b', 'kommune'];
    expect(new TermMatcher(terms).find(joined)).toEqual(new TermMatcher(terms).find(whole));
  });

  it('makes snippets on one line, without cutting words', () => {
    const t = new FoldedText('Første linje.\nVi mener at eInnsyn må utvides til alle kommuner og fylkeskommuner i landet.');
    const [hit] = new TermMatcher(['einnsyn']).find(t);
    expect(t.snippet(hit!.start, hit!.end, 40)).toMatch(/^…?[^\n]*eInnsyn[^\n]*…$/);
  });
});
