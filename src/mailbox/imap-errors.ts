// Why an IMAP connection or login failed, in words: a refused password or token, a token command
// that failed, or a network/TLS problem (src/net/connection-errors.ts). Never repeats a secret.
import type { Config } from '../config.js';
import { explainConnectionError } from '../net/connection-errors.js';
import { TokenCommandError } from '../oauth2/token-command.js';

interface ImapError {
  message?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  response?: string;
  oauthError?: { status?: string } | false;
}

/** The server's own words after the tag and response code: "2 NO [AUTHENTICATIONFAILED] Authentication failed." → "Authentication failed." */
function serverText(response: string | undefined): string {
  if (!response) return '';
  return response.replace(/^\S+\s+(NO|BAD)\s+/i, '').replace(/^\[[^\]]*\]\s*/, '').trim();
}

export function explainImapError(err: unknown, cfg: NonNullable<Config['imap']>, timeoutSeconds: number): string {
  if (err instanceof TokenCommandError) return `no access token: ${err.message}`;
  const e = (err ?? {}) as ImapError;
  if (e.serverResponseCode === 'UNAVAILABLE') {
    return `the server could not check the login right now (temporary failure: ${serverText(e.response) || 'UNAVAILABLE'}); try again later`;
  }
  if (e.authenticationFailed) {
    const said = serverText(e.response);
    const server = said ? ` (server: "${said}")` : '';
    if (cfg.auth === 'oauth2') {
      const origin = cfg.oauth2?.tokenCommand ? 'INNSPILL_IMAP_TOKEN_COMMAND' : 'INNSPILL_IMAP_ACCESS_TOKEN';
      const status = e.oauthError && e.oauthError.status ? `, token status "${e.oauthError.status}"` : '';
      return `login refused for ${cfg.user}: the OAuth2 access token from ${origin} was not accepted${status} (expired, revoked, issued for another user than INNSPILL_IMAP_USER, or without IMAP permission)${server}`;
    }
    return `login refused for ${cfg.user}: wrong user name or password (INNSPILL_IMAP_USER, INNSPILL_IMAP_PASS)${server}`;
  }
  if (/Unsupported authentication mechanism/i.test(e.message ?? '')) {
    return cfg.auth === 'oauth2'
      ? 'the server does not offer OAuth2 login (AUTH=XOAUTH2 or AUTH=OAUTHBEARER) on this connection; check INNSPILL_IMAP_AUTH'
      : 'the server offers no password login (AUTH=PLAIN or LOGIN) on this connection; it may require TLS first (INNSPILL_IMAP_TLS) or OAuth2 (INNSPILL_IMAP_AUTH=oauth2)';
  }
  const net = explainConnectionError(err, { service: 'IMAP', prefix: 'INNSPILL_IMAP', host: cfg.host, port: cfg.port, tls: cfg.tls, timeoutSeconds });
  if (net) return net;
  return e.message ?? String(err);
}
