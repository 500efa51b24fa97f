// A worker reads one small PDF before it says it is ready. pdf.js loads its own
// worker code on the first PDF (about 2 MB of JavaScript; from the sources through tsx, 300 MB of
// resident memory at once): loaded here, that is part of the worker's size when ready, not growth
// counted against the first real document, and not time taken from that document's limit.
import { extractPdf } from '../intake/extract/pdf.js';

/** A one-page PDF with one line of text in a standard font, built here (no file to ship). */
export function warmUpPdf(): Buffer {
  const text = 'BT /F1 12 Tf 10 20 Td (Innspill) Tj ET';
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 50]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${text.length}>>stream\n${text}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj${body}endobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Reads the built-in PDF once and gives back its text ("Innspill"; a failure shows on the first real PDF). */
export async function warmUp(): Promise<string> {
  return (await extractPdf(warmUpPdf()).catch(() => ({ text: '' }))).text;
}
