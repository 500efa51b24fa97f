import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { requiredPieces } from '../../src/text/regex-pieces.js';
import { lookFirst, rulesRegExp, TermMatcher } from '../../src/text/terms.js';
import { FoldedText } from '../../src/text/folded-text.js';
import { foldText } from '../../src/text/fold.js';

describe('what every match of an expression must contain', () => {
  it('reads plain runs and groups of plain choices at the top level, and nothing uncertain', () => {
    // Neighbours are joined, through an assertion (\b, a lookaround) too: the combinations are one piece.
    expect(requiredPieces('\\b(?!kommunal|modernisering)[a-zæøå]+departementets (forslag|høring|utkast)\\b')).toEqual([['departementets forslag', 'departementets høring', 'departementets utkast']]);
    expect(requiredPieces('\\bstakeholder forum\\b')).toEqual([['stakeholder forum']]);
    expect(requiredPieces('\\b(vi|me) ber\\b')).toEqual([['vi ber', 'me ber']]);
    expect(requiredPieces('(?<=ingen merknad )(men|likevel) (?=videre)')).toEqual([['men ', 'likevel ']]);
    // A quantifier makes the character or group before it optional; a quantified group, a class, an
    // escape for a class or a reference ends what is joined.
    expect(requiredPieces('høringss?var')).toEqual([['hørings']]);
    expect(requiredPieces('plansak\\w* (er|blir)? (stengt|lukket)+ (kommunen)')).toEqual([['plansak'], [' kommunen']]);
    expect(requiredPieces('(?:innspill|innspel)\\s(?<hva>svaret|svar)\\.no')).toEqual([['innspill', 'innspel'], ['svaret.no', 'svar.no']]);
    expect(requiredPieces('e\\-post\\.adresse')).toEqual([['e-post.adresse']]);
    expect(requiredPieces('gnr\\.? ?\\d+ ?bnr')).toEqual([]);
    expect(requiredPieces('\\p{L}{2,}lovforslaget\\u{e5}x')).toEqual([['lovforslaget']]);
    expect(requiredPieces('saken{1,3}? gjelder')).toEqual([['sake'], [' gjelder']]);
    // A letter of two UTF-16 units made optional is left out whole.
    expect(requiredPieces('a\u{1f600}?bcde')).toEqual([['bcde']]);
    // A choice at the top level: no piece is in every match.
    expect(requiredPieces('departementets forslag|utkast')).toEqual([]);
    // A group with a choice that is not plain gives nothing; short choices count once joined to their neighbours.
    expect(requiredPieces('(høring\\w*|høyring) (til|om) planen')).toEqual([[' til planen', ' om planen']]);
    expect(requiredPieces('[(|)]klage(?:[|]x)')).toEqual([['klage']]);
    // Joined while there are at most twelve combinations: a choice that would make more begins the next piece.
    expect(requiredPieces('\\b(leverte|sendte|ga|gav|spilte|spelte) (vi|me) (inn )?x')).toEqual([
      ['leverte vi ', 'leverte me ', 'sendte vi ', 'sendte me ', 'ga vi ', 'ga me ', 'gav vi ', 'gav me ', 'spilte vi ', 'spilte me ', 'spelte vi ', 'spelte me '],
    ]);
    expect(requiredPieces('(aaaa|bbbb|cccc) (dddd|eeee|ffff|gggg|hhhh) x')).toEqual([['aaaa ', 'bbbb ', 'cccc '], ['dddd x', 'eeee x', 'ffff x', 'gggg x', 'hhhh x']]);
  });

  it('finds every piece in every match of every expression of the rules, over every third development message', () => {
    const sources = [
      ...new Set(
        execFileSync('grep', ['-rhoE', 're:.*', 'rules'], { encoding: 'utf8' })
          .split('\n')
          .filter(Boolean)
          .map((l) => l.replace(/["']\]?\s*$/, '').replace(/\\\\/g, '\\').slice(3)),
      ),
    ].filter((s) => {
      try {
        rulesRegExp(s);
        return true;
      } catch {
        return false;
      }
    });
    expect(sources.length).toBeGreaterThan(300);
    const dir = join('fixtures', 'messages');
    const texts = readdirSync(dir).sort().filter((_, i) => i % 3 === 0).map((f) => foldText(readFileSync(join(dir, f), 'utf8')));
    let matches = 0;
    let withPieces = 0;
    for (const source of sources) {
      const pieces = requiredPieces(source);
      if (pieces.length > 0) withPieces++;
      const re = rulesRegExp(source, 'gu');
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          matches++;
          for (const choices of pieces) expect(choices.some((s) => m[0].includes(s)), `${source} in "${m[0]}"`).toBe(true);
        }
      }
    }
    expect(withPieces).toBeGreaterThan(sources.length / 2);
    expect(matches).toBeGreaterThan(300);
  });

  it('a matcher finds what the full expression finds, with or without the pieces in the text', () => {
    const terms = ['re:\\b(?!kommunal)[a-zæøå]+departementets (forslag|høring)\\b', 're:\\bplan (4b|4 b)\\b', 're:innspill (til|om) planen'];
    const texts = ['Kommunal- og distriktsdepartementets høring og Finansdepartementets forslag', 'Plan 4b og plan 4 b.', 'Innspill til planen, innspill om planen, innspill til plan', 'ingenting her', ''];
    for (const term of terms) {
      for (const text of texts) {
        const folded = new FoldedText(text);
        const expected = [...folded.folded.matchAll(rulesRegExp(term.slice(3), 'gu'))].map((m) => [m.index, m.index + m[0].length]);
        expect(new TermMatcher([term]).find(folded).map((h) => [h.start, h.end]), `${term} in "${text}"`).toEqual(expected);
      }
    }
    // The same in long texts, whose pieces are first asked of their grams (GramSet).
    const filler = 'Departementet viser til brevet og takker for muligheten til å gi innspill. '.repeat(8);
    for (const term of terms) {
      for (const text of texts) {
        const folded = new FoldedText(`${filler}${text} ${filler}`);
        const expected = [...folded.folded.matchAll(rulesRegExp(term.slice(3), 'gu'))].map((m) => [m.index, m.index + m[0].length]);
        expect(new TermMatcher([term]).find(folded).map((h) => [h.start, h.end]), `${term} in a long text with "${text}"`).toEqual(expected);
      }
    }
    const t = new FoldedText('Høringen om Planen');
    expect([t.includes('høring'), t.includes('planen'), t.includes('Planen'), t.includes('høring')]).toEqual([true, true, false, true]);
  });

  it('looks first for the pieces worth a look: single strings first, a choice without the strings that contain another of it', () => {
    // "foreslår" holds "foreslå": where it is, "foreslå" is too; a choice written twice is one look.
    expect(lookFirst('\\b(vi |we )?(foreslår|foreslå|propose|proposes|suggest)( også)? at')).toEqual([['foreslå', 'propose', 'suggest']]);
    expect(lookFirst('(innspill|innspill|innspel) om (tilgang|kontoen)\\w* til planen')).toEqual([[' til planen'], ['innspill om tilgang', 'innspill om kontoen', 'innspel om tilgang', 'innspel om kontoen']]);
    // Up to four pieces, fewest choices first; a choice of more than twelve strings is not looked for.
    const many = Array.from({ length: 13 }, (_, i) => `ord${String.fromCharCode(97 + i)}x`).join('|');
    expect(lookFirst(`(${many})\\s(aaaa|bbbb)\\s(cccc|dddd|eeee)\\sffff gggggg\\s(hhhh|iiii)\\s(llll|mmmm|nnnn|oooo)\\s(pppp)`)).toEqual([
      ['ffff gggggg'],
      ['pppp'],
      ['aaaa', 'bbbb'],
      ['hhhh', 'iiii'],
    ]);
  });
});
