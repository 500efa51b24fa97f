// The raw-fetch limit: mbsync (isync) pulling the same INBOX into a local Maildir, with the
// configuration proven in the team notes (FSync no, PipelineDepth 50).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';

export function mbsyncAvailable(): boolean {
  return spawnSync('mbsync', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function mbsyncVersion(): string {
  return spawnSync('mbsync', ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** One pull of INBOX into a fresh Maildir under `dir`; the time is the whole mbsync process. */
export function mbsyncPull(imap: DovecotServer, dir: string): { ms: number; messages: number } {
  rmSync(dir, { recursive: true, force: true });
  const near = join(dir, 'near');
  mkdirSync(near, { recursive: true });
  const rc = join(dir, 'mbsyncrc');
  writeFileSync(
    rc,
    [
      'FSync no',
      '',
      'IMAPAccount bench',
      `Host ${imap.host}`,
      `Port ${imap.port}`,
      `User ${imap.user}`,
      `Pass ${imap.pass}`,
      'SSLType None',
      'PipelineDepth 50',
      '',
      'IMAPStore bench-remote',
      'Account bench',
      '',
      'MaildirStore bench-local',
      `Path ${near}/`,
      `Inbox ${near}/INBOX`,
      'SubFolders Verbatim',
      '',
      'Channel bench',
      'Far :bench-remote:',
      'Near :bench-local:',
      'Patterns INBOX',
      'Create Near',
      'Sync Pull',
      `SyncState ${dir}/state/`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'state'));
  const t0 = performance.now();
  const r = spawnSync('mbsync', ['-q', '-c', rc, 'bench'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`mbsync failed (${r.status}): ${r.stderr || r.stdout}`);
  const messages = readdirSync(join(near, 'INBOX', 'new')).length + readdirSync(join(near, 'INBOX', 'cur')).length;
  return { ms, messages };
}
