// `--since` as a caseworker writes it: a date or a time of day without an offset is the
// consultation's local time (`--since 2021-05-18` is midnight in Oslo, not in UTC); a time with
// an offset or Z is taken as written.
import { zonedLocalToInstant } from '../time/zone.js';

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The instant meant, or null when the text is not a date or time. */
export function parseLocalTime(value: string, timeZone: string): Date | null {
  const local = LOCAL.exec(value.trim());
  if (local) {
    const [, date, h = '00', m = '00', s = '00'] = local;
    const iso = `${date}T${h}:${m}:${s}`;
    // A date that does not exist (2021-02-30) comes back as another one from Date.UTC: refuse it.
    const check = new Date(`${iso}Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 19) !== iso) return null;
    return zonedLocalToInstant(iso, timeZone);
  }
  if (!WITH_OFFSET.test(value.trim())) return null;
  const at = new Date(value.trim());
  return Number.isNaN(at.getTime()) ? null : at;
}
