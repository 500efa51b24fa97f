// Text of a PDF with pdf-parse (pdf.js). Loaded on first use: the import alone costs ~110 ms.
import { createRequire, Module } from 'node:module';
import type { ExtractResult } from './types.js';

type PdfParseModule = typeof import('pdf-parse');
let loading: Promise<PdfParseModule> | null = null;

/**
 * pdf.js's legacy build (the one pdf-parse loads) carries core-js polyfills in both of its halves,
 * the API loaded with pdf-parse and the worker code loaded on the first document, and on V8 one of
 * them replaces Array.prototype.push for the whole process with a function in JavaScript (a fix for
 * pushing onto an array whose length is read-only, which nothing here does). Every push in the
 * process then went through it: 5–6 % of an extraction worker's CPU in a profile of 1,000 bench
 * messages, pdf.js's own pushes and intake's alike. The built-in push, taken when this module is
 * loaded, is put back after each load and each document; the polyfills that only add what Node
 * lacks stay.
 */
const builtInPush = Array.prototype.push;

/** The drawing classes' stand-ins: no methods, so drawing fails where it starts. */
class NotForDrawing {}

/**
 * pdf.js in Node loads @napi-rs/canvas (Skia, a 31 MB native library) when it is imported, only
 * to stand in for the browser's drawing classes (DOMMatrix, ImageData, Path2D) that drawing a page
 * on a canvas needs. innspill never draws a page: it asks for the text, which pdf.js's parser makes
 * without them. A module of three empty classes is put where pdf.js will look for the package, so
 * the library is never mapped: 22 MB less resident memory in each extraction worker (issue 17).
 * Drawing would fail at once (the classes have no methods); reading text is as before. When the
 * package cannot be found from pdf.js's folder, nothing is done and pdf.js loads it as it did.
 * Returns where the package is (null when it was not found).
 */
export function leaveOutCanvas(): string | null {
  try {
    const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
    const fromPdfJs = createRequire(fromPdfParse.resolve('pdfjs-dist/legacy/build/pdf.mjs'));
    const path = fromPdfJs.resolve('@napi-rs/canvas');
    if (fromPdfJs.cache[path] === undefined) {
      const empty = new Module(path);
      empty.filename = path;
      empty.loaded = true;
      empty.exports = { DOMMatrix: class DOMMatrix extends NotForDrawing {}, ImageData: class ImageData extends NotForDrawing {}, Path2D: class Path2D extends NotForDrawing {} };
      fromPdfJs.cache[path] = empty;
    }
    return path;
  } catch {
    return null;
  }
}

/** pdf-parse, loaded once. */
export function loadPdfParse(): Promise<PdfParseModule> {
  if (loading === null) {
    leaveOutCanvas();
    loading = import('pdf-parse').then((module) => {
      restoreBuiltIn(Array.prototype, 'push', builtInPush);
      return module;
    });
  }
  return loading;
}

/** `target[key]` back to `builtIn` when something replaced it (kept non-enumerable, as built-ins are). */
export function restoreBuiltIn<T extends object, K extends keyof T>(target: T, key: K, builtIn: T[K]): void {
  if (target[key] === builtIn) return;
  Object.defineProperty(target, key, { value: builtIn, writable: true, enumerable: false, configurable: true });
}

/** Fewer visible characters than this in the whole document: pages of pictures, not text. */
const MIN_TEXT_CHARS = 20;

export async function extractPdf(bytes: Buffer): Promise<ExtractResult> {
  const { PDFParse, PasswordException, InvalidPDFException } = await loadPdfParse();
  // pdf.js takes ownership of the array it is given; hand it a copy so the caller's bytes stay intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    const text = result.pages.map((p) => p.text).join('\n\n').trim();
    if (text.replace(/\s+/g, '').length < MIN_TEXT_CHARS) {
      return { text, problem: 'PDF uten tekst som kan leses (sidene kan være skannede bilder, eller skriften kan ikke tolkes) – teksten kan ikke leses automatisk', problemCode: 'scanned-pdf' };
    }
    return { text, problem: null };
  } catch (err) {
    if (err instanceof PasswordException) return { text: '', problem: 'passordbeskyttet PDF – kan ikke åpnes uten passord', problemCode: 'encrypted' };
    if (err instanceof InvalidPDFException) return { text: '', problem: 'skadet eller ufullstendig PDF – kan ikke leses', problemCode: 'damaged' };
    return { text: '', problem: `PDF-en kan ikke leses (${shortReason(err)})`, problemCode: 'unreadable' };
  } finally {
    await parser.destroy().catch(() => undefined);
    restoreBuiltIn(Array.prototype, 'push', builtInPush);
  }
}

export function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 160);
}
