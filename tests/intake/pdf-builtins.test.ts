// Reading a PDF leaves the process's built-ins as Node made them: pdf.js's legacy build replaces
// Array.prototype.push with a slower polyfill on V8, and the extraction worker runs intake in the
// same process after the first PDF (src/intake/extract/pdf.ts puts the built-in back). And it
// does not load the native drawing library pdf.js asks for in Node (text needs no drawing).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Taken before anything here loads pdf.js (the extractor is imported below, not at the top).
const builtInPush = Array.prototype.push;
const dir = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));

describe('PDF reading and the built-ins', () => {
  it('reads a PDF and leaves Array.prototype.push the built-in one, non-enumerable', async () => {
    const { extractPdf } = await import('../../src/intake/extract/pdf.js');
    const r = await extractPdf(readFileSync(`${dir}sample-en.pdf`));
    expect(r.problem).toBeNull();
    expect(r.text.length).toBeGreaterThan(20);
    expect(Array.prototype.push).toBe(builtInPush);
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
    expect(Object.keys(Array.prototype)).toEqual([]);
  });

  it('reads text without mapping the native canvas library (Skia) into the process', async () => {
    const { extractPdf, leaveOutCanvas } = await import('../../src/intake/extract/pdf.js');
    const r = await extractPdf(readFileSync(`${dir}innbygger-einnsyn.pdf`));
    expect(r.problem).toBeNull();
    expect(r.text).toContain('eInnsyn');
    // pdf.js found the package where it looks, and it is the stand-in, not the native one.
    expect(leaveOutCanvas()).toMatch(/@napi-rs[\\/]canvas[\\/]/);
    expect(Object.getPrototypeOf((globalThis as { DOMMatrix?: { prototype: object } }).DOMMatrix!).name).toBe('NotForDrawing');
    if (existsSync('/proc/self/maps')) expect(readFileSync('/proc/self/maps', 'utf8')).not.toMatch(/skia|canvas.*\.node/);
  });

});
