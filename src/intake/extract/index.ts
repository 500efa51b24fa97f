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
  /**
   * The bytes' sha256, given when the bytes are not at hand (a message read from its stored parse,
   * src/intake/known-message.ts: `bytes` is then empty). Only an extractor that answers from texts
   * stored by hash is ever given such an input.
   */
  sha256?: string;
}

/**
 * What the checks before reading need of a sniffed document: its kind and, for a zip, whether an
 * entry is encrypted and what it unpacks to. Kept with a stored parse in place of the bytes.
 */
export interface SniffSummary {
  kind: DocumentKind;
  odfType?: string;
  zip?: { encrypted: boolean; unpacked: number };
}

export function summariseSniff(sniffed: Sniffed): SniffSummary {
  const entries = sniffed.zipEntries;
  return {
    kind: sniffed.kind,
    ...(sniffed.odfType !== undefined ? { odfType: sniffed.odfType } : {}),
    ...(entries ? { zip: { encrypted: entries.some((e) => e.encrypted), unpacked: entries.reduce((sum, e) => sum + e.uncompressedSize, 0) } } : {}),
  };
}

/** A document as the checks before reading see it: what it claims to be, its size, what its bytes are. */
export interface DocumentFacts {
  declaredType: string;
  filename: string;
  size: number;
  sniff: SniffSummary;
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
export function problemBeforeReading(input: DocumentFacts, limits: ExtractLimits): Early | null {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(input.filename)?.[1]?.toLowerCase();
  const sniffed = input.sniff;
  if (input.size > limits.maxBytes) {
    return early('too-large', `vedlegget er for stort (${megabytes(input.size)}; grensen er ${megabytes(limits.maxBytes)}) og er ikke lest`);
  }
  if (sniffed.zip) {
    if (sniffed.zip.encrypted) return early('encrypted', 'passordbeskyttet fil (kryptert zip) – kan ikke åpnes');
    const unpacked = sniffed.zip.unpacked;
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
  const facts = { declaredType: input.declaredType, filename: input.filename, size: input.bytes.length, sniff: summariseSniff(sniffed) };
  return readChecked(input, facts, sniffed, limits, extractor);
}

/**
 * A document known by its facts and hash, its bytes not at hand (a part of a stored parse): the same
 * checks before reading as for the bytes, then the extractor, which answers by the hash.
 */
export async function extractKnown(input: DocumentFacts & { charset?: string | undefined; sha256: string }, limits: ExtractLimits, extractor: Extractor): Promise<Extracted> {
  const byHash: ExtractInput = { bytes: Buffer.alloc(0), declaredType: input.declaredType, filename: input.filename, charset: input.charset, sha256: input.sha256 };
  const sniffed: Sniffed = { kind: input.sniff.kind, ...(input.sniff.odfType !== undefined ? { odfType: input.sniff.odfType } : {}) };
  return readChecked(byHash, input, sniffed, limits, extractor);
}

async function readChecked(input: ExtractInput, facts: DocumentFacts, sniffed: Sniffed, limits: ExtractLimits, extractor: Extractor): Promise<Extracted> {
  const before = problemBeforeReading(facts, limits);
  if (before) return { detectedType: sniffed.kind, text: '', problem: before.text, problemCode: before.code };
  const result = await extractor(input, sniffed, limits);
  const text = result.text.length > limits.maxTextChars ? result.text.slice(0, limits.maxTextChars) : result.text;
  return { detectedType: sniffed.kind, text, problem: result.problem, ...(result.problem !== null ? { problemCode: result.problemCode ?? 'unreadable' } : {}) };
}
