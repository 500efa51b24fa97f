import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { lastScheduledTime } from '../../src/digest/last-scheduled.js';

function last(pattern: string, now: string): string | null {
  const task = createTask(pattern, () => undefined, { timezone: 'Europe/Oslo' });
  try {
    return lastScheduledTime(pattern, 'Europe/Oslo', new Date(now), (d) => task.match(d))?.toISOString() ?? null;
  } finally {
    void task.destroy();
  }
}

describe('the most recent scheduled time', () => {
  it('finds the last weekday 08:00 in Oslo, summer and winter', () => {
    expect(last('0 8 * * 1-5', '2021-05-15T12:00:00Z')).toBe('2021-05-14T06:00:00.000Z'); // Saturday → Friday
    expect(last('0 8 * * 1-5', '2021-05-17T05:59:59Z')).toBe('2021-05-14T06:00:00.000Z'); // Monday before eight → Friday
    expect(last('0 8 * * 1-5', '2021-05-17T06:00:00Z')).toBe('2021-05-17T06:00:00.000Z'); // exactly at eight
    expect(last('0 8 * * 1-5', '2021-01-04T12:00:00Z')).toBe('2021-01-04T07:00:00.000Z'); // winter time
    expect(last('0 8 * * *', '2021-03-28T12:00:00Z')).toBe('2021-03-28T06:00:00.000Z'); // the day summer time starts
  });

  it('handles seconds, the last day of the month and the nth weekday', () => {
    expect(last('*/2 * * * * *', '2021-05-14T10:00:03.500Z')).toBe('2021-05-14T10:00:02.000Z');
    expect(last('0 8 L * *', '2021-05-15T12:00:00Z')).toBe('2021-04-30T06:00:00.000Z');
    expect(last('0 8 * * 1#1', '2021-05-15T12:00:00Z')).toBe('2021-05-03T06:00:00.000Z');
  });

  it('finds a schedule that is due only every fourth year', () => {
    expect(last('0 8 29 2 *', '2021-05-15T12:00:00Z')).toBe('2020-02-29T07:00:00.000Z');
  });
});
