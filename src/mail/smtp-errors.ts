// Why an SMTP connection or login failed (nodemailer's errors), in words for the operator:
// `innspill config check` prints them. Never repeats a secret.
import type { Config } from '../config.js';
import { explainConnectionError } from '../net/connection-errors.js';
import { TokenCommandError } from '../oauth2/token-command.js';

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

export function explainSmtpError(err: unknown, cfg: NonNullable<Config['smtp']>, timeoutSeconds: number): string {
  if (err instanceof TokenCommandError) return `no access token: ${err.message}`;
  const e = (err ?? {}) as SmtpError;
  const said = e.response ? ` (server: "${e.response.trim()}")` : '';
  if (e.code === 'EAUTH' || e.code === 'EOAUTH2') {
    if (e.responseCode !== undefined && e.responseCode >= 400 && e.responseCode < 500) {
      return `the server could not check the login right now (temporary failure)${said}; try again later`;
    }
    if (cfg.auth === 'oauth2') {
      const origin = cfg.oauth2?.tokenCommand ? 'INNSPILL_SMTP_TOKEN_COMMAND' : 'INNSPILL_SMTP_ACCESS_TOKEN';
      if (e.responseCode === undefined) return `OAuth2 login failed: ${e.message ?? String(err)}`;
      return `login refused for ${cfg.user}: the OAuth2 access token from ${origin} was not accepted (expired, revoked, issued for another user than INNSPILL_SMTP_USER, or without SMTP permission)${said}`;
    }
    if (e.responseCode === undefined) return `login failed: ${e.message ?? String(err)}`;
    return `login refused for ${cfg.user}: wrong user name or password (INNSPILL_SMTP_USER, INNSPILL_SMTP_PASS)${said}`;
  }
  const net = explainConnectionError(err, { service: 'SMTP', prefix: 'INNSPILL_SMTP', host: cfg.host, port: cfg.port, tls: cfg.tls, timeoutSeconds });
  if (net) return net;
  return e.message ?? String(err);
}
