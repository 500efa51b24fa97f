// What a source of mail is to the daemon. The mailbox knows nothing of intake or the pipeline:
// it hands out bytes with where they came from and takes back what was handled.
import type { RecordSource } from '../store/record.js';
import type { BatchSizes } from './batches.js';
import type { FiledFolder } from './filed-folder.js';

/** One message as a mailbox hands it out. */
export interface Incoming {
  raw: Buffer;
  source: RecordSource;
  /** When the mailbox says it arrived (IMAP INTERNALDATE, the Maildir file's time), if it says. */
  mailboxDate: Date | null;
}

/** Where mail comes from. Both sources hand out raw bytes with where they came from, and take back "filed". */
export interface Mailbox {
  readonly kind: 'imap' | 'maildir';
  /** Whether the mailbox can be reached now: false while a server is down; a folder always can. */
  readonly connected: boolean;
  /** Connects (IMAP) or creates the folders (Maildir). */
  open(): Promise<void>;
  /** The messages waiting that were not handled yet, in arrival order, in batches of the sizes given. */
  waiting(sizes: BatchSizes): AsyncIterable<Incoming[]>;
  /** Moves filed messages out of the inbox (after their records are stored), to their consultation's folder (unset: the default one's). */
  moveFiled(items: Incoming[], to?: FiledFolder): Promise<void>;
  /** Remembers that these were handled (filed or left alone), so they are not read again. */
  handled(items: Incoming[]): Promise<void>;
  /** Resolves when new mail may have arrived, or after `maxWaitMs`, or when `signal` aborts. */
  waitForMail(maxWaitMs: number, signal: AbortSignal): Promise<void>;
  /**
   * May come while open() still runs (a stop while starting: daemon.ts does not wait for open()).
   * open() then leaves nothing open behind it: no connection (IMAP), no folder watch (Maildir).
   */
  close(): Promise<void>;
}
