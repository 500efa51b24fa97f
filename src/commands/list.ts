// `innspill list` and `innspill show ID`: what is in the store, for people and for scripts.
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { formatInZone } from '../time/zone.js';

export interface ListOptions {
  commitment?: string;
  category?: string;
  late?: boolean;
  json?: boolean;
}

export function matches(r: SubmissionRecord, o: ListOptions, unclassified: string): boolean {
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

export async function listCommand(dataDir: string, rules: Rules, o: ListOptions, out: NodeJS.WritableStream): Promise<number> {
  const known = [...rules.consultation.classIds, rules.consultation.unclassifiedId];
  if (o.commitment && !known.includes(o.commitment)) throw new Error(`unknown commitment "${o.commitment}"; the ids are: ${known.join(', ')}`);
  const categories = rules.consultation.senderCategories.map((c) => c.id);
  if (o.category && !categories.includes(o.category)) throw new Error(`unknown sender category "${o.category}"; the ids are: ${categories.join(', ')}`);
  const store = await Store.open(dataDir, { lock: false });
  const records = (await store.readAll()).filter((r) => matches(r, o, rules.consultation.unclassifiedId));
  if (o.json) {
    for (const r of records) out.write(`${JSON.stringify(r)}\n`);
    return 0;
  }
  const tz = rules.consultation.timezone;
  out.write(`${'ID'.padEnd(10)} ${'MOTTATT'.padEnd(16)} ${'AVSENDER'.padEnd(34)} ${'KATEGORI'.padEnd(14)} ${'FORPLIKTELSER'.padEnd(30)} EMNE\n`);
  for (const r of records) {
    const when = r.receivedAt ? formatInZone(new Date(r.receivedAt), tz).slice(0, 16).replace('T', ' ') : '–';
    const who = r.sender.organisation ?? r.from?.address ?? '(ukjent)';
    const what = r.automatic ? `[${r.automaticKind}]` : !r.readable ? '[uleselig]' : r.commitments.map((c) => c.id).join(',') || '–';
    const flags = `${r.late ? ' [SEN]' : ''}${r.receipt.status === 'failed' ? ' [kvittering feilet]' : ''}`;
    out.write(`${r.id.padEnd(10)} ${when.padEnd(16)} ${cut(who, 34)} ${cut(r.sender.category, 14)} ${cut(what, 30)} ${r.subject.slice(0, 60)}${flags}\n`);
  }
  out.write(`${records.length} ${records.length === 1 ? 'innspill' : 'innspill'}\n`);
  return 0;
}

export async function showCommand(dataDir: string, rules: Rules, id: string, json: boolean, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(dataDir, { lock: false });
  const r = await store.get(id);
  if (!r) {
    process.stderr.write(`innspill: no submission with id "${id}" in ${dataDir}\n`);
    return 1;
  }
  if (json) {
    out.write(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  const tz = rules.consultation.timezone;
  const row = (label: string, value: string) => out.write(`${label.padEnd(16)}${value}\n`);
  row('Innspill:', r.id);
  row('Fra:', `${r.from ? `${r.from.name} <${r.from.address}>` : '(ingen)'} — ${r.sender.organisation ?? 'ukjent organisasjon'} (${r.sender.category})`);
  row('Emne:', r.subject);
  row('Mottatt:', r.receivedAt ? `${formatInZone(new Date(r.receivedAt), tz)}${r.late ? ' – ETTER FRISTEN' : ''}` : 'ukjent');
  row('Arkivert:', `${r.filedAt} fra ${r.source.kind === 'imap' ? `IMAP uid ${r.source.uid}` : r.source.kind === 'maildir' ? r.source.file : r.source.path}`);
  row('Original:', store.path(r.raw));
  row('Relevant:', `${r.relevant ? 'ja' : 'nei'} (${r.relevance.reasons.join('; ')})`);
  if (r.automatic) row('Automatisk:', r.automaticKind ?? '');
  if (r.followUpOf) row('Oppfølging av:', r.followUpOf);
  row('Forpliktelser:', r.commitments.map((c) => `${c.id} (${c.score})`).join(', ') || '–');
  for (const c of r.commitments) for (const e of c.evidence) out.write(`${''.padEnd(16)}${c.id}: «${e.snippet}» [${e.where}]\n`);
  row('Språk:', r.language);
  row('Kvittering:', `${r.receipt.status}${r.receipt.sentAt ? ` ${r.receipt.sentAt}` : ''}${r.receipt.error ? ` – ${r.receipt.error}` : ''} (${r.receipt.reason})`);
  for (const a of r.attachments) row('Vedlegg:', `${a.filename || '(uten navn)'} (${a.detectedType}, ${a.size} byte) – ${a.problem ?? `lest, ${a.textLength} tegn: ${store.path(a.textFile!)}`}`);
  for (const p of r.problems) row('Problem:', p);
  out.write(`\nAvsenderens egne ord:\n${r.ownWords.trim() || '(ingen)'}\n`);
  return 0;
}
