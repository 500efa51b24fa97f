// innspill as a real deployment runs it: the built CLI (`node bin/innspill.js run [--once]`) as a
// child process, configured only by INNSPILL_* variables, against the throwaway Dovecot and the SMTP
// sink. Its JSON log (stderr) goes to a file; its memory is sampled with its extraction workers.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';
import { sampleMemory, type MemoryPeak } from './rss.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(projectRoot, 'bin', 'innspill.js');

export interface InnspillEnv {
  dataDir: string;
  imap: DovecotServer;
  smtp: { host: string; port: number };
  extra?: Record<string, string>;
}

/** The environment of an innspill process: nothing inherited but PATH and HOME. */
export function innspillEnv(o: InnspillEnv): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    INNSPILL_DATA_DIR: o.dataDir,
    INNSPILL_OUTBOX_DIR: join(o.dataDir, '..', 'outbox'),
    INNSPILL_MAILDIR: join(o.dataDir, '..', 'maildir-unused'),
    INNSPILL_IMAP_HOST: o.imap.host,
    INNSPILL_IMAP_PORT: String(o.imap.port),
    INNSPILL_IMAP_USER: o.imap.user,
    INNSPILL_IMAP_PASS: o.imap.pass,
    INNSPILL_IMAP_TLS: 'false',
    INNSPILL_SMTP_HOST: o.smtp.host,
    INNSPILL_SMTP_PORT: String(o.smtp.port),
    INNSPILL_SMTP_TLS: 'false',
    INNSPILL_LOG_LEVEL: 'info',
    ...o.extra,
  };
}

export interface LogLine {
  time: number;
  msg: string;
  [key: string]: unknown;
}

export function readLog(file: string): LogLine[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: LogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as LogLine);
    } catch {
      // a line cut off by a kill
    }
  }
  return out;
}

export interface Started {
  child: ChildProcess;
  logFile: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/innspill.js <args>` in `cwd` (a temp folder, so no project .env is read). */
export function startInnspill(args: string[], env: Record<string, string>, cwd: string, logFile: string, nodeArgs: string[] = []): Started {
  mkdirSync(cwd, { recursive: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, cliPath, ...args], { cwd, env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, logFile, exited };
}

/** SIGTERM, as a service manager stops it; SIGKILL if it has not exited within 35 s (its bound is 30 s). */
export async function stopInnspill(daemon: Started): Promise<void> {
  daemon.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([daemon.exited, new Promise<void>((r) => (timer = setTimeout(r, 35_000)))]);
  clearTimeout(timer);
  if (daemon.child.exitCode === null && daemon.child.signalCode === null) daemon.child.kill('SIGKILL');
}

export interface OnceResult {
  wallMs: number;
  memory: MemoryPeak;
  read: number;
  filed: number;
  receiptsSent: number;
  /** from the log: process start → connected, connected → last record filed, last filed → receipts done */
  phases: { startMs: number; filingMs: number; receiptsMs: number };
}

/** `innspill run --once`: everything waiting, every receipt, then exit. Timed from spawn to exit. */
export async function runOnce(env: Record<string, string>, cwd: string, logFile: string, nodeArgs: string[] = []): Promise<OnceResult> {
  const t0 = Date.now();
  const started = startInnspill(['run', '--once'], env, cwd, logFile, nodeArgs);
  const memory = sampleMemory(started.child.pid!, 50);
  const { code, signal } = await started.exited;
  const wallMs = Date.now() - t0;
  const peak = memory.stop();
  const lines = readLog(logFile);
  if (code !== 0) throw new Error(`innspill run --once exited with ${code ?? signal}; log ${logFile}:\n${lines.slice(-5).map((l) => l.msg).join('\n')}`);
  const done = lines.find((l) => l.msg === 'one pass done');
  const connected = lines.find((l) => l.msg === 'connected to the IMAP server');
  const filedLines = lines.filter((l) => typeof l.msg === 'string' && (l.msg.startsWith('filed ') || l.msg.startsWith('already filed') || l.msg.startsWith('not part of')));
  const lastFiled = filedLines.at(-1)?.time ?? connected?.time ?? t0;
  return {
    wallMs,
    memory: peak,
    read: Number(done?.['read'] ?? 0),
    filed: lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('filed ')).length,
    receiptsSent: Number(done?.['receiptsSent'] ?? 0),
    phases: {
      startMs: (connected?.time ?? t0) - t0,
      filingMs: lastFiled - (connected?.time ?? t0),
      receiptsMs: (done?.time ?? lastFiled) - lastFiled,
    },
  };
}
