// The loop guard's memory (receipts per address in the last 24 hours) holds the last day's senders,
// not every sender the mailbox ever had: counted in entries, with an injected clock (issue 17).
import { describe, expect, it } from 'vitest';
import { ReceiptOutbox } from '../../src/receipts/outbox.js';
import { createLogger } from '../../src/log.js';
import type { Config } from '../../src/config.js';
import type { Rules } from '../../src/rules/types.js';
import type { Store } from '../../src/store/json-store.js';

const HOUR = 3_600_000;

function outbox(clock: { t: number }, perDay = 3): ReceiptOutbox {
  const config = { receiptsPerSenderPerDay: perDay } as Config;
  const log = createLogger({ level: 'silent', secrets: [] });
  return new ReceiptOutbox(config, () => ({}) as Rules, {} as Store, log, () => new Date(clock.t));
}

describe('the receipt loop guard', () => {
  it('forgets senders with nothing in the last 24 hours instead of growing with the mailbox', () => {
    const clock = { t: Date.parse('2026-05-10T08:00:00Z') };
    const o = outbox(clock);
    for (let day = 0; day < 5; day++) {
      for (let i = 0; i < 1000; i++) {
        expect(o.allow(`sender${day}-${i}@example.org`)).toBe(true);
        clock.t += 60_000;
      }
      clock.t += 8 * HOUR;
    }
    // Only the senders of the last ~24 hours may be remembered: one day's 1,000, not 5,000.
    expect(o.rememberedAddresses).toBeLessThanOrEqual(2000);
    clock.t += 25 * HOUR;
    o.allow('new@example.org');
    expect(o.rememberedAddresses).toBe(1);
  });

  it('still refuses a fourth receipt to one address within 24 hours, and allows it after', () => {
    const clock = { t: Date.parse('2026-05-10T08:00:00Z') };
    const o = outbox(clock);
    for (let i = 0; i < 3; i++) {
      expect(o.allow('loop@example.org')).toBe(true);
      clock.t += 2 * HOUR; // sweeps run in between; the address has recent receipts and stays
    }
    expect(o.allow('loop@example.org')).toBe(false);
    clock.t += 19 * HOUR; // the first receipt is now more than 24 hours old
    expect(o.allow('loop@example.org')).toBe(true);
    expect(o.allow('loop@example.org')).toBe(false);
  });
});
