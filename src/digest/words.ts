// The caseworker's words in the digest, in bokmål: one place, so the text, Markdown and HTML
// versions say the same thing.
import type { AutomaticKind } from '../intake/types.js';
import type { ReceiptStatus } from '../store/record.js';

export const HEADINGS = {
  review: 'Til vurdering',
  perCommitment: 'Innspill per forpliktelse',
  perCategory: 'Innspill per avsenderkategori',
  needsAttention: 'Trenger oppfølging',
  notReplied: 'Ikke svart ennå',
  submissions: 'Innspill',
  automatic: 'Automatiske meldinger',
  campaigns: 'Kampanjer',
} as const;

export const LABELS = {
  reviewIntro:
    'Disse meldingene venter på en saksbehandlers beslutning og ligger i innboksen. Kvitteringen er holdt tilbake, bortsett fra for innspill der bare saken skal velges: der er kvitteringen sendt. Lenkene lager en ferdig e-post til postmottaket; send den som den er.',
  reviewTextHint: 'Beslutt med lenkene i HTML-versjonen av oversikten, eller på kommandolinjen: innspill decide ID input|not-input',
  reviewCommands: 'Beslutt ved å sende en av linjene til',
  reviewCommandsHint:
    'Slik beslutter du uten lenker: lag en ny e-post til postmottaket, lim inn linjen eller linjene du vil (én beslutning per linje, kontrollkoden #… urørt; etter koden på /forpliktelser-linjen kan du endre listen), og send den. Du får et kort svar om hva som ble gjort. På kommandolinjen: innspill decide ID input|not-input',
  unsure: 'Usikkert',
  caseNumber: 'Sak',
  made: 'laget',
  inPeriod: 'nye i perioden',
  total: 'totalt',
  late: 'Etter fristen',
  lateMark: 'ETTER FRISTEN',
  decided: 'Avgjort av saksbehandler',
  correctCommand: 'Rett opp: send den linjen du vil (endre listen etter koden; den siste merker innspillet som personopplysninger) til',
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
  unclassifiedSection: 'Uklassifisert (ikke plassert)',
  noCommentsSection: 'Ingen merknader',
  heldForReview: 'ligger igjen i innboksen, og kvitteringen er holdt tilbake',
  waitsForConsultation: 'ligger igjen i innboksen til saken er valgt; kvitteringen er sendt',
  nothingNew: 'Ingen nye innspill i perioden.',
  nothingNeedsAttention: 'Ingenting trenger oppfølging.',
  everyoneReplied: 'Alle inviterte har svart.',
  noAutomatic: 'Ingen automatiske meldinger i perioden.',
  invitationBounced: 'invitasjonen kom i retur',
  chartLegend: 'Mørk del: nye i perioden. Hele søylen: totalt.',
  footer: 'Denne oversikten er laget automatisk av innspill. Den sendes ikke videre, og svar på den leses ikke.',
} as const;

export const ATTENTION_TITLES = {
  review: 'Usikkert (en saksbehandler bør se på meldingen)',
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
  recall: 'Tilbakekalling av en e-post',
  innsynskrav: 'Innsynskrav (fra eInnsyn o.l.)',
  ticket: 'Saksnummer fra mottakers system',
  list: 'E-postliste eller nyhetsbrev',
  noreply: 'Fra en noreply-adresse',
  'own-receipt': 'Vår egen kvittering i retur',
  report: 'Rapport (DMARC o.l.)',
};

/** A receipt's state in words (list, show, receipts, exports). */
export const RECEIPT_STATUS_TITLES: Record<ReceiptStatus, string> = {
  pending: 'venter',
  sent: 'sendt',
  skipped: 'ikke sendt',
  failed: 'feilet',
  held: 'holdt tilbake til vurdering',
};

export const LANGUAGE_NAMES: Record<'nb' | 'nn' | 'en', string> = { nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' };

/** "nye i perioden: 3, totalt: 7" — or only the total when the period is the whole consultation. */
export function periodCountText(inPeriod: number, total: number, wholeConsultation: boolean): string {
  return wholeConsultation ? `${LABELS.total}: ${total}` : `${LABELS.inPeriod}: ${inPeriod}, ${LABELS.total}: ${total}`;
}

/** "Innspill – nye i perioden: 7, totalt: 13 · Etter fristen – nye i perioden: 0, totalt: 1" */
export function submissionsLine(
  totals: { submissions: { inPeriod: number; total: number }; late: { inPeriod: number; total: number }; inCampaigns?: { members: { total: number }; campaigns: { total: number } } },
  wholeConsultation: boolean,
): string {
  const { submissions: s, late } = totals;
  const campaigns = totals.inCampaigns ? ` (${inCampaignsText(totals.inCampaigns.members.total, totals.inCampaigns.campaigns.total)})` : '';
  return `${HEADINGS.submissions} – ${periodCountText(s.inPeriod, s.total, wholeConsultation)}${campaigns} · ${LABELS.late} – ${periodCountText(late.inPeriod, late.total, wholeConsultation)}`;
}

/** "av dem 22 i 2 kampanjer": every campaign member is counted as a submission. */
export function inCampaignsText(members: number, campaigns: number): string {
  return `av dem ${members} i ${campaigns} ${campaigns === 1 ? 'kampanje' : 'kampanjer'}`;
}

/** The one line a campaign member gets in a commitment section. */
export function campaignMemberText(campaign: { id: string; size: number }): string {
  return `del av kampanje ${campaign.id} (${campaign.size} innspill med samme tekst) – se ${HEADINGS.campaigns}`;
}

/** "16 innspill fra 16 avsendere (3 nye)" */
export function campaignSizeText(c: { size: number; senders: number; newMembers: number }, wholeConsultation: boolean): string {
  return `${c.size} innspill fra ${c.senders} ${c.senders === 1 ? 'avsender' : 'avsendere'}${wholeConsultation ? '' : ` (${c.newMembers} ${c.newMembers === 1 ? 'nytt' : 'nye'})`}`;
}

export const CAMPAIGN_LABELS = {
  arrivals: 'Mottatt',
  first: 'første',
  last: 'siste',
  about: 'Gjelder',
  template: 'Felles tekst',
  noTemplate: '(ingen felles tekst i e-posten; medlemmene sendte samme vedlegg)',
  additions: 'Det medlemmene la til selv',
  noAdditions: 'Ingen la til noe eget.',
  split: 'Ta ut av kampanjen',
  join: 'Slå sammen med en annen kampanje',
  commands: 'Hører et medlem ikke med, eller er to kampanjer én? Send linjen du vil (for å slå sammen: skriv den andre kampanjens nummer, k-…, etter koden) til',
} as const;

/** The count in a digest's subject: "12 nye", "1 nytt" (et innspill), "ingen nye". */
/** Below a section whose entries were not all shown (see ENTRIES_PER_SECTION in sections.ts). */
export function moreEntriesText(more: number, shown: number): string {
  return `… og ${more} innspill til her som ikke er vist: oversikten viser de ${shown} sist arkiverte i hver del. Alle står i «innspill list» og i eksporten.`;
}

/** A section's heading count: every submission under it, shown or not. */
export function sectionCountText(s: { entries: unknown[]; more: number }): string {
  return `${s.entries.length + s.more} innspill`;
}

export function newCountText(n: number): string {
  return n === 0 ? 'ingen nye' : `${n} ${n === 1 ? 'nytt' : 'nye'}`;
}

export function deadlineText(daysLeft: number, deadlineDate: string): string {
  if (daysLeft > 1) return `${daysLeft} dager igjen til fristen ${deadlineDate}`;
  if (daysLeft === 1) return `1 dag igjen til fristen ${deadlineDate}`;
  if (daysLeft === 0) return `Fristen er i dag, ${deadlineDate}`;
  return `Fristen gikk ut ${deadlineDate}, for ${-daysLeft === 1 ? '1 dag' : `${-daysLeft} dager`} siden`;
}

/** Equal but for case and accents, in Norwegian (one collator: making one per call costs more than the rest of a digest entry). */
const sameLetters = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * Who sent it: "KS – Kari Nordmann" for a registered organisation (its short name when it has
 * one), the name and address of an unknown sender.
 */
export function senderLabel(sender: { organisation: string | null; shortName: string | null; name: string; address: string | null }): string {
  const person = sender.name || sender.address || '';
  if (sender.organisation) {
    const organisation = sender.shortName ?? sender.organisation;
    const same = sameLetters.compare(person, sender.organisation) === 0 || person === sender.shortName;
    return person && !same ? `${organisation} – ${person}` : organisation;
  }
  if (sender.name && sender.address) return `${sender.name} <${sender.address}>`;
  return person || 'ukjent avsender';
}

/**
 * The organisation for one line of `show` or `inspect`: the register's name, or what a forged From
 * claims, said as a claim ("ukjent organisasjon (Fra-adressen oppgir NHO, ikke bekreftet)").
 */
export function organisationText(sender: { organisation: string | null; hints: { unconfirmed?: { organisation: string } } }): string {
  if (sender.organisation) return sender.organisation;
  const claimed = sender.hints.unconfirmed?.organisation;
  return claimed ? `ukjent organisasjon (Fra-adressen oppgir ${claimed}, ikke bekreftet)` : 'ukjent organisasjon';
}

/** The count line of a "needs attention" group, saying whether it covers the period or everything. */
export function attentionCountText(group: { scope: 'periode' | 'totalt'; inPeriod: number; total: number }, wholeConsultation: boolean): string {
  if (group.scope === 'periode') return periodCountText(group.inPeriod, group.total, wholeConsultation);
  return wholeConsultation ? `åpne: ${group.total}` : `åpne i hele høringen: ${group.total}, nye i perioden: ${group.inPeriod}`;
}

export function attachmentText(a: { filename: string; readable: boolean; problem: string | null }): string {
  const name = a.filename || 'vedlegg uten navn';
  return a.readable ? `${name} (${LABELS.readable})` : `${name} (${LABELS.notReadable}: ${a.problem})`;
}

export function evidenceText(e: { term: string; where: string; snippet: string }): string {
  return `«${e.term}» i ${e.where}: «${e.snippet}»`;
}
