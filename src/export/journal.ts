// A public-journal style listing that a records officer can register the submissions from, in
// the words of Noark 5 (one incoming document, journalpost, per submission, in case 17/1886).
//
// Format: CSV as the other export (UTF-8 with BOM, comma, RFC 4180 quoting), one line per
// journalpost in filing order, with the Noark 5 element names as the header row. It opens in
// Excel and reads as plain text. Dates are ISO (2021-05-18), mottattDato with the time of day;
// dokumentetsDato is the message's own Date header, "Udatert" when it has none.
//
// offentligTittel is the title with a private person's name, e-mail address and postal address
// screened (screening.ts, the same function as the arkivmelding's); an organisation's name stays.
// A private person's e-mail address is not in the listing at all (not in tittel either); an
// organisation's is.
// merknad says which values a caseworker decided (src/decisions/marks.ts), by whom and when.
// Automatic mail and unreadable messages are not documents in the case and are left out.
import { writeFile } from 'node:fs/promises';
import { isSubmission } from '../digest/records.js';
import { localParts, sortableDateTime } from '../time/local-time.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import type { SubmissionRecord } from '../store/record.js';
import { cellText, toCsv } from './csv.js';
import { decidedRemark } from '../decisions/marks.js';
import { isPrivateSender, publicTitle, titleOf, withoutEmailAddresses } from './screening.js';

const HEADER = [
  'journaldato',
  'mottattDato',
  'dokumentetsDato',
  'journalposttype',
  'korrespondanseparttype',
  'korrespondansepartNavn',
  'kontaktperson',
  'epostadresse',
  'tittel',
  'offentligTittel',
  'saksnummer',
  'antallVedlegg',
  'merknad',
  'innspill-id',
];

function journalLine(r: SubmissionRecord, rules: Rules): string[] {
  const tz = rules.consultation.timezone;
  const person = r.from?.name ?? '';
  const address = isPrivateSender(r) ? '' : (r.from?.address ?? '');
  const mask = rules.consultation.archive.screeningMask;
  // The internal title keeps names (the records officer registers from it), not addresses.
  const title = isPrivateSender(r) ? withoutEmailAddresses(titleOf(r), mask) : titleOf(r);
  const values = [
    localParts(new Date(r.filedAt), tz).date,
    r.receivedAt ? sortableDateTime(new Date(r.receivedAt), tz) : '',
    r.date ? localParts(new Date(r.date), tz).date : 'Udatert',
    'Inngående dokument',
    'Avsender',
    r.sender.organisation ?? (person && !person.includes('@') ? person : 'Privatperson'),
    r.sender.organisation ? person : '',
    address,
    title,
    publicTitle(r, mask),
    rules.consultation.caseNumber,
    r.attachments.length,
    decidedRemark(r, (iso) => sortableDateTime(new Date(iso), tz)) ?? '',
    r.id,
  ];
  return values.map((v) => cellText(v, tz));
}

/** Writes one line per submission; returns the number of lines. */
export async function exportJournal(records: SubmissionRecord[], rules: Rules, path: string): Promise<number> {
  // Each line with its own consultation's case number and screening mask.
  const lines = records.filter(isSubmission).map((r) => journalLine(r, rulesFor(rules, r.consultation?.id)));
  await writeFile(path, toCsv(HEADER, lines), 'utf8');
  return lines.length;
}
