// Records built to break the archive export: no sender, hostile file names, a 5,000-character
// subject, control characters and lone surrogates everywhere a sender writes. Each gives an
// arkivmelding.xml that validates, or a clear error for that record alone; never invalid XML.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveExportCommand } from '../../src/commands/export-archive.js';
import { exportArchive } from '../../src/export/archive.js';
import { readArchiveState } from '../../src/export/archive-state.js';
import { xmlText } from '../../src/export/arkivmelding-xml.js';
import { Store } from '../../src/store/json-store.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { testConfig } from '../helpers/daemon.js';
import { makeRecord, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';
import { validateArkivmelding } from './xmllint.js';

const rules = projectRules();
const CONTROL = 'A\u0000B\u0001C\u0007D\u001b[31mE\u000bF\u000cG\u007fH\ud800I\udc00J\ufffeK\uffffL\u202eM\r\nN';
const HOSTILE_NAMES = ['../../etc/passwd', 'CON', 'nul\u0000byte.pdf', `${'x'.repeat(5000)}.pdf`, '', '.htaccess', 'Høringssvar æøå ÆØÅ.PDF', '\u202efdp.exe', '<script>alert(1)</script>.docx'];

function message(r: SubmissionRecord): Buffer {
  return Buffer.from(
    [`From: ${r.from ? r.from.address : ''}`, `Subject: ${r.subject.slice(0, 200).replace(/[\r\n]/g, ' ')}`, `Message-ID: ${r.messageId}`, 'Content-Type: text/plain; charset=utf-8', '', `Hei. <script>alert(1)</script> ${CONTROL}`, ''].join('\r\n'),
    'utf8',
  );
}

function records(): SubmissionRecord[] {
  const noSender = makeRecord({ seq: 1, from: null, subject: `Innspill ${CONTROL}` });
  const longSubject = makeRecord({ seq: 2, from: 'ola.nordmann@gmail.com', name: `Ola ${CONTROL} Nordmann <&>`, subject: 'Innspill fra Ola Nordmann '.padEnd(5000, 'æ<&>"') });
  const hostileFiles = makeRecord({ seq: 3, from: 'postmottak@ks.no', name: 'KS', subject: 'Vedlegg med rare navn', attachments: HOSTILE_NAMES.map((filename) => ({ filename, detectedType: 'unknown', problem: `kunne ikke leses ${CONTROL}` })) });
  const missingAttachment = makeRecord({ seq: 4, from: 'post@ffo.no', subject: 'Vedlegg som mangler', attachments: [{ filename: 'borte.pdf' }] });
  missingAttachment.attachments[0] = { ...missingAttachment.attachments[0]!, sha256: 'ff'.repeat(32), file: `attachments/ff/${'ff'.repeat(32)}` };
  const missingRaw = makeRecord({ seq: 5, from: 'post@ffo.no', subject: 'Originalen mangler' });
  const emptySubject = makeRecord({ seq: 6, from: 'kari@example.org', name: '', subject: '   \u0000  ', receivedAt: null, date: null });
  return [noSender, longSubject, hostileFiles, missingAttachment, missingRaw, emptySubject];
}

let dir: string;
let out: string;
let all: SubmissionRecord[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'innspill-broken-'));
  out = join(dir, 'arkiv');
  all = records();
  writeRecords(dir, all);
  for (const r of all) {
    if (r.id !== '2021-0005') writeBlob(dir, r.raw, message(r));
    for (const a of r.attachments) if (!a.file.includes('ffff')) writeBlob(dir, a.file, Buffer.from(`%PDF-1.4 ${a.filename}`));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeBlob(root: string, path: string, bytes: Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
}

describe('the archive export of broken records', () => {
  it('gives valid XML for every record it can read, and a clear error for each it cannot', async () => {
    const store = await Store.open(dir, { lock: false });
    const result = await exportArchive(store, rules, out);
    await store.close();
    expect(result.written.map((w) => w.id)).toEqual(['2021-0001', '2021-0002', '2021-0003', '2021-0006']);
    expect(result.failed).toEqual([
      { id: '2021-0004', reason: expect.stringMatching(/^vedlegg 1 \(«borte\.pdf»\) mangler i lageret \(.*attachments\/ff\/f+\): ENOENT$/) },
      { id: '2021-0005', reason: expect.stringMatching(/^den opprinnelige e-posten mangler i lageret \(.*raw\/2021-0005\.eml\): ENOENT$/) },
    ]);
    const files = result.written.map((w) => join(out, w.id, 'arkivmelding.xml'));
    const validation = validateArkivmelding(files);
    expect(validation.output).not.toMatch(/error/i);
    expect(validation.valid.sort()).toEqual(files.sort());
    const state = await Store.open(dir, { lock: false }).then(async (s) => {
      const st = await readArchiveState(s);
      await s.close();
      return st;
    });
    expect(Object.keys(state.records).sort()).toEqual(['2021-0001', '2021-0002', '2021-0003', '2021-0006']);
  });

  it('names a missing sender, keeps the whole long subject, and carries no control character', () => {
    const noSender = readFileSync(join(out, '2021-0001', 'arkivmelding.xml'), 'utf8');
    expect(noSender).toContain('<korrespondansepartNavn>Ukjent avsender</korrespondansepartNavn>');
    expect(noSender).not.toContain('<epostadresse>');
    const long = readFileSync(join(out, '2021-0002', 'arkivmelding.xml'), 'utf8');
    const title = /<tittel>([^<]*)<\/tittel>\s*<offentligTittel>/.exec(long)![1]!;
    expect(title.replace(/&(amp|lt|gt|quot);/g, '_').length).toBe(5000);
    for (const id of ['2021-0001', '2021-0002', '2021-0003', '2021-0006']) {
      // eslint-disable-next-line no-control-regex
      expect(readFileSync(join(out, id, 'arkivmelding.xml'), 'utf8')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    const empty = readFileSync(join(out, '2021-0006', 'arkivmelding.xml'), 'utf8');
    expect(empty).toContain('<tittel>Innspill uten emne</tittel>');
    expect(empty).not.toContain('<mottattDato>');
    expect(empty).toContain('Tidspunktet e-posten kom inn er ukjent.');
  });

  it('stores hostile file names under safe names and shows the sender’s name only as text', () => {
    const names = readdirSync(join(out, '2021-0003')).sort();
    expect(names).toEqual(
      [
        '2021-0003.eml',
        '2021-0003.html',
        'arkivmelding.xml',
        'vedlegg-01-etc_passwd.bin',
        'vedlegg-02-CON.bin',
        'vedlegg-03-nul_byte.pdf',
        `vedlegg-04-${'x'.repeat(60)}.pdf`,
        'vedlegg-05.bin',
        'vedlegg-06.htaccess',
        'vedlegg-07-Horingssvar_aeoa_AeOA.pdf',
        'vedlegg-08-fdp.exe',
        'vedlegg-09-script_alert_1_script.docx',
      ].sort(),
    );
    const xml = readFileSync(join(out, '2021-0003', 'arkivmelding.xml'), 'utf8');
    expect(xml).toContain('<filnavn>../../etc/passwd</filnavn>');
    expect(xml).toContain('<filnavn>&lt;script&gt;alert(1)&lt;/script&gt;.docx</filnavn>');
    expect(xml).toContain('<tittel>Vedlegg 5</tittel>');
  });

  it('only what was filed after --since, and the command says what it did', async () => {
    const stderr = capture();
    const config = testConfig({ INNSPILL_DATA_DIR: dir });
    // After the second record: the third (written again), the fourth and fifth (which fail).
    const since = new Date(Date.parse(all[1]!.filedAt) + 1).toISOString();
    const code = await archiveExportCommand({ out, since, all: true, config, rules, stderr: stderr.stream });
    expect(code).toBe(1);
    expect(stderr.text()).toContain(`Skrev 1 arkivpakker til ${out}: 0 nye, 0 endret siden forrige eksport, 1 på nytt (--all).`);
    expect(stderr.text()).toContain('innspill export: 2021-0004 ble ikke eksportert: vedlegg 1 («borte.pdf») mangler i lageret');

    const unchanged = capture();
    expect(await archiveExportCommand({ out, config, rules, stderr: unchanged.stream })).toBe(1);
    expect(unchanged.text()).toContain('Skrev 0 arkivpakker');
    expect(unchanged.text()).toContain('4 uendret siden forrige eksport er ikke skrevet på nytt (bruk --all for å skrive alle).');
  });

  it('refuses a bad --since and a folder it cannot make with a sentence and status 2', async () => {
    const config = testConfig({ INNSPILL_DATA_DIR: dir });
    const badSince = capture();
    expect(await archiveExportCommand({ out, since: 'i går', config, rules, stderr: badSince.stream })).toBe(2);
    expect(badSince.text()).toMatch(/^innspill export: --since må være en dato/);
    const noParent = capture();
    expect(await archiveExportCommand({ out: join(dir, 'finnes-ikke', 'arkiv'), config, rules, stderr: noParent.stream })).toBe(2);
    expect(noParent.text()).toBe(`innspill export: kan ikke lage eller skrive til mappen ${join(dir, 'finnes-ikke', 'arkiv')}: mappen over den finnes ikke\n`);
    const isFile = capture();
    expect(await archiveExportCommand({ out: join(dir, 'records', '2021-0001.json'), config, rules, stderr: isFile.stream })).toBe(2);
    expect(isFile.text()).toContain('det finnes en fil med det navnet');
  });
});

describe('xmlText', () => {
  it('keeps what XML 1.0 can carry and replaces what it cannot', () => {
    expect(xmlText('æøå 😀 \t\n\r <&>')).toBe('æøå 😀 \t\n\r <&>');
    expect(xmlText('a\u0000b\u001fc\u007fd')).toBe('a b c d');
    expect(xmlText('x\ud800y\udc00z\ufffe\uffff')).toBe('x\ufffdy\ufffdz\ufffd\ufffd');
  });
});

function capture(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}
