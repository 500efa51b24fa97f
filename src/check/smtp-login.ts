// Connects to the SMTP server receipts and digests go through, and logs in when a login is
// configured (nodemailer's verify(): EHLO, STARTTLS, AUTH, QUIT). No mail is sent.
import type { Config } from '../config.js';
import { smtpTransport } from '../mail/transport.js';
import { explainSmtpError } from '../mail/smtp-errors.js';
import { failed, ok, type CheckResult } from './result.js';

export async function checkSmtpLogin(cfg: NonNullable<Config['smtp']>, secrets: string[], timeoutMs: number): Promise<CheckResult> {
  const what = 'SMTP';
  const how = !cfg.user ? 'no login configured' : cfg.auth === 'oauth2' ? `OAuth2, token from ${cfg.oauth2?.tokenCommand ? 'INNSPILL_SMTP_TOKEN_COMMAND' : 'INNSPILL_SMTP_ACCESS_TOKEN'}` : 'password';
  const transport = smtpTransport(cfg, secrets, timeoutMs);
  try {
    await transport.verify();
    const who = cfg.user ? `logged in to ${cfg.host}:${cfg.port} as ${cfg.user} (${how}, TLS: ${cfg.tls})` : `connected to ${cfg.host}:${cfg.port} (${how}, TLS: ${cfg.tls})`;
    return ok(what, `${who}; no mail sent`);
  } catch (err) {
    return failed(what, `${cfg.host}:${cfg.port}${cfg.user ? ` as ${cfg.user}` : ''} (${how}): ${explainSmtpError(err, cfg, Math.round(timeoutMs / 1000))}`);
  } finally {
    transport.close();
  }
}
