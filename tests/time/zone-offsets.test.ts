// The zone offsets kept per quarter of an hour (src/time/zone.ts) say what Intl says, also next to
// a change of daylight-saving time, in zones whose offsets are not whole hours, and long ago.
import { describe, expect, it } from 'vitest';
import { formatInZone, zoneOffsetMinutes } from '../../src/time/zone.js';

function fromIntl(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

describe('zone offsets', () => {
  const cases: Array<[string, string]> = [
    ['Europe/Oslo', '2021-03-28T00:30:00Z'], // to summer time at 01:00 UTC
    ['Europe/Oslo', '2021-10-31T00:30:00Z'], // back at 01:00 UTC
    ['Asia/Kathmandu', '1985-12-31T18:00:00Z'], // +05:30 → +05:45 at 18:15 UTC
    ['Australia/Lord_Howe', '2021-04-04T14:30:00Z'], // half an hour back
    ['Europe/Oslo', '1894-12-31T22:30:00Z'], // local mean time (+00:53:28) to CET at 23:06:32 UTC
  ];
  for (const [zone, start] of cases) {
    it(`equal Intl's minute by minute around ${start} in ${zone}`, () => {
      const t0 = Date.parse(start);
      for (let m = 0; m <= 120; m++) {
        for (const s of [0, 17, 59]) {
          const at = new Date(t0 + m * 60_000 + s * 1000);
          expect(zoneOffsetMinutes(at, zone), at.toISOString()).toBe(fromIntl(at, zone));
        }
      }
    });
  }

  it('format an instant as before', () => {
    expect(formatInZone(new Date('2021-05-18T21:59:59Z'), 'Europe/Oslo')).toBe('2021-05-18T23:59:59+02:00');
    expect(formatInZone(new Date('2021-01-18T21:59:59Z'), 'Europe/Oslo')).toBe('2021-01-18T22:59:59+01:00');
  });
});
