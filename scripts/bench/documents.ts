// Attachment documents for the generated mailbox: PDF, DOCX and ODT variants built with the same
// builders as the fixtures (scripts/fixtures/replies/docs.ts: pdfkit, docx, jszip), with text that
// varies from message to message, and one large PDF for the memory test.
import PDFDocument from 'pdfkit';
import { deflateSync } from 'node:zlib';
import { makeDocx, makeOdt, makePdf, type Block, type DocSpec } from '../fixtures/replies/docs.ts';
import { noiseBytes, type Rng } from './prng.ts';

export type DocKind = 'pdf' | 'docx' | 'odt';

/** Sentences to build document text from: those of one source document, and a shared pool. */
export interface TextBank {
  /** the source document's own sentences (keeps its topic) */
  own: string[];
  /** sentences from every reply attachment and the invitation letter */
  shared: string[];
  title: string;
  author: string;
}

/** Splits extracted document text into sentences worth reusing. */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-ZÆØÅ«"])/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 25 && s.length <= 600);
}

/** A document of 1 to ~5 pages: headings, paragraphs and the odd bullet list, mostly on its source's topic. */
export function documentSpec(bank: TextBank, r: Rng, serial: number): DocSpec {
  const sentence = () => (bank.own.length > 0 && r.next() < 0.6 ? r.pick(bank.own) : r.pick(bank.shared));
  const paragraphs = r.int(3, 36);
  const blocks: Block[] = [
    { right: `Oslo, ${r.int(1, 28)}. ${r.pick(['april', 'mai'])} 2021` },
    { right: `Vår ref. 21/${1000 + (serial % 9000)}-${r.int(1, 9)}` },
    { h: bank.title },
  ];
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && p % 7 === 0) blocks.push({ h2: sentence().split(' ').slice(0, r.int(3, 7)).join(' ') });
    if (r.next() < 0.08) blocks.push({ li: Array.from({ length: r.int(2, 5) }, sentence) });
    else blocks.push({ p: Array.from({ length: r.int(2, 5) }, sentence).join(' ') });
  }
  blocks.push({ p: 'Med vennlig hilsen' }, { p: bank.author }, { small: `Dokument ${serial}` });
  return { title: bank.title, author: bank.author, created: new Date(Date.UTC(2021, 3, 12 + (serial % 30), 8, serial % 60)).toISOString(), blocks };
}

export async function makeDocument(kind: DocKind, spec: DocSpec): Promise<Buffer> {
  switch (kind) {
    case 'pdf':
      return makePdf(spec);
    case 'docx':
      return makeDocx(spec);
    case 'odt':
      return makeOdt(spec);
  }
}

/**
 * A PDF of about `bytes` bytes: one page of text and a full-page greyscale "scan" whose pixels do not
 * compress (a stored, not deflated, PNG that pdfkit embeds as it is). Its text is still readable.
 */
export async function makeLargePdf(bytes: number, text: string[]): Promise<Buffer> {
  // PNG rows are width+1 bytes (filter byte); aim the image at the size asked for, less the page.
  const width = 4000;
  const height = Math.max(1, Math.floor((bytes - 12_000) / (width + 1)));
  const rows = Buffer.allocUnsafe((width + 1) * height);
  const noise = noiseBytes(4242, width * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0;
    noise.copy(rows, y * (width + 1) + 1, y * width, (y + 1) * width);
  }
  const png = pngGray(width, height, deflateSync(rows, { level: 0 }));
  const doc = new PDFDocument({ size: 'A4', margin: 64, compress: true, info: { Title: 'Innspill med skannet vedlegg', Author: 'Benchmark' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(11);
  for (const p of text) doc.text(p).moveDown(0.6);
  doc.addPage();
  doc.image(png, 0, 0, { width: 595.28, height: 841.89 });
  doc.end();
  return done;
}

function pngGray(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
