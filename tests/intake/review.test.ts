// The review stage: a margin from each decision's evidence; inside the uncertain band a person
// decides, and while relevance or the receipt is uncertain the receipt is held (by code).
import { describe, expect, it } from 'vitest';
import { heldReceipt, reviewHoldsMessage, reviewOf, type ReviewInput } from '../../src/intake/review.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const t = rules.relevance.threshold;
const band = rules.relevance.review;
const base: ReviewInput = {
  isMail: true,
  relevance: { relevant: true, score: 30 },
  automatic: { kind: null, byWordsOnly: false },
  ownWordCount: 80,
  commitments: { assigned: [12], bestLeftOut: null },
  noComments: false,
  forged: null,
  spam: null,
};

describe('review', () => {
  it('is not needed for a clear decision', () => {
    expect(reviewOf(base, rules)).toEqual({ needed: false, reasons: [], notes: [] });
  });

  it('marks relevance uncertain inside the band from the rules, on both sides of the threshold, and holds it', () => {
    const at = (score: number) => reviewOf({ ...base, relevance: { relevant: score >= t, score } }, rules);
    expect(at(t + band.relevance.from).reasons).toEqual(['relevance-uncertain']);
    expect(at(t + band.relevance.to).reasons).toEqual(['relevance-uncertain']);
    expect(at(t + band.relevance.from - 1).needed).toBe(false);
    expect(at(t + band.relevance.to + 1).needed).toBe(false);
    const r = at(t + band.relevance.from);
    expect(reviewHoldsMessage(r)).toBe(true);
    expect(r.notes[0]!.text).toContain(`grensen er ${t}`);
  });

  it('marks an automatic reply known only by its words, with a long text of its own, as uncertain', () => {
    const r = reviewOf({ ...base, automatic: { kind: 'out-of-office', byWordsOnly: true }, ownWordCount: band.automaticWords + 1 }, rules);
    expect(r.reasons).toEqual(['automatic-uncertain']);
    expect(reviewOf({ ...base, automatic: { kind: 'out-of-office', byWordsOnly: false }, ownWordCount: 500 }, rules).needed).toBe(false);
  });

  it('asks a person to check a commitment at the threshold, without holding the message', () => {
    const r = reviewOf({ ...base, commitments: { assigned: [12, rules.commitments.scoring.threshold], bestLeftOut: null } }, rules);
    expect(r.reasons).toEqual(['commitments-uncertain']);
    expect(reviewHoldsMessage(r)).toBe(false);
    expect(heldReceipt(r, { send: true, code: 'send', reason: 'kvittering sendes' })).toEqual({ send: true, code: 'send', reason: 'kvittering sendes' });
  });

  it('holds the receipt of forged or spam-flagged input, with the reason in words and the code held-for-review', () => {
    const r = reviewOf({ ...base, forged: 'DMARC feilet for avsenderdomenet', spam: 'X-Spam-Flag: YES' }, rules);
    expect(r.reasons).toEqual(['sender-forged', 'spam-flagged']);
    const receipt = heldReceipt(r, { send: true, code: 'send', reason: 'kvittering sendes' });
    expect(receipt.send).toBe(false);
    expect(receipt.code).toBe('held-for-review');
    expect(receipt.reason).toContain('DMARC feilet');
  });

  it('does not hold machine mail for a forged sender (it gets no receipt anyway)', () => {
    expect(reviewOf({ ...base, automatic: { kind: 'bounce', byWordsOnly: false }, forged: 'DMARC feilet' }, rules).needed).toBe(false);
  });
});
