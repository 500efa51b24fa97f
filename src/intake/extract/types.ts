import type { AttachmentProblemCode } from '../problems.js';

export interface ExtractResult {
  text: string;
  /** null when text was read; otherwise why not, in a short Norwegian sentence. */
  problem: string | null;
  /** Why not, as a stable code (see intake/problems.ts); 'unreadable' when a reader gives none. */
  problemCode?: AttachmentProblemCode;
}

export interface ExtractLimits {
  /** Larger attachments are not read at all. */
  maxBytes: number;
  /** Zip-based documents (DOCX, ODT) that claim to unpack to more than this are not read. */
  maxUnpackedBytes: number;
  /** Text beyond this many characters is cut off. */
  maxTextChars: number;
  /** Time for one document (enforced where extraction runs in a separate process). */
  timeoutMs: number;
  /** Memory for the process reading one document (same). */
  maxMemoryMb: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxTextChars: 2_000_000,
  timeoutMs: 30_000,
  maxMemoryMb: 768,
};
