// Time arithmetic for one time zone, with nothing but Intl: no clock is read here.

/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offsets found, per zone and quarter of an hour in which the zone's offset does not change
 * (the same at its first and its last millisecond): asking Intl costs far more than the rest of
 * formatting a time, and list and the digest format 10,000 of them.
 */
const offsets = new Map<string, Map<number, number>>();
const QUARTER = 15 * 60_000;

/** The zone's offset from UTC in minutes at the given instant (Europe/Oslo: 60 or 120). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const quarter = Math.floor(instant.getTime() / QUARTER);
  if (!Number.isFinite(quarter)) return offsetFromIntl(instant, timeZone);
  let known = offsets.get(timeZone);
  if (!known) offsets.set(timeZone, (known = new Map()));
  const offset = known.get(quarter);
  if (offset !== undefined) return offset;
  const first = offsetFromIntl(new Date(quarter * QUARTER), timeZone);
  const last = offsetFromIntl(new Date(quarter * QUARTER + QUARTER - 1), timeZone);
  // A quarter with a change in it is not kept (no zone has one now; some had, long ago).
  if (first !== last) return offsetFromIntl(instant, timeZone);
  if (known.size > 50_000) known.clear();
  known.set(quarter, first);
  return first;
}

function offsetFromIntl(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** "2021-05-18T23:59:59" in Europe/Oslo → the instant 2021-05-18T21:59:59Z. */
export function zonedLocalToInstant(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two rounds settle the offset also next to a daylight-saving change.
  let guess = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** An instant written in the zone's local time with its offset: 2021-05-19T00:10:00+02:00. */
export function formatInZone(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
