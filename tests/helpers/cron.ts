// A digest clock the test ticks by hand (the CronClock hook of src/digest/schedule.ts): the
// expression and time zone are node-cron's own, so a catch-up matches times as in production,
// but no timer runs. A test says "the 08:00 tick came" with `await cron.tick()` instead of
// waiting for a real one.
import { createTask } from 'node-cron';
import type { CronClock } from '../../src/digest/schedule.js';

export interface HandCron {
  clock: CronClock;
  /** Fires every started schedule's tick once; resolves when the runs it started are done. */
  tick(): Promise<void>;
  /** How many schedules are started and not stopped. */
  readonly started: number;
}

export function handCron(): HandCron {
  const ticks = new Set<() => Promise<void>>();
  const clock: CronClock = (cron, timezone, onTick) => {
    const matcher = createTask(cron, () => undefined, { timezone }); // never started: its matcher only
    const own = () => onTick();
    ticks.add(own);
    return {
      match: (d) => matcher.match(d),
      nextRun: () => matcher.getNextRuns(1)[0] ?? null,
      stop: () => {
        ticks.delete(own);
        void matcher.destroy();
      },
    };
  };
  return {
    clock,
    async tick() {
      await Promise.all([...ticks].map((t) => t()));
    },
    get started() {
      return ticks.size;
    },
  };
}
