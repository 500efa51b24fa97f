// `innspill list` and `innspill show ID`: what is in the store, for people and for scripts.
// Caseworkers read them: everything is in bokmål, and times are in the consultation's time zone.
import type { Rules } from '../rules/types.js';
import { activeConsultations } from '../rules/views.js';
import { archiveStateText } from '../export/archive-state.js';
import { Store } from '../store/json-store.js';
import type { RecordRow } from '../store/record-index.js';
import { showDateTime, sortableDateTime } from '../time/local-time.js';
import { AUTOMATIC_KIND_TITLES, LANGUAGE_NAMES, RECEIPT_STATUS_TITLES, organisationText } from '../digest/words.js';
import { UsageError } from './usage.js';
import { decidedSuffix } from '../decisions/marks.js';
import { notesOf } from '../decisions/overrides.js';
import { chosenConsultation, recordsOf, viewOfRecord } from './consultation-option.js';
// Not store/campaigns.js: the grouping loads only when the campaigns' cache does not match.
import { campaignRefs, inCampaignsText, settledCampaignRefs } from '../store/campaign-refs-cache.js';

export interface ListOptions {
  commitment?: string;
  category?: string;
  late?: boolean;
  json?: boolean;
  /** Only this consultation's (its id); unset: every consultation's. */
  consultation?: string;
}

/** What list reads of a record: the index's row of it (store/record-index.ts) has all of it. */
export type Listed = Pick<RecordRow, 'id' | 'consultation' | 'late' | 'sender' | 'commitments' | 'automatic' | 'automaticKind' | 'relevant' | 'readable' | 'receivedAt' | 'from' | 'receipt' | 'subject'>;

export function matches(r: Listed, o: ListOptions, unclassified: string): boolean {
  if (o.late && !r.late) return false;
  if (o.category && r.sender.category !== o.category) return false;
  if (o.commitment) {
    const ids = r.commitments.map((c) => c.id);
    if (o.commitment === unclassified ? ids.length > 0 || r.automatic || !r.relevant : !ids.includes(o.commitment)) return false;
  }
  return true;
}

function cut(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`;
}

export async function listCommand(dataDir: string, all: Rules, o: ListOptions, out: NodeJS.WritableStream): Promise<number> {
  const chosen = chosenConsultation(all, o.consultation);
  const rules = chosen ?? all;
  const views = chosen ? [chosen] : all.consultations;
  const known = [...new Set(views.flatMap((v) => [...v.consultation.classIds, v.consultation.unclassifiedId]))];
  if (o.commitment && !known.includes(o.commitment)) throw new UsageError(`ukjent forpliktelse «${o.commitment}»; disse finnes: ${known.join(', ')}`);
  const categories = rules.consultation.senderCategories.map((c) => c.id);
  if (o.category && !categories.includes(o.category)) throw new UsageError(`ukjent avsenderkategori «${o.category}»; disse finnes: ${categories.join(', ')}`);
  const store = await Store.open(dataDir, { lock: false });
  // Each record's row in the store's index (checked against the record files) has all a line
  // needs: 10,000 records are listed without opening 10,000 files. --json gives whole records.
  const keep = (r: Listed) => matches(r, o, viewOfRecord(all, r).consultation.unclassifiedId);
  if (o.json) {
    const everything = await store.readAll();
    const campaigns = await campaignRefs(store, all, everything);
    const records = recordsOf(everything, all, chosen).filter(keep);
    for (const r of records) out.write(`${JSON.stringify({ ...r, campaign: campaigns.get(r.id) ?? null })}\n`);
    return 0;
  }
  const records = recordsOf(store.rows(), all, chosen).filter(keep);
  const campaigns = await campaignRefs(store, all);
  const tz = rules.consultation.timezone;
  // Ids with a consultation's prefix (pbl-2021-0001) are longer than 2021-0042.
  const idWidth = Math.max(10, ...records.map((r) => r.id.length + 1));
  // With several consultations and none chosen, each line says whose it is (OGP's ids have no prefix).
  const several = !chosen && activeConsultations(all).length > 1;
  const labelWidth = several ? Math.max(14, ...all.consultations.map((v) => v.consultation.label.length)) + 1 : 0;
  const whose = (label: string) => (several ? `${label.padEnd(labelWidth)}` : '');
  const lines = [`${'ID'.padEnd(idWidth)} ${whose('INNSPILLSRUNDE')}${'MOTTATT'.padEnd(16)} ${'AVSENDER'.padEnd(34)} ${'KATEGORI'.padEnd(14)} ${'FORPLIKTELSER'.padEnd(30)} EMNE`];
  for (const r of records) {
    const when = r.receivedAt ? sortableDateTime(new Date(r.receivedAt), tz) : '–';
    const who = r.sender.organisation ?? r.from?.address ?? '(ukjent)';
    const what = r.automatic ? `[${r.automaticKind ? AUTOMATIC_KIND_TITLES[r.automaticKind] : 'automatisk'}]` : !r.readable ? '[uleselig]' : r.commitments.map((c) => c.id).join(',') || '–';
    const campaign = campaigns.get(r.id);
    const flags = `${r.late ? ' [SEN]' : ''}${r.receipt.status === 'failed' ? ' [kvittering feilet]' : ''}${campaign ? ` [kampanje ${campaign.id}, ${campaign.size} innspill]` : ''}`;
    lines.push(`${r.id.padEnd(idWidth)} ${whose(several ? viewOfRecord(all, r).consultation.label : '')}${when.padEnd(16)} ${cut(who, 34)} ${cut(r.sender.category, 14)} ${cut(what, 30)} ${r.subject.slice(0, 60)}${flags}`);
  }
  const inCampaigns = inCampaignsText(records, campaigns);
  lines.push(`${records.length} innspill${inCampaigns ? `, ${inCampaigns}` : ''}`);
  // One write: a line at a time costs more than the listing itself.
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function showCommand(
  dataDir: string,
  all: Rules,
  id: string,
  json: boolean,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
  consultation?: string,
): Promise<number> {
  const chosen = chosenConsultation(all, consultation);
  // One record file; the store's index (10,000 files checked) only when the campaigns must be.
  const store = await Store.open(dataDir, { lock: false, index: false });
  const found = await store.get(id);
  const r = found && recordsOf([found], all, chosen).length > 0 ? found : null;
  if (found && !r) {
    err.write(`innspill: innspill ${id} hører til ${viewOfRecord(all, found).consultation.id}, ikke ${consultation}\n`);
    return 1;
  }
  if (!r) {
    err.write(`innspill: fant ikke innspill ${id} i ${dataDir}\n`);
    return 1;
  }
  const refs = (await settledCampaignRefs(store, all.routing.default)) ?? (await campaignRefs(await Store.open(dataDir, { lock: false }), all));
  const campaign = refs.get(r.id) ?? null;
  if (json) {
    out.write(`${JSON.stringify({ ...r, campaign }, null, 2)}\n`);
    return 0;
  }
  const rules = viewOfRecord(all, r);
  const tz = rules.consultation.timezone;
  const when = (iso: string) => showDateTime(new Date(iso), tz);
  const category = rules.consultation.senderCategories.find((c) => c.id === r.sender.category)?.title ?? r.sender.category;
  const receipt = RECEIPT_STATUS_TITLES[r.receipt.status];
  const row = (label: string, value: string) => out.write(`${label.padEnd(16)}${value}\n`);
  row('Innspill:', r.id);
  if (all.consultations.length > 1) row('Innspillsrunde:', `${rules.consultation.label} (${rules.consultation.caseNumber})${r.consultation ? ` – ${r.consultation.reason.text}` : ''}`);
  // A value a person decided says so, with who and when (src/decisions/marks.ts).
  const decided = (...fields: Parameters<typeof decidedSuffix>[1]) => decidedSuffix(r, fields, when);
  row('Fra:', `${r.from ? `${r.from.name} <${r.from.address}>` : '(ingen)'} — ${organisationText(r.sender)} (${category})${decided('organisation')}`);
  row('Emne:', r.subject);
  row('Mottatt:', r.receivedAt ? `${when(r.receivedAt)}${r.late ? ' – ETTER FRISTEN' : ''}` : 'ukjent');
  row('Arkivert:', `${when(r.filedAt)} fra ${r.source.kind === 'imap' ? `IMAP uid ${r.source.uid}` : r.source.kind === 'maildir' ? r.source.file : r.source.path}`);
  row('Original:', store.path(r.raw));
  row('Relevant:', `${r.relevant ? 'ja' : 'nei'} (${r.relevance.reasons.join('; ')})${decided('decision', 'relevant')}`);
  if (r.automatic || decided('automatic')) row('Automatisk:', `${!r.automatic ? 'nei' : r.automaticKind ? AUTOMATIC_KIND_TITLES[r.automaticKind] : 'ja'}${decided('automatic')}`);
  if (r.followUpOf) row('Oppfølging av:', r.followUpOf);
  row('Forpliktelser:', `${r.commitments.map((c) => `${c.id} (${c.score})`).join(', ') || (r.noComments === true ? 'ingen merknader' : '–')}${decided('commitments')}`);
  for (const c of r.commitments) for (const e of c.evidence) out.write(`${''.padEnd(16)}${c.id}: «${e.snippet}» [${e.where}]\n`);
  row('Språk:', LANGUAGE_NAMES[r.language] ?? r.language);
  if (campaign) row('Kampanje:', `${campaign.id} – ${campaign.size} innspill med samme tekst (se innspill campaigns)`);
  if (r.review?.needed) row('Til vurdering:', r.review.notes.map((n) => n.text).join('; '));
  row('Kvittering:', `${receipt}${r.receipt.sentAt ? ` ${when(r.receipt.sentAt)}` : ''}${r.receipt.error ? ` – ${r.receipt.error}` : ''} (${r.receipt.reason})`);
  row('Arkivsystem:', await archiveStateText(store, r, when));
  for (const a of r.attachments) row('Vedlegg:', `${a.filename || '(uten navn)'} (${a.detectedType}, ${a.size} byte) – ${a.problem ?? `lest, ${a.textLength} tegn: ${store.path(a.textFile!)}`}`);
  for (const p of r.problems) row('Problem:', p);
  for (const n of notesOf(r)) row('Notat:', `${n.text} (${n.by}, ${when(n.at)})`);
  out.write(`\nAvsenderens egne ord:\n${r.ownWords.trim() || '(ingen)'}\n`);
  return 0;
}
