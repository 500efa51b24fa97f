// Whatever the internet sends: every item is filed or left alone with a problem in words, and
// the daemon goes on. Generated here: a 30 MB attachment, 5,000 parts, a 1 MB header line, two
// different messages sharing a Message-ID, a message without one seen twice, a document that
// takes too long to read. The fixtures add the rest (zip bomb, 1,000-level nesting, bad
// base64/QP, NUL bytes, invalid UTF-8, dates in 1970 and 2100, hostile file names).
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fixture, fixturesDir, records, testConfig, onePass } from '../helpers/daemon.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import type { Config } from '../../src/config.js';
import { composeReceipt } from '../../src/receipts/compose.js';
import { projectRules } from '../helpers/rules.js';

const HEAD = (id: string, subject: string, extra = '') =>
  `Received: from x by mx01.dep.no; Mon, 10 May 2021 10:00:00 +0200\r\nFrom: Kari Nordmann <kari@ks.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: ${subject}\r\nDate: Mon, 10 May 2021 09:59:00 +0200\r\n${id ? `Message-ID: <${id}>\r\n` : ''}${extra}MIME-Version: 1.0\r\n`;
const BODY = 'Hei,\r\n\r\nHer er innspillet til OGP handlingsplan 4B om eInnsyn og postjournalene i kommunene.\r\n';
const b64 = (buf: Buffer) => (buf.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

function withAttachment(id: string, subject: string, name: string, type: string, content: Buffer): Buffer {
  return Buffer.from(
    `${HEAD(id, subject)}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${BODY}--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(content)}\r\n--b--\r\n`,
  );
}

async function bigPdf(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ info: { CreationDate: new Date(Date.UTC(2021, 4, 10)) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    for (let l = 0; l < 40; l++) doc.fontSize(9).text(`Side ${p + 1} linje ${l + 1}: innspill om eInnsyn og offentlig journal i kommunene, ${'tekst '.repeat(12)}`);
  }
  doc.end();
  await new Promise((r) => doc.on('end', r));
  return Buffer.concat(chunks);
}

const inputs: Record<string, Buffer> = {};
let config: Config;
let filed: SubmissionRecord[];
let left: string[];

beforeAll(async () => {
  inputs['30mb'] = withAttachment('big@ks.no', 'Innspill OGP 4B med stort vedlegg', 'innspill.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(30 * 1024 * 1024, 'a')]));
  inputs['5000-parts'] = Buffer.from(
    `${HEAD('parts@ks.no', 'Innspill OGP 4B i mange deler')}Content-Type: multipart/mixed; boundary=p\r\n\r\n--p\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${BODY}` +
      Array.from({ length: 5000 }, (_, i) => `--p\r\nContent-Type: text/plain; name="del-${i}.txt"\r\nContent-Disposition: attachment; filename="del-${i}.txt"\r\n\r\ndel ${i}\r\n`).join('') +
      '--p--\r\n',
  );
  inputs['1mb-header'] = Buffer.from(`${HEAD('hdr@ks.no', 'Innspill OGP 4B', `X-Long: ${'a'.repeat(1024 * 1024)}\r\n`)}Content-Type: text/plain; charset=utf-8\r\n\r\n${BODY}`);
  inputs['shared-id-1'] = Buffer.from(`${HEAD('same@ks.no', 'Innspill OGP 4B fra KS')}Content-Type: text/plain; charset=utf-8\r\n\r\n${BODY}`);
  inputs['shared-id-2'] = Buffer.from(`${HEAD('same@ks.no', 'Helt annet innspill OGP 4B')}Content-Type: text/plain; charset=utf-8\r\n\r\nVi har også innspill om kunstig intelligens i handlingsplan 4B.\r\n`);
  const noId = Buffer.from(`${HEAD('', 'Innspill OGP 4B uten Message-ID')}Content-Type: text/plain; charset=utf-8\r\n\r\n${BODY}`);
  inputs['no-id-a'] = noId;
  inputs['no-id-b'] = noId;
  inputs['slow-pdf'] = withAttachment('slow@ks.no', 'Innspill OGP 4B, langt dokument', 'langt.pdf', 'application/pdf', await bigPdf(400));
  for (const f of readdirSync(fixturesDir).filter((n) => n.startsWith('hostile-'))) inputs[f] = fixture(f);

  config = testConfig({ INNSPILL_EXTRACT_TIMEOUT_SECONDS: '1', INNSPILL_WORKERS: '2' });
  mkdirSync(join(config.maildir, 'new'), { recursive: true });
  Object.entries(inputs).forEach(([name, raw], i) => writeFileSync(join(config.maildir, 'new', `${1_620_000_000 + i}.M${i}.${name}`), raw));
  await onePass(config);
  filed = records(config);
  left = readdirSync(join(config.maildir, 'new'));
}, 600_000); // a hang guard: 150 s were seen at a load average of 10 on two cores

const byName = (name: string) => {
  const n = Object.keys(inputs).indexOf(name);
  return filed.find((r) => r.source.kind === 'maildir' && r.source.file.endsWith(`.M${n}.${name}`));
};

describe('bad input', () => {
  it('files or leaves alone every item: nothing is lost', () => {
    const total = Object.keys(inputs).length;
    // Two byte-identical messages are one submission; everything else is filed, or still in the
    // mailbox (unreadable ones are both: filed raw for a person, and not moved).
    const filedNames = filed.map((r) => (r.source.kind === 'maildir' ? r.source.file.split('/')[1]! : ''));
    expect(new Set([...filedNames, ...left]).size).toBe(total - 1);
    expect(filed.filter((r) => !r.readable).every((r) => left.includes(filedNames[filed.indexOf(r)]!))).toBe(true);
    for (const r of filed) expect(r.problems.every((p) => typeof p === 'string' && p.length > 5)).toBe(true);
  });

  it('keeps a 30 MB attachment unread, says it is too large, and the receipt says so too', async () => {
    const r = byName('30mb')!;
    expect(r.attachments[0]!.problem).toMatch(/for stort \(30 MB; grensen er 25 MB\)/);
    const receipt = await composeReceipt(r, projectRules(), 'postmottak@kmd.dep.no', '<t@kmd.dep.no>', new Date());
    expect(receipt.raw.toString()).toContain('for stort');
  });

  it('stops reading a document that takes too long, and says so', () => {
    expect(byName('slow-pdf')!.attachments[0]!.problem).toMatch(/tok for lang tid/);
  });

  it('reads a message with 5,000 parts and one with a 1 MB header line', () => {
    expect(byName('5000-parts')!.attachments.length).toBeGreaterThan(100);
    expect(byName('1mb-header')!.commitments.map((c) => c.id)).toContain('einnsyn');
  });

  it('files two different messages that share a Message-ID, and says so', () => {
    const second = byName('shared-id-2')!;
    expect(byName('shared-id-1')).toBeDefined();
    expect(second.problems.join(' ')).toMatch(/Message-ID <same@ks\.no> er også brukt av/);
    expect(second.sharesMessageIdWith).toHaveLength(1);
  });

  it('files a message without Message-ID once even when it comes twice', () => {
    expect(filed.filter((r) => r.subject === 'Innspill OGP 4B uten Message-ID')).toHaveLength(1);
  });

  it('stops a zip bomb before unpacking it, and files a 1,000-level nesting raw', () => {
    const bomb = filed.find((r) => r.attachments.some((a) => a.problem?.includes('zip-bombe')));
    expect(bomb).toBeDefined();
    expect(left.some((n) => n.endsWith('hostile-nested-multipart-1000.eml')) || filed.some((r) => r.source.kind === 'maildir' && r.source.file.endsWith('hostile-nested-multipart-1000.eml'))).toBe(true);
  });
});
