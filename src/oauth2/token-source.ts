// Where IMAP and SMTP get their OAuth2 access tokens: a fixed token from the environment, or the
// token command, whose token is kept until shortly before it expires. After a refused login the
// caller calls invalidate() and asks once more: the command then runs again.
// Every token fetched joins config.secrets, so the logs scrub it from then on.
import type { OAuth2Settings } from '../config.js';
import { runTokenCommand, TokenCommandError } from './token-command.js';

/** Tokens of one source kept in the secrets list (older ones have long expired). */
const KEEP_SECRETS = 20;
/** A token is replaced this long before it expires, or at half its lifetime if that is shorter. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export class TokenSource {
  private cached: { token: string; refreshAt: number; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private readonly mine: string[] = [];

  constructor(
    private readonly settings: OAuth2Settings,
    private readonly secrets: string[],
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Can a new token be fetched (a command is configured), or is the token fixed? */
  get refreshable(): boolean {
    return this.settings.tokenCommand !== null;
  }

  /** Where the token comes from, in words for messages ("INNSPILL_IMAP_TOKEN_COMMAND"). */
  get origin(): string {
    return `${this.settings.variablePrefix}_${this.refreshable ? 'TOKEN_COMMAND' : 'ACCESS_TOKEN'}`;
  }

  /** When the current token should be replaced (ms since epoch), or null when none is held. */
  get refreshAt(): number | null {
    return this.cached?.refreshAt ?? null;
  }

  /** A token that is not about to expire: the cached one, or a fresh one from the command. */
  async get(): Promise<string> {
    if (this.settings.accessToken !== null) return this.settings.accessToken;
    if (this.cached && this.now().getTime() < this.cached.refreshAt) return this.cached.token;
    this.inflight ??= this.fetch().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** The server refused the token: the next get() runs the command again. */
  invalidate(): void {
    this.cached = null;
  }

  private async fetch(): Promise<string> {
    const command = this.settings.tokenCommand;
    if (command === null) throw new TokenCommandError(`${this.settings.variablePrefix}_AUTH is oauth2 but no token is configured`);
    const startedAt = this.now();
    const fetched = await runTokenCommand(command, {
      variable: `${this.settings.variablePrefix}_TOKEN_COMMAND`,
      timeoutMs: this.settings.commandTimeoutMs,
      now: this.now,
      scrub: (text) => this.secrets.reduce((t, s) => (s.length >= 3 ? t.split(s).join('[hemmelig]') : t), text),
    });
    this.remember(fetched.token);
    const t0 = startedAt.getTime();
    const expiresAt = fetched.expiresAt?.getTime() ?? t0 + this.settings.defaultLifetimeMs;
    const lifetime = Math.max(0, expiresAt - t0);
    this.cached = { token: fetched.token, expiresAt, refreshAt: expiresAt - Math.min(REFRESH_MARGIN_MS, lifetime / 2) };
    return fetched.token;
  }

  private remember(token: string): void {
    if (!this.secrets.includes(token)) this.secrets.push(token);
    if (!this.mine.includes(token)) this.mine.push(token);
    while (this.mine.length > KEEP_SECRETS) {
      const old = this.mine.shift()!;
      const i = this.secrets.indexOf(old);
      if (i >= 0) this.secrets.splice(i, 1);
    }
  }
}

const sources = new WeakMap<OAuth2Settings, TokenSource>();

/** One source per configured token (receipts and digests share the SMTP one, and so its cache). */
export function tokenSourceFor(settings: OAuth2Settings, secrets: string[]): TokenSource {
  let source = sources.get(settings);
  if (!source) {
    source = new TokenSource(settings, secrets);
    sources.set(settings, source);
  }
  return source;
}
