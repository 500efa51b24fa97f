// `innspill digest` and `innspill export` as command functions: options in, exit code out.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { digestCommand } from '../../src/commands/digest.js';
import { exportCommand } from '../../src/commands/export.js';
import { digestConfig } from '../helpers/digest-env.js';
import { consultationFixture, fixtureStore, makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = () => new Date('2021-05-15T06:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const read = (s: PassThrough) => () => (s.read() as Buffer | null)?.toString('utf8') ?? '';
  return { stdout, stderr, out: read(stdout), err: read(stderr) };
}

function setup() {
  const dir = fixtureStore(consultationFixture());
  dirs.push(dir);
  return { dir, config: digestConfig(dir), ...streams() };
}

const stateFiles = (dir: string) => readdirSync(join(dir, 'state'));

describe('innspill digest', () => {
  it('prints the whole consultation as text by default, and changes nothing in the store', async () => {
    const s = setup();
    expect(await digestCommand({ config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    const text = s.out();
    expect(text.startsWith('Innspill OGP 4B – oversikt 15.05.2021 (13 innspill)\n')).toBe(true);
    expect(stateFiles(s.dir)).toEqual([]);
    expect(existsSync(join(s.dir, 'lock'))).toBe(false);
  });

  it('writes HTML or Markdown to a file', async () => {
    const s = setup();
    const html = join(s.dir, 'oversikt.html');
    expect(await digestCommand({ format: 'html', out: html, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    const mdFile = join(s.dir, 'oversikt.md');
    expect(await digestCommand({ format: 'md', out: mdFile, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(readFileSync(mdFile, 'utf8')).toMatch(/^# Innspill OGP 4B/);
    expect(s.out()).toBe('');
  });

  it('--since takes a time or "last" (since the last digest sent)', async () => {
    const s = setup();
    await digestCommand({ since: '2021-05-19T00:00:00+02:00', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now });
    expect(s.out()).toContain('(1 nytt)');
    expect(await digestCommand({ send: true, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    await digestCommand({ since: 'last', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now });
    expect(s.out()).toContain('(ingen nye)');
  });

  it('--send mails the digest like the schedule and records it; then there is nothing new', async () => {
    const s = setup();
    expect(await digestCommand({ send: true, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(s.err()).toContain('Oversikten er sendt til saksbehandler@kmd.dep.no (13 nye innspill');
    expect(readdirSync(join(s.config.outboxDir, 'digests'))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(s.dir, 'state', 'digest.json'), 'utf8'))).toMatchObject({ lastSeq: 16 });
    expect(await digestCommand({ send: true, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(s.err()).toContain('Ingenting nytt siden forrige oversikt');
    expect(readdirSync(join(s.config.outboxDir, 'digests'))).toHaveLength(1);
  });

  it('refuses wrong options with exit code 2', async () => {
    const s = setup();
    const run = (o: { format?: string; since?: string; send?: boolean }) => digestCommand({ ...o, config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now });
    expect(await run({ format: 'pdf' })).toBe(2);
    expect(s.err()).toContain('--format må være text, html eller md');
    expect(await run({ since: 'i går' })).toBe(2);
    expect(await run({ since: '2021-05-01', send: true })).toBe(2);
    s.config.digest.to = [];
    expect(await run({ send: true })).toBe(2);
    expect(s.err()).toContain('INNSPILL_DIGEST_TO');
    expect(existsSync(join(s.dir, 'state', 'digest.json'))).toBe(false);
  });
});

describe('--since in Oslo time', () => {
  // Filed 23:30 on 17 May and 01:00 on 18 May in Oslo (summer time, UTC+2): only the second is
  // filed "since 2021-05-18", though both are on 17 May in UTC.
  function lateEvening() {
    const dir = fixtureStore([
      makeRecord({ seq: 1, receivedAt: '2021-05-17T21:28:00Z', filedAt: '2021-05-17T21:30:00Z', commitments: ['einnsyn'] }),
      makeRecord({ seq: 2, receivedAt: '2021-05-17T22:58:00Z', filedAt: '2021-05-17T23:00:00Z', commitments: ['einnsyn'] }),
    ]);
    dirs.push(dir);
    return { dir, config: digestConfig(dir), ...streams() };
  }

  it('digest --since 2021-05-18 means midnight in Oslo; a time without an offset is Oslo time too', async () => {
    const s = lateEvening();
    expect(await digestCommand({ since: '2021-05-18', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    const text = s.out();
    expect(text.split('\n')[0]).toBe('Innspill OGP 4B – oversikt 15.05.2021 (1 nytt)');
    expect(text).toContain('Arkivert etter 18.05.2021 kl. 00:00');
    expect(await digestCommand({ since: '2021-05-17T23:45', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(s.out()).toContain('(1 nytt)');
    expect(await digestCommand({ since: '2021-05-17T21:00:00Z', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(0);
    expect(s.out()).toContain('(2 innspill)');
    expect(await digestCommand({ since: '2021-02-30', config: s.config, rules, stdout: s.stdout, stderr: s.stderr, now })).toBe(2);
  });

  it('export --since takes the same times', async () => {
    const s = lateEvening();
    const out = join(s.dir, 'siden.csv');
    expect(await exportCommand({ format: 'csv', out, since: '2021-05-18', config: s.config, rules, stderr: s.stderr })).toBe(0);
    expect(s.err()).toContain('Skrev 1 rader til');
    expect(readFileSync(out, 'utf8').split('\r\n')[1]).toMatch(/^2021-0002;/);
    expect(await exportCommand({ format: 'csv', out, since: 'i går', config: s.config, rules, stderr: s.stderr })).toBe(2);
  });
});

describe('innspill export', () => {
  it('writes csv, xlsx and journal files', async () => {
    const s = setup();
    for (const format of ['csv', 'xlsx', 'journal']) {
      const out = join(s.dir, `eksport.${format}`);
      expect(await exportCommand({ format, out, config: s.config, rules, stderr: s.stderr })).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(s.err()).toContain('Skrev 13 rader til');
  });

  it('refuses a missing format or file, and says when it cannot write', async () => {
    const s = setup();
    expect(await exportCommand({ format: 'pdf', out: join(s.dir, 'x'), config: s.config, rules, stderr: s.stderr })).toBe(2);
    expect(await exportCommand({ format: 'csv', config: s.config, rules, stderr: s.stderr })).toBe(2);
    expect(await exportCommand({ format: 'csv', out: join(s.dir, 'finnes-ikke', 'x.csv'), config: s.config, rules, stderr: s.stderr })).toBe(2);
    expect(s.err()).toContain(`kunne ikke skrive ${join(s.dir, 'finnes-ikke', 'x.csv')}: mappen ${join(s.dir, 'finnes-ikke')} finnes ikke`);
  });
});
