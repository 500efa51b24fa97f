// The throwaway Dovecot (tests/helpers/dovecot.ts) filled with the generated mailbox by APPEND,
// and snapshots of its Maildir so that every run starts from exactly the same server state.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';

/** APPENDs the files to INBOX over one connection, in order; returns messages per second. */
export async function appendAll(imap: DovecotServer, files: string[], onProgress?: (n: number) => void): Promise<{ ms: number; perSecond: number }> {
  const client = new ImapFlow({ ...imap.clientOptions(), disableAutoIdle: true });
  await client.connect();
  const t0 = performance.now();
  try {
    for (const [i, file] of files.entries()) {
      await client.append('INBOX', readFileSync(file), []);
      if (i % 500 === 499) onProgress?.(i + 1);
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  const ms = performance.now() - t0;
  return { ms, perSecond: files.length / (ms / 1000) };
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}

/** Copies of the user's Maildir (messages, uidlist and indexes), taken and put back with Dovecot stopped. */
export class Snapshots {
  private readonly maildir: string;
  constructor(
    private readonly imap: DovecotServer,
    private readonly dir: string,
  ) {
    this.maildir = join(imap.dir, 'mail', imap.user, 'Maildir');
    mkdirSync(dir, { recursive: true });
  }

  async take(name: string): Promise<void> {
    await this.imap.stop();
    rmSync(join(this.dir, name), { recursive: true, force: true });
    run('cp', ['-a', this.maildir, join(this.dir, name)]);
    await this.imap.start();
  }

  /** Puts a snapshot back; `null` empties the mailbox. */
  async restore(name: string | null): Promise<void> {
    await this.imap.stop();
    rmSync(this.maildir, { recursive: true, force: true });
    if (name) run('cp', ['-a', join(this.dir, name), this.maildir]);
    await this.imap.start();
  }
}
