// The postmottak mailbox over IMAP (imapflow). It is shared with people: messages are read with
// BODY.PEEK (never marked \Seen), unrelated mail is left exactly as it was, and consultation mail
// is moved to the filed folder only after its record is stored.
//   - Push: IDLE started explicitly and restarted every few minutes (servers drop long IDLEs),
//     with a periodic check as fallback and for servers without IDLE.
//   - UIDVALIDITY and the last UID handled are kept in the store; a new UIDVALIDITY means a
//     full rescan, which files nothing twice (the store knows every message it holds).
//   - Any drop or server restart: reconnect with exponential backoff and jitter.
//   - OAuth2 (INNSPILL_IMAP_AUTH=oauth2): each login takes a token from the token source (cached
//     until shortly before it expires); a refused token is fetched anew and tried once more.
import { readFileSync } from 'node:fs';
import type { ImapFlow, ImapFlowOptions } from 'imapflow';
import type { Config } from '../config.js';
import type { Store } from '../store/json-store.js';
import type { Logger } from '../log.js';
import { batchRanges, type BatchSizes } from './batches.js';
import type { Incoming, Mailbox } from './types.js';
import type { FiledFolder } from './filed-folder.js';
import { TokenCommandError } from '../oauth2/token-command.js';
import { Waker } from './wake.js';
import { explainImapError } from './imap-errors.js';
import { tokenSourceFor, type TokenSource } from '../oauth2/token-source.js';

interface ImapState {
  mailbox: string;
  uidValidity: string | null;
  lastUid: number;
}

const STATE = 'imap';
const IDLE_RESTART_MS = 4 * 60_000;
const MAX_BACKOFF_MS = 60_000;
const LOGIN_RETRY_MS = 5 * 60_000;

/** The server refused the login: a setting to mend, not a network to wait for. */
export class MailboxLoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailboxLoginError';
  }
}
const CONNECTION_TIMEOUT_MS = 30_000;

/** imapflow options for this mailbox; with OAuth2, `accessToken` is the token to log in with. */
export function imapOptions(cfg: NonNullable<Config['imap']>, accessToken?: string): ImapFlowOptions {
  return {
    host: cfg.host,
    port: cfg.port,
    secure: cfg.tls === 'true',
    doSTARTTLS: cfg.tls === 'starttls' ? true : cfg.tls === 'false' ? false : undefined,
    auth: cfg.auth === 'oauth2' ? { user: cfg.user, accessToken: accessToken ?? '' } : { user: cfg.user, pass: cfg.pass },
    tls: cfg.caFile ? { ca: readFileSync(cfg.caFile) } : undefined,
    logger: false,
    disableAutoIdle: true,
    maxIdleTime: IDLE_RESTART_MS,
    missingIdleCommand: 'STATUS',
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: 16_000,
    socketTimeout: 5 * 60_000,
    clientInfo: { name: 'innspill' },
  };
}

export class ImapMailbox implements Mailbox {
  readonly kind = 'imap' as const;
  private client: ImapFlow | null = null;
  /** The connection being made right now, if any. */
  private connecting: ImapFlow | null = null;
  private state: ImapState;
  /** Filed folders as the server names them, by the folder asked for. */
  private readonly filedPaths = new Map<string, string>();
  private failures = 0;
  /** The last try was refused by the server (password or token), not cut off by the network. */
  private loginRefused = false;
  private newMail = false;
  private readonly waker = new Waker();
  private closing = false;
  private readonly tokens: TokenSource | null;

  constructor(
    private readonly cfg: NonNullable<Config['imap']>,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly secrets: string[],
  ) {
    this.state = { mailbox: cfg.mailbox, uidValidity: null, lastUid: 0 };
    this.tokens = cfg.oauth2 ? tokenSourceFor(cfg.oauth2, secrets) : null;
  }

  private scrub(message: string): string {
    return this.secrets.reduce((m, s) => (s.length >= 3 ? m.split(s).join('[hemmelig]') : m), message);
  }

  get connected(): boolean {
    return this.client?.usable === true;
  }

  async open(): Promise<void> {
    this.state = await this.store.readState<ImapState>(STATE, this.state);
    if (this.state.mailbox !== this.cfg.mailbox) this.state = { mailbox: this.cfg.mailbox, uidValidity: null, lastUid: 0 };
    await this.connect();
  }

  private async connect(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    try {
      return await this.login();
    } catch (err) {
      // A refused token may just have expired early (or been revoked): fetch a new one, once.
      if (!(this.tokens?.refreshable && (err as { authenticationFailed?: boolean }).authenticationFailed)) throw this.failure(err);
      this.log.warn('the IMAP server refused the access token; fetching a new one');
      this.tokens.invalidate();
      try {
        return await this.login();
      } catch (again) {
        throw this.failure(again);
      }
    }
  }

  private failure(err: unknown): Error {
    this.failures++;
    const why = this.scrub(explainImapError(err, this.cfg, CONNECTION_TIMEOUT_MS / 1000));
    const message = `cannot reach the IMAP mailbox ${this.cfg.host}:${this.cfg.port}: ${why}`;
    this.loginRefused = (err as { authenticationFailed?: boolean }).authenticationFailed === true || err instanceof TokenCommandError;
    return this.loginRefused ? new MailboxLoginError(message) : new Error(message);
  }

  private async login(): Promise<ImapFlow> {
    this.log.info({ host: this.cfg.host, port: this.cfg.port, user: this.cfg.user, tls: this.cfg.tls, auth: this.cfg.auth }, 'connecting to the IMAP server');
    const token = this.tokens ? await this.tokens.get() : undefined;
    // Loaded at the first login, not with this module: the daemon imports this file for its error
    // class and its mailbox choice, and a daemon on a Maildir never needs imapflow (82 modules;
    // 28 MB resident imported alone into a bare node; issue 17).
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow(imapOptions(this.cfg, token));
    client.on('error', (err: Error) => this.log.warn({ err: this.scrub(err.message) }, 'IMAP connection error'));
    client.on('close', () => {
      if (this.client === client) {
        this.client = null;
        if (!this.closing) this.log.warn('IMAP connection closed; will reconnect');
      }
      this.waker.wake();
    });
    client.on('exists', () => {
      this.newMail = true;
      this.waker.wake();
    });
    this.connecting = client;
    try {
      await client.connect();
      const box = await client.mailboxOpen(this.cfg.mailbox);
      if (this.closing) throw new Error('the mailbox was closed while connecting');
      this.client = client;
      this.failures = 0;
      const uidValidity = String(box.uidValidity);
      if (this.state.uidValidity !== null && this.state.uidValidity !== uidValidity) {
        this.log.warn({ before: this.state.uidValidity, now: uidValidity }, 'UIDVALIDITY changed: the whole mailbox is read again (nothing is filed twice)');
        this.state = { mailbox: this.cfg.mailbox, uidValidity, lastUid: 0 };
      } else {
        this.state.uidValidity = uidValidity;
      }
      this.log.info({ mailbox: this.cfg.mailbox, messages: box.exists, uidValidity, lastUid: this.state.lastUid }, 'connected to the IMAP server');
      return client;
    } catch (err) {
      client.close();
      throw err;
    } finally {
      if (this.connecting === client) this.connecting = null;
    }
  }

  async *waiting(sizes: BatchSizes): AsyncIterable<Incoming[]> {
    const client = await this.connect();
    this.newMail = false;
    const found = await client.search({ uid: `${this.state.lastUid + 1}:*` }, { uid: true });
    const uids = (Array.isArray(found) ? found : []).filter((u) => u > this.state.lastUid).sort((a, b) => a - b);
    for (const [start, end] of batchRanges(uids.length, sizes)) {
      const chunk = uids.slice(start, end);
      // Fetch the whole chunk before doing anything else on this connection (imapflow deadlocks
      // on commands issued inside a running FETCH).
      const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
      const batch: Incoming[] = messages
        .filter((m) => m.source)
        .map((m) => ({
          raw: m.source!,
          source: { kind: 'imap', mailbox: this.cfg.mailbox, uidValidity: this.state.uidValidity ?? '', uid: m.uid },
          mailboxDate: m.internalDate instanceof Date ? m.internalDate : m.internalDate ? new Date(m.internalDate) : null,
        }));
      if (batch.length > 0) yield batch;
    }
  }

  /** The server's path of a filed folder ("/"-separated here), created when missing; remembered per folder. */
  private async filedFolder(client: ImapFlow, folder: string): Promise<string> {
    const known = this.filedPaths.get(folder);
    if (known) return known;
    const segments = folder.split('/').filter(Boolean);
    const list = await client.list();
    const existing = list.find((m) => m.path === folder || m.path.split(m.delimiter || '/').join('/') === segments.join('/'));
    let path: string;
    if (existing) {
      path = existing.path;
    } else {
      const created = await client.mailboxCreate(segments);
      path = created.path;
      this.log.info({ folder: created.path }, 'created the folder for filed consultation mail');
    }
    this.filedPaths.set(folder, path);
    return path;
  }

  async moveFiled(items: Incoming[], to?: FiledFolder): Promise<void> {
    const uids = items.flatMap((i) => (i.source.kind === 'imap' ? [i.source.uid] : []));
    if (uids.length === 0) return;
    const client = await this.connect();
    const dest = await this.filedFolder(client, to?.imap ?? this.cfg.filedFolder ?? 'Innspill');
    // imapflow answers `false` rather than throwing when the server did not move them (a connection
    // that dropped in the middle, say). Then they must not count as handled: the next check moves them.
    const moved = await client.messageMove(uids.join(','), dest, { uid: true });
    if (moved === false) throw new Error(`the filed messages (uid ${uids.join(', ')}) could not be moved to ${dest}; they stay in ${this.cfg.mailbox} and are moved at the next check`);
  }

  async handled(items: Incoming[]): Promise<void> {
    const uids = items.flatMap((i) => (i.source.kind === 'imap' && i.source.uidValidity === this.state.uidValidity ? [i.source.uid] : []));
    if (uids.length === 0) return;
    this.state.lastUid = Math.max(this.state.lastUid, ...uids);
    await this.store.writeState(STATE, this.state);
  }

  waitForMail(maxWaitMs: number, signal: AbortSignal): Promise<void> {
    if (this.newMail || signal.aborted) return Promise.resolve();
    let wait = maxWaitMs;
    if (!this.connected) {
      // Reconnect with exponential backoff and jitter: 1 s, 2 s, 4 s … at most a minute; after a
      // refused login, only every few minutes, so a changed password cannot lock the account.
      const base = this.loginRefused ? LOGIN_RETRY_MS : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, this.failures - 1));
      wait = Math.round(base * (0.5 + Math.random()));
      this.log.info({ inSeconds: Math.round(wait / 1000), failures: this.failures }, 'reconnecting to the IMAP server shortly');
    } else {
      // Push: IDLE until the server says EXISTS; the next command ends IDLE by itself.
      this.client!.idle().catch(() => undefined);
    }
    return this.waker.wait(wait, signal);
  }

  async close(): Promise<void> {
    this.closing = true;
    this.waker.wake();
    // A connection still being made (a stop while starting) is cut off, not waited for.
    this.connecting?.close();
    const client = this.client;
    this.client = null;
    if (client) await client.logout().catch(() => client.close());
  }
}
