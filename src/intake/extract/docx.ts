// Text of a Word document (DOCX) with mammoth. Loaded on first use: the import alone costs ~130 ms
// and several MB, which the daemon's main process and the CLI never need (documents are read in
// the extraction workers, which load it before they say they are ready).
import { createRequire } from 'node:module';
import type Mammoth from 'mammoth';
import type { ExtractResult } from './types.js';
import { shortReason } from './pdf.js';

const require = createRequire(import.meta.url);
let mammoth: typeof Mammoth | null = null;

export async function extractDocx(bytes: Buffer): Promise<ExtractResult> {
  try {
    mammoth ??= require('mammoth') as typeof Mammoth;
    const result = await mammoth.extractRawText({ buffer: bytes });
    const text = result.value.replace(/\n{3,}/g, '\n\n').trim();
    if (text.length === 0) return { text, problem: 'Word-dokumentet inneholder ingen tekst som kan leses', problemCode: 'no-text' };
    return { text, problem: null };
  } catch (err) {
    const reason = shortReason(err);
    if (/central directory|corrupted zip|end of data/i.test(reason)) return { text: '', problem: 'skadet Word-dokument (DOCX) – kan ikke leses', problemCode: 'damaged' };
    if (/main document part/i.test(reason)) return { text: '', problem: 'filen ser ut som et Word-dokument, men mangler selve dokumentet', problemCode: 'damaged' };
    return { text: '', problem: `Word-dokumentet kan ikke leses (${reason})`, problemCode: 'unreadable' };
  }
}
