// OAuth2 (XOAUTH2 / OAUTHBEARER) login to IMAP end to end: Dovecot 2.3 with an oauth2 passdb asks
// a token-introspection endpoint served here about every token; the daemon takes its tokens from
// INNSPILL_IMAP_TOKEN_COMMAND. The real SASL exchange, no mocks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startIntrospection, type Introspection } from '../helpers/introspection.js';
import { tokenCommand } from '../helpers/token-command.js';
import { fixture, newDaemon, records, testConfig, waitUntil } from '../helpers/daemon.js';
import type { Daemon } from '../../src/daemon.js';
import type { Config } from '../../src/config.js';
import { configCheckCommand } from '../../src/commands/config-check.js';

let idp: Introspection;
let dovecot: DovecotServer | null = null;
let daemon: Daemon | null = null;
let running: Promise<void> | null = null;

beforeEach(async () => {
  idp = await startIntrospection();
});
afterEach(async () => {
  daemon?.stop();
  await running;
  await daemon?.close();
  daemon = null;
  running = null;
  await dovecot?.stop();
  dovecot = null;
  await idp.close();
});

async function server(mechanisms?: Array<'xoauth2' | 'oauthbearer'>): Promise<DovecotServer> {
  dovecot = await startDovecot({ oauth2: mechanisms ? { introspectionUrl: idp.url, mechanisms } : { introspectionUrl: idp.url } });
  return dovecot;
}

function oauthEnv(d: DovecotServer, command: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    INNSPILL_IMAP_HOST: d.host,
    INNSPILL_IMAP_PORT: String(d.port),
    INNSPILL_IMAP_USER: d.user,
    INNSPILL_IMAP_TLS: 'false',
    INNSPILL_IMAP_AUTH: 'oauth2',
    INNSPILL_IMAP_TOKEN_COMMAND: command,
    INNSPILL_IMAP_CHECK_SECONDS: '1',
    ...extra,
  };
}

async function start(c: Config): Promise<void> {
  daemon = newDaemon(c);
  await daemon.open();
  running = daemon.run();
}

const loginMethods = (d: DovecotServer) => [...readFileSync(join(d.dir, 'dovecot.log'), 'utf8').matchAll(/Login: user=<[^>]*>, method=(\w+)/g)].map((m) => m[1]);

describe('IMAP with OAuth2', () => {
  it('logs in with XOAUTH2 and a token from INNSPILL_IMAP_TOKEN_COMMAND, and files a message', async () => {
    const d = await server(['xoauth2']);
    idp.allow('tok-xoauth2-1', d.user);
    await d.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    const cmd = tokenCommand(['tok-xoauth2-1']);
    const c = testConfig(oauthEnv(d, cmd.command));
    await start(c);
    await waitUntil('the message filed', () => records(c).length === 1);
    expect(cmd.runs()).toBe(1);
    expect(idp.asked).toContain('tok-xoauth2-1');
    expect(loginMethods(d)).toContain('XOAUTH2');
  });

  it('uses OAUTHBEARER where the server offers it, with JSON from the command', async () => {
    const d = await server();
    idp.allow('tok-bearer-1', d.user);
    await d.append(fixture('reply-nb-nho-anskaffelser-2359.eml'));
    const cmd = tokenCommand(['{"access_token":"tok-bearer-1","token_type":"Bearer","expires_in":3600}']);
    const c = testConfig(oauthEnv(d, cmd.command));
    await start(c);
    await waitUntil('the message filed', () => records(c).length === 1);
    expect(loginMethods(d)).toContain('OAUTHBEARER');
  });

  it('fetches a new token once when the server refuses the one it has, and goes on', async () => {
    const d = await server(['xoauth2']);
    idp.allow('tok-fresh', d.user);
    await d.append(fixture('reply-en-nj-einnsyn-gmail.eml'));
    // the first token is one the provider has already revoked
    idp.deny('tok-revoked');
    const cmd = tokenCommand(['tok-revoked', 'tok-fresh']);
    const c = testConfig(oauthEnv(d, cmd.command));
    await start(c);
    await waitUntil('the message filed', () => records(c).length === 1);
    expect(cmd.runs()).toBe(2);
    expect(idp.asked.slice(0, 2)).toEqual(['tok-revoked', 'tok-fresh']);
  });

  it('fetches a new token before the old one expires: a reconnect after its half-life logs in with the next', async () => {
    const d = await server(['xoauth2']);
    idp.allow('tok-short', d.user);
    idp.allow('tok-next', d.user);
    const cmd = tokenCommand(['{"access_token":"tok-short","expires_in":2}', '{"access_token":"tok-next","expires_in":3600}']);
    const c = testConfig(oauthEnv(d, cmd.command));
    await start(c);
    // The first token was fetched before start() returned: one second later it is past its half-life.
    // A precondition on the clock (a busy machine only makes it later), not a guess at how fast anything runs.
    const halfLife = Date.now() + 1_000;
    await waitUntil('the first token past its half-life', () => Date.now() > halfLife, 60_000, 50);
    await d.restart();
    await d.append(fixture('reply-nb-asd-kunstig-intelligens.eml'));
    await waitUntil('the message after the reconnect', () => records(c).length === 1);
    expect(cmd.runs()).toBe(2);
    expect(idp.asked).toEqual(['tok-short', 'tok-next']);
  });

  it('refuses to start with a token the server does not accept, saying so in words', async () => {
    const d = await server(['xoauth2']);
    const cmd = tokenCommand(['tok-nobody-knows']);
    const c = testConfig(oauthEnv(d, cmd.command));
    daemon = newDaemon(c);
    await expect(daemon.open()).rejects.toThrow(
      /cannot reach the IMAP mailbox 127\.0\.0\.1:\d+: login refused for postmottak: the OAuth2 access token from INNSPILL_IMAP_TOKEN_COMMAND was not accepted/,
    );
    // tried once more with a fresh token, then gave up
    expect(cmd.runs()).toBe(2);
    await daemon.close();
    daemon = null;
  });

  it('says what the token command did wrong', async () => {
    const d = await server(['xoauth2']);
    const cmd = tokenCommand([''], { exitCode: 1, stderr: 'az: Please run az login' });
    const c = testConfig(oauthEnv(d, cmd.command));
    daemon = newDaemon(c);
    await expect(daemon.open()).rejects.toThrow(/no access token: INNSPILL_IMAP_TOKEN_COMMAND failed with exit status 1: az: Please run az login/);
    await daemon.close();
    daemon = null;
  });

  it('config check logs in with the token, and names a refused one', async () => {
    const d = await server(['xoauth2']);
    idp.allow('tok-check', d.user);
    const env = { ...oauthEnv(d, tokenCommand(['tok-check']).command), INNSPILL_DATA_DIR: join(d.dir, 'data') };
    let out = '';
    const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    expect(await configCheckCommand({ env, cwd: d.dir, out: sink })).toBe(0);
    expect(out).toMatch(/^ok {6}IMAP: logged in to 127\.0\.0\.1:\d+ as postmottak \(OAuth2, token from INNSPILL_IMAP_TOKEN_COMMAND, TLS: false\)/m);
    out = '';
    expect(await configCheckCommand({ env: { ...env, INNSPILL_IMAP_TOKEN_COMMAND: tokenCommand(['tok-wrong']).command }, cwd: d.dir, out: sink })).toBe(1);
    expect(out).toMatch(/^FAIL {4}IMAP: .*login refused for postmottak: the OAuth2 access token from INNSPILL_IMAP_TOKEN_COMMAND was not accepted/m);
    expect(out).not.toContain('tok-wrong');
  });
});
