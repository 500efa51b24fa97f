// The embedded default: a Maildir (the format Postfix and Dovecot deliver to) watched for new
// files. Filed messages move to their consultation's sub-maildir (".filed" for the default one,
// see filed-folder.ts); unrelated ones stay where they are.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/json-store.js';
import { ensureDirs, fsyncDir } from '../store/atomic.js';
import { batchRanges, type BatchSizes } from './batches.js';
import type { Incoming, Mailbox } from './types.js';
import { Waker } from './wake.js';
import { FILED_SUBFOLDER, type FiledFolder } from './filed-folder.js';

export { FILED_SUBFOLDER };

/** The unique part of a Maildir file name: flags after ":2," change, the name before them does not. */
const uniqueOf = (name: string) => name.split(':')[0]!;

/**
 * When a message arrived in the Maildir. A Maildir name begins with its delivery time (seconds);
 * the file's time is the arrival time Dovecot reports (INTERNALDATE). A copied Maildir keeps the
 * names but gets new file times, and a message appended with an older date gets an old file time
 * but a new name: the earlier of the two is when it arrived.
 */
export function maildirArrival(name: string, fileTime: Date): Date {
  const seconds = /^(\d{9,10})\./.exec(name)?.[1];
  const named = seconds ? new Date(Number(seconds) * 1000) : null;
  return named && named.getTime() < fileTime.getTime() ? named : fileTime;
}

export class MaildirMailbox implements Mailbox {
  readonly kind = 'maildir' as const;
  /** A folder can always be reached. */
  readonly connected = true;
  private readonly handledNames = new Set<string>();
  private watchers: FSWatcher[] = [];
  private readonly waker = new Waker();
  private changed = false;
  /** Closed: an open() still under way when close() came starts no folder watch (it would keep the process alive). */
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly store: Store,
  ) {}

  async open(): Promise<void> {
    await ensureDirs(['new', 'cur', 'tmp'].flatMap((d) => [join(this.root, d), join(this.root, FILED_SUBFOLDER, d)]));
    // What was left alone before need not be read again.
    const seen = await this.store.readState<{ names: string[] }>('maildir-handled', { names: [] });
    for (const n of seen.names) this.handledNames.add(n);
    // A stop while starting closes the mailbox without waiting for this (daemon.ts, untilStopped).
    if (this.closed) return;
    for (const d of ['new', 'cur']) {
      const w = watch(join(this.root, d), () => {
        this.changed = true;
        this.waker.wake();
      });
      w.on('error', () => undefined);
      this.watchers.push(w);
    }
  }

  async *waiting(sizes: BatchSizes): AsyncIterable<Incoming[]> {
    this.changed = false;
    const files: Array<{ dir: string; name: string }> = [];
    for (const dir of ['new', 'cur']) {
      for (const name of await readdir(join(this.root, dir)).catch(() => [] as string[])) {
        if (!name.startsWith('.') && !this.handledNames.has(uniqueOf(name))) files.push({ dir, name });
      }
    }
    // Maildir names begin with the delivery time: sorting gives arrival order.
    files.sort((a, b) => a.name.localeCompare(b.name));
    for (const [start, end] of batchRanges(files.length, sizes)) {
      const batch: Incoming[] = [];
      for (const f of files.slice(start, end)) {
        const path = join(this.root, f.dir, f.name);
        try {
          const [raw, info] = await Promise.all([readFile(path), stat(path)]);
          batch.push({ raw, source: { kind: 'maildir', file: `${f.dir}/${f.name}` }, mailboxDate: maildirArrival(f.name, info.mtime) });
        } catch {
          // Moved or deleted by someone else meanwhile: nothing to do.
        }
      }
      if (batch.length > 0) yield batch;
    }
  }

  async moveFiled(items: Incoming[], to?: FiledFolder): Promise<void> {
    const dirs = new Set<string>();
    const folder = to?.maildir ?? FILED_SUBFOLDER;
    if (folder !== FILED_SUBFOLDER) await ensureDirs(['new', 'cur', 'tmp'].map((d) => join(this.root, folder, d)));
    for (const item of items) {
      if (item.source.kind !== 'maildir') continue;
      const [dir, name] = item.source.file.split('/') as [string, string];
      await rename(join(this.root, dir, name), join(this.root, folder, dir, name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      dirs.add(join(this.root, dir)).add(join(this.root, folder, dir));
    }
    for (const d of dirs) await fsyncDir(d);
  }

  async handled(items: Incoming[]): Promise<void> {
    let added = false;
    for (const item of items) {
      if (item.source.kind !== 'maildir') continue;
      const name = item.source.file.split('/')[1]!;
      if (!this.handledNames.has(uniqueOf(name))) {
        this.handledNames.add(uniqueOf(name));
        added = true;
      }
    }
    if (!added) return;
    // Forget names whose files are gone (filed, or deleted by a person), so the list stays small.
    const present = new Set<string>();
    for (const dir of ['new', 'cur']) for (const n of await readdir(join(this.root, dir)).catch(() => [] as string[])) present.add(uniqueOf(n));
    for (const n of this.handledNames) if (!present.has(n)) this.handledNames.delete(n);
    await this.store.writeState('maildir-handled', { names: [...this.handledNames] });
  }

  waitForMail(maxWaitMs: number, signal: AbortSignal): Promise<void> {
    if (this.changed || signal.aborted) return Promise.resolve();
    return this.waker.wait(maxWaitMs, signal);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.watchers) w.close();
    this.watchers = [];
    this.waker.wake();
  }
}
