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
import { localParts } from '../time/local-time.js';
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
  return out;
}

const SKJERMING: Field[] = [
  { element: 'skjerming/tilgangsrestriksjon/n5mdk:kode', from: 'regler: archive.personalData.accessCode, når saksbehandler har merket personopplysninger', value: (c) => (screened(c) ? screening(c).accessCode : null) },
  { element: 'skjerming/tilgangsrestriksjon/n5mdk:beskrivelse', from: 'regler: archive.personalData.accessText', value: (c) => (screened(c) ? screening(c).accessText : null) },
  { element: 'skjerming/skjermingshjemmel', from: 'regler: archive.personalData.legalBasis', value: (c) => (screened(c) ? screening(c).legalBasis : null) },
];

const FILE_FIELDS: Field[] = [
  { element: 'versjonsnummer', from: 'alltid 1', value: () => 1 },
  { element: 'variantformat/n5mdk:kode', from: 'P: e-posten slik den kom og vedleggene; A: HTML-gjengivelsen', value: (f: PackageFile) => f.variant },
  { element: 'variantformat/n5mdk:beskrivelse', from: 'Produksjonsformat / Arkivformat', value: (f: PackageFile) => VARIANT[f.variant] },
  { element: 'format/n5mdk:kode', from: 'filtypen innspill fant i innholdet (PDF, DOCX, ODT, EML, HTML …)', value: (f: PackageFile) => f.format.code },
  { element: 'format/n5mdk:beskrivelse', from: 'filtypen i ord', value: (f: PackageFile) => f.format.text },
  { element: 'mimeType', from: 'filtypen, ellers den oppgitte Content-Type', value: (f: PackageFile) => f.format.mimeType },
  { element: 'filnavn', from: 'avsenderens filnavn (vedlegg) / innspill-id (e-posten)', value: (f: PackageFile) => f.shownName },
  { element: 'referanseDokumentfil', from: 'trygt filnavn i mappen: <id>.eml, <id>.html, vedlegg-NN-….ext', value: (f: PackageFile) => f.name },
  { element: 'sjekksum', from: 'SHA-256 av filen', value: (f: PackageFile) => f.sha256 },
  { element: 'sjekksumAlgoritme', from: 'SHA256', value: () => 'SHA256' },
  { element: 'filstoerrelse', from: 'filens størrelse i byte', value: (f: PackageFile) => f.size },
];

const DOCUMENT_FIELDS: Field[] = [
  { element: 'dokumentstatus/n5mdk:kode', from: 'F (ferdigstilt): et innkommet dokument endres ikke', value: () => 'F' },
  { element: 'dokumentstatus/n5mdk:beskrivelse', from: 'Dokumentet er ferdigstilt', value: () => 'Dokumentet er ferdigstilt' },
  { element: 'tittel', from: 'hoveddokument: emnet; vedlegg: avsenderens filnavn', value: (d: PackageDocument) => d.title },
  { element: 'tilknyttetRegistreringSom/n5mdk:kode', from: 'H for e-posten, V for hvert vedlegg', value: (d: PackageDocument) => d.role },
  { element: 'tilknyttetRegistreringSom/n5mdk:beskrivelse', from: 'Hoveddokument / Vedlegg', value: (d: PackageDocument) => ROLE[d.role] },
  { element: 'dokumentnummer', from: '1 for e-posten, 2, 3 … for vedleggene i e-postens rekkefølge', value: (d: PackageDocument) => d.number },
  { element: 'merknad/merknadstekst', from: 'vedlegg innspill ikke kunne lese: hvorfor', value: (d: PackageDocument) => (d.problem ? `Kunne ikke leses: ${d.problem}` : null) },
];

/** The journal post (registrering of type journalpost), in the schema's order. */
export const JOURNALPOST_FIELDS: Field[] = [
  { element: 'referanseForelderMappe/n5mdk:saksnummer/n5mdk:saksaar', from: 'regler: caseNumber (17/1886 → 2017)', value: (c: PostContext) => caseNumberParts(c.rules.consultation.caseNumber).year },
  { element: 'referanseForelderMappe/n5mdk:saksnummer/n5mdk:sakssekvensnummer', from: 'regler: caseNumber (17/1886 → 1886)', value: (c: PostContext) => caseNumberParts(c.rules.consultation.caseNumber).sequence },
  ...SKJERMING,
  {
    element: 'dokumentbeskrivelse',
    from: 'e-posten (hoveddokument) og hvert vedlegg',
    each: (c: PostContext) => c.documents.map((d) => ({ ...d, record: c.record, rules: c.rules })),
    fields: [
      ...DOCUMENT_FIELDS,
      ...SKJERMING,
      { element: 'dokumentobjekt', from: 'hver fil i mappen', each: (d: PackageDocument) => d.files, fields: FILE_FIELDS },
    ],
  },
  { element: 'tittel', from: 'emnet (på én linje; «Innspill uten emne» når det mangler)', value: (c: PostContext) => titleOf(c.record) },
  { element: 'offentligTittel', from: 'emnet, med privatpersons navn, e-post og adresse skjermet (organisasjoners navn står)', value: (c: PostContext) => publicTitle(c.record, c.rules.consultation.archive.screeningMask) },
  { element: 'noekkelord', from: 'forpliktelsene innspillet handler om (titler)', value: (c: PostContext) => commitmentTitles(c) },
  { element: 'merknad', from: 'oppfølging av tidligere innspill, etter fristen, ukjent mottakstid, automatisk svar', each: notes, fields: [{ element: 'merknadstekst', from: 'merknaden i ord', value: (t: string) => t }] },
  {
    element: 'kryssreferanse/referanseTilRegistrering/n5mdk:referanseEksternNoekkel',
    from: 'oppfølging: innspill-id-en til det opprinnelige innspillet',
    each: (c: PostContext) => (c.record.followUpOf ? [{ ...c, id: c.record.followUpOf }] : []),
    fields: [
      { element: 'n5mdk:fagsystem', from: 'regler: archive.system', value: (c: PostContext) => c.rules.consultation.archive.system },
      { element: 'n5mdk:noekkel', from: 'followUpOf', value: (c: PostContext & { id: string }) => c.id },
    ],
  },
  { element: 'korrespondansepart/korrespondanseparttype/n5mdk:kode', from: 'EA (avsender)', value: () => 'EA' },
  { element: 'korrespondansepart/korrespondanseparttype/n5mdk:beskrivelse', from: 'Avsender', value: () => 'Avsender' },
  { element: 'korrespondansepart/korrespondansepartNavn', from: 'organisasjonen innspill fant; ellers avsenderens navn, ellers adressen; «Ukjent avsender»', value: (c: PostContext) => senderName(c.record) },
  { element: 'korrespondansepart/epostadresse', from: 'From-adressen', value: (c: PostContext) => c.record.from?.address || null },
  { element: 'korrespondansepart/kontaktperson', from: 'avsenderens navn, når avsenderen er en organisasjon', value: (c: PostContext) => (isPrivateSender(c.record) ? null : c.record.from?.name || null) },
  { element: 'korrespondansepart/erSkjermet', from: 'true for privatpersoner (navnet vises ikke offentlig)', value: (c: PostContext) => isPrivateSender(c.record) },
  { element: 'korrespondansepart/erPersonnavn', from: 'true for privatpersoner', value: (c: PostContext) => isPrivateSender(c.record) },
  { element: 'referanseEksternNoekkel/n5mdk:fagsystem', from: 'regler: archive.system', value: (c: PostContext) => c.rules.consultation.archive.system },
  { element: 'referanseEksternNoekkel/n5mdk:noekkel', from: 'innspill-id (2021-0042)', value: (c: PostContext) => c.record.id },
  { element: 'journalposttype/n5mdk:kode', from: 'I (inngående dokument)', value: () => 'I' },
  { element: 'journalposttype/n5mdk:beskrivelse', from: 'Inngående dokument', value: () => 'Inngående dokument' },
  { element: 'dokumentetsDato', from: 'Date-hodet (dato i høringens tidssone)', value: (c: PostContext) => (c.record.date ? localParts(new Date(c.record.date), c.rules.consultation.timezone).date : null) },
  { element: 'mottattDato', from: 'mottatt-tidspunktet (Received, postkassen), med tidssone', value: (c: PostContext) => (c.record.receivedAt ? formatInZone(new Date(c.record.receivedAt), c.rules.consultation.timezone) : null) },
  { element: 'antallVedlegg', from: 'antall vedlegg', value: (c: PostContext) => c.record.attachments.length },
];

function commitmentTitles(c: PostContext): string[] {
  const all = [...c.rules.consultation.commitments, ...c.rules.consultation.topics];
  return c.record.commitments.map((m) => all.find((x) => x.id === m.id)?.title ?? m.id);
}

function senderName(r: SubmissionRecord): string {
  return r.sender.organisation ?? (r.from?.name || r.from?.address || 'Ukjent avsender');
}
