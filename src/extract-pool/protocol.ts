import type { ExtractLimits } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { AttachmentProblemCode } from '../intake/problems.js';
import type { IntakeResult } from '../intake/index.js';

/** Bytes as they go to a worker: over the channel, or (large ones) the path of a private temporary file. */
export type Handover = Uint8Array | { file: string };

/** One document to read (the daemon parses and classifies the message itself). */
export interface WorkerRequest {
  kind?: 'document';
  id: number;
  /**
   * The document, or (for a large one) the path of a private temporary file holding it: sending
   * 25 MB over the channel made a copy in each process on top of the bytes themselves.
   */
  bytes: Handover;
  declaredType: string;
  filename: string;
  charset: string | undefined;
  sniffed: Sniffed;
  limits: ExtractLimits;
}

/**
 * A whole message through intake in the worker: parsing, its documents and classification. The
 * worker loads the rules from `rulesDir` and uses them only when their data key is `dataKey` (the
 * daemon's rules); what the store knows of the message's thread comes along (`threads`), for every
 * Message-ID in its header (`asked`).
 */
export interface MessageRequest {
  kind: 'message';
  id: number;
  raw: Handover;
  rulesDir: string;
  dataKey: string;
  /** The daemon's program (classified-with.ts programKey): a worker started from other code (an upgrade while running) does not read messages. */
  programKey: string;
  mailboxDate: Date | null;
  limits: ExtractLimits;
  /** Message-IDs the store knows, with the consultation of the record each belongs to. */
  threads: Array<[string, string | null]>;
  /** Every Message-ID found in the header: the worker says which others intake asked about. */
  asked: string[];
}

export interface WorkerResponse {
  id: number;
  text: string;
  problem: string | null;
  problemCode?: AttachmentProblemCode;
}

/** Why a message came back unread: the daemon then reads it itself, as before. */
export type MessageFallback = 'rules' | 'program' | 'error' | 'stopped';

export type MessageResponse =
  | { kind: 'message'; id: number; result: IntakeResult; /** Message-IDs intake asked about that were not in `asked`. */ unasked: string[] }
  | { kind: 'message'; id: number; fallback: MessageFallback; detail?: string };

/** While a message's document is read its time limit runs (start), and stops with the last one (end). */
export interface DocumentProgress {
  kind: 'progress';
  id: number;
  reading: number;
}

/** Sent once by a worker when its parsers are loaded. */
export interface WorkerReady {
  ready: true;
}
