/**
 * A throwaway Dovecot IMAP server for integration tests.
 *
 * Every server lives in its own temp dir with a self-contained config (never /etc/dovecot), listens on
 * 127.0.0.1 on a random free port, allows plaintext LOGIN/AUTHENTICATE PLAIN without TLS, and stores mail
 * as Maildir inside the temp dir.
 *
 *   const imap = await startDovecot();
 *   const client = new ImapFlow(imap.clientOptions());
 *   ...
 *   await imap.stop();
 *
 * Process model: Dovecot runs in the foreground (`dovecot -F`) under a small `sh` watchdog, all in one
 * process group. The watchdog reads its stdin, a pipe from this Node process; when this process dies for
 * any reason (even SIGKILL), the pipe closes and the watchdog SIGTERMs the group. Exit and signal hooks
 * stop every server this module started and remove the temp dirs (KEEP_TEST_SERVER_DIRS=1 keeps them).
 *
 * OAuth2: `startDovecot({ oauth2: { introspectionUrl } })` also accepts XOAUTH2 and OAUTHBEARER logins. Dovecot
 * asks the URL about each bearer token (RFC 7662 token introspection: POST token=<token>) and lets the login in
 * when the answer is `{"active":true,"username":"<user>"}` for the same user; anything else refuses it. Password
 * logins (PLAIN/LOGIN, used by append() and list()) keep working next to it. See tests/helpers/introspection.ts.
 *
 * Timing on a 2-core machine: start() 25-45 ms, stop() 20-110 ms (rarely ~1 s).
 *
 * Over 300 lines on purpose: one server's whole life (start, watchdog, stop, and the cleanup that must
 * work however the test process ends) is kept together; its files and binaries are in dovecot-config.ts.
 *
 * Privileges: as root, the master runs as root, the internal/login services as the Debian users
 * `dovecot`/`dovenull` (created by the dovecot-core package) and the mail processes as `nobody` (Dovecot
 * refuses mail access as uid 0). As any other user, every process runs as that user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { findDovecot, greetingOf, writeConfig } from './dovecot-config.js';
import { freePort, HOST } from './ports.js';

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  pass: string;
  /** temp dir with dovecot.conf, dovecot.log, run/ and mail/ */
  dir: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  restart(): Promise<void>;
  /** imapflow client options to connect as the test user (no TLS, doSTARTTLS false, logger false) */
  clientOptions(): ImapFlowOptions;
  /** APPENDs a message (creating the mailbox if needed) and returns its UID */
  append(raw: Buffer | string, opts?: { mailbox?: string; flags?: string[]; internalDate?: Date }): Promise<number>;
  /** messages in UID order; flags sorted, without the session-specific \Recent */
  list(mailbox?: string): Promise<Array<{ uid: number; flags: string[]; messageId: string | null; size: number }>>;
  /** makes the server report a new UIDVALIDITY for INBOX while keeping the messages (server must be running) */
  changeUidValidity(mailbox?: string): Promise<void>;
  mailboxes(): Promise<string[]>;
}


/** Servers started by this module that may still be running, for the exit hook. */
const live = new Set<Instance>();
/** Every temp dir this module made, removed at exit unless KEEP_TEST_SERVER_DIRS is set. */
const created = new Set<string>();
let exitHookInstalled = false;
const DIR_PREFIX = 'innspill-dovecot-';

export interface DovecotOAuth2 {
  /** the token-introspection endpoint Dovecot POSTs `token=<token>` to (http://127.0.0.1:…) */
  introspectionUrl: string;
  /** the SASL mechanisms offered for tokens; default both. imapflow prefers OAUTHBEARER when offered. */
  mechanisms?: Array<'xoauth2' | 'oauthbearer'>;
}

export interface DovecotOptions {
  user?: string;
  pass?: string;
  /** also accept OAuth2 bearer tokens, checked against a token-introspection endpoint */
  oauth2?: DovecotOAuth2;
}

export async function startDovecot(opts: DovecotOptions = {}): Promise<DovecotServer> {
  const bin = findDovecot();
  const user = opts.user ?? 'postmottak';
  const pass = opts.pass ?? 'secret';
  const oauth2 = opts.oauth2 ?? null;
  if (!exitHookInstalled) sweepStaleDirs();
  installExitHook();

  // The port is found by binding port 0 and releasing it, so another process could grab it before Dovecot
  // binds it: retry with a new port and a fresh dir in that (rare) case.
  for (let attempt = 1; ; attempt++) {
    const inst = new Instance(bin, user, pass, await freePort(), oauth2);
    try {
      await inst.start();
      return inst;
    } catch (err) {
      const inUse = /Address already in use/.test(inst.logTail());
      rmSync(inst.dir, { recursive: true, force: true });
      created.delete(inst.dir);
      if (!inUse || attempt >= 3) throw err;
    }
  }
}

class Instance implements DovecotServer {
  readonly host = HOST;
  readonly dir: string;
  private readonly conf: string;
  private readonly log: string;
  private watchdog: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly bin: { dovecot: string; doveadm: string },
    readonly user: string,
    readonly pass: string,
    readonly port: number,
    oauth2: DovecotOAuth2 | null = null,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
    created.add(this.dir);
    writeFileSync(join(this.dir, 'owner.pid'), String(process.pid));
    this.conf = join(this.dir, 'dovecot.conf');
    this.log = join(this.dir, 'dovecot.log');
    writeConfig(this.dir, user, pass, port, oauth2);
  }

  async start(): Promise<void> {
    if (this.watchdog) return;
    const logFd = openSync(this.log, 'a');
    // sh: $0 = dovecot binary, $1 = config. The sh is the leader of a new process group (detached) that
    // every Dovecot process joins, and stop() SIGTERMs that group. The sh traps TERM so that it survives
    // to reap the master (an orphaned master stays a zombie until PID 1 gets round to reaping it).
    // fd 3 keeps the pipe from Node (a background job's stdin would otherwise be /dev/null); when it
    // reaches EOF because Node is gone, the reader SIGTERMs the group. When Dovecot exits, the reader goes.
    const script = [
      'trap : TERM',
      'exec 3<&0',
      '"$0" -F -c "$1" </dev/null 3<&- & d=$!',
      '{ read -r _ <&3; kill -TERM 0; } & r=$!',
      // a trapped signal interrupts wait (status > 128): wait again until Dovecot has really exited
      'while :; do wait "$d"; s=$?; [ "$s" -gt 128 ] && kill -0 "$d" 2>/dev/null || break; done',
      'kill "$r" 2>/dev/null; wait "$r"; exit "$s"',
    ].join('\n');
    // Dovecot's stdio goes to its log: a daemon holding the caller's stdout/stderr pipe blocks pipelines.
    const child = spawn('/bin/sh', ['-c', script, this.bin.dovecot, this.conf], {
      stdio: ['pipe', logFd, logFd],
      detached: true,
    });
    closeSync(logFd);
    this.watchdog = child;
    live.add(this);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // Neither the child nor its stdin pipe may keep this process (a vitest worker, a tsx script) alive.
    child.unref();
    (child.stdin as unknown as { unref(): void }).unref();
    child.once('exit', () => {
      if (this.watchdog === child) {
        this.watchdog = null;
        live.delete(this);
      }
    });

    // Wait for this server's own greeting, not just an open port: something else could hold the port.
    const deadline = Date.now() + 60_000; // a hang guard, generous for a loaded machine
    while (!(await greets(this.port, greetingOf(this.dir)))) {
      if (this.watchdog !== child) {
        throw new Error(`dovecot exited during start-up (port ${this.port}); log ${this.log}:\n${this.logTail()}`);
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`dovecot did not open port ${this.port} within 60 s; log ${this.log}:\n${this.logTail()}`);
      }
      await sleep(20);
    }
  }

  /**
   * SIGTERM to the whole process group, not only to the master: after the master exits, a Dovecot 2.3
   * mail process keeps its client connected for another ~10 s ("Server shutting down"), and the log and
   * stats processes linger as well. Waits until every process is gone and the port refuses connections.
   */
  async stop(): Promise<void> {
    const child = this.watchdog;
    if (!child?.pid) return;
    const pgid = child.pid;
    signal(-pgid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (groupAlive(pgid)) {
      if (Date.now() > deadline) signal(-pgid, 'SIGKILL'); // should not happen; never leave a server behind
      await sleep(20);
    }
    await this.exited;
    while (await portOpen(this.port)) await sleep(20);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  clientOptions(): ImapFlowOptions {
    return {
      host: this.host,
      port: this.port,
      secure: false,
      doSTARTTLS: false,
      logger: false,
      auth: { user: this.user, pass: this.pass },
    };
  }

  async append(raw: Buffer | string, opts: { mailbox?: string; flags?: string[]; internalDate?: Date } = {}): Promise<number> {
    const mailbox = opts.mailbox ?? 'INBOX';
    return this.withClient(async (client) => {
      if (mailbox.toUpperCase() !== 'INBOX') await client.mailboxCreate(mailbox); // no-op if it exists
      const res = await client.append(mailbox, raw, opts.flags ?? [], opts.internalDate);
      if (!res || res.uid === undefined) throw new Error(`APPEND to ${mailbox} returned no UID`);
      return res.uid;
    });
  }

  async list(mailbox = 'INBOX'): Promise<Array<{ uid: number; flags: string[]; messageId: string | null; size: number }>> {
    return this.withClient(async (client) => {
      const box = await client.mailboxOpen(mailbox, { readOnly: true });
      if (box.exists === 0) return [];
      const msgs = await client.fetchAll('1:*', { uid: true, flags: true, envelope: true, size: true }, { uid: true });
      return msgs
        .map((m) => ({
          uid: m.uid,
          flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
          messageId: m.envelope?.messageId ?? null,
          size: m.size ?? 0,
        }))
        .sort((a, b) => a.uid - b.uid);
    });
  }

  async changeUidValidity(mailbox = 'INBOX'): Promise<void> {
    if (!this.watchdog) throw new Error('changeUidValidity needs the server running (doveadm asks its auth service)');
    const before = this.mailboxStatus(mailbox);
    // UIDVALIDITY is a non-zero 32-bit value.
    const next = before.uidvalidity >= 0xffffffff ? 1 : before.uidvalidity + 1;
    this.doveadm('mailbox', 'update', '-u', this.user, '--uid-validity', String(next), mailbox);
    // Trap: right after the update Dovecot rebuilds the index, and a STATUS on an already open IMAP
    // connection then reported messages=0 uidnext=1 once. Reading the status here completes the resync first.
    const after = this.mailboxStatus(mailbox);
    if (after.uidvalidity !== next || after.messages !== before.messages) {
      throw new Error(`changeUidValidity(${mailbox}): expected ${next} with ${before.messages} messages, got ${JSON.stringify(after)}`);
    }
  }

  async mailboxes(): Promise<string[]> {
    return this.withClient(async (client) => (await client.list()).map((m) => m.path).sort());
  }

  logTail(lines = 30): string {
    if (!existsSync(this.log)) return '(no log)';
    return readFileSync(this.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** process group of the running server (the watchdog's pid) */
  get pgid(): number | undefined {
    return this.watchdog?.pid;
  }

  private mailboxStatus(mailbox: string): { messages: number; uidvalidity: number } {
    const out = this.doveadm('mailbox', 'status', '-u', this.user, 'messages uidvalidity', mailbox);
    // e.g. "INBOX messages=3 uidvalidity=1795708853"
    const num = (key: string) => Number(new RegExp(`${key}=(\\d+)`).exec(out)?.[1] ?? NaN);
    const res = { messages: num('messages'), uidvalidity: num('uidvalidity') };
    if (!Number.isInteger(res.messages) || !Number.isInteger(res.uidvalidity)) throw new Error(`unexpected doveadm output: ${out}`);
    return res;
  }

  private doveadm(...args: string[]): string {
    const r = spawnSync(this.bin.doveadm, ['-c', this.conf, ...args], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`doveadm ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  }

  private async withClient<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = new ImapFlow({ ...this.clientOptions(), disableAutoIdle: true });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}

/**
 * Cleanup when this process ends: SIGTERM every running server's process group and remove the temp dirs
 * (set KEEP_TEST_SERVER_DIRS=1 to keep them, e.g. to read dovecot.log). Only synchronous work is possible.
 *
 * Trap: vitest 4 ends its fork workers with SIGTERM, and Node then exits without an 'exit' event. So the
 * hook also listens for SIGTERM/SIGINT/SIGHUP, and afterwards re-raises the signal if nobody else
 * listens, so the process still dies of it. SIGKILL cannot be caught: then the watchdog stops Dovecot
 * and the next startDovecot() removes the dir (sweepStaleDirs).
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const cleanup = () => {
    const groups = [...live].flatMap((inst) => (inst.pgid ? [inst.pgid] : []));
    for (const pgid of groups) signal(-pgid, 'SIGTERM');
    live.clear();
    // Wait (synchronously, at most 3 s; usually < 100 ms) so that Dovecot no longer writes into the dirs.
    const until = Date.now() + 3000;
    const nap = new Int32Array(new SharedArrayBuffer(4));
    while (groups.some(groupAlive) && Date.now() < until) Atomics.wait(nap, 0, 0, 20);
    if (!process.env.KEEP_TEST_SERVER_DIRS) {
      for (const dir of created) {
        try {
          rmSync(dir, { recursive: true, force: true });
        } catch {
          // never throw from an exit hook; sweepStaleDirs() gets it next time
        }
      }
    }
    created.clear();
  };
  process.on('exit', cleanup);
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanup();
      process.off(sig, onSignal);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/** Removes temp dirs left by earlier processes that died without cleaning up (owner pid gone). */
function sweepStaleDirs(): void {
  if (process.env.KEEP_TEST_SERVER_DIRS) return;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      const owner = Number(readFileSync(join(dir, 'owner.pid'), 'utf8'));
      if (owner > 0 && !pidAlive(owner)) rmSync(dir, { recursive: true, force: true });
    } catch {
      // no owner.pid: being created right now, or not ours
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is any non-zombie process left in the process group? (kill(-pgid, 0) would also count zombies.) */
function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ..."; comm may contain spaces, so parse after the last ')'
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') return true;
    } catch {
      // exited while we looked
    }
  }
  return false;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Does the server on this port send an IMAP greeting containing `text`? */
function greets(port: number, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: HOST, port });
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(2000, () => done(false));
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.includes('\n')) done(buf.startsWith('* OK') && buf.includes(text));
    });
    sock.once('error', () => done(false));
    sock.once('close', () => done(false));
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: HOST, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
