// The caseworker's and the operator's way through, as they type it: the CLI as a child process.
// `npm run demo`, then list, show, digest and export with nothing more to set; one exit-code
// table for every command; --version; read-only commands that a daemon-only setting does not
// stop; an --out that cannot be written said in a sentence; times in Oslo time; each reader's
// output in one language.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLabels } from '../../src/evaluate/labels.js';
import { runCli } from '../helpers/child.js';
import { consultationFixture, fixtureStore } from '../helpers/records.js';

async function cli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<{ code: number | null; out: string }> {
  const child = runCli(args, env, cwd);
  const { code } = await child.exited;
  return { code, out: child.output() };
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('exit codes: 0 ok, 1 a finding, 2 usage or settings', () => {
  let data: string;
  let env: Record<string, string>;
  beforeAll(() => {
    data = fixtureStore(consultationFixture());
    env = { INNSPILL_DATA_DIR: data, INNSPILL_LOG_LEVEL: 'silent' };
  });

  it('--version prints the version and exits 0; --help exits 0', async () => {
    const v = await cli(['--version'], env);
    expect(v).toEqual({ code: 0, out: `${pkg.version}\n` });
    expect((await cli(['--help'], env)).code).toBe(0);
  });

  it('a mistake in the command line is 2: unknown command, unknown option, a value the command does not know', async () => {
    expect((await cli(['lsit'], env)).code).toBe(2);
    expect((await cli(['list', '--bogus'], env)).code).toBe(2);
    const commitment = await cli(['list', '--commitment', 'e-innsyn'], env);
    expect(commitment.code).toBe(2);
    expect(commitment.out).toContain('ukjent forpliktelse «e-innsyn»; disse finnes: ungdomspanel');
    expect((await cli(['list', '--category', 'presse'], env)).out).toContain('ukjent avsenderkategori «presse»');
    expect((await cli(['digest', '--format', 'pdf'], env)).code).toBe(2);
    expect((await cli(['digest', '--since', 'i går'], env)).code).toBe(2);
    expect((await cli(['export', '--format', 'pdf', '--out', join(data, 'x')], env)).code).toBe(2);
  });

  it('an --out that cannot be written is a sentence and exit 2, not a raw ENOENT', async () => {
    const missing = join(data, 'finnes-ikke', 'innspill.csv');
    const exported = await cli(['export', '--format', 'csv', '--out', missing], env);
    expect(exported.code).toBe(2);
    expect(exported.out).toBe(`innspill export: kunne ikke skrive ${missing}: mappen ${join(data, 'finnes-ikke')} finnes ikke\n`);
    const digest = await cli(['digest', '--out', join(data, 'finnes-ikke', 'oversikt.txt')], env);
    expect(digest.code).toBe(2);
    expect(digest.out).toMatch(/^innspill digest: kunne ikke skrive .*oversikt\.txt: mappen .*finnes-ikke finnes ikke\n$/);
    const folder = await cli(['export', '--format', 'xlsx', '--out', data], env);
    expect(folder.code).toBe(2);
    expect(folder.out).toContain('er en mappe; oppgi et filnavn');
    for (const r of [exported, digest, folder]) expect(r.out).not.toMatch(/ENOENT|EISDIR|errno/);
  });

  it('a finding is 1: an id that is not there, a file that is not mail', async () => {
    const show = await cli(['show', '2021-9999'], env);
    expect(show).toEqual({ code: 1, out: `innspill: fant ikke innspill 2021-9999 i ${data}\n` });
    const notMail = join(data, 'notat.txt');
    writeFileSync(notMail, 'Bare et notat, ingen e-post.\n');
    expect((await cli(['inspect', notMail], env)).code).toBe(1);
  });

  it('a setting only the daemon needs does not stop the read-only commands; the daemon refuses it with 2', async () => {
    const broken = { ...env, INNSPILL_IMAP_PORT: 'abc', INNSPILL_SMTP_TLS: 'maybe' };
    const list = await cli(['list'], broken);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/16 innspill\n$/);
    expect((await cli(['show', '2021-0001'], broken)).code).toBe(0);
    expect((await cli(['digest'], broken)).code).toBe(0);
    expect((await cli(['receipts'], broken)).code).toBe(0);
    expect((await cli(['export', '--format', 'csv', '--out', join(data, 'ok.csv')], broken)).code).toBe(0);
    expect((await cli(['inspect', join(data, 'records', '2021-0001.json')], broken)).code).toBe(1); // a finding, not a setting
    const run = await cli(['run', '--once'], broken);
    expect(run.code).toBe(2);
    expect(run.out).toContain('INNSPILL_IMAP_PORT: must be a port number (got "abc")');
  });
});

describe('what a caseworker reads: bokmål, Oslo time', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = { INNSPILL_DATA_DIR: fixtureStore(consultationFixture()), INNSPILL_LOG_LEVEL: 'silent' };
  });

  it('show prints times in Oslo time, and the receipt, category and language in words', async () => {
    const { code, out } = await cli(['show', '2021-0001'], env);
    expect(code).toBe(0);
    // received 08:01 UTC, filed and receipt sent 08:03 UTC on 10 May 2021 (summer time: +2)
    expect(out).toMatch(/^Mottatt: +10\.05\.2021 kl\. 10:01$/m);
    expect(out).toMatch(/^Arkivert: +10\.05\.2021 kl\. 10:03 fra /m);
    expect(out).toMatch(/^Kvittering: +sendt 10\.05\.2021 kl\. 10:03 \(/m);
    expect(out).toMatch(/\(Kommunesektoren\)$/m);
    expect(out).toMatch(/^Språk: +bokmål$/m);
    expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('the receipt outbox has Norwegian states and local times under its Norwegian headings', async () => {
    const { code, out } = await cli(['receipts'], env);
    expect(code).toBe(0);
    expect(out).toMatch(/^ID +STATUS +FORSØK +TIL +DETALJER$/m);
    expect(out).toMatch(/^2021-0001 +sendt +1 +postmottak@ks\.no +sendt 10\.05\.2021 kl\. 10:03$/m);
    expect(out).toMatch(/^2021-0006 +feilet +3 /m);
    expect(out).toMatch(/^2021-0012 +venter +2 /m);
    expect(out).not.toMatch(/ (sent|failed|pending|skipped) /);
    expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('list names automatic mail in words', async () => {
    const { out } = await cli(['list'], env);
    expect(out).toMatch(/^2021-0007 .*\[Fraværsmelding\]/m);
    expect(out).not.toContain('[out-of-office]');
  });
});

describe('npm run demo, then the caseworker commands with nothing more to set', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'innspill-demo-'));
  const env = { INNSPILL_LOG_LEVEL: 'silent' };
  let demoIds: string[] = [];

  it('the demo files into the default store, and list, show, digest and export show it', async () => {
    const demo = await cli(['demo'], env, cwd);
    expect(demo.code, demo.out).toBe(0);
    // every message counted once: the filed ones by kind add up, and filed + untouched is no more than was laid in
    const count = (label: string) => Number(new RegExp(`^\\s+${label}\\s+(\\d+)`, 'm').exec(demo.out)?.[1] ?? NaN);
    const seededCount = Number(/(\d+) meldinger lagt i/.exec(demo.out)?.[1]);
    const filed = count('Arkivert i alt');
    const kinds = ['innspill', 'til vurdering \\(også i innboksen\\)', 'automatiske \\(fravær, bounce …\\)', 'uleselige, arkivert rått \\(også i innboksen\\)', 'annet \\(etterligninger o\\.l\\.\\)'].map(count);
    expect(kinds.every(Number.isFinite), demo.out).toBe(true);
    expect(kinds.reduce((a, b) => a + b, 0)).toBe(filed);
    expect(filed + count('Ikke del av noen høring \\(urørt\\)')).toBeLessThanOrEqual(seededCount);
    // one chart per consultation, each counting its own submissions
    const charts = [...demo.out.matchAll(/^Innspill per forpliktelse — (.+) \((\d+)\)$/gm)];
    expect(charts.map((m) => m[1])).toEqual([expect.stringContaining('OGP'), expect.stringContaining('plan- og bygningsloven')]);
    for (const m of charts) expect(Number(m[2])).toBeGreaterThan(0);
    expect(existsSync(join(cwd, 'var', 'data', 'records'))).toBe(true);
    expect(existsSync(join(cwd, 'var', 'demo'))).toBe(false);
    demoIds = readdirSync(join(cwd, 'var', 'data', 'records')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(demoIds.length).toBeGreaterThan(100);

    const list = await cli(['list'], env, cwd);
    expect(list.code).toBe(0);
    // The example messages' campaigns, as their labels name them (fixtures/labels/campaigns.yaml).
    const members = readLabels('fixtures/labels').flatMap((l) => (l.campaign ? [l.campaign] : []));
    expect(members.length).toBeGreaterThan(0);
    expect(list.out).toMatch(new RegExp(`\\n${demoIds.length} innspill, av dem ${members.length} i ${new Set(members).size} kampanjer\\n$`));
    const show = await cli(['show', demoIds.at(-1)!], env, cwd);
    expect(show.code).toBe(0);
    expect(show.out).toContain(`Innspill:       ${demoIds.at(-1)}`);
    const digest = await cli(['digest'], env, cwd);
    expect(digest.code).toBe(0);
    expect(digest.out).toMatch(/^Innspill OGP 4B – oversikt .* \(\d+ innspill\)\n/);
    const exported = await cli(['export', '--format', 'csv', '--out', 'innspill.csv'], env, cwd);
    expect(exported.code).toBe(0);
    const csv = readFileSync(join(cwd, 'innspill.csv'), 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(demoIds.length + 1);
  }, 240_000);

  it('runs again from the start, and refuses to touch mail it did not put in the Maildir', async () => {
    const again = await cli(['demo'], env, cwd);
    expect(again.code, again.out).toBe(0);
    expect(readdirSync(join(cwd, 'var', 'data', 'records')).map((f) => f.replace(/\.json$/, '')).sort()).toEqual(demoIds);

    const mine = join(cwd, 'var', 'mailbox', 'new', '1621000000.M1P1.host');
    mkdirSync(join(cwd, 'var', 'mailbox', 'new'), { recursive: true });
    writeFileSync(mine, 'From: kari@ks.no\r\nSubject: Mitt innspill\r\n\r\nHei\r\n');
    const refused = await cli(['demo'], env, cwd);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain(`e-postmappen ${join(cwd, 'var', 'mailbox')} har 1 meldinger som demoen ikke la der`);
    expect(readFileSync(mine, 'utf8')).toContain('Mitt innspill');
    expect(readdirSync(join(cwd, 'var', 'data', 'records'))).toHaveLength(demoIds.length);
  }, 240_000);
});
