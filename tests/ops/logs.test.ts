// The daemon's log (stderr of a real `innspill run`, JSON lines, at trace level): passwords and
// tokens never appear in it, neither while a login fails nor while it works; and the lines about
// one message share its record id.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type Child } from '../helpers/child.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startIntrospection, type Introspection } from '../helpers/introspection.js';
import { tokenCommand } from '../helpers/token-command.js';
import { fixture, waitUntil } from '../helpers/daemon.js';

const IMAP_PASS = 'imap-passord-Zq81';
const SMTP_PASS = 'smtp-passord-Kw27';
const TOKEN = 'oauth-token-Jm55-abcdef';
const WRONG = { imap: 'imap-feil-Rt09', smtp: 'smtp-feil-Lp34', token: 'oauth-feil-Vb72' };
const ALL_SECRETS = [IMAP_PASS, SMTP_PASS, TOKEN, WRONG.imap, WRONG.smtp, WRONG.token];

let idp: Introspection;
let dovecot: DovecotServer;
let sink: SmtpSink;
let child: Child | null = null;

beforeAll(async () => {
  idp = await startIntrospection();
  idp.allow(TOKEN, 'postmottak');
  [dovecot, sink] = await Promise.all([
    startDovecot({ pass: IMAP_PASS, oauth2: { introspectionUrl: idp.url, mechanisms: ['xoauth2'] } }),
    startSmtpSink({ user: 'kvittering', pass: SMTP_PASS }),
  ]);
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), sink?.close()]);
  await idp?.close();
});
afterEach(async () => {
  if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
    child.proc.kill('SIGKILL');
    await child.exited;
  }
  child = null;
});

function env(extra: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-logs-'));
  return {
    INNSPILL_DATA_DIR: join(dir, 'data'),
    INNSPILL_OUTBOX_DIR: join(dir, 'outbox'),
    INNSPILL_IMAP_HOST: dovecot.host,
    INNSPILL_IMAP_PORT: String(dovecot.port),
    INNSPILL_IMAP_USER: 'postmottak',
    INNSPILL_IMAP_PASS: IMAP_PASS,
    INNSPILL_IMAP_TLS: 'false',
    INNSPILL_IMAP_CHECK_SECONDS: '1',
    INNSPILL_SMTP_HOST: sink.host,
    INNSPILL_SMTP_PORT: String(sink.port),
    INNSPILL_SMTP_TLS: 'false',
    INNSPILL_SMTP_USER: 'kvittering',
    INNSPILL_SMTP_PASS: SMTP_PASS,
    INNSPILL_RECEIPT_RETRY_SECONDS: '3600',
    INNSPILL_LOG_LEVEL: 'trace',
    INNSPILL_WORKERS: '1',
    ...extra,
  };
}

function expectNoSecrets(output: string): void {
  for (const s of ALL_SECRETS) expect(output, `the log contains ${s}`).not.toContain(s);
  // nor their base64 forms inside a SASL exchange
  for (const s of ALL_SECRETS) expect(output).not.toContain(Buffer.from(s).toString('base64').slice(0, 12));
}

const lines = (c: Child) =>
  c
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the log', () => {
  it('holds no password while the IMAP password login fails', async () => {
    child = runCli(['run'], env({ INNSPILL_IMAP_PASS: WRONG.imap }));
    const exit = await child.exited;
    // A refused login stops the daemon with status 2: a setting to mend, not to retry into a lockout.
    expect(exit.code).toBe(2);
    expect(child.output()).toMatch(/login refused for postmottak: wrong user name or password/);
    expectNoSecrets(child.output());
  });

  it('holds no token while the IMAP OAuth2 login fails', async () => {
    child = runCli(['run'], env({ INNSPILL_IMAP_AUTH: 'oauth2', INNSPILL_IMAP_TOKEN_COMMAND: tokenCommand([WRONG.token]).command }));
    const exit = await child.exited;
    expect(exit.code).toBe(2);
    expect(child.output()).toMatch(/the OAuth2 access token from INNSPILL_IMAP_TOKEN_COMMAND was not accepted/);
    expectNoSecrets(child.output());
  });

  it('holds no password while the SMTP login fails (the receipt waits)', async () => {
    await dovecot.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    child = runCli(['run'], env({ INNSPILL_SMTP_PASS: WRONG.smtp }));
    await waitUntil('the receipt failure logged', () => lines(child!).find((l) => String(l['msg']).includes('will be tried again')), 60_000);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    expectNoSecrets(child.output());
  });

  it('holds no password or token while the logins work, and the lines about one message share its id', async () => {
    await dovecot.append(fixture('reply-en-nj-einnsyn-gmail.eml'));
    child = runCli(['run'], env({ INNSPILL_IMAP_AUTH: 'oauth2', INNSPILL_IMAP_TOKEN_COMMAND: tokenCommand([`{"access_token":"${TOKEN}","expires_in":3600}`]).command }));
    const sent = await waitUntil('the receipt sent', () => lines(child!).find((l) => String(l['msg']).startsWith('receipt sent for ')), 60_000);
    child.proc.kill('SIGTERM');
    expect((await child.exited).code).toBe(0);
    expectNoSecrets(child.output());

    const id = String(sent['msg']).replace('receipt sent for ', '');
    expect(sent['id']).toBe(id);
    const filed = lines(child).find((l) => l['msg'] === `filed ${id} (receipt queued)`);
    expect(filed?.['id']).toBe(id);
    // every line that names the message carries its id, once
    for (const l of lines(child).filter((x) => String(x['msg']).includes(id))) expect(l['id']).toBe(id);
    expect(child.output().split('\n').filter((l) => l.includes(`"id":"${id}"`)).every((l) => l.split('"id":').length === 2)).toBe(true);
  });
});
