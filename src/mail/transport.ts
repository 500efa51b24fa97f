// Outgoing mail (receipts, digests): nodemailer over SMTP when INNSPILL_SMTP_HOST is set,
// otherwise .eml files in the outbox folder — the embedded default that needs no server.
// OAuth2 (INNSPILL_SMTP_AUTH=oauth2): nodemailer asks smtpTransport()'s provision callback for a
// token at each login, and asks again with renew=true once the server refuses one.
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { join } from 'node:path';
import { access } from 'node:fs/promises';
import type { Config } from '../config.js';
import { ensureDirs, writeFileAtomic } from '../store/atomic.js';
import { tokenSourceFor } from '../oauth2/token-source.js';

export interface OutgoingMessage {
  /** Envelope sender; "" (null sender, <>) for mail that must never be answered automatically. */
  envelopeFrom: string;
  to: string[];
  /** The complete message (headers and body) as built by buildMessage(). */
  raw: Buffer;
  messageId: string;
}

export interface SendResult {
  /** "smtp" or the path of the written .eml file. */
  deliveredTo: string;
  response: string;
}

/** A failure from the SMTP server or the network, sorted into "try again later" or "give up". */
export class SendError extends Error {
  readonly permanent: boolean;
  readonly code: number | null;
  constructor(message: string, permanent: boolean, code: number | null) {
    super(message);
    this.name = 'SendError';
    this.permanent = permanent;
    this.code = code;
  }
}

export interface MailSender {
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Where a message with this Message-ID was already delivered, if the sender can tell (the folder can; SMTP cannot). */
  deliveredBefore(messageId: string): Promise<string | null>;
  close(): void;
}

/** Turns a nodemailer error into words, without ever repeating credentials. */
export function classifySendError(err: unknown, secrets: string[], auth: 'password' | 'oauth2' = 'password'): SendError {
  const e = err as { responseCode?: number; code?: string; response?: string; message?: string };
  let text = e.response ?? e.message ?? String(err);
  for (const s of secrets) if (s.length >= 3) text = text.split(s).join('[hemmelig]');
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  // A refused login is our configuration, not the receipt: it waits for the password to be mended.
  if (e.code === 'EAUTH') {
    const check = auth === 'oauth2' ? 'INNSPILL_SMTP_USER og tokenet fra INNSPILL_SMTP_TOKEN_COMMAND' : 'INNSPILL_SMTP_USER og INNSPILL_SMTP_PASS';
    return new SendError(`innlogging på SMTP-serveren feilet (sjekk ${check}): ${text}`, false, code);
  }
  if (code !== null && code >= 500 && code < 600) return new SendError(`SMTP-serveren avviste meldingen permanent: ${text}`, true, code);
  if (code !== null && code >= 400 && code < 500) return new SendError(`SMTP-serveren ba oss prøve igjen senere: ${text}`, false, code);
  return new SendError(`SMTP-serveren kunne ikke nås: ${text}`, false, code);
}

export const SMTP_CONNECTION_TIMEOUT_MS = 15_000;

/**
 * The nodemailer transport for INNSPILL_SMTP_*: password, OAuth2 token, or no login. `pool`: keep
 * one connection open and send message after message on it (receipts), instead of a new connection,
 * greeting and login for every message; close() ends it.
 */
export function smtpTransport(
  config: NonNullable<Config['smtp']>,
  secrets: string[],
  timeoutMs = SMTP_CONNECTION_TIMEOUT_MS,
  options: { pool?: boolean } = {},
): Transporter {
  const oauth2 = config.auth === 'oauth2' && config.oauth2 && config.user;
  const transport = nodemailer.createTransport({
    ...(options.pool ? { pool: true, maxConnections: 1 } : {}),
    host: config.host,
    port: config.port,
    secure: config.tls === 'true',
    requireTLS: config.tls === 'starttls',
    ignoreTLS: config.tls === 'false',
    auth: !config.user ? undefined : oauth2 ? { type: 'OAuth2', user: config.user } : { user: config.user, pass: config.pass ?? '' },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 60_000,
    logger: false,
  });
  if (oauth2) {
    // Shared by every transport of this configuration, and so is its token cache.
    const tokens = tokenSourceFor(config.oauth2!, secrets);
    transport.set('oauth2_provision_cb', (_user: string, renew: boolean, callback: (err: Error | null, token?: string, expires?: number) => void) => {
      if (renew) tokens.invalidate();
      // The token source keeps the token and knows when to replace it; an `expires` already past
      // (1 ms after 1970, as 0 would mean "never") makes nodemailer ask it again at every login.
      tokens.get().then(
        (token) => callback(null, token, 1),
        (err: Error) => callback(err),
      );
    });
  }
  return transport;
}

class SmtpSender implements MailSender {
  private readonly transport: Transporter;
  constructor(private readonly config: NonNullable<Config['smtp']>, private readonly secrets: string[]) {
    this.transport = smtpTransport(config, secrets, SMTP_CONNECTION_TIMEOUT_MS, { pool: true });
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        envelope: { from: message.envelopeFrom, to: message.to },
        raw: message.raw,
      });
      return { deliveredTo: 'smtp', response: String(info.response ?? '') };
    } catch (err) {
      // A server that refuses a token with a bare 535 (no XOAUTH2 challenge, so nodemailer does not
      // renew it) may have revoked it early: the next try fetches a new one.
      if ((err as { code?: string }).code === 'EAUTH' && this.config.auth === 'oauth2' && this.config.oauth2) {
        tokenSourceFor(this.config.oauth2, this.secrets).invalidate();
      }
      throw classifySendError(err, this.secrets, this.config.auth);
    }
  }

  async deliveredBefore(): Promise<string | null> {
    return null;
  }

  close(): void {
    this.transport.close();
  }
}

class FolderSender implements MailSender {
  constructor(private readonly dir: string) {}

  private pathFor(messageId: string): string {
    return join(this.dir, `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')}.eml`);
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    await ensureDirs([this.dir]);
    const path = this.pathFor(message.messageId);
    await writeFileAtomic(path, message.raw);
    return { deliveredTo: path, response: 'written' };
  }

  async deliveredBefore(messageId: string): Promise<string | null> {
    const path = this.pathFor(messageId);
    return access(path).then(
      () => path,
      () => null,
    );
  }

  close(): void {}
}

export function createSender(config: Config, dir: string = config.outboxDir): MailSender {
  return config.smtp ? new SmtpSender(config.smtp, config.secrets) : new FolderSender(dir);
}
