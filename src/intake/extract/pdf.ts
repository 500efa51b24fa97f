// Text of a PDF with pdf-parse (pdf.js). Loaded on first use: the import alone costs ~110 ms.
import type { ExtractResult } from './types.js';

type PdfParseModule = typeof import('pdf-parse');
let loading: Promise<PdfParseModule> | null = null;

/** Fewer visible characters than this in the whole document: pages of pictures, not text. */
const MIN_TEXT_CHARS = 20;

export async function extractPdf(bytes: Buffer): Promise<ExtractResult> {
  loading ??= import('pdf-parse');
  const { PDFParse, PasswordException, InvalidPDFException } = await loading;
  // pdf.js takes ownership of the array it is given; hand it a copy so the caller's bytes stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    const text = result.pages.map((p) => p.text).join('\n\n').trim();
    if (text.replace(/\s+/g, '').length < MIN_TEXT_CHARS) {
      return { text, problem: 'skannet PDF uten tekst (bare bilder av sidene) – teksten kan ikke leses automatisk', problemCode: 'scanned-pdf' };
    }
    return { text, problem: null };
  } catch (err) {
    if (err instanceof PasswordException) return { text: '', problem: 'passordbeskyttet PDF – kan ikke åpnes uten passord', problemCode: 'encrypted' };
    if (err instanceof InvalidPDFException) return { text: '', problem: 'skadet eller ufullstendig PDF – kan ikke leses', problemCode: 'damaged' };
    return { text: '', problem: `PDF-en kan ikke leses (${shortReason(err)})`, problemCode: 'unreadable' };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

export function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 160);
}
