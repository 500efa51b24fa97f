// Times as a caseworker reads them: in the consultation's time zone, Norwegian style.
import { formatInZone } from './zone.js';

/** The local calendar date and clock time: { date: "2021-05-18", time: "14:03" }. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const local = formatInZone(instant, timeZone);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** "2021-05-18" → "18.05.2021" */
export function norwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

/** "18.05.2021 kl. 14:03" */
export function showDateTime(instant: Date, timeZone: string): string {
  const { date, time } = localParts(instant, timeZone);
  return `${norwegianDate(date)} kl. ${time}`;
}

/** "2021-05-18 14:03": sorts as text, for exports. */
export function sortableDateTime(instant: Date, timeZone: string): string {
  const { date, time } = localParts(instant, timeZone);
  return `${date} ${time}`;
}

/** Whole calendar days from one local date to another ("2021-05-15" → "2021-05-18" = 3). */
export function calendarDaysBetween(fromIsoDate: string, toIsoDate: string): number {
  const utc = (d: string) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(toIsoDate) - utc(fromIsoDate)) / 86_400_000);
}
