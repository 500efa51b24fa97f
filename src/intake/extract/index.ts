// One attachment's bytes → its text, or a plain-words problem. Never throws.
// This is what runs inside an extraction worker, a worker thread of the daemon (see src/extract-pool/).
import { claimedFormat, notWhatItClaims, sniffDocument, type ClaimedFormat, type DocumentKind, type Sniffed } from './sniff.js';
import { extractPdf, shortReason } from './pdf.js';
import { extractDocx } from './docx.js';
import { extractOdf } from './odf.js';
import { extractHtml, extractRtf, extractText } from './text.js';
import type { ExtractLimits, ExtractResult } from './types.js';
import type { AttachmentProblemCode } from '../problems.js';
import { megabytes } from '../../text/size.js';

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

/** An attachment whose bytes are not the format it claims (garbage from a broken encoding, say). */
const CLAIM_PROBLEMS: Record<ClaimedFormat, string> = {
  pdf: 'ikke en gyldig PDF – innholdet er ikke en PDF-fil og kan ikke leses',
  docx: 'ikke et gyldig Word-dokument (DOCX) – innholdet kan ikke leses',
  odf: 'ikke et gyldig OpenDocument-dokument – innholdet kan ikke leses',
  doc: 'ikke et gyldig Word-dokument (.doc) – innholdet kan ikke leses',
};

interface Early {
  text: string;
  code: AttachmentProblemCode;
}
const early = (code: AttachmentProblemCode, text: string): Early => ({ code, text });

/** Problems known from the sniffing alone: no need to start a parser for these. */
export function problemBeforeReading(input: ExtractInput, sniffed: Sniffed, limits: ExtractLimits): Early | null {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(input.filename)?.[1]?.toLowerCase();
  if (input.bytes.length > limits.maxBytes) {
    return early('too-large', `vedlegget er for stort (${megabytes(input.bytes.length)}; grensen er ${megabytes(limits.maxBytes)}) og er ikke lest`);
  }
  if (sniffed.zipEntries) {
    if (sniffed.zipEntries.some((e) => e.encrypted)) return early('encrypted', 'passordbeskyttet fil (kryptert zip) – kan ikke åpnes');
    const unpacked = sniffed.zipEntries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (unpacked > limits.maxUnpackedBytes) {
      return early('zip-bomb', `vedlegget pakker seg ut til ${megabytes(unpacked)} (grensen er ${megabytes(limits.maxUnpackedBytes)}) og er ikke lest – mulig zip-bombe`);
    }
  }
  const claim = claimedFormat(input.declaredType, input.filename);
  if (sniffed.kind !== 'empty' && notWhatItClaims(claim, sniffed.kind)) return early('damaged', CLAIM_PROBLEMS[claim!]);
  switch (sniffed.kind) {
    case 'empty':
      return early('empty', 'vedlegget er tomt (0 byte)');
    case 'doc':
      return early('old-office-format', 'eldre Word-format (.doc) kan ikke leses automatisk');
    case 'xls':
      return early('old-office-format', 'eldre Excel-format (.xls) kan ikke leses automatisk');
    case 'ppt':
      return early('old-office-format', 'eldre PowerPoint-format (.ppt) kan ikke leses automatisk');
    case 'ole-encrypted':
      return early('encrypted', 'passordbeskyttet Office-dokument – kan ikke åpnes uten passord');
    case 'ole':
      return early('old-office-format', 'Microsoft Office-fil i eldre format – kan ikke leses automatisk');
    case 'tnef':
      return early('winmail', 'Outlook-vedlegg (winmail.dat) som ikke kan leses – innholdet må sendes på nytt som vanlig vedlegg');
    case 'image':
      return early('image', 'bilde (foto eller skann) – teksten i bildet kan ikke leses automatisk');
    case 'xlsx':
      return early('spreadsheet', 'Excel-regneark leses ikke automatisk');
    case 'pptx':
      return early('presentation', 'PowerPoint-presentasjon leses ikke automatisk');
    case 'docm':
      return early('macros', 'Word-dokument med makroer (.docm) åpnes ikke av sikkerhetshensyn');
    case 'zip':
      return early('zip', 'zip-arkiv – innholdet pakkes ikke ut og leses ikke automatisk');
    case 'mail':
      return null;
    case 'unknown':
      return early('unknown-format', `ukjent filformat${ext ? ` (.${ext})` : ''} – kan ikke leses`);
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
        return { text: '', problem: 'kan ikke leses', problemCode: 'unreadable' };
    }
  } catch (err) {
    return { text: '', problem: `vedlegget kan ikke leses (${shortReason(err)})`, problemCode: 'unreadable' };
  }
};

/** Sniff, check the limits, then read with the given extractor (in-process by default). */
export async function extractDocument(input: ExtractInput, limits: ExtractLimits, extractor: Extractor = readDocument): Promise<Extracted> {
  const sniffed = sniffDocument(input.bytes, input.declaredType, input.filename);
  const before = problemBeforeReading(input, sniffed, limits);
  if (before) return { detectedType: sniffed.kind, text: '', problem: before.text, problemCode: before.code };
  const result = await extractor(input, sniffed, limits);
  const text = result.text.length > limits.maxTextChars ? result.text.slice(0, limits.maxTextChars) : result.text;
  return { detectedType: sniffed.kind, text, problem: result.problem, ...(result.problem !== null ? { problemCode: result.problemCode ?? 'unreadable' } : {}) };
}
