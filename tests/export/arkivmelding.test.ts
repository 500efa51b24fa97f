// The Noark 5 archive export over every fixture message, filed through the real pipeline: every
// arkivmelding.xml validates against the official Fiks Arkiv schema (xmllint), every file it
// names is in its folder with the size and checksum it states, and a second run writes only what
// is new or changed.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon } from '../../src/daemon.js';
import { archivable, exportArchive } from '../../src/export/archive.js';
import { isAwaitingDecision } from '../../src/decisions/change.js';
import { readArchiveState } from '../../src/export/archive-state.js';
import { fieldTableMarkdown } from '../../src/export/arkivmelding-xml.js';
import { createLogger } from '../../src/log.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import { Store } from '../../src/store/json-store.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { fixturesDir, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';
import { validateArkivmelding } from './xmllint.js';

const rules = projectRules();
const config = testConfig();
const out = mkdtempSync(join(tmpdir(), 'innspill-arkiv-'));
let store: Store;
let records: SubmissionRecord[];

beforeAll(async () => {
  const files = readdirSync(fixturesDir)
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .map((n) => join(fixturesDir, n));
  const daemon = new Daemon(config, rules, createLogger({ level: 'silent', secrets: [] }), { mailbox: new FilesMailbox(files) });
  await daemon.open();
  try {
    await daemon.runOnce(false);
  } finally {
    await daemon.close();
  }
  store = await Store.open(config.dataDir, { lock: false });
  records = await store.readAll();
}, 240_000);

afterAll(async () => {
  await store?.close();
  rmSync(out, { recursive: true, force: true });
});

/** What the export writes by default: archivable, and not held for a caseworker's decision. */
const exported = (r: SubmissionRecord) => archivable(r, false) && !isAwaitingDecision(r);
const folders = () => readdirSync(out).filter((n) => !n.startsWith('.'));
const xmlOf = (id: string) => readFileSync(join(out, id, 'arkivmelding.xml'), 'utf8');
const all = (xml: string, element: string) => [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((m) => m[1]!);

describe('export --format arkivmelding over the fixture messages', () => {
  it('writes one folder per submission, automatic mail only when asked', async () => {
    const first = await exportArchive(store, rules, out, { now: () => new Date('2026-06-01T10:00:00Z') });
    // Messages still held for a caseworker's decision are left out (tests/export/held.test.ts), and counted.
    const submissions = records.filter((r) => archivable(r, false) && !isAwaitingDecision(r));
    expect(submissions.length).toBeGreaterThan(50);
    expect(first.failed).toEqual([]);
    expect(first.held).toEqual(records.filter((r) => archivable(r, false) && isAwaitingDecision(r)).map((r) => r.id));
    expect(first.written.map((w) => w.id)).toEqual(submissions.map((r) => r.id));
    expect(first.written.every((w) => w.change === 'new')).toBe(true);
    expect(folders().sort()).toEqual(submissions.map((r) => r.id).sort());

    const withAutomatic = await exportArchive(store, rules, out, { includeAutomatic: true });
    const automatic = records.filter((r) => r.automatic && r.relevant && r.readable && !isAwaitingDecision(r));
    expect(automatic.length).toBeGreaterThan(5);
    expect(withAutomatic.written.map((w) => w.id)).toEqual(automatic.map((r) => r.id));
    expect(withAutomatic.unchanged).toHaveLength(submissions.length);
  });

  it('every arkivmelding.xml validates against no.ks.fiks.arkiv.v1.arkivering.arkivmelding.opprett.xsd', () => {
    const files = folders().map((id) => join(out, id, 'arkivmelding.xml'));
    const result = validateArkivmelding(files);
    expect(result.output).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    expect(result.valid.sort()).toEqual(files.sort());
  });

  it('names every file in its folder, with the size and SHA-256 it states, under a safe name', () => {
    for (const id of folders()) {
      const xml = xmlOf(id);
      const names = all(xml, 'referanseDokumentfil');
      const sums = all(xml, 'sjekksum');
      const sizes = all(xml, 'filstoerrelse').map(Number);
      expect(readdirSync(join(out, id)).sort()).toEqual([...names, 'arkivmelding.xml'].sort());
      expect(all(xml, 'antallFiler')).toEqual([String(names.length)]);
      names.forEach((name, i) => {
        expect(name).toMatch(/^((?:[a-z][a-z0-9-]*-)?\d{4}-\d{4,}\.(eml|html)|vedlegg-\d{2}(-[A-Za-z0-9_-]{1,60})?\.[a-z0-9]{1,8})$/);
        const bytes = readFileSync(join(out, id, name));
        expect(bytes.length).toBe(sizes[i]);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(sums[i]);
      });
    }
  });

  it('is an incoming journal post in case 17/1886 with the sender as EA, the received time, and the original message', () => {
    const r = records.find((x) => exported(x) && x.sender.organisation !== null && x.attachments.length > 0 && x.receivedAt)!;
    const xml = xmlOf(r.id);
    expect(xml).toContain('<n5mdk:saksaar>2017</n5mdk:saksaar>');
    expect(xml).toContain('<n5mdk:sakssekvensnummer>1886</n5mdk:sakssekvensnummer>');
    expect(xml).toMatch(/<journalposttype>\s*<n5mdk:kode>I<\/n5mdk:kode>/);
    expect(xml).toMatch(/<korrespondanseparttype>\s*<n5mdk:kode>EA<\/n5mdk:kode>/);
    expect(all(xml, 'korrespondansepartNavn')).toEqual([r.sender.organisation]);
    expect(all(xml, 'mottattDato')).toHaveLength(1);
    expect(Date.parse(all(xml, 'mottattDato')[0]!)).toBe(Date.parse(r.receivedAt!));
    expect(xml).not.toMatch(/<journal(aar|sekvensnummer|postnummer)>/);
    expect(readFileSync(join(out, r.id, `${r.id}.eml`))).toEqual(readFileSync(store.path(r.raw)));
    expect(all(xml, 'antallVedlegg')).toEqual([String(r.attachments.length)]);
  });

  it('references the original from a follow-up', () => {
    const followUp = records.find((x) => exported(x) && x.followUpOf !== null)!;
    expect(followUp).toBeDefined();
    const xml = xmlOf(followUp.id);
    expect(xml).toMatch(new RegExp(`<kryssreferanse>\\s*<referanseTilRegistrering>\\s*<n5mdk:referanseEksternNoekkel>\\s*<n5mdk:fagsystem>innspill</n5mdk:fagsystem>\\s*<n5mdk:noekkel>${followUp.followUpOf}</n5mdk:noekkel>`));
    expect(all(xml, 'merknadstekst').some((t) => t.includes(`Oppfølging av tidligere innspill ${followUp.followUpOf}`))).toBe(true);
  });

  it('renders each message as HTML in which nothing can run', () => {
    const hostile = records.find((x) => exported(x) && /<script/i.test(x.subject))!;
    expect(hostile).toBeDefined();
    for (const id of folders()) {
      const html = readFileSync(join(out, id, `${id}.html`), 'utf8');
      expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      expect(tags.filter((t) => /^<(script|iframe|object|embed|img|svg|form|link|base)\b/i.test(t))).toEqual([]);
      expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
    }
    expect(readFileSync(join(out, hostile.id, `${hostile.id}.html`), 'utf8')).toContain('&lt;script&gt;');
  });

  it('a second run writes only what changed; --all writes everything again', async () => {
    const again = await exportArchive(store, rules, out, { includeAutomatic: true });
    expect(again.written).toEqual([]);
    expect(again.failed).toEqual([]);

    // A caseworker marks one submission as containing personal data.
    const marked = records.find((x) => exported(x) && x.sender.organisation === null)!;
    await store.update({ ...marked, personalData: true } as SubmissionRecord);
    const changed = await exportArchive(store, rules, out, { includeAutomatic: true, now: () => new Date('2026-06-02T10:00:00Z') });
    expect(changed.written).toEqual([{ id: marked.id, change: 'changed' }]);
    const xml = xmlOf(marked.id);
    const screening = rules.consultation.archive.personalData;
    expect(xml).toContain(`<skjermingshjemmel>${screening.legalBasis}</skjermingshjemmel>`);
    expect(xml).toMatch(new RegExp(`<tilgangsrestriksjon>\\s*<n5mdk:kode>${screening.accessCode}</n5mdk:kode>`));
    expect(validateArkivmelding([join(out, marked.id, 'arkivmelding.xml')]).status).toBe(0);
    expect((await readArchiveState(store)).records[marked.id]!.exportedAt).toBe('2026-06-02T10:00:00.000Z');

    const everything = await exportArchive(store, rules, out, { all: true, includeAutomatic: true });
    expect(everything.written).toHaveLength(folders().length);
    expect(everything.written.every((w) => w.change === 'again')).toBe(true);
  });

  it('the README shows the same field table as the code', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(fieldTableMarkdown());
  });
});
