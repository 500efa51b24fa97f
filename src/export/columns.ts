// One row per filed record, with every field a caseworker sorts or filters by: the columns the
// CSV and the spreadsheet export share. Automatic mail and unreadable messages are rows too,
// marked in their own columns, so nothing filed is missing from an export.
import { AUTOMATIC_KIND_TITLES, RECEIPT_STATUS_TITLES } from '../digest/words.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { decidedText } from '../decisions/marks.js';
import { sortableDateTime } from '../time/local-time.js';

/** A point in time; each format writes it in the consultation's time zone its own way. */
export interface Instant {
  at: Date;
}

export type Cell = string | number | Instant | null;

export interface ExportColumn {
  header: string;
  /** Spreadsheet column width, in characters. */
  width: number;
  /** A column of times (its values are Instants or null). */
  time?: true;
  value: (r: ExportRecord, rules: Rules) => Cell;
}

/** A record as exported: with its campaign, when it is in one (src/store/campaigns.ts). */
export type ExportRecord = SubmissionRecord & { campaign?: { id: string; size: number } | null };

const instant = (iso: string | null): Instant | null => (iso ? { at: new Date(iso) } : null);

/** Commitments and topics in the plan's order; "uklassifisert" for a submission about none. */
function classIds(r: SubmissionRecord, rules: Rules): string[] {
  const ids = new Set(r.commitments.map((c) => c.id));
  const known = rules.consultation.classIds.filter((id) => ids.has(id));
  return known.length === 0 && r.relevant && !r.automatic && r.readable ? [rules.consultation.unclassifiedId] : known;
}

function classTitle(id: string, rules: Rules): string {
  const c = rules.consultation;
  return [...c.commitments, ...c.topics].find((x) => x.id === id)?.title ?? id;
}

function problems(r: SubmissionRecord): string {
  const attachmentProblems = r.attachments.filter((a) => a.problem !== null).map((a) => `${a.filename || 'vedlegg uten navn'}: ${a.problem}`);
  return [...r.problems, ...attachmentProblems].join('; ');
}

export const SUBMISSION_COLUMNS: ExportColumn[] = [
  { header: 'id', width: 11, value: (r) => r.id },
  { header: 'mottatt', width: 17, time: true, value: (r) => instant(r.receivedAt) },
  { header: 'for sent', width: 9, value: (r) => (r.late ? 'ja' : 'nei') },
  { header: 'organisasjon', width: 34, value: (r) => r.sender.organisation ?? '' },
  {
    header: 'kategori',
    width: 24,
    value: (r, rules) => rules.consultation.senderCategories.find((k) => k.id === r.sender.category)?.title ?? r.sender.category,
  },
  { header: 'avsender e-post', width: 30, value: (r) => r.from?.address ?? '' },
  { header: 'avsendernavn', width: 24, value: (r) => r.from?.name ?? '' },
  { header: 'emne', width: 50, value: (r) => r.subject },
  { header: 'forpliktelser', width: 30, value: (r, rules) => classIds(r, rules).join('; ') },
  { header: 'forpliktelser (titler)', width: 50, value: (r, rules) => classIds(r, rules).map((id) => classTitle(id, rules)).join('; ') },
  { header: 'språk', width: 7, value: (r) => r.language },
  { header: 'antall vedlegg', width: 9, value: (r) => r.attachments.length },
  { header: 'uleselige vedlegg', width: 9, value: (r) => r.attachments.filter((a) => a.problem !== null).length },
  { header: 'kvittering status', width: 12, value: (r) => RECEIPT_STATUS_TITLES[r.receipt.status] },
  { header: 'oppfølging av', width: 12, value: (r) => r.followUpOf ?? '' },
  { header: 'automatisk (type)', width: 22, value: (r) => (r.automaticKind ? AUTOMATIC_KIND_TITLES[r.automaticKind] : '') },
  { header: 'problemer', width: 50, value: (r) => problems(r) },
  // Which of the values above a caseworker decided (they stand through reclassify), by whom and when.
  { header: 'avgjort av saksbehandler', width: 40, value: (r, rules) => decidedText(r, (iso) => sortableDateTime(new Date(iso), rules.consultation.timezone)) },
  // The campaign (many people, one text) the submission is part of: its id and how many it has.
  { header: 'kampanje', width: 22, value: (r) => (r.campaign ? `${r.campaign.id} (${r.campaign.size})` : '') },
  // The consultation (innspillsrunde: a hearing or another round) the record is filed under, as
  // caseworkers name it, and its case number: `rules` is already that consultation's view (csv.ts, xlsx.ts). Last, so the
  // columns before keep their places in sheets made from earlier exports.
  { header: 'innspillsrunde', width: 22, value: (_r, rules) => rules.consultation.label },
  { header: 'saksnummer', width: 11, value: (_r, rules) => rules.consultation.caseNumber },
];
