// A public-journal style listing that a records officer can register the submissions from, in
// the words of Noark 5 (one incoming document, journalpost, per submission, in case 17/1886).
//
// Format: CSV as the other export (UTF-8 with BOM, comma, RFC 4180 quoting), one line per
// journalpost in filing order, with the Noark 5 element names as the header row. It opens in
// Excel and reads as plain text. Dates are ISO (2021-05-18), mottattDato with the time of day;
// dokumentetsDato is the message's own Date header, "Udatert" when it has none.
//
// offentligTittel is the subject as the sender wrote it: screening (skjerming) of names or other
// exempt words is the records officer's decision, so it is not done here.
// Automatic mail and unreadable messages are not documents in the case and are left out.
import { writeFile } from 'node:fs/promises';
import { isSubmission } from '../digest/build.js';
import { localParts, sortableDateTime } from '../time/local-time.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { cellText, toCsv } from './csv.js';

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
  'innspill-id',
];

function journalLine(r: SubmissionRecord, rules: Rules): string[] {
  const tz = rules.consultation.timezone;
  const person = r.from?.name ?? '';
  const address = r.from?.address ?? '';
  const title = r.subject.trim() || 'Innspill uten emne';
  const values = [
    localParts(new Date(r.filedAt), tz).date,
    r.receivedAt ? sortableDateTime(new Date(r.receivedAt), tz) : '',
    r.date ? localParts(new Date(r.date), tz).date : 'Udatert',
    'Inngående dokument',
    'Avsender',
    r.sender.organisation ?? (person || address),
    r.sender.organisation ? person : '',
    address,
    title,
    title,
    rules.consultation.caseNumber,
    r.attachments.length,
    r.id,
  ];
  return values.map((v) => cellText(v, tz));
}

/** Writes one line per submission; returns the number of lines. */
export async function exportJournal(records: SubmissionRecord[], rules: Rules, path: string): Promise<number> {
  const lines = records.filter(isSubmission).map((r) => journalLine(r, rules));
  await writeFile(path, toCsv(HEADER, lines), 'utf8');
  return lines.length;
}
