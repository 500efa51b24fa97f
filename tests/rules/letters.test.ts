import { describe, expect, it } from 'vitest';
import { LetterSet } from '../../src/rules/letters.js';
import { LetterIndex, normaliseLine } from '../../src/text/letter.js';

const ogp = new LetterIndex(
  [
    'Vi ber nå Interessentforumet om innspill til Handlingsplan 4B for åpen forvaltning.',
    'Innspillene bør være konkrete og knyttet til forpliktelsene i planen.',
    'Frist for innspill er fredag 21. mai 2021.',
  ].join('\n'),
);
const pbl = new LetterIndex(
  [
    'Departementet sender med dette forslag til endringer i plan- og bygningsloven på høring.',
    'Frist for innspill er fredag 21. mai 2021.',
    'Høringssvar sendes til postmottak i departementet.',
  ].join('\n'),
);
const lines = [
  '> Vi ber nå Interessentforumet om innspill til Handlingsplan 4B for åpen forvaltning.',
  'Frist for innspill er fredag 21. mai 2021.',
  '> Departementet sender med dette forslag til endringer i plan- og bygningsloven på høring.',
  'Vi mener planen bør ha en forpliktelse om åpne data.',
  'Høringssvar sendes til postmottak i departementet.',
  'Kort linje.',
  '',
  'Frist for innspill er fredag 21. mai 2021.',
];

describe('the letters of every consultation together', () => {
  it('says which lines are a letter’s and counts them per letter, as each letter alone does', () => {
    const set = new LetterSet([
      { id: 'ogp-4b', index: ogp },
      { id: 'pbl-2021', index: pbl },
    ]);
    const expected: Record<string, number> = { 'ogp-4b': 0, 'pbl-2021': 0 };
    for (const line of lines) {
      const n = normaliseLine(line);
      if (ogp.containsNormalised(n, true)) expected['ogp-4b']!++;
      if (pbl.containsNormalised(n, true)) expected['pbl-2021']!++;
    }
    expect(expected).toEqual({ 'ogp-4b': 3, 'pbl-2021': 4 });
    // Asked line by line first (as own words do), then counted: the same counts, and again.
    for (const line of lines) expect(set.contains(line, true), line).toBe(ogp.contains(line, true) || pbl.contains(line, true));
    expect(set.count(lines)).toEqual(expected);
    expect(set.count(lines)).toEqual(expected);
    expect(new LetterSet([{ id: 'ogp-4b', index: ogp }, { id: 'pbl-2021', index: pbl }]).count(lines)).toEqual(expected);
    // Not strict: a line of a letter as it is.
    for (const line of lines) expect(set.contains(line), line).toBe(ogp.contains(line) || pbl.contains(line));
    expect(set.contains('Vi mener planen bør ha en forpliktelse om åpne data.', true)).toBe(false);
  });
});
