// Text of an OpenDocument file (ODT, also ODS/ODP): a zip whose content.xml holds the text.
// ODF is the mandated editable format in Norwegian public administration. jszip is loaded on first
// use (as mammoth in docx.ts): only the extraction workers read documents.
import { createRequire } from 'node:module';
import type JSZipType from 'jszip';
import type { ExtractResult } from './types.js';
import { shortReason } from './pdf.js';

const require = createRequire(import.meta.url);
let JSZip: typeof JSZipType | null = null;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? '';
  });
}

/** content.xml → text: paragraphs and headings on their own lines, ODF's space and tab elements kept. */
export function odfXmlToText(xml: string): string {
  const body = xml.replace(/^[\s\S]*?<office:body[^>]*>/, '').replace(/<office:annotation\b[\s\S]*?<\/office:annotation>/g, '');
  const text = body
    .replace(/<text:s\b[^>]*?text:c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Math.min(Number(n), 100)))
    .replace(/<text:s\b[^>]*\/>/g, ' ')
    .replace(/<text:tab\b[^>]*\/>/g, '\t')
    .replace(/<text:line-break\b[^>]*\/>/g, '\n')
    .replace(/<\/(text:p|text:h|table:table-cell|text:list-item)>/g, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMES: Record<string, string> = { text: 'ODT-dokumentet', spreadsheet: 'regnearket (ODS)', presentation: 'presentasjonen (ODP)' };

export async function extractOdf(bytes: Buffer, odfType = 'text'): Promise<ExtractResult> {
  const what = NAMES[odfType] ?? 'OpenDocument-filen';
  try {
    JSZip ??= require('jszip') as typeof JSZipType;
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    const manifest = await zip.file('META-INF/manifest.xml')?.async('string');
    if (manifest?.includes('encryption-data')) return { text: '', problem: `passordbeskyttet ${what.replace(/-dokumentet$/, '-dokument')} – kan ikke åpnes uten passord`, problemCode: 'encrypted' };
    const content = zip.file('content.xml');
    if (!content) return { text: '', problem: `${what} mangler innhold (content.xml) – kan ikke leses`, problemCode: 'damaged' };
    const text = odfXmlToText(await content.async('string'));
    if (text.length === 0) return { text, problem: `${what} inneholder ingen tekst`, problemCode: 'no-text' };
    return { text, problem: null };
  } catch (err) {
    return { text: '', problem: `skadet OpenDocument-fil – kan ikke leses (${shortReason(err)})`, problemCode: 'damaged' };
  }
}
