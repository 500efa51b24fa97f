// OAuth2 (XOAUTH2) login to SMTP end to end: receipts go through smtp-server on 127.0.0.1 that
// accepts one access token only; the token comes from INNSPILL_SMTP_TOKEN_COMMAND.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { tokenCommand } from '../helpers/token-command.js';
import { fixture, newDaemon, records, testConfig } from '../helpers/daemon.js';
import type { Config } from '../../src/config.js';
import { configCheckCommand } from '../../src/commands/config-check.js';

let sink: SmtpSink | null = null;
afterEach(async () => {
  await sink?.close();
  sink = null;
});

function deliver(config: Config, name: string, raw: Buffer): void {
  mkdirSync(join(config.maildir, 'new'), { recursive: true });
  writeFileSync(join(config.maildir, 'new', name), raw);
}

const smtpOAuthEnv = (s: SmtpSink, command: string): Record<string, string> => ({
  INNSPILL_SMTP_HOST: s.host,
  INNSPILL_SMTP_PORT: String(s.port),
  INNSPILL_SMTP_TLS: 'false',
  INNSPILL_SMTP_USER: 'postmottak@kmd.dep.no',
  INNSPILL_SMTP_AUTH: 'oauth2',
  INNSPILL_SMTP_TOKEN_COMMAND: command,
});

async function onePass(config: Config): Promise<void> {
  const daemon = newDaemon(config);
  await daemon.open();
  try {
    await daemon.runOnce();
  } finally {
    await daemon.close();
  }
}

describe('SMTP with OAuth2', () => {
  it('sends a receipt after logging in with XOAUTH2 and the token from the command', async () => {
    sink = await startSmtpSink({ user: 'postmottak@kmd.dep.no', accessToken: 'smtp-tok-1' });
    const cmd = tokenCommand(['{"access_token":"smtp-tok-1","expires_in":3600}']);
    const config = testConfig(smtpOAuthEnv(sink, cmd.command));
    deliver(config, '1620000001.M1P1.host', fixture('reply-nb-ks-einnsyn-outlook.eml'));
    await onePass(config);
    const [mail] = await sink.waitFor(1);
    expect(mail!.raw.toString()).toMatch(/^Subject: Kvittering: /m);
    expect(records(config)[0]!.receipt.status).toBe('sent');
    expect(sink.tokensPresented).toEqual(['smtp-tok-1']);
  });

  it('asks the command again once when the server refuses the token, and sends', async () => {
    sink = await startSmtpSink({ user: 'postmottak@kmd.dep.no', accessToken: 'smtp-fresh' });
    const cmd = tokenCommand(['smtp-expired', 'smtp-fresh']);
    const config = testConfig(smtpOAuthEnv(sink, cmd.command));
    deliver(config, '1620000001.M1P1.host', fixture('reply-nb-nho-anskaffelser-2359.eml'));
    await onePass(config);
    await sink.waitFor(1);
    expect(sink.tokensPresented).toEqual(['smtp-expired', 'smtp-fresh']);
    expect(cmd.runs()).toBe(2);
    expect(records(config)[0]!.receipt.status).toBe('sent');
  });

  it('fetches a new token for the next try when the server refuses one with a bare 535 (as Microsoft 365 does)', async () => {
    sink = await startSmtpSink({ user: 'postmottak@kmd.dep.no', accessToken: 'smtp-new', refuseTokenWith535: true });
    const cmd = tokenCommand(['{"access_token":"smtp-revoked","expires_in":3600}', '{"access_token":"smtp-new","expires_in":3600}']);
    const config = testConfig({ ...smtpOAuthEnv(sink, cmd.command), INNSPILL_RECEIPT_RETRY_SECONDS: '1' });
    deliver(config, '1620000001.M1P1.host', fixture('reply-nb-asd-kunstig-intelligens.eml'));
    const daemon = newDaemon(config);
    await daemon.open();
    const running = daemon.run();
    try {
      await sink.waitFor(1);
    } finally {
      daemon.stop();
      await running;
      await daemon.close();
    }
    expect(sink.tokensPresented).toEqual(['smtp-revoked', 'smtp-new']);
    expect(cmd.runs()).toBe(2);
    expect(records(config)[0]!.receipt).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps the receipt pending with the reason in words when the token is refused, never quoting the token', async () => {
    sink = await startSmtpSink({ user: 'postmottak@kmd.dep.no', accessToken: 'smtp-right' });
    const cmd = tokenCommand(['smtp-wrong-token']);
    const config = testConfig(smtpOAuthEnv(sink, cmd.command));
    deliver(config, '1620000001.M1P1.host', fixture('reply-en-nj-einnsyn-gmail.eml'));
    await onePass(config);
    const [record] = records(config);
    expect(record!.receipt.status).toBe('pending');
    expect(record!.receipt.error).toMatch(/innlogging på SMTP-serveren feilet/);
    expect(JSON.stringify(record)).not.toContain('smtp-wrong-token');
    expect(sink.messages).toHaveLength(0);
  });

  it('config check logs in with the token (no mail sent) and names a refused one', async () => {
    sink = await startSmtpSink({ user: 'postmottak@kmd.dep.no', accessToken: 'smtp-check' });
    const config = testConfig();
    const env = { ...smtpOAuthEnv(sink, tokenCommand(['smtp-check']).command), INNSPILL_DATA_DIR: config.dataDir, INNSPILL_MAILDIR: config.maildir };
    let out = '';
    const w = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    expect(await configCheckCommand({ env, out: w })).toBe(0);
    expect(out).toMatch(/^ok {6}SMTP: logged in to 127\.0\.0\.1:\d+ as postmottak@kmd\.dep\.no \(OAuth2, token from INNSPILL_SMTP_TOKEN_COMMAND, TLS: false\); no mail sent$/m);
    out = '';
    expect(await configCheckCommand({ env: { ...env, INNSPILL_SMTP_TOKEN_COMMAND: tokenCommand(['smtp-nope']).command }, out: w })).toBe(1);
    expect(out).toMatch(/^FAIL {4}SMTP: .*login refused for postmottak@kmd\.dep\.no: the OAuth2 access token from INNSPILL_SMTP_TOKEN_COMMAND was not accepted/m);
    expect(out).not.toContain('smtp-nope');
    expect(sink.messages).toHaveLength(0);
  });
});
