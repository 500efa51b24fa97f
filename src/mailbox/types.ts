import type { Incoming } from '../pipeline.js';

/** Where mail comes from. Both sources hand out raw bytes with where they came from, and take back "filed". */
export interface Mailbox {
  readonly kind: 'imap' | 'maildir';
  /** Connects (IMAP) or creates the folders (Maildir). */
  open(): Promise<void>;
  /** The messages waiting that were not handled yet, in arrival order, in batches. */
  waiting(batchSize: number): AsyncIterable<Incoming[]>;
  /** Moves filed messages out of the inbox (after their records are stored). */
  moveFiled(items: Incoming[]): Promise<void>;
  /** Remembers that these were handled (filed or left alone), so they are not read again. */
  handled(items: Incoming[]): Promise<void>;
  /** Resolves when new mail may have arrived, or after `maxWaitMs`, or when `signal` aborts. */
  waitForMail(maxWaitMs: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
