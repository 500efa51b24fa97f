// The CLI contract outside checks rely on: `innspill inspect FILE… --json` prints exactly one
// JSON object per file, one per line, in order, and nothing else on stdout.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runCli } from '../helpers/child.js';
import { fixturesDir } from '../helpers/daemon.js';

const files = ['reply-nb-ks-einnsyn-outlook.eml', 'hostile-not-mail-pdf.eml', 'auto-ooo-nn-exchange.eml', 'reply-en-nj-einnsyn-gmail.eml'].map((f) => join(fixturesDir, f));

async function run(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const child = runCli(args, env, cwd);
  let stdout = '';
  child.proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  const { code } = await child.exited;
  return { code, stdout, all: child.output() };
}

describe('innspill inspect', () => {
  it('--json: one object per file, in order, nothing else on stdout; a non-mail file is named on stderr and the exit status says so', async () => {
    const { code, stdout, all } = await run(['inspect', ...files, '--json']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(files.length);
    const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects.map((o) => o['file'])).toEqual(files);
    for (const o of objects) {
      for (const key of ['messageId', 'receivedAt', 'from', 'subject', 'relevant', 'automatic', 'sender', 'commitments', 'language', 'late', 'receipt', 'attachments', 'problems']) {
        expect(o, key).toHaveProperty(key);
      }
    }
    expect(objects[0]).toMatchObject({ relevant: true, automatic: false, sender: { category: 'kommunesektor' }, receipt: { send: true } });
    expect(objects[2]).toMatchObject({ automatic: true, receipt: { send: false }, language: 'nn' });
    expect(code).toBe(1);
    expect(all).toContain('hostile-not-mail-pdf.eml: filen er ikke en e-postmelding');
  });

  it('reads .env from the working folder, and prints nothing of its own on stdout even at log level trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-env-'));
    writeFileSync(join(dir, '.env'), 'INNSPILL_LOG_LEVEL=trace\nINNSPILL_RULES_DIR=/nonexistent/rules\n');
    const broken = await run(['inspect', files[0]!, '--json'], {}, dir);
    expect(broken.code).toBe(2);
    expect(broken.all).toContain('/nonexistent/rules: cannot be read (ENOENT)');
    writeFileSync(join(dir, '.env'), 'INNSPILL_LOG_LEVEL=trace\n');
    const { code, stdout } = await run(['inspect', files[0]!, '--json'], {}, dir);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('explains itself: --help for the program and for inspect', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/inspect[\s\S]*run[\s\S]*digest/);
    const sub = await run(['inspect', '--help']);
    expect(sub.stdout).toContain('--json');
  });

  it('prints a summary a person reads without --json', async () => {
    const { stdout } = await run(['inspect', files[0]!]);
    expect(stdout).toMatch(/Fra: .*Kommunesektorens interesse- og arbeidsgiverorganisasjon \(kommunesektor\)/);
    expect(stdout).toMatch(/Forpliktelser: einnsyn/);
  });

  it('stops with file and line when the rules have a mistake', async () => {
    const { code, all } = await run(['inspect', files[0]!, '--json'], { INNSPILL_RULES_DIR: join(fixturesDir, '..', 'documents') });
    expect(code).toBe(2);
    expect(all).toMatch(/the rules have a mistake and nothing was done/);
  });
});

describe('innspill ingest', () => {
  it('files three different files that are not mail as three records with three raw copies, names each on stderr and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-ingest-'));
    const inputs: Array<[string, Buffer]> = [
      ['fake.pdf', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1')],
      ['notes.txt', Buffer.from('Dette er bare et notat, ikke en e-post.\n', 'utf8')],
      ['other.txt', Buffer.from('Et annet notat, heller ikke en e-post.\n', 'utf8')],
    ];
    const paths = inputs.map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    });
    const data = join(dir, 'data');
    const { code, all } = await run(['ingest', ...paths], { INNSPILL_DATA_DIR: data, INNSPILL_OUTBOX_DIR: join(dir, 'outbox'), INNSPILL_LOG_LEVEL: 'warn', INNSPILL_WORKERS: '1' });
    expect(code, all).toBe(1);
    for (const p of paths) expect(all).toContain(`${p}: filen er ikke en e-postmelding`);
    const names = readdirSync(join(data, 'records'));
    expect(names).toHaveLength(3);
    const raws = names.map((n) => (JSON.parse(readFileSync(join(data, 'records', n), 'utf8')) as { raw: string }).raw);
    expect(raws.map((r) => readFileSync(join(data, r)).toString('latin1')).sort()).toEqual(inputs.map(([, b]) => b.toString('latin1')).sort());
    // The same file again: one message, already filed; still said, still exit 1, no new record.
    const again = await run(['ingest', paths[0]!], { INNSPILL_DATA_DIR: data, INNSPILL_OUTBOX_DIR: join(dir, 'outbox'), INNSPILL_LOG_LEVEL: 'warn', INNSPILL_WORKERS: '1' });
    expect(again.code, again.all).toBe(1);
    expect(again.all).toMatch(new RegExp(`${paths[0]!.replace(/[.]/g, '\\.')}: filen er ikke en e-postmelding.*\\(allerede arkivert som 2021-\\d{4}\\)`));
    expect(readdirSync(join(data, 'records'))).toHaveLength(3);
  });
});
