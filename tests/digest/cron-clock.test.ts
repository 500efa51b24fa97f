// The real digest clock (node-cron behind the CronClock hook of src/digest/schedule.ts) under a
// fake clock: the test moves time, node-cron's own timers fire. A tick comes at the scheduled
// time in the configured zone, and a tick that comes late because the process was busy is run
// late, not skipped. No real time passes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nodeCronClock, type CronTicks } from '../../src/digest/schedule.js';
import { captureLog } from '../helpers/digest-env.js';

const WEEKDAYS_8 = '0 8 * * 1-5';
let ticks: CronTicks | null = null;
let fired: string[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  fired = [];
});
afterEach(() => {
  ticks?.stop();
  ticks = null;
  vi.useRealTimers();
});

function start(at: string): void {
  vi.setSystemTime(new Date(at));
  ticks = nodeCronClock(WEEKDAYS_8, 'Europe/Oslo', async () => void fired.push(new Date().toISOString()), captureLog().log);
}

describe('the node-cron digest clock', () => {
  it('ticks at 08:00 in Oslo on weekdays, and says when the next tick is', async () => {
    start('2021-05-12T05:59:00Z'); // Wednesday 07:59 in Oslo (summer time)
    expect(ticks!.nextRun()?.toISOString()).toBe('2021-05-12T06:00:00.000Z');
    expect(ticks!.match(new Date('2021-05-15T06:00:00Z'))).toBe(false); // a Saturday
    await vi.advanceTimersByTimeAsync(59_000);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fired).toEqual(['2021-05-12T06:00:00.000Z']);
    await vi.advanceTimersByTimeAsync(3 * 86_400_000); // Thursday, Friday; not Saturday
    expect(fired).toEqual(['2021-05-12T06:00:00.000Z', '2021-05-13T06:00:00.000Z', '2021-05-14T06:00:00.000Z']);
  });

  it('runs a tick that came over a second late (the process was busy) instead of skipping it', async () => {
    start('2021-05-12T05:59:58Z');
    await vi.advanceTimersByTimeAsync(1_000);
    // The process is stuck over the tick: the clock moves 5 s on while no timer can fire.
    vi.setSystemTime(new Date('2021-05-12T06:00:04Z'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fired).toHaveLength(1);
    expect(Date.parse(fired[0]!)).toBeGreaterThan(Date.parse('2021-05-12T06:00:01Z')); // late, but sent
  });

  it('stops ticking when stopped', async () => {
    start('2021-05-12T05:59:58Z');
    ticks!.stop();
    await vi.advanceTimersByTimeAsync(86_400_000);
    expect(fired).toEqual([]);
  });
});
