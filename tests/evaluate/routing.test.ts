// "Routed to its consultation", scored (evaluate/routing.ts): an imitation that is not input is
// no consultation's, whichever consultation's words or thread it uses; input is its consultation's.
import { describe, expect, it } from 'vitest';
import { expectedConsultation, routedOf, scoreRouting } from '../../src/evaluate/routing.js';
import type { Label } from '../../src/evaluate/labels.js';
import type { Submission } from '../../src/intake/types.js';

const label = (l: Partial<Label>): Label => ({ file: 'a.eml', relevant: false, automatic: false, commitments: [], receipt: false, ...l }) as Label;
const submission = (s: Partial<Submission>): Submission =>
  ({ relevant: false, suspicious: false, consultation: { id: 'ogp-4b', reason: { code: 'thread', text: '' } }, review: { needed: true, reasons: ['suspicious'], notes: [] }, ...s }) as Submission;

describe('routing scores', () => {
  it('an imitation held for a person is routed to none, also in a consultation’s thread', () => {
    expect(routedOf(submission({ suspicious: true }))).toEqual({ consultation: null, uncertain: false, filedUnder: 0 });
  });

  it('a label from before several consultations expects none for an imitation, the default one for input and held receipts', () => {
    expect(expectedConsultation(label({ suspicious: true }), 'ogp-4b')).toBeNull();
    expect(expectedConsultation(label({ relevant: true }), 'ogp-4b')).toBe('ogp-4b');
    expect(expectedConsultation(label({ relevant: true, receiptHeld: true }), 'ogp-4b')).toBe('ogp-4b');
  });

  it('counts an imitation filed as input as a miss', () => {
    const filed = { consultation: 'ogp-4b', uncertain: false, filedUnder: 1 };
    const held = routedOf(submission({ suspicious: true }));
    const scores = scoreRouting(
      [
        { label: label({ file: 'a.eml', suspicious: true }), routed: filed },
        { label: label({ file: 'b.eml', suspicious: true }), routed: held },
      ],
      'ogp-4b',
    );
    expect(scores).toMatchObject({ ok: 1, n: 2 });
  });
});
