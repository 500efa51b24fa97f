// The durable receipt outbox. A receipt's state lives in its record (records/<id>.json):
// pending → sent | failed, or skipped from the start. Exactly one receipt per record:
//   1. its Message-ID is made from the record (receiptMessageId): the same on every try, so it
//      need not be written down before the first (one record write per receipt, not two);
//   2. the message is handed to SMTP (or written to the outbox folder);
//   3. on "250 OK" the record is marked sent (fsync).
// A crash between 2 and 3 — the milliseconds between the server's answer and our fsync — is the
// only window: the next start sends again with the SAME Message-ID, which mail clients show as
// one message. For the outbox folder there is no window at all: the file named by the
// Message-ID is found and the record marked sent without writing it twice.
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import type { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { createSender, SendError, type MailSender } from '../mail/transport.js';
import { newMessageId } from '../mail/compose.js';
import type { Logger } from '../log.js';
import { composeReceipt } from './compose.js';
import { RECEIPT_HEADER_KEY } from '../mail/receipt-header.js';
import { senderOf } from '../mail/compose.js';
import { faultPoint } from '../faults.js';

const DAY = 86_400_000;
const MAX_WAIT_MS = 3 * 3_600_000;

export interface ReceiptCounts {
  pending: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Held for review: a caseworker decides first. */
  held: number;
}

/**
 * A receipt's Message-ID, made from its record: the same on every try (a repeat after a crash
 * carries the same one) without being written to the record before the first.
 */
export function receiptMessageId(record: Pick<SubmissionRecord, 'id' | 'rawSha256' | 'filedAt'>, from: string): string {
  const tag = createHash('sha256').update(`${record.id}\n${record.rawSha256}\n${record.filedAt}`).digest('hex').slice(0, 12);
  return newMessageId(`kvittering.${record.id}`, from, tag);
}

export class ReceiptOutbox {
  private sender: MailSender | null = null;
  /** Pending receipts: record id → when it may be tried (ms since epoch; 0 = now). */
  private readonly due = new Map<string, number>();
  /**
   * Receipts per address (pending or sent) with their times, for the 24-hour limit. Addresses with
   * nothing in the last 24 hours are swept out (at most once an hour), so the map holds the last
   * day's senders, not every sender the mailbox ever had (issue 17).
   */
  private readonly perAddress = new Map<string, number[]>();
  private nextSweep = 0;
  private readonly counts_: ReceiptCounts = { pending: 0, sent: 0, failed: 0, skipped: 0, held: 0 };

  constructor(
    private readonly config: Config,
    private readonly rules: () => Rules,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  async open(): Promise<void> {
    for (const r of await this.store.readAll()) {
      this.counts_[r.receipt.status]++;
      if (r.receipt.status === 'pending') this.due.set(r.id, r.receipt.nextAttemptAt ? Date.parse(r.receipt.nextAttemptAt) : 0);
      if ((r.receipt.status === 'pending' || r.receipt.status === 'sent') && r.from) this.remember(r.from.address, Date.parse(r.receipt.sentAt ?? r.filedAt));
    }
  }

  private remember(address: string, at: number): void {
    const list = this.perAddress.get(address) ?? [];
    list.push(at);
    this.perAddress.set(address, list);
  }

  /** The loop guard: may one more receipt go to this address now? Counts it if so. */
  allow(address: string): boolean {
    const t = this.now().getTime();
    if (t >= this.nextSweep) this.sweep(t);
    const recent = (this.perAddress.get(address) ?? []).filter((at) => at > t - DAY);
    this.perAddress.set(address, recent);
    if (recent.length >= this.config.receiptsPerSenderPerDay) return false;
    recent.push(t);
    return true;
  }

  /** How many addresses the 24-hour limit remembers (for tests: it must not grow with the mailbox). */
  get rememberedAddresses(): number {
    return this.perAddress.size;
  }

  private sweep(t: number): void {
    this.nextSweep = t + DAY / 24;
    for (const [address, times] of this.perAddress) if (!times.some((at) => at > t - DAY)) this.perAddress.delete(address);
  }

  /** A held receipt was released by a caseworker's decision: counted as what it became, and sent when pending. */
  released(record: SubmissionRecord): void {
    this.counts_.held = Math.max(0, this.counts_.held - 1);
    this.track(record);
  }

  /** A record was filed with a pending receipt. */
  track(record: SubmissionRecord): void {
    this.counts_[record.receipt.status]++;
    if (record.receipt.status === 'pending') this.due.set(record.id, 0);
  }

  counts(): ReceiptCounts {
    return { ...this.counts_ };
  }

  /** Milliseconds until the next pending receipt may be tried, or null when none waits. */
  msUntilNextDue(): number | null {
    if (this.due.size === 0) return null;
    return Math.max(0, Math.min(...this.due.values()) - this.now().getTime());
  }

  /** Tries every receipt that is due, once each. Returns how many were sent. */
  async sendDue(): Promise<number> {
    const t = this.now().getTime();
    const ids = [...this.due.entries()].filter(([, at]) => at <= t).map(([id]) => id).sort();
    let sent = 0;
    for (const id of ids) {
      const record = await this.store.get(id);
      if (!record || record.receipt.status !== 'pending') {
        this.due.delete(id);
        continue;
      }
      if (await this.attempt(record)) sent++;
    }
    return sent;
  }

  /** `innspill receipts retry ID`: a failed or waiting receipt is tried again now. */
  async retry(id: string): Promise<SubmissionRecord | null> {
    const record = await this.store.get(id);
    if (!record || !record.receipt.send || record.receipt.status === 'sent') return record;
    this.counts_[record.receipt.status]--;
    this.counts_.pending++;
    record.receipt = { ...record.receipt, status: 'pending', nextAttemptAt: null, error: null };
    await this.store.updateReceipt(record);
    await this.attempt(record);
    return this.store.get(id);
  }

  /** Machine mail that detection missed must still never get a receipt. */
  private loopReason(record: SubmissionRecord): string | null {
    const own = this.rules().ownAddresses.map((a) => a.toLowerCase());
    const from = record.from?.address ?? '';
    if (!from) return 'meldingen har ingen avsenderadresse';
    if (own.includes(from) || from === this.config.from.toLowerCase()) return 'avsenderen er vår egen adresse';
    if (record.headers[RECEIPT_HEADER_KEY] !== undefined) return 'meldingen er selv en kvittering fra innspill';
    const prefixes = this.rules().consultations.flatMap((v) => Object.values(v.templates)).map((t) => t.subjectPrefix.trim().toLowerCase());
    if (prefixes.some((p) => p && record.subject.toLowerCase().startsWith(p)) && record.inReplyTo && this.store.threadIds.has(record.inReplyTo)) {
      return 'meldingen ser ut som en av våre egne kvitteringer';
    }
    return null;
  }

  private async attempt(record: SubmissionRecord): Promise<boolean> {
    const log = this.log.child({ id: record.id });
    const now = this.now();
    const loop = this.loopReason(record);
    if (loop) {
      await this.finish(record, { status: 'skipped', reason: `ingen kvittering: ${loop}` });
      return false;
    }
    this.sender ??= createSender(this.config);
    record.receipt.messageId ??= receiptMessageId(record, this.config.from);
    // Maybe tried before and delivered just before a crash (the record cannot say): the outbox folder can tell.
    const where = await this.sender.deliveredBefore(record.receipt.messageId);
    if (where) {
      await this.finish(record, { status: 'sent', deliveredTo: where, sentAt: now.toISOString() });
      return true;
    }
    // Written down with the outcome (sent, or when to try again): the Message-ID is the same on every try.
    record.receipt.attempts++;
    const composed = await composeReceipt(record, this.rules(), senderOf(this.config, rulesFor(this.rules(), record.consultation?.id)), record.receipt.messageId, now);
    faultPoint('receipt-before-send');
    try {
      // Null envelope sender (RFC 3834): bounces and auto-replies to a receipt go nowhere.
      const result = await this.sender.send({ envelopeFrom: '', to: [composed.to], raw: composed.raw, messageId: record.receipt.messageId });
      faultPoint('receipt-after-send');
      await this.finish(record, { status: 'sent', deliveredTo: result.deliveredTo, sentAt: this.now().toISOString() });
      log.info({ to: composed.to, messageId: record.receipt.messageId, attempts: record.receipt.attempts }, `receipt sent for ${record.id}`);
      return true;
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError(String(err), false, null);
      const firstTry = Date.parse(record.filedAt);
      const giveUp = now.getTime() - firstTry > this.config.receiptGiveUpHours * 3_600_000;
      if (e.permanent || giveUp) {
        const error = giveUp && !e.permanent ? `ga opp etter ${this.config.receiptGiveUpHours} timer: ${e.message}` : e.message;
        await this.finish(record, { status: 'failed', error });
        log.warn({ to: composed.to, error }, `receipt for ${record.id} failed for good`);
      } else {
        const wait = Math.min(MAX_WAIT_MS, this.config.receiptRetrySeconds * 1000 * 3 ** (record.receipt.attempts - 1));
        const jittered = Math.round(wait * (0.9 + Math.random() * 0.2));
        const next = new Date(now.getTime() + jittered);
        record.receipt.error = e.message;
        record.receipt.nextAttemptAt = next.toISOString();
        await this.store.updateReceipt(record);
        this.due.set(record.id, next.getTime());
        log.warn({ to: composed.to, error: e.message, nextAttemptAt: record.receipt.nextAttemptAt }, `receipt for ${record.id} will be tried again`);
      }
      return false;
    }
  }

  private async finish(
    record: SubmissionRecord,
    change: { status: 'sent' | 'failed' | 'skipped'; reason?: string; error?: string; deliveredTo?: string; sentAt?: string },
  ): Promise<void> {
    this.counts_.pending--;
    this.counts_[change.status]++;
    record.receipt = {
      ...record.receipt,
      status: change.status,
      reason: change.reason ?? record.receipt.reason,
      error: change.error ?? (change.status === 'sent' ? null : record.receipt.error),
      deliveredTo: change.deliveredTo ?? record.receipt.deliveredTo,
      sentAt: change.sentAt ?? record.receipt.sentAt,
      nextAttemptAt: null,
    };
    await this.store.updateReceipt(record);
    this.due.delete(record.id);
  }

  async close(): Promise<void> {
    this.sender?.close();
    this.sender = null;
  }
}
