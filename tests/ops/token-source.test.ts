// The token command and its cache: what an administrator's command may print, when it runs
// again, and what innspill says when it fails. Real processes, no servers.
import { describe, expect, it } from 'vitest';
import type { OAuth2Settings } from '../../src/config.js';
import { parseTokenOutput, TokenCommandError } from '../../src/oauth2/token-command.js';
import { TokenSource } from '../../src/oauth2/token-source.js';
import { createLogger } from '../../src/log.js';
import { tokenCommand } from '../helpers/token-command.js';

const settings = (command: string, extra: Partial<OAuth2Settings> = {}): OAuth2Settings => ({
  variablePrefix: 'INNSPILL_IMAP',
  accessToken: null,
  tokenCommand: command,
  commandTimeoutMs: 5_000,
  defaultLifetimeMs: 3_000_000,
  ...extra,
});

describe('what a token command may print', () => {
  const now = new Date('2026-11-26T10:00:00Z');
  it('the token alone, trimmed', () => {
    expect(parseTokenOutput('  ya29.abc-DEF_123\n', now, 'X')).toEqual({ token: 'ya29.abc-DEF_123', expiresAt: null });
  });
  it('JSON from a token endpoint, with expires_in', () => {
    expect(parseTokenOutput('{"access_token":"eyJ0","token_type":"Bearer","expires_in":3599}', now, 'X')).toEqual({
      token: 'eyJ0',
      expiresAt: new Date('2026-11-26T10:59:59Z'),
    });
  });
  it('JSON as `az account get-access-token` prints it (accessToken, expires_on in Unix seconds)', () => {
    const r = parseTokenOutput('{"accessToken":"eyJ1","expires_on":1795701600,"tokenType":"Bearer"}', now, 'X');
    expect(r).toEqual({ token: 'eyJ1', expiresAt: new Date(1795701600 * 1000) });
  });
  it('refuses nothing, two words, or JSON without a token, saying which setting printed it', () => {
    expect(() => parseTokenOutput('\n', now, 'INNSPILL_IMAP_TOKEN_COMMAND')).toThrow(/INNSPILL_IMAP_TOKEN_COMMAND printed nothing/);
    expect(() => parseTokenOutput('Bearer abc', now, 'X')).toThrow(/more than one word/);
    expect(() => parseTokenOutput('{"token_type":"Bearer"}', now, 'X')).toThrow(/without a usable "access_token"/);
    expect(() => parseTokenOutput('{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}', now, 'X')).toThrow(
      /^X printed an error instead of a token: invalid_client: AADSTS7000215: Invalid client secret provided\.$/,
    );
    expect(() => parseTokenOutput('{not json', now, 'X')).toThrow(TokenCommandError);
  });
});

describe('the token source', () => {
  it('runs the command once and keeps the token until shortly before it expires', async () => {
    const cmd = tokenCommand(['{"access_token":"t1","expires_in":3600}', '{"access_token":"t2","expires_in":3600}']);
    let now = new Date('2026-11-26T10:00:00Z');
    const secrets: string[] = [];
    const source = new TokenSource(settings(cmd.command), secrets, () => now);
    expect(await source.get()).toBe('t1');
    now = new Date('2026-11-26T10:50:00Z');
    expect(await source.get()).toBe('t1');
    expect(cmd.runs()).toBe(1);
    // 5 minutes before it expires, a new one is fetched
    now = new Date('2026-11-26T10:55:01Z');
    expect(await source.get()).toBe('t2');
    expect(cmd.runs()).toBe(2);
    // every token fetched is a secret from then on
    expect(secrets).toEqual(['t1', 't2']);
  });

  it('fetches anew after invalidate() (a refused login), and only once for callers at the same time', async () => {
    const cmd = tokenCommand(['old', 'new']);
    const source = new TokenSource(settings(cmd.command), []);
    expect(await source.get()).toBe('old');
    source.invalidate();
    const both = await Promise.all([source.get(), source.get()]);
    expect(both).toEqual(['new', 'new']);
    expect(cmd.runs()).toBe(2);
  });

  it('a plain token lives INNSPILL_TOKEN_LIFETIME_SECONDS', async () => {
    const cmd = tokenCommand(['p1', 'p2']);
    let now = new Date('2026-11-26T10:00:00Z');
    const source = new TokenSource(settings(cmd.command, { defaultLifetimeMs: 600_000 }), [], () => now);
    expect(await source.get()).toBe('p1');
    now = new Date('2026-11-26T10:04:00Z');
    expect(await source.get()).toBe('p1');
    now = new Date('2026-11-26T10:05:01Z'); // half of a 10-minute lifetime
    expect(await source.get()).toBe('p2');
  });

  it('a fixed INNSPILL_IMAP_ACCESS_TOKEN is used as it is and cannot be refreshed', async () => {
    const source = new TokenSource(settings('', { tokenCommand: null, accessToken: 'fixed' }), []);
    expect(source.refreshable).toBe(false);
    expect(source.origin).toBe('INNSPILL_IMAP_ACCESS_TOKEN');
    source.invalidate();
    expect(await source.get()).toBe('fixed');
  });

  it('says in words when the command fails, hangs or prints nothing, without quoting a secret', async () => {
    const failing = tokenCommand(['x'], { exitCode: 3, stderr: 'AADSTS7000215: Invalid client secret s3cr3t-client' });
    const secrets = ['s3cr3t-client'];
    await expect(new TokenSource(settings(failing.command), secrets).get()).rejects.toThrow(
      /^INNSPILL_IMAP_TOKEN_COMMAND failed with exit status 3: AADSTS7000215: Invalid client secret \[hemmelig\]$/,
    );
    // A command that would hang longer than the test may run: only the time limit can end it, and the error names it.
    const hanging = tokenCommand(['x'], { sleepSeconds: 600 });
    await expect(new TokenSource(settings(hanging.command, { commandTimeoutMs: 500 }), []).get()).rejects.toThrow(/did not finish within 1 s/);
    const silent = tokenCommand(['']);
    await expect(new TokenSource(settings(silent.command), []).get()).rejects.toThrow(/printed nothing/);
  });

  it('the logger scrubs a token fetched after the logger was made', async () => {
    const cmd = tokenCommand(['late-token-123']);
    const secrets: string[] = [];
    const lines: string[] = [];
    const log = createLogger({ level: 'info', secrets, destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream });
    const token = await new TokenSource(settings(cmd.command), secrets).get();
    log.info({ detail: `server said ${token}` }, `token ${token}`);
    expect(lines.join('')).not.toContain('late-token-123');
    expect(lines.join('')).toContain('[hemmelig]');
  });
});
