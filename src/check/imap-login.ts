// Logs in to the IMAP server the daemon would use and logs out again: the connection, TLS, the
// login (password or OAuth2 token) and the watched folder. Only STATUS is asked; no mail is touched.
import { ImapFlow } from 'imapflow';
import type { Config } from '../config.js';
import { imapOptions } from '../mailbox/imap.js';
import { explainImapError } from '../mailbox/imap-errors.js';
import { TokenSource } from '../oauth2/token-source.js';
import { failed, ok, type CheckResult } from './result.js';

export async function checkImapLogin(cfg: NonNullable<Config['imap']>, secrets: string[], timeoutMs: number): Promise<CheckResult> {
  const what = 'IMAP';
  const tokens = cfg.oauth2 ? new TokenSource(cfg.oauth2, secrets) : null;
  const how = tokens ? `OAuth2, token from ${tokens.origin}` : 'password';
  let client: ImapFlow | null = null;
  try {
    const token = tokens ? await tokens.get() : undefined;
    client = new ImapFlow({ ...imapOptions(cfg, token), connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: 3 * timeoutMs });
    client.on('error', () => undefined);
    await client.connect();
    const where = `logged in to ${cfg.host}:${cfg.port} as ${cfg.user} (${how}, TLS: ${cfg.tls})`;
    let folder: string;
    try {
      const s = await client.status(cfg.mailbox, { messages: true });
      folder = `the folder "${cfg.mailbox}" has ${s ? (s.messages ?? '?') : '?'} messages`;
    } catch (err) {
      return failed(what, `${where}, but the folder "${cfg.mailbox}" cannot be opened (INNSPILL_IMAP_MAILBOX): ${(err as { response?: string }).response ?? (err as Error).message}`);
    }
    return ok(what, `${where}; ${folder}`);
  } catch (err) {
    return failed(what, `${cfg.host}:${cfg.port} as ${cfg.user} (${how}): ${explainImapError(err, cfg, Math.round(timeoutMs / 1000))}`);
  } finally {
    if (client) await client.logout().catch(() => client?.close());
  }
}
