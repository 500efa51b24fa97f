// What an attachment really is, found from its bytes; the declared type and the file name are
// only used where the bytes cannot tell (plain text versus HTML).
import { readZipDirectory, storedEntryText, type ZipEntry } from './zip.js';

export type DocumentKind =
  | 'empty'
  | 'pdf'
  | 'docx'
  | 'docm'
  | 'xlsx'
  | 'pptx'
  | 'odf'
  | 'zip'
  | 'doc'
  | 'xls'
  | 'ppt'
  | 'ole-encrypted'
  | 'ole'
  | 'rtf'
  | 'tnef'
  | 'image'
  | 'html'
  | 'text'
  | 'mail'
  | 'unknown';

export interface Sniffed {
  kind: DocumentKind;
  /** ODF subtype (text, spreadsheet, presentation) when kind is odf. */
  odfType?: string;
  zipEntries?: ZipEntry[];
}

function utf16Contains(buf: Buffer, text: string): boolean {
  return buf.includes(Buffer.from(text, 'utf16le'));
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function looksLikeText(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0)) return false;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control <= sample.length * 0.01;
}

function sniffZip(buf: Buffer): Sniffed {
  const entries = readZipDirectory(buf);
  if (!entries) return { kind: 'zip' };
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) {
    return { kind: names.has('word/vbaProject.bin') ? 'docm' : 'docx', zipEntries: entries };
  }
  if (names.has('xl/workbook.xml')) return { kind: 'xlsx', zipEntries: entries };
  if (names.has('ppt/presentation.xml')) return { kind: 'pptx', zipEntries: entries };
  if (names.has('content.xml') || names.has('mimetype')) {
    const mime = storedEntryText(buf, 'mimetype') ?? '';
    const odfType = /opendocument\.(\w+)/.exec(mime)?.[1] ?? 'text';
    return { kind: 'odf', odfType, zipEntries: entries };
  }
  // A word-processing zip whose main part is misnamed still counts as DOCX if it has the content types.
  if ([...names].some((n) => n.startsWith('word/'))) return { kind: 'docx', zipEntries: entries };
  return { kind: 'zip', zipEntries: entries };
}

export function sniffDocument(buf: Buffer, declaredType: string, filename: string): Sniffed {
  if (buf.length === 0) return { kind: 'empty' };
  const head = buf.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return sniffZip(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (utf16Contains(buf, 'EncryptedPackage') || utf16Contains(buf, 'EncryptionInfo')) return { kind: 'ole-encrypted' };
    if (utf16Contains(buf, 'WordDocument')) return { kind: 'doc' };
    if (utf16Contains(buf, 'Workbook') || utf16Contains(buf, 'Book')) return { kind: 'xls' };
    if (utf16Contains(buf, 'PowerPoint Document')) return { kind: 'ppt' };
    return { kind: 'ole' };
  }
  if (head.startsWith('{\\rtf')) return { kind: 'rtf' };
  if (startsWith(buf, [0x78, 0x9f, 0x3e, 0x22])) return { kind: 'tnef' };
  if (
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buf, [0xff, 0xd8, 0xff]) ||
    head.startsWith('GIF8') ||
    head.startsWith('II*\u0000') ||
    head.startsWith('MM\u0000*') ||
    (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') ||
    /^....ftyp(heic|heix|mif1|avif)/s.test(head) ||
    (head.startsWith('BM') && !looksLikeText(buf))
  ) {
    return { kind: 'image' };
  }
  if (looksLikeText(buf)) {
    const start = head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart().slice(0, 300).toLowerCase();
    if (/^(received|return-path|from|message-id|mime-version|delivered-to):/m.test(start) && declaredType.startsWith('message/')) {
      return { kind: 'mail' };
    }
    if (start.startsWith('<!doctype html') || start.startsWith('<html') || declaredType === 'text/html' || /\.html?$/i.test(filename)) {
      return { kind: 'html' };
    }
    return { kind: 'text' };
  }
  return { kind: 'unknown' };
}

/** A document format an attachment claims by its declared type or its file name. */
export type ClaimedFormat = 'pdf' | 'docx' | 'odf' | 'doc';

const CLAIMS: Array<{ format: ClaimedFormat; types: RegExp; names: RegExp }> = [
  { format: 'pdf', types: /^application\/(x-)?pdf$/, names: /\.pdf$/i },
  { format: 'docx', types: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\./, names: /\.docx$/i },
  { format: 'odf', types: /^application\/vnd\.oasis\.opendocument\./, names: /\.od[tsp]$/i },
  { format: 'doc', types: /^application\/(msword|vnd\.ms-word)$/, names: /\.doc$/i },
];

/** The format the attachment says it is (declared type first, then the name), if it names one. */
export function claimedFormat(declaredType: string, filename: string): ClaimedFormat | null {
  const type = declaredType.toLowerCase().split(';')[0]!.trim();
  return CLAIMS.find((c) => c.types.test(type))?.format ?? CLAIMS.find((c) => c.names.test(filename.trim()))?.format ?? null;
}

/**
 * Bytes that are no document format at all (text, HTML, unknown), or for an office claim a bare
 * zip: such an attachment is not what it claims. Bytes of another real document format (a DOCX
 * named .pdf) are read as what they are.
 */
export function notWhatItClaims(claim: ClaimedFormat | null, kind: DocumentKind): boolean {
  if (claim === null) return false;
  return kind === 'text' || kind === 'html' || kind === 'unknown' || kind === 'mail' || (kind === 'zip' && claim !== 'pdf');
}
