// `innspill ingest FILE…`: files given on the command line, through the same pipeline as mail
// from the mailbox. Nothing is moved; the files stay where they are.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { batchRanges, type BatchSizes } from './batches.js';
import type { Incoming, Mailbox } from './types.js';

export class FilesMailbox implements Mailbox {
  readonly kind = 'maildir' as const;
  /** A folder can always be reached. */
  readonly connected = true;
  /** Files that could not be read, with the reason. */
  readonly unreadable: Array<{ path: string; reason: string }> = [];

  constructor(private readonly paths: string[]) {}

  async open(): Promise<void> {}

  async *waiting(sizes: BatchSizes): AsyncIterable<Incoming[]> {
    for (const [start, end] of batchRanges(this.paths.length, sizes)) {
      const batch: Incoming[] = [];
      for (const p of this.paths.slice(start, end)) {
        const path = resolve(p);
        try {
          const [raw, info] = await Promise.all([readFile(path), stat(path)]);
          batch.push({ raw, source: { kind: 'file', path }, mailboxDate: info.mtime });
        } catch (err) {
          this.unreadable.push({ path, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
        }
      }
      if (batch.length > 0) yield batch;
    }
  }

  async moveFiled(): Promise<void> {}
  async handled(): Promise<void> {}
  async waitForMail(): Promise<void> {}
  async close(): Promise<void> {}
}
