// The attachment readers over the standalone documents in fixtures/documents: what is in the
// bytes decides (not the name or the declared type), text comes out of PDF, DOCX and ODT, and
// everything unreadable gets a reason in words.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEFAULT_LIMITS, extractDocument } from '../../src/intake/extract/index.js';
import { odfXmlToText } from '../../src/intake/extract/odf.js';
import { extractRtf, decodeText } from '../../src/intake/extract/text.js';

const dir = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
const docs = parse(readFileSync(`${dir}labels.yaml`, 'utf8')) as Array<{ file: string; readable: boolean; problem?: string; contains?: string[] }>;

describe('attachment readers', () => {
  it.each(docs.map((d) => [d.file, d] as const))('%s', async (_name, doc) => {
    // Declared as octet-stream with a neutral name: the bytes alone must tell.
    const r = await extractDocument({ bytes: readFileSync(`${dir}${doc.file}`), declaredType: 'application/octet-stream', filename: 'vedlegg' }, DEFAULT_LIMITS);
    if (doc.readable) {
      expect(r.problem, r.problem ?? '').toBeNull();
      const text = r.text.replace(/\s+/g, ' ');
      for (const phrase of doc.contains ?? []) expect(text).toContain(phrase);
    } else {
      expect(r.text.trim()).toBe('');
      expect(r.problem).toMatch(/\S{3,}/);
    }
  });

  it('refuses a zip whose parts claim to unpack beyond the limit before unpacking anything', async () => {
    const r = await extractDocument({ bytes: readFileSync(`${dir}zipbomb.docx`), declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', filename: 'x.docx' }, { ...DEFAULT_LIMITS, maxUnpackedBytes: 10 * 1024 * 1024 });
    expect(r.problem).toMatch(/pakker seg ut til .* mulig zip-bombe/);
  });

  it('keeps an attachment over the size limit unread, saying how large it was', async () => {
    const r = await extractDocument({ bytes: Buffer.alloc(3 * 1024 * 1024, 'a'), declaredType: 'text/plain', filename: 'a.txt' }, { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 });
    expect(r.problem).toBe('vedlegget er for stort (3 MB; grensen er 1 MB) og er ikke lest');
  });

  it('reads ODF paragraphs, headings, spaces and tabs, and leaves out annotations', () => {
    const xml = '<office:document-content><office:body><office:text><text:h>Innspill</text:h><text:p>Åpne<text:s text:c="2"/>kulturdata<text:tab/>nå</text:p><office:annotation><text:p>intern kommentar</text:p></office:annotation><text:p>A &amp; B</text:p></office:text></office:body></office:document-content>';
    expect(odfXmlToText(xml)).toBe('Innspill\nÅpne  kulturdata\tnå\nA & B');
  });

  it('reads RTF text and its windows-1252 letters, without fonts and colours', () => {
    const rtf = Buffer.from("{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0;}\\f0 Innspill om \\'e6\\'f8\\'e5\\par Ny linje\\u8211?slutt}", 'latin1');
    expect(extractRtf(rtf).text).toBe('Innspill om æøå\nNy linje–slutt');
  });

  it('decodes text by BOM, then UTF-8, then the declared charset, then windows-1252', () => {
    expect(decodeText(Buffer.from('høring', 'utf8'))).toBe('høring');
    expect(decodeText(Buffer.from('h\xf8ring \x96', 'latin1'))).toBe('høring –');
    expect(decodeText(Buffer.from('h\xf8ring', 'latin1'), 'iso-8859-1')).toBe('høring');
  });
});
