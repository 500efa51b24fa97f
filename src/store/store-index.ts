// The store's index in memory: what identifies each filed record (its bytes, its content, its
// Message-ID), the conversations it belongs to, and the numbers given out so far. Slim on purpose:
// memory stays flat whatever the size of the store; the records stay on disk.
import { ThreadIndex } from '../intake/follow-up.js';
import { idFor, parseId, type SubmissionRecord } from './record.js';

/** What the index takes of a record: a whole record, or its row in the index file (record-index.ts). */
export type Indexable = Pick<SubmissionRecord, 'id' | 'seq' | 'rawSha256' | 'fingerprint' | 'messageId' | 'subject' | 'automatic'> & {
  consultation?: { id: string } | null;
  from: { address: string } | null;
  receipt: { messageId: string | null };
};

interface IndexEntry {
  id: string;
  seq: number;
}

const styleKey = (prefix: string, year: number) => `${prefix}\n${year}`;

export class StoreIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly bySha = new Map<string, string>();
  private readonly byFingerprint = new Map<string, string>();
  private readonly byMessageId = new Map<string, string[]>();
  /** Filed records as conversations (Message-IDs, receipts sent, subjects): decides follow-ups. */
  readonly threads = new ThreadIndex();
  private nextSeq = 1;
  /** The highest number of each id style (prefix and year): ids are counted within a consultation. */
  private readonly lastNumber = new Map<string, number>();

  add(r: Indexable): void {
    this.entries.set(r.id, { id: r.id, seq: r.seq });
    this.bySha.set(r.rawSha256, r.id);
    this.byFingerprint.set(r.fingerprint, r.id);
    if (r.messageId) {
      const list = this.byMessageId.get(r.messageId) ?? [];
      if (!list.includes(r.id)) list.push(r.id);
      this.byMessageId.set(r.messageId, list);
    }
    this.threads.add({
      id: r.id,
      seq: r.seq,
      messageId: r.messageId,
      receiptMessageId: r.receipt.messageId,
      from: r.from,
      subject: r.subject,
      automatic: r.automatic,
      consultation: r.consultation === undefined ? undefined : (r.consultation?.id ?? null),
    });
    this.nextSeq = Math.max(this.nextSeq, r.seq + 1);
    const parts = parseId(r.id);
    if (parts) {
      const key = styleKey(parts.prefix, parts.year);
      this.lastNumber.set(key, Math.max(this.lastNumber.get(key) ?? 0, parts.number));
    }
  }

  clear(): void {
    this.entries.clear();
    this.bySha.clear();
    this.byFingerprint.clear();
    this.byMessageId.clear();
    this.threads.clear();
    this.lastNumber.clear();
    this.nextSeq = 1;
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Every id, in filing order. */
  ids(): string[] {
    return [...this.entries.values()].sort((a, b) => a.seq - b.seq).map((e) => e.id);
  }

  /** The record with these bytes, or else with this content, if any. */
  copyOf(rawSha256: string, fingerprint: string): string | null {
    return this.bySha.get(rawSha256) ?? this.byFingerprint.get(fingerprint) ?? null;
  }

  /** Records that carry this Message-ID. */
  withMessageId(messageId: string | null): string[] {
    return messageId ? [...(this.byMessageId.get(messageId) ?? [])] : [];
  }

  /** The next filing number and id of that style (the numbers are taken: ask only to file). */
  nextId(style: { prefix: string; year: number }): { seq: number; id: string } {
    const seq = this.nextSeq++;
    const key = styleKey(style.prefix, style.year);
    const number = (this.lastNumber.get(key) ?? 0) + 1;
    this.lastNumber.set(key, number);
    return { seq, id: idFor(number, style.year, style.prefix) };
  }
}
