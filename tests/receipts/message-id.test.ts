// A receipt's Message-ID is made from its record (receipts/outbox.ts): every try of the same
// receipt carries the same one, so it need not be written down before the first; two records never
// share one.
import { describe, expect, it } from 'vitest';
import { receiptMessageId } from '../../src/receipts/outbox.js';

const record = { id: 'OGP-2021-0042', rawSha256: 'a'.repeat(64), filedAt: '2021-05-10T08:00:00.000Z' };

describe('the receipt’s Message-ID', () => {
  it('is the same for the same record, on the sender’s domain', () => {
    const id = receiptMessageId(record, 'postmottak@kmd.dep.no');
    expect(id).toBe(receiptMessageId({ ...record }, 'postmottak@kmd.dep.no'));
    expect(id).toMatch(/^<kvittering\.OGP-2021-0042\.[0-9a-f]{12}@kmd\.dep\.no>$/);
  });

  it('differs for another record, another original or another filing with the same number', () => {
    const id = receiptMessageId(record, 'postmottak@kmd.dep.no');
    const others = [
      { ...record, id: 'OGP-2021-0043' },
      { ...record, rawSha256: 'b'.repeat(64) },
      // a store started afresh that gives the number again
      { ...record, filedAt: '2021-05-11T08:00:00.000Z' },
    ].map((r) => receiptMessageId(r, 'postmottak@kmd.dep.no'));
    expect(new Set([id, ...others]).size).toBe(4);
  });
});
