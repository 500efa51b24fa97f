// Which commitment terms differ between two versions of the rule data, or null when more differs
// (what reclassify uses to classify again only the records a change can touch).
import { describe, expect, it } from 'vitest';
import { changedCommitmentTerms } from '../../src/rules/term-changes.js';
import type { RuleData } from '../../src/rules/types.js';
import { projectRules } from '../helpers/rules.js';

const data = projectRules().data!;
const copy = (): RuleData => JSON.parse(JSON.stringify(data)) as RuleData;
const einnsyn = (d: RuleData) => d.consultations.find((c) => c.id === 'ogp-4b')!.commitments.commitments.find((x) => x.id === 'einnsyn')!;

describe('changed commitment terms', () => {
  it('none between the same data', () => {
    expect(changedCommitmentTerms(data, copy())).toEqual([]);
  });

  it('a term added, one removed, one moved to another tier', () => {
    const after = copy();
    const e = einnsyn(after);
    const moved = e.strong[0]!;
    const removed = e.strong[1]!;
    e.strong = e.strong.filter((t) => t !== moved && t !== removed).concat('postliste*');
    e.medium = [...e.medium, moved];
    expect(changedCommitmentTerms(data, after)!.sort()).toEqual([moved, removed, 'postliste*'].sort());
  });

  it('the same terms in another order: all of that tier', () => {
    const after = copy();
    einnsyn(after).strong.reverse();
    expect(changedCommitmentTerms(data, after)!.sort()).toEqual([...new Set(einnsyn(data).strong)].sort());
  });

  it('null when anything else differs: scoring, exclusions, a letter, a signal', () => {
    const scoring = copy();
    scoring.consultations[0]!.commitments.scoring.threshold += 1;
    const exclude = copy();
    einnsyn(exclude).exclude = [...einnsyn(exclude).exclude, 'xyzzy'];
    const letter = copy();
    letter.consultations[0]!.letterText += '\nEn ny linje.';
    const signal = copy();
    signal.consultations[0]!.relevance.signals[0]!.points += 1;
    for (const after of [scoring, exclude, letter, signal]) expect(changedCommitmentTerms(data, after)).toBeNull();
  });
});
