import type { ExtractLimits } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { AttachmentProblemCode } from '../intake/problems.js';
import type { IntakeResult } from '../intake/index.js';

/** Bytes as they go to a worker: a copy of their own (ownCopy), transferred with the message. */
export type Handover = Uint8Array;

/**
 * The bytes copied into an ArrayBuffer of their own, to be transferred with a message (postMessage
 * moves it to the other thread without a second copy, and the sender keeps its Buffer). Never
 * transfer or clone a Buffer as it is: transferring takes its backing store from its owner, and
 * structured clone copies the whole store of a view (Node's shared 8 KB pool for a small Buffer,
 * the whole message for a part).
 */
export function ownCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const own = new Uint8Array(bytes.byteLength);
  own.set(bytes);
  return own;
}

/** One document to read (the daemon parses and classifies the message itself). */
export interface WorkerRequest {
  kind?: 'document';
  id: number;
  /** The document's bytes, transferred (see Handover). */
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
  /** The worker's heap after the document (see WorkerReady.heapBytes). */
  heapBytes: number;
}

/** Why a message came back unread: the daemon then reads it itself, as before. */
export type MessageFallback = 'rules' | 'program' | 'error' | 'stopped';

/** What reading a message in the worker came to: intake's result, or why the daemon must read it. */
export type MessageOutcome =
  | { kind: 'message'; id: number; result: IntakeResult; /** Message-IDs intake asked about that were not in `asked`. */ unasked: string[] }
  | { kind: 'message'; id: number; fallback: MessageFallback; detail?: string };

export type MessageResponse = MessageOutcome & { /** The worker's heap after the message (see WorkerReady.heapBytes). */ heapBytes: number };

/** While a message's document is read its time limit runs (start), and stops with the last one (end). */
export interface DocumentProgress {
  kind: 'progress';
  id: number;
  reading: number;
}

/** Sent once by a worker when its parsers are loaded. */
export interface WorkerReady {
  ready: true;
  /**
   * The worker thread's id in the kernel (from /proc/thread-self), so the pool can read its CPU
   * time in /proc/<pid>/task/<tid>/stat; null where /proc is missing.
   */
  tid: number | null;
  /**
   * Its isolate's size: V8's heap as committed (total_heap_size) plus the memory V8 is told lives
   * outside it (external_memory: Buffers and ArrayBuffers). A thread's resident memory cannot be
   * read apart from its process's, so a document that left a worker large is judged by this.
   */
  heapBytes: number;
  /** V8's heap_size_limit in the worker: what its resource limits came to (for the tests). */
  heapLimitBytes: number;
}

/** Tells a worker to end (it is retired); it exits once the message arrives. */
export interface WorkerStop {
  kind: 'stop';
}
