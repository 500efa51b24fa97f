// Stage 7 (follow-ups): is the message part of a conversation innspill knows? A reply to the
// invitation or to an earlier submission (or to a receipt we sent) is "in the thread", which counts
// for relevance. Which earlier submission a message follows up is decided here too, by
// `ThreadIndex.followUpOf`: the store keeps the index and asks it when it files a record (a
// follow-up may arrive in the same batch as the submission it follows up).
import type { IntakeContext } from './context.js';

// Subjects without reply and forward prefixes, so "SV: VS: Innspill fra KS" and "Innspill fra KS"
// are seen as the same conversation. Norwegian, Nordic, German and English prefixes, and the
// words people put in front of a corrected version.
const PREFIX = /^\s*(?:(?:re|sv|svar|aw|antw|vs|fw|fwd|wg|tr|vb|fs|ref|odp)(?:\s*\[\d+\]|\s*\(\d+\))?\s*:|\[[^\]]{1,40}\]|(?:korrigert|korrigering|oppdatert|oppdatering|rettelse|retting|endring|tillegg|updated|corrected|correction|revised|revidert)\s*(?::|-|–)?\s*(?=\S))\s*/i;

export function baseSubject(subject: string): string {
  let s = subject.normalize('NFC');
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface ThreadFinding {
  /** It replies to (or references) the invitation, an earlier submission or one of our receipts. */
  inThread: boolean;
  /**
   * Whose thread: the consultation of the invitation or record named by the newest thread header
   * that names one; '' for a record filed before several consultations (the default one's), null
   * when none of them says.
   */
  consultation: string | null;
}

/**
 * The Message-IDs of a returned message's headers: in a delivery report's part of its own
 * (text/rfc822-headers), or inline under the report's text ("------ Original message headers ------").
 */
export function returnedMessageIds(message: Pick<IntakeContext['message'], 'reportText' | 'text'>): string[] {
  const ids: string[] = [];
  for (const t of [message.reportText, message.text]) {
    if (t === '') continue;
    for (const m of t.matchAll(/^message-id:[ \t]*(<[^>\s]+>)/gim)) ids.push(m[1]!);
  }
  return ids;
}

/** A subject as compared with an invitation's: lower case, runs of white space and dashes as one space. */
const letterSubjectKey = (s: string) => s.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ' ').trim();

/** The words of a subject, lower case, without punctuation. */
const subjectWords = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A letter's subject needs at least this many words to be known when words were added to it. */
const MIN_TITLE_WORDS = 4;

/**
 * Whether a returned message's subject is the letter's: the same, or every word of it in the same
 * order with words added ("Høring – forslag til endringer i …" for "Høring – endringer i …"; a
 * mail program's prefix such as "VS:"), when the letter's subject is long enough to tell.
 */
export function isLetterSubject(subject: string, letter: string): boolean {
  if (letterSubjectKey(subject) === letterSubjectKey(letter)) return true;
  const want = subjectWords(letter);
  if (want.length < MIN_TITLE_WORDS) return false;
  let k = 0;
  for (const w of subjectWords(subject)) if (w === want[k] && ++k === want.length) return true;
  return false;
}

/** Whether a subject is one of a consultation's letter's: its title or another subject it was sent with (isLetterSubject). */
export function isConsultationLetterSubject(subject: string, consultation: { title: string; invitationSubjects: readonly string[] }): boolean {
  return [consultation.title, ...consultation.invitationSubjects].some((letter) => isLetterSubject(subject, letter));
}

/**
 * The consultation whose invitation a delivery report returns, known by the returned message's
 * sender (one of the ministry's own addresses) and subject (the invitation's title, or another
 * subject it was sent with; isLetterSubject), when its Message-ID is not the one the rules know.
 * The returned headers are in the report part, inline under the report's text ("--- Original
 * message headers ---"), or the returned message is attached whole.
 */
function returnedInvitation(message: IntakeContext['message'], rules: IntakeContext['rules']): string | null {
  const ours = new Set(rules.ownAddresses.map((a) => a.toLowerCase()));
  const subjects: string[] = [];
  let fromUs = false;
  for (const m of `${message.reportText}\n${message.text}`.matchAll(/^[ \t]*(from|subject):[ \t]*(.*)$/gim)) {
    if (m[1]!.toLowerCase() === 'subject') subjects.push(m[2]!);
    else if ([...m[2]!.toLowerCase().matchAll(/[^\s<>"',;]+@[^\s<>"',;]+/g)].some((a) => ours.has(a[0]))) fromUs = true;
  }
  for (const f of message.forwarded) {
    subjects.push(f.subject);
    if (f.from && ours.has(f.from.address.toLowerCase())) fromUs = true;
  }
  if (!fromUs) return null;
  const invited = rules.consultations.find((v) => subjects.some((s) => isConsultationLetterSubject(s, v.consultation)));
  return invited?.consultation.id ?? null;
}

/** Machine mail that returns a message it could not deliver. */
export const RETURNING: ReadonlySet<string> = new Set(['bounce', 'delay']);

export function findThread(c: Pick<IntakeContext, 'message' | 'rules' | 'options' | 'automatic'>): ThreadFinding {
  const known = c.options.knownThreadIds;
  let inThread = false;
  let consultation: string | null = null;
  // The newest header first: In-Reply-To, then References from the end; then the Message-ID of a
  // message returned in a delivery report (a bounce of the invitation letter is the letter's).
  for (const id of [c.message.inReplyTo, ...[...c.message.references].reverse(), ...returnedMessageIds(c.message)]) {
    if (id === null) continue;
    const invited = c.rules.consultations.find((v) => v.consultation.invitationMessageIds.includes(id));
    const receipt = invited === undefined ? receiptConsultation(id, c.rules) : undefined;
    const ours = invited !== undefined || known?.has(id) === true || receipt !== undefined;
    if (!ours) continue;
    inThread = true;
    if (consultation === null) consultation = invited ? invited.consultation.id : (known?.consultationOf?.(id) ?? receipt ?? null);
  }
  if (!inThread && RETURNING.has(c.automatic.kind ?? '')) {
    const invitation = returnedInvitation(c.message, c.rules);
    if (invitation !== null) return { inThread: true, consultation: invitation };
  }
  return { inThread, consultation };
}

/**
 * A Message-ID of one of our own receipts (`<kvittering.<record id>.<random>@<our domain>>`, as
 * the outbox makes them): an answer to it is in the thread even when the store is not asked
 * (an auto-reply to a receipt belongs to the case). The consultation is the one whose id prefix
 * the record id carries; undefined when the id is not one of ours.
 */
export function receiptConsultation(id: string, rules: Pick<IntakeContext['rules'], 'consultations'>): string | null | undefined {
  const m = /^<?kvittering\.((?:[a-z0-9-]+-)?\d{4}-\d+)\.[0-9a-f]+@([^>\s]+)>?$/i.exec(id.trim());
  if (!m) return undefined;
  const [, recordId, domain] = m;
  const ownDomains = rules.consultations.flatMap((v) => [v.consultation.mailbox, ...v.consultation.ownAddresses].map((a) => a.split('@')[1]?.toLowerCase()));
  if (!ownDomains.includes(domain!.toLowerCase())) return undefined;
  const prefixed = rules.consultations.find((v) => v.consultation.idPrefix !== '' && recordId!.startsWith(`${v.consultation.idPrefix}-`));
  return (prefixed ?? rules.consultations.find((v) => v.consultation.idPrefix === ''))?.consultation.id ?? null;
}

/** What the index needs to know of a filed record. */
export interface ThreadEntry {
  id: string;
  seq: number;
  messageId: string | null;
  /** The Message-ID of the receipt we sent for it, if any. */
  receiptMessageId: string | null;
  from: { address: string } | null;
  subject: string;
  automatic: boolean;
  /** The consultation it is filed under; undefined for records filed before several ('' below). */
  consultation?: string | null;
}

/** The sender's domain and the subject without prefixes: two messages with the same key are one conversation. */
function subjectKey(from: { address: string } | null, subject: string): string | null {
  const domain = from?.address.split('@')[1] ?? null;
  const base = baseSubject(subject);
  return domain && base.length >= 4 ? `${domain}\n${base}` : null;
}

/**
 * The filed records as conversations: by Message-ID (of the record and of its receipt) and, for
 * a person's mail, by sender domain and subject. Look-ups are by key, never a scan of every record.
 */
export class ThreadIndex {
  private readonly byMessageId = new Map<string, string>();
  /** Record id → its consultation ('' for a record filed before several; null for none). */
  private readonly consultationOfRecord = new Map<string, string | null>();
  /** Subject key → record id → seq (a person's mail only). */
  private readonly bySubject = new Map<string, Map<string, number>>();
  /** Record id → the subject key it is listed under, so a record indexed again moves. */
  private readonly keyOf = new Map<string, string>();

  /** Whether a Message-ID is one of a filed record or of a receipt we sent. */
  has(messageId: string): boolean {
    return this.byMessageId.has(messageId);
  }

  /** The consultation of the record (or of the receipt of the record) with this Message-ID. */
  consultationOf(messageId: string): string | null {
    const id = this.byMessageId.get(messageId);
    return id === undefined ? null : (this.consultationOfRecord.get(id) ?? null);
  }

  /** Adds a record, or updates one indexed before (a reclassified record may change). */
  add(e: ThreadEntry): void {
    if (e.messageId) this.byMessageId.set(e.messageId, e.id);
    if (e.receiptMessageId) this.byMessageId.set(e.receiptMessageId, e.id);
    this.consultationOfRecord.set(e.id, e.consultation === undefined ? '' : e.consultation);
    const before = this.keyOf.get(e.id);
    if (before !== undefined) {
      this.bySubject.get(before)?.delete(e.id);
      this.keyOf.delete(e.id);
    }
    const key = e.automatic ? null : subjectKey(e.from, e.subject);
    if (key === null) return;
    let ids = this.bySubject.get(key);
    if (!ids) this.bySubject.set(key, (ids = new Map()));
    ids.set(e.id, e.seq);
    this.keyOf.set(e.id, key);
  }

  clear(): void {
    this.byMessageId.clear();
    this.consultationOfRecord.clear();
    this.bySubject.clear();
    this.keyOf.clear();
  }

  /**
   * The earlier record a message follows up: the newest thread header that names a filed record
   * or a receipt of ours; else, for a person's mail, the newest record from the same domain with
   * the same subject (prefixes such as "SV:" or "Korrigert:" left out).
   */
  followUpOf(s: { inReplyTo: string | null; references: readonly string[]; automatic: boolean; from: { address: string } | null; subject: string }): string | null {
    for (const mid of [s.inReplyTo, ...[...s.references].reverse()]) {
      const id = mid === null ? undefined : this.byMessageId.get(mid);
      if (id) return id;
    }
    if (s.automatic) return null;
    const key = subjectKey(s.from, s.subject);
    const ids = key === null ? undefined : this.bySubject.get(key);
    if (!ids) return null;
    let best: string | null = null;
    let bestSeq = -Infinity;
    for (const [id, seq] of ids) {
      if (seq > bestSeq) {
        best = id;
        bestSeq = seq;
      }
    }
    return best;
  }
}
