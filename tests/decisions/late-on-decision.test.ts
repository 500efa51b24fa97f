// Late is said of input. A message held while a caseworker decides whether it is input at all is
// filed late for nothing; the decision judges it again by its consultation's deadline, so the
// receipt the decision releases, the digest and the exports say late when it came after it.
import { describe, expect, it } from 'vitest';
import { applyOverride } from '../../src/decisions/overrides.js';
import { rulesFor } from '../../src/rules/views.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const ogp = rulesFor(projectRules(), 'ogp-4b');
const by = { by: 'saksbehandler@kmd.dep.no', via: 'cli' as const, at: '2021-05-27T08:00:00.000Z' };
const held = (receivedAt: string) => makeRecord({ seq: 1, receivedAt, relevant: false, late: false });

describe('lateness judged again when a person decides whether a message is input', () => {
  it('decided input after the deadline (18 May, end of day in Oslo): late; before it: not late', () => {
    const after = applyOverride(held('2021-05-26T08:00:00.000Z'), { ...by, field: 'decision', value: 'input', rules: { relevant: false, automatic: false } }, ogp);
    expect(after.relevant).toBe(true);
    expect(after.late).toBe(true);
    const before = applyOverride(held('2021-05-18T21:30:00.000Z'), { ...by, field: 'decision', value: 'input', rules: { relevant: false, automatic: false } }, ogp);
    expect(before.late).toBe(false);
    const corrected = applyOverride(held('2021-05-19T06:00:00.000Z'), { ...by, field: 'relevant', value: true, rules: false }, ogp);
    expect(corrected.late).toBe(true);
  });

  it('decided not input: late for nothing, whenever it came', () => {
    const record = makeRecord({ seq: 2, receivedAt: '2021-05-26T08:00:00.000Z', relevant: true, late: true });
    const decided = applyOverride(record, { ...by, field: 'decision', value: 'not-input', rules: { relevant: true, automatic: false } }, ogp);
    expect(decided.relevant).toBe(false);
    expect(decided.late).toBe(false);
  });
});
