// One attachment's bytes → its text, or a plain-words problem. Never throws.
// This is what runs inside the extraction worker process (see src/extract-pool/).
import { claimedFormat, notWhatItClaims, sniffDocument, type ClaimedFormat, type DocumentKind, type Sniffed } from './sniff.js';
import { extractPdf, shortReason } from './pdf.js';
import { extractDocx } from './docx.js';
import { extractOdf } from './odf.js';
import { extractHtml, extractRtf, extractText } from './text.js';
import type { ExtractLimits, ExtractResult } from './types.js';

export type { ExtractLimits, ExtractResult } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export type { DocumentKind } from './sniff.js';

export interface ExtractInput {
  bytes: Buffer;
  declaredType: string;
  filename: string;
  charset?: string | undefined;
}

export interface Extracted extends ExtractResult {
  detectedType: DocumentKind;
}

/** Runs the extractor for an already sniffed document. */
export type Extractor = (input: ExtractInput, sniffed: Sniffed, limits: ExtractLimits) => Promise<ExtractResult>;

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
}

/** An attachment whose bytes are not the format it claims (garbage from a broken encoding, say). */
const CLAIM_PROBLEMS: Record<ClaimedFormat, string> = {
  pdf: 'ikke en gyldig PDF – innholdet er ikke en PDF-fil og kan ikke leses',
  docx: 'ikke et gyldig Word-dokument (DOCX) – innholdet kan ikke leses',
  odf: 'ikke et gyldig OpenDocument-dokument – innholdet kan ikke leses',
  doc: 'ikke et gyldig Word-dokument (.doc) – innholdet kan ikke leses',
};

/** Problems known from the sniffing alone: no need to start a parser for these. */
export function problemBeforeReading(input: ExtractInput, sniffed: Sniffed, limits: ExtractLimits): string | null {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(input.filename)?.[1]?.toLowerCase();
  if (input.bytes.length > limits.maxBytes) {
    return `vedlegget er for stort (${megabytes(input.bytes.length)}; grensen er ${megabytes(limits.maxBytes)}) og er ikke lest`;
  }
  if (sniffed.zipEntries) {
    if (sniffed.zipEntries.some((e) => e.encrypted)) return 'passordbeskyttet fil (kryptert zip) – kan ikke åpnes';
    const unpacked = sniffed.zipEntries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpacked > limits.maxUnpackedBytes) {
      return `vedlegget pakker seg ut til ${megabytes(unpacked)} (grensen er ${megabytes(limits.maxUnpackedBytes)}) og er ikke lest – mulig zip-bombe`;
    }
  }
  const claim = claimedFormat(input.declaredType, input.filename);
  if (sniffed.kind !== 'empty' && notWhatItClaims(claim, sniffed.kind)) return CLAIM_PROBLEMS[claim!];
  switch (sniffed.kind) {
    case 'empty':
      return 'vedlegget er tomt (0 byte)';
    case 'doc':
      return 'eldre Word-format (.doc) kan ikke leses automatisk';
    case 'xls':
      return 'eldre Excel-format (.xls) kan ikke leses automatisk';
    case 'ppt':
      return 'eldre PowerPoint-format (.ppt) kan ikke leses automatisk';
    case 'ole-encrypted':
      return 'passordbeskyttet Office-dokument – kan ikke åpnes uten passord';
    case 'ole':
      return 'Microsoft Office-fil i eldre format – kan ikke leses automatisk';
    case 'tnef':
      return 'Outlook-vedlegg (winmail.dat) som ikke kan leses – innholdet må sendes på nytt som vanlig vedlegg';
    case 'image':
      return 'bilde (foto eller skann) – teksten i bildet kan ikke leses automatisk';
    case 'xlsx':
      return 'Excel-regneark leses ikke automatisk';
    case 'pptx':
      return 'PowerPoint-presentasjon leses ikke automatisk';
    case 'docm':
      return 'Word-dokument med makroer (.docm) åpnes ikke av sikkerhetshensyn';
    case 'zip':
      return 'zip-arkiv – innholdet pakkes ikke ut og leses ikke automatisk';
    case 'mail':
      return null;
    case 'unknown':
      return `ukjent filformat${ext ? ` (.${ext})` : ''} – kan ikke leses`;
    default:
      return null;
  }
}

/** Reads the text of a document of a kind that has text (PDF, DOCX, ODF, RTF, HTML, text). */
export const readDocument: Extractor = async (input, sniffed) => {
  try {
    switch (sniffed.kind) {
      case 'pdf':
        return await extractPdf(input.bytes);
      case 'docx':
        return await extractDocx(input.bytes);
      case 'odf':
        return await extractOdf(input.bytes, sniffed.odfType);
      case 'rtf':
        return extractRtf(input.bytes);
      case 'html':
        return extractHtml(input.bytes, input.charset);
      case 'text':
      case 'mail':
        return extractText(input.bytes, input.charset);
      default:
        return { text: '', problem: 'kan ikke leses' };
    }
  } catch (err) {
    return { text: '', problem: `vedlegget kan ikke leses (${shortReason(err)})` };
  }
};

/** Sniff, check the limits, then read with the given extractor (in-process by default). */
export async function extractDocument(input: ExtractInput, limits: ExtractLimits, extractor: Extractor = readDocument): Promise<Extracted> {
  const sniffed = sniffDocument(input.bytes, input.declaredType, input.filename);
  const early = problemBeforeReading(input, sniffed, limits);
  if (early) return { detectedType: sniffed.kind, text: '', problem: early };
  const result = await extractor(input, sniffed, limits);
  const text = result.text.length > limits.maxTextChars ? result.text.slice(0, limits.maxTextChars) : result.text;
  return { detectedType: sniffed.kind, text, problem: result.problem };
}
