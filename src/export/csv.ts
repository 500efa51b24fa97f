// CSV export for Excel in a Norwegian locale, opened with a double-click: semicolon-separated
// (Excel splits on the locale's list separator, which is ";" where the decimal mark is a comma),
// UTF-8 with a byte order mark (so Excel shows æøå), quoted as in RFC 4180 with ";" in the place
// of ",", CRLF line ends. Times are written "2021-05-18 14:03" in the consultation's time zone:
// they sort as text.
import { writeFile } from 'node:fs/promises';
import { sortableDateTime } from '../time/local-time.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import type { SubmissionRecord } from '../store/record.js';
import { SUBMISSION_COLUMNS, type Cell } from './columns.js';

const BOM = '\uFEFF';
export const SEPARATOR = ';';

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; a sender could write such a
 * subject. A leading apostrophe keeps it text (OWASP's advice for CSV injection).
 */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Quoted when it holds the separator, a quote or a line break (and a comma, for other locales). */
function field(value: string): string {
  return /[";,\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function cellText(cell: Cell, timeZone: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return neutralised(cell);
  return sortableDateTime(cell.at, timeZone);
}

/** A whole CSV document: BOM, header row, one line per row. */
export function toCsv(header: string[], rows: string[][]): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(field).join(SEPARATOR)).join('\r\n')}\r\n`;
}

/** Writes one row per record; returns the number of rows. */
export async function exportCsv(records: SubmissionRecord[], rules: Rules, path: string): Promise<number> {
  const tz = rules.consultation.timezone;
  const rows = records.map((r) => SUBMISSION_COLUMNS.map((c) => cellText(c.value(r, rulesFor(rules, r.consultation?.id)), tz)));
  await writeFile(path, toCsv(SUBMISSION_COLUMNS.map((c) => c.header), rows), 'utf8');
  return rows.length;
}
