import type { ExtractLimits } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { AttachmentProblemCode } from '../intake/problems.js';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
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
