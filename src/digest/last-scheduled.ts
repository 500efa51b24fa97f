// The most recent time a cron schedule was due, at or before a given instant: how the schedule
// notices, on start, that a digest fell due while innspill was not running. node-cron only looks
// forward, so this walks back day by day, and lets node-cron's own matcher have the last word on
// each candidate (it knows day-of-month/weekday rules such as L and 1#2).
import { parse } from 'node-cron';
import { formatInZone, zonedLocalToInstant } from '../time/zone.js';

/** Far enough back for any schedule a digest would use, even one on 29 February. */
const MAX_DAYS_BACK = 8 * 366;

const pad = (n: number) => String(n).padStart(2, '0');
const descending = (values: number[]) => [...values].sort((a, b) => b - a);

function dayBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

export function lastScheduledTime(pattern: string, timeZone: string, now: Date, matches: (instant: Date) => boolean): Date | null {
  const fields = parse(pattern);
  const hours = descending(fields.hour);
  const minutes = descending(fields.minute);
  const seconds = descending(fields.second);
  const local = formatInZone(now, timeZone);
  const today = local.slice(0, 10);
  const clockNow = local.slice(11, 19);
  for (let back = 0; back < MAX_DAYS_BACK; back++) {
    const date = dayBefore(today, back);
    const at = (h: number, m: number, s: number) => zonedLocalToInstant(`${date}T${pad(h)}:${pad(m)}:${pad(s)}`, timeZone);
    // One probe at the day's first scheduled time tells whether the schedule runs on this day at all.
    if (!matches(at(hours.at(-1)!, minutes.at(-1)!, seconds.at(-1)!))) continue;
    for (const h of hours) {
      for (const m of minutes) {
        for (const s of seconds) {
          if (back === 0 && `${pad(h)}:${pad(m)}:${pad(s)}` > clockNow) continue;
          const instant = at(h, m, s);
          if (instant.getTime() <= now.getTime() && matches(instant)) return instant;
        }
      }
    }
  }
  return null;
}
