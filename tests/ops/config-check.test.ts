// `innspill config check` against good and broken settings, with real servers on 127.0.0.1:
// Dovecot (IMAP), smtp-server (SMTP) and a TLS-only port. One line per check, words a person
// can act on, exit status 1 when anything is wrong, and never a password in the output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { breakRules, copyOfRules } from '../helpers/broken-rules.js';
import { freePort } from '../helpers/ports.js';
import { configCheckCommand } from '../../src/commands/config-check.js';

let dovecot: DovecotServer;
let sink: SmtpSink;
let tlsOnly: TlsServer;
let tlsPort: number;
let dir: string;

const SMTP_USER = 'kvittering@kmd.dep.no';
const SMTP_PASS = 'smtp-hemmelig-77';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'innspill-check-'));
  [dovecot, sink] = await Promise.all([startDovecot({ pass: 'imap-hemmelig-42' }), startSmtpSink({ user: SMTP_USER, pass: SMTP_PASS })]);
  // A port that speaks TLS only (like 993/465): it waits for a TLS hello and says nothing first.
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  tlsOnly = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (s) => s.end('* OK tls only\r\n'));
  await new Promise<void>((resolve) => tlsOnly.listen(0, '127.0.0.1', () => resolve()));
  tlsPort = (tlsOnly.address() as { port: number }).port;
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), sink?.close(), new Promise((r) => tlsOnly?.close(r))]);
});

function goodEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    INNSPILL_DATA_DIR: join(dir, 'data'),
    INNSPILL_IMAP_HOST: dovecot.host,
    INNSPILL_IMAP_PORT: String(dovecot.port),
    INNSPILL_IMAP_USER: dovecot.user,
    INNSPILL_IMAP_PASS: dovecot.pass,
    INNSPILL_IMAP_TLS: 'false',
    INNSPILL_SMTP_HOST: sink.host,
    INNSPILL_SMTP_PORT: String(sink.port),
    INNSPILL_SMTP_TLS: 'false',
    INNSPILL_SMTP_USER: SMTP_USER,
    INNSPILL_SMTP_PASS: SMTP_PASS,
    INNSPILL_DIGEST_TO: 'saksbehandler@kmd.dep.no',
    ...extra,
  };
}

// The check's own time limit: generous for servers that answer (a loaded machine may be slow), short only
// where the limit is what a test is about.
async function check(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number; out: string; line: (what: string) => string }> {
  let out = '';
  const code = await configCheckCommand({ env, cwd: dir, out: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream, timeoutMs });
  // Never a password, whichever was given, right or wrong.
  for (const secret of ['imap-hemmelig-42', SMTP_PASS, 'feil-passord-1', 'feil-passord-2']) expect(out).not.toContain(secret);
  const line = (what: string) => out.split('\n').find((l) => l.slice(8).startsWith(`${what}:`)) ?? `(no line for ${what})`;
  return { code, out, line };
}

describe('innspill config check', () => {
  it('says ok to every check of a working installation, logging in to IMAP and SMTP without touching mail', async () => {
    const { code, out, line } = await check(goodEnv());
    expect(code).toBe(0);
    expect(out).not.toMatch(/^FAIL/m);
    expect(line('configuration')).toMatch(/^ok {6}configuration: \d+ of \d+ INNSPILL_\* variables set/);
    expect(line('rules')).toMatch(/^ok {6}rules: .*\d+ commitments/);
    expect(line('data folder')).toMatch(/^ok {6}data folder: .* (is writable|will be created)/);
    expect(line('IMAP')).toMatch(/^ok {6}IMAP: logged in to 127\.0\.0\.1:\d+ as postmottak \(password, TLS: false\); the folder "INBOX" has 0 messages$/);
    expect(line('SMTP')).toMatch(/^ok {6}SMTP: logged in to 127\.0\.0\.1:\d+ as kvittering@kmd\.dep\.no \(password, TLS: false\); no mail sent$/);
    expect(line('digest schedule')).toMatch(/^ok {6}digest schedule: "0 8 \* \* 1-5", next \d{4}-\d\d-\d\d 08:00 Europe\/Oslo; to saksbehandler@kmd\.dep\.no$/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('config check: everything is ok');
    expect(sink.messages).toHaveLength(0);
    expect(await dovecot.list('INBOX')).toEqual([]);
  });

  it('names a wrong password for IMAP and for SMTP, without printing either', async () => {
    const { code, line, out } = await check(goodEnv({ INNSPILL_IMAP_PASS: 'feil-passord-1', INNSPILL_SMTP_PASS: 'feil-passord-2' }));
    expect(code).toBe(1);
    expect(line('IMAP')).toMatch(/^FAIL {4}IMAP: .*login refused for postmottak: wrong user name or password \(INNSPILL_IMAP_USER, INNSPILL_IMAP_PASS\)/);
    expect(line('SMTP')).toMatch(/^FAIL {4}SMTP: .*login refused for kvittering@kmd\.dep\.no: wrong user name or password \(INNSPILL_SMTP_USER, INNSPILL_SMTP_PASS\) \(server: "535 /);
    expect(out).toContain('config check: 2 problems (FAIL) found');
  });

  it('names a wrong port (connection refused)', async () => {
    const port = String(await freePort());
    const { code, line } = await check(goodEnv({ INNSPILL_IMAP_PORT: port, INNSPILL_SMTP_PORT: port }));
    expect(code).toBe(1);
    expect(line('IMAP')).toContain(`connection refused: nothing listens on 127.0.0.1:${port}; check INNSPILL_IMAP_PORT`);
    expect(line('SMTP')).toContain(`connection refused: nothing listens on 127.0.0.1:${port}; check INNSPILL_SMTP_PORT`);
  });

  it('names a TLS mismatch: implicit TLS against a plaintext port', async () => {
    const { code, line } = await check(goodEnv({ INNSPILL_IMAP_TLS: 'true', INNSPILL_SMTP_TLS: 'true' }));
    expect(code).toBe(1);
    expect(line('IMAP')).toContain('TLS mismatch: the server did not answer TLS on this port; try INNSPILL_IMAP_TLS=starttls or false');
    expect(line('SMTP')).toContain('TLS mismatch: the server did not answer TLS on this port; try INNSPILL_SMTP_TLS=starttls or false');
  });

  it('names a TLS mismatch: STARTTLS asked of a server that does not offer it', async () => {
    const { line } = await check(goodEnv({ INNSPILL_IMAP_TLS: 'starttls', INNSPILL_SMTP_TLS: 'starttls' }));
    expect(line('IMAP')).toContain('TLS mismatch: the server does not offer STARTTLS on this port; use INNSPILL_IMAP_TLS=true if this is an implicit-TLS port (993)');
    expect(line('SMTP')).toContain('TLS mismatch: the server does not offer STARTTLS on this port; use INNSPILL_SMTP_TLS=true if this is an implicit-TLS port (465)');
  });

  it('names a TLS mismatch: no TLS against a TLS-only port, giving up at the time limit and saying so', async () => {
    // The port never speaks first: only the limit ends the wait, and the line names it (no clock read here).
    const { code, line } = await check(goodEnv({ INNSPILL_IMAP_PORT: String(tlsPort), INNSPILL_SMTP_PORT: String(tlsPort) }), 1_000);
    expect(code).toBe(1);
    expect(line('IMAP')).toContain('TLS mismatch: the server sent no IMAP greeting within 1 s; this looks like a TLS port, try INNSPILL_IMAP_TLS=true');
    expect(line('SMTP')).toContain('TLS mismatch: the server sent no SMTP greeting within 1 s; this looks like a TLS port, try INNSPILL_SMTP_TLS=true');
  });

  it('names an untrusted certificate and the setting that fixes it', async () => {
    const { line } = await check(goodEnv({ INNSPILL_IMAP_PORT: String(tlsPort), INNSPILL_IMAP_TLS: 'true' }));
    expect(line('IMAP')).toMatch(/the server's TLS certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\): set INNSPILL_IMAP_CA to the PEM file/);
  });

  it('names a bad cron schedule and still checks everything else', async () => {
    const { code, line, out } = await check(goodEnv({ INNSPILL_DIGEST_CRON: '0 25 * * *' }));
    expect(code).toBe(1);
    expect(line('configuration')).toMatch(/^FAIL {4}configuration: INNSPILL_DIGEST_CRON: .*\(got "0 25 \* \* \*"\)$/);
    expect(line('IMAP')).toMatch(/^ok /);
    expect(line('SMTP')).toMatch(/^ok /);
    expect(line('digest schedule')).toBe('skipped digest schedule: fix INNSPILL_DIGEST_CRON first (see above)');
    expect(out).toContain('config check: 1 problem (FAIL) found');
  });

  it('names a mistake in the rules with its file and line', async () => {
    const rules = copyOfRules();
    const broken = breakRules(rules);
    const { code, line } = await check(goodEnv({ INNSPILL_RULES_DIR: rules }));
    expect(code).toBe(1);
    expect(line('rules')).toMatch(new RegExp(`^FAIL {4}rules: ${broken.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${broken.line}:\\d+: "\\*korrupsjon\\*" must be written in quotes`));
  });

  it('lists every problem in the environment, and skips only the checks that depend on them', async () => {
    const { code, out, line } = await check(goodEnv({ INNSPILL_IMAP_PORT: 'imap', INNSPILL_IMAP_USER: '', INNSPILL_SMTP_TLS: 'yes', INNSPILL_TZ: 'Europe/Bergen' }));
    expect(code).toBe(1);
    const problems = out.split('\n').filter((l) => l.startsWith('FAIL    configuration: '));
    expect(problems).toEqual([
      'FAIL    configuration: INNSPILL_IMAP_PORT: must be a port number (got "imap")',
      'FAIL    configuration: INNSPILL_SMTP_TLS: must be one of: true (implicit TLS), starttls, false (got "yes")',
      'FAIL    configuration: INNSPILL_IMAP_USER: must be set when INNSPILL_IMAP_HOST is set',
      'FAIL    configuration: INNSPILL_TZ: not a known time zone (got "Europe/Bergen"; e.g. Europe/Oslo)',
    ]);
    expect(line('rules')).toMatch(/^ok /);
    expect(line('IMAP')).toBe('skipped IMAP: fix INNSPILL_IMAP_PORT first (see above)');
    expect(line('SMTP')).toBe('skipped SMTP: fix INNSPILL_SMTP_TLS first (see above)');
    expect(line('digest schedule')).toBe('skipped digest schedule: fix INNSPILL_TZ first (see above)');
  });

  it('checks the Maildir and the outbox folder when no servers are set, and a data folder that is a file', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const { code, line } = await check({ INNSPILL_DATA_DIR: file, INNSPILL_MAILDIR: join(dir, 'Maildir'), INNSPILL_OUTBOX_DIR: join(dir, 'outbox') });
    expect(code).toBe(1);
    expect(line('data folder')).toBe(`FAIL    data folder: ${file} is a file, not a folder (INNSPILL_DATA_DIR)`);
    expect(line('IMAP')).toBe('skipped IMAP: INNSPILL_IMAP_HOST is not set; the Maildir is watched instead');
    expect(line('Maildir')).toMatch(/^ok {6}Maildir: .*Maildir (is writable|does not exist yet; it will be created)/);
    expect(line('SMTP')).toMatch(/^skipped SMTP: INNSPILL_SMTP_HOST is not set; receipts and digests are written as \.eml files to /);
    expect(line('outbox folder')).toMatch(/^ok /);
  });
});
