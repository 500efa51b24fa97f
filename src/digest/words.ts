// The caseworker's words in the digest, in bokmål: one place, so the text, Markdown and HTML
// versions say the same thing.
import type { AutomaticKind } from '../intake/types.js';

export const HEADINGS = {
  perCommitment: 'Innspill per forpliktelse',
  perCategory: 'Innspill per avsenderkategori',
  needsAttention: 'Trenger oppfølging',
  notReplied: 'Ikke svart ennå',
  submissions: 'Innspill',
  automatic: 'Automatiske meldinger',
} as const;

export const LABELS = {
  caseNumber: 'Sak',
  made: 'laget',
  inPeriod: 'nye i perioden',
  total: 'totalt',
  late: 'Etter fristen',
  lateMark: 'ETTER FRISTEN',
  received: 'mottatt',
  subject: 'Emne',
  alsoUnder: 'Også under',
  evidence: 'Grunnlag',
  attachments: 'Vedlegg',
  followUpOf: 'Oppfølging av',
  followedUpBy: 'Fulgt opp i',
  readable: 'lest',
  notReadable: 'kunne ikke leses',
  newMark: 'ny',
  noSubject: '(uten emne)',
  noExcerpt: '(ingen egen tekst i e-posten)',
  unknownTime: 'ukjent tidspunkt',
  unclassifiedSection: 'Uklassifisert – ikke plassert under noen forpliktelse',
  nothingNew: 'Ingen nye innspill i perioden.',
  nothingNeedsAttention: 'Ingenting trenger oppfølging.',
  everyoneReplied: 'Alle inviterte har svart.',
  noAutomatic: 'Ingen automatiske meldinger i perioden.',
  invitationBounced: 'invitasjonen kom i retur',
  chartLegend: 'Mørk del: nye i perioden. Hele søylen: totalt.',
  footer: 'Denne oversikten er laget automatisk av innspill. Den sendes ikke videre, og svar på den leses ikke.',
} as const;

export const ATTENTION_TITLES = {
  unclassified: 'Ikke plassert under noen forpliktelse',
  unknownSender: 'Ukjent avsender (ikke i avsenderregisteret)',
  unreadableAttachment: 'Vedlegg som ikke kunne leses',
  receiptNotDelivered: 'Kvittering ikke levert',
  unreadableMessage: 'Meldinger som ikke kunne leses',
  invitationBounce: 'Invitasjonen nådde ikke fram (kom i retur)',
} as const;

export const AUTOMATIC_KIND_TITLES: Record<AutomaticKind, string> = {
  'auto-reply': 'Autosvar',
  'out-of-office': 'Fraværsmelding',
  bounce: 'Kom i retur (ikke levert)',
  delay: 'Forsinket levering',
  'read-receipt': 'Lesekvittering',
  ticket: 'Saksnummer fra mottakers system',
  list: 'E-postliste eller nyhetsbrev',
  noreply: 'Fra en noreply-adresse',
  'own-receipt': 'Vår egen kvittering i retur',
  report: 'Rapport (DMARC o.l.)',
};

export function countText(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 nye i perioden (totalt 7)" — or only the total when the period is the whole consultation. */
export function periodCountText(inPeriod: number, total: number, wholeConsultation: boolean): string {
  return wholeConsultation ? `${total} ${LABELS.total}` : `${inPeriod} ${LABELS.inPeriod} (${LABELS.total} ${total})`;
}

export function deadlineText(daysLeft: number, deadlineDate: string): string {
  if (daysLeft > 1) return `${daysLeft} dager igjen til fristen ${deadlineDate}`;
  if (daysLeft === 1) return `1 dag igjen til fristen ${deadlineDate}`;
  if (daysLeft === 0) return `Fristen er i dag, ${deadlineDate}`;
  return `Fristen gikk ut ${deadlineDate}, for ${countText(-daysLeft, 'dag', 'dager')} siden`;
}

/** Who sent it: "KS – Kari Nordmann" for a registered organisation, the name and address otherwise. */
export function senderLabel(sender: { organisation: string | null; name: string; address: string | null }): string {
  const person = sender.name || sender.address || '';
  if (sender.organisation) return person ? `${sender.organisation} – ${person}` : sender.organisation;
  if (sender.name && sender.address) return `${sender.name} <${sender.address}>`;
  return person || 'ukjent avsender';
}

/** The count line of a "needs attention" group, saying whether it covers the period or everything. */
export function attentionCountText(group: { scope: 'periode' | 'totalt'; inPeriod: number; total: number }, wholeConsultation: boolean): string {
  if (group.scope === 'periode') return periodCountText(group.inPeriod, group.total, wholeConsultation);
  return wholeConsultation ? `${group.total} åpne` : `${group.total} åpne i hele høringen, ${group.inPeriod} ${group.inPeriod === 1 ? 'ny' : 'nye'}`;
}

export function attachmentText(a: { filename: string; readable: boolean; problem: string | null }): string {
  const name = a.filename || 'vedlegg uten navn';
  return a.readable ? `${name} (${LABELS.readable})` : `${name} (${LABELS.notReadable}: ${a.problem})`;
}

export function evidenceText(e: { term: string; where: string; snippet: string }): string {
  return `«${e.term}» i ${e.where}: «${e.snippet}»`;
}
