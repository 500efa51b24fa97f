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

  it('makes snippets on one line, without cutting words', () => {
    const t = new FoldedText('Første linje.\nVi mener at eInnsyn må utvides til alle kommuner og fylkeskommuner i landet.');
    const [hit] = new TermMatcher(['einnsyn']).find(t);
    expect(t.snippet(hit!.start, hit!.end, 40)).toMatch(/^…?[^\n]*eInnsyn[^\n]*…$/);
  });
});
