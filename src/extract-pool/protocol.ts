import type { ExtractLimits } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { AttachmentProblemCode } from '../intake/problems.js';

export interface WorkerRequest {
  id: number;
  /**
   * The document, or (for a large one) the path of a private temporary file holding it: sending
   * 25 MB over the channel made a copy in each process on top of the bytes themselves.
   */
  bytes: Uint8Array | { file: string };
  declaredType: string;
  filename: string;
  charset: string | undefined;
  sniffed: Sniffed;
  limits: ExtractLimits;
}

export interface WorkerResponse {
  id: number;
  text: string;
  problem: string | null;
  problemCode?: AttachmentProblemCode;
}

/** Sent once by a worker when its parsers are loaded. */
export interface WorkerReady {
  ready: true;
}
