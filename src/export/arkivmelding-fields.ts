// From a filed submission to Noark 5 metadata: the one table that says which record field fills
// which element of the arkivmelding (Fiks Arkiv v1, no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett).
// The XML is written from this table (arkivmelding-xml.ts), in its order, which is the schema's;
// the README shows the same table (a test holds them equal).
//
// An element whose value is null is left out; a container with nothing in it is not written.
// Journal numbers, journal date and status are left to the archive, which assigns them; the case
// (17/1886) is referenced, never created.
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { formatInZone } from '../time/zone.js';
import { localParts, sortableDateTime } from '../time/local-time.js';
import { decidedRemark } from '../decisions/marks.js';
import type { FileFormat } from './archive-files.js';
import { isPrivateSender, publicTitle, titleOf } from './screening.js';

/** A caseworker's marks on a record that the archive export reads. */
export interface ArchiveMarks {
  /** The text or an attachment contains personal data: the record is screened (skjerming). */
  personalData?: boolean;
}

export type ArchiveRecord = SubmissionRecord & ArchiveMarks;

export interface PackageFile {
  /** The file's name in the package folder (referanseDokumentfil). */
  name: string;
  /** The name shown to people (filnavn): the sender's own file name where there is one. */
  shownName: string;
  format: FileFormat;
  /** P = the original as received; A = a rendering for reading and keeping. */
  variant: 'P' | 'A';
  size: number;
  sha256: string;
}

export interface PackageDocument {
  number: number;
  role: 'H' | 'V';
  title: string;
  /** Why it could not be read, in words (an attachment intake could not read). */
  problem: string | null;
  files: PackageFile[];
}

export interface PostContext {
  record: ArchiveRecord;
  rules: Rules;
  documents: PackageDocument[];
  /** The submission this one follows up, when it is in the store. */
  original: SubmissionRecord | null;
}

type Leaf = string | number | boolean | null;

export interface Field {
  /**
   * The element, as a path below its parent (registrering, dokumentbeskrivelse, …). Elements of
   * the metadata catalogue's own types (a code's kode and beskrivelse, a case number's parts, an
   * external key's parts) are in its namespace: written with the prefix n5mdk:.
   */
  element: string;
  /** Where the value comes from, in words. */
  from: string;
  value?: (c: any) => Leaf | Leaf[];
  /** A repeated element: one per item, filled by `fields` with the item as context. */
  each?: (c: any) => unknown[];
  fields?: Field[];
}

const VARIANT = { P: 'Produksjonsformat', A: 'Arkivformat' } as const;
const ROLE = { H: 'Hoveddokument', V: 'Vedlegg' } as const;

const screened = (c: { record: ArchiveRecord }) => c.record.personalData === true;
const screening = (c: PostContext) => c.rules.consultation.archive.personalData;

/** "17/1886" → 2017 and 1886; a two-digit year is this century's. */
export function caseNumberParts(caseNumber: string): { year: number; sequence: number } {
  const [y, n] = caseNumber.split('/').map(Number) as [number, number];
  return { year: y < 100 ? 2000 + y : y, sequence: n };
}

function notes(c: PostContext): string[] {
  const r = c.record;
  const out: string[] = [];
  if (r.followUpOf) {
    const of = c.original ? `${r.followUpOf} («${titleOf(c.original)}»)` : r.followUpOf;
    out.push(`Oppfølging av tidligere innspill ${of}.`);
  }
  if (r.late) out.push('Kom inn etter høringsfristen.');
  if (!r.receivedAt) out.push('Tidspunktet e-posten kom inn er ukjent.');
  if (r.automatic) out.push('Automatisk svar (ikke et innspill), tatt med på forespørsel.');
  const decided = decidedRemark(r, (iso) => sortableDateTime(new Date(iso), c.rules.consultation.timezone));
  if (decided) out.push(decided);
  return out;
}

const SKJERMING: Field[] = [
  { element: 'skjerming/tilgangsrestriksjon/n5mdk:kode', from: 'rules: archive.personalData.accessCode, when a caseworker marked the record as containing personal data', value: (c) => (screened(c) ? screening(c).accessCode : null) },
  { element: 'skjerming/tilgangsrestriksjon/n5mdk:beskrivelse', from: 'rules: archive.personalData.accessText', value: (c) => (screened(c) ? screening(c).accessText : null) },
  { element: 'skjerming/skjermingshjemmel', from: 'rules: archive.personalData.legalBasis', value: (c) => (screened(c) ? screening(c).legalBasis : null) },
];

const FILE_FIELDS: Field[] = [
  { element: 'versjonsnummer', from: 'always 1', value: () => 1 },
  { element: 'variantformat/n5mdk:kode', from: 'P for the message as received and for attachments; A for the HTML rendering', value: (f: PackageFile) => f.variant },
  { element: 'variantformat/n5mdk:beskrivelse', from: 'Produksjonsformat / Arkivformat', value: (f: PackageFile) => VARIANT[f.variant] },
  { element: 'format/n5mdk:kode', from: 'the file type found in the bytes (PDF, DOCX, ODT, EML, HTML …)', value: (f: PackageFile) => f.format.code },
  { element: 'format/n5mdk:beskrivelse', from: 'the file type in words (Norwegian)', value: (f: PackageFile) => f.format.text },
  { element: 'mimeType', from: 'the file type found, else the declared Content-Type', value: (f: PackageFile) => f.format.mimeType },
  { element: 'filnavn', from: "the sender's file name (attachment) / <id>.eml, <id>.html (message)", value: (f: PackageFile) => f.shownName },
  { element: 'referanseDokumentfil', from: 'the safe name in the folder: <id>.eml, <id>.html, vedlegg-NN-<name>.<ext>', value: (f: PackageFile) => f.name },
  { element: 'sjekksum', from: "the file's SHA-256", value: (f: PackageFile) => f.sha256 },
  { element: 'sjekksumAlgoritme', from: 'SHA256', value: () => 'SHA256' },
  { element: 'filstoerrelse', from: "the file's size in bytes", value: (f: PackageFile) => f.size },
];

const DOCUMENT_FIELDS: Field[] = [
  { element: 'dokumentstatus/n5mdk:kode', from: 'F (ferdigstilt): an incoming document does not change', value: () => 'F' },
  { element: 'dokumentstatus/n5mdk:beskrivelse', from: 'Dokumentet er ferdigstilt', value: () => 'Dokumentet er ferdigstilt' },
  { element: 'tittel', from: "main document: the subject; attachment: the sender's file name (or Vedlegg N)", value: (d: PackageDocument) => d.title },
  { element: 'tilknyttetRegistreringSom/n5mdk:kode', from: 'H for the message, V for each attachment', value: (d: PackageDocument) => d.role },
  { element: 'tilknyttetRegistreringSom/n5mdk:beskrivelse', from: 'Hoveddokument / Vedlegg', value: (d: PackageDocument) => ROLE[d.role] },
  { element: 'dokumentnummer', from: "1 for the message, 2, 3 … for the attachments in the message's order", value: (d: PackageDocument) => d.number },
  { element: 'merknad/merknadstekst', from: 'an attachment innspill could not read: why (Norwegian)', value: (d: PackageDocument) => (d.problem ? `Kunne ikke leses: ${d.problem}` : null) },
];

/** The journal post (registrering of type journalpost), in the schema's order. */
export const JOURNALPOST_FIELDS: Field[] = [
  { element: 'referanseForelderMappe/n5mdk:saksnummer/n5mdk:saksaar', from: 'rules: caseNumber (17/1886 → 2017)', value: (c: PostContext) => caseNumberParts(c.rules.consultation.caseNumber).year },
  { element: 'referanseForelderMappe/n5mdk:saksnummer/n5mdk:sakssekvensnummer', from: 'rules: caseNumber (17/1886 → 1886)', value: (c: PostContext) => caseNumberParts(c.rules.consultation.caseNumber).sequence },
  ...SKJERMING,
  {
    element: 'dokumentbeskrivelse',
    from: 'the message (main document), then each attachment',
    each: (c: PostContext) => c.documents.map((d) => ({ ...d, record: c.record, rules: c.rules })),
    fields: [
      ...DOCUMENT_FIELDS,
      ...SKJERMING,
      { element: 'dokumentobjekt', from: 'each file in the folder', each: (d: PackageDocument) => d.files, fields: FILE_FIELDS },
    ],
  },
  { element: 'tittel', from: 'the subject, on one line ("Innspill uten emne" when there is none)', value: (c: PostContext) => titleOf(c.record) },
  { element: 'offentligTittel', from: "the subject with a private person's name, e-mail and postal address screened (an organisation's name stays)", value: (c: PostContext) => publicTitle(c.record, c.rules.consultation.archive.screeningMask) },
  { element: 'noekkelord', from: 'the titles of the commitments the submission is about', value: (c: PostContext) => commitmentTitles(c) },
  { element: 'merknad', from: 'follow-up of an earlier submission, late, unknown time received, automatic reply, values a caseworker decided (which, by whom, when)', each: notes, fields: [{ element: 'merknadstekst', from: 'the note in words (Norwegian)', value: (t: string) => t }] },
  {
    element: 'kryssreferanse/referanseTilRegistrering/n5mdk:referanseEksternNoekkel',
    from: 'a follow-up: the id of the original submission',
    each: (c: PostContext) => (c.record.followUpOf ? [{ ...c, id: c.record.followUpOf }] : []),
    fields: [
      { element: 'n5mdk:fagsystem', from: 'rules: archive.system', value: (c: PostContext) => c.rules.consultation.archive.system },
      { element: 'n5mdk:noekkel', from: 'followUpOf', value: (c: PostContext & { id: string }) => c.id },
    ],
  },
  { element: 'korrespondansepart/korrespondanseparttype/n5mdk:kode', from: 'EA (avsender)', value: () => 'EA' },
  { element: 'korrespondansepart/korrespondanseparttype/n5mdk:beskrivelse', from: 'Avsender', value: () => 'Avsender' },
  { element: 'korrespondansepart/korrespondansepartNavn', from: "the organisation intake decided; else the sender's name, else the address; else \"Ukjent avsender\"", value: (c: PostContext) => senderName(c.record) },
  { element: 'korrespondansepart/epostadresse', from: 'the From address', value: (c: PostContext) => c.record.from?.address || null },
  { element: 'korrespondansepart/kontaktperson', from: "the sender's name, when the sender is an organisation", value: (c: PostContext) => (isPrivateSender(c.record) ? null : c.record.from?.name || null) },
  { element: 'korrespondansepart/erSkjermet', from: 'true for a private person (the name is not public)', value: (c: PostContext) => isPrivateSender(c.record) },
  { element: 'korrespondansepart/erPersonnavn', from: 'true for a private person', value: (c: PostContext) => isPrivateSender(c.record) },
  { element: 'referanseEksternNoekkel/n5mdk:fagsystem', from: 'rules: archive.system', value: (c: PostContext) => c.rules.consultation.archive.system },
  { element: 'referanseEksternNoekkel/n5mdk:noekkel', from: 'the submission id (2021-0042)', value: (c: PostContext) => c.record.id },
  { element: 'journalposttype/n5mdk:kode', from: 'I (inngående dokument)', value: () => 'I' },
  { element: 'journalposttype/n5mdk:beskrivelse', from: 'Inngående dokument', value: () => 'Inngående dokument' },
  { element: 'dokumentetsDato', from: "the Date header (the date in the consultation's time zone)", value: (c: PostContext) => (c.record.date ? localParts(new Date(c.record.date), c.rules.consultation.timezone).date : null) },
  { element: 'mottattDato', from: 'the time received (Received header or the mailbox), with its offset', value: (c: PostContext) => (c.record.receivedAt ? formatInZone(new Date(c.record.receivedAt), c.rules.consultation.timezone) : null) },
  { element: 'antallVedlegg', from: 'the number of attachments', value: (c: PostContext) => c.record.attachments.length },
];

function commitmentTitles(c: PostContext): string[] {
  const all = [...c.rules.consultation.commitments, ...c.rules.consultation.topics];
  return c.record.commitments.map((m) => all.find((x) => x.id === m.id)?.title ?? m.id);
}

function senderName(r: SubmissionRecord): string {
  return r.sender.organisation ?? (r.from?.name || r.from?.address || 'Ukjent avsender');
}
