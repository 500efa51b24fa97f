// The extraction worker: a worker thread of the daemon (node:worker_threads) that reads one
// document at a time for the pool, or a whole message (parsing, its documents, classification: the
// pure core) so that both cores do the per-message work. It has its own V8 isolate, heap and event
// loop: a document that makes a parser spin is stopped by terminating the thread (the pool's time
// limit), and one that fills the heap meets the thread's own heap limit (resourceLimits), both
// without stopping the daemon. What a thread does not isolate is native code: a crash in C++ (a
// segfault, an abort in a native module) would take the whole process down, where a child process
// took only itself. The parsers here (pdf.js, mammoth, jszip, mailparser) are JavaScript, so that
// is a crash in Node or V8 themselves; and the daemon's store is written to survive kill -9 at any
// moment, a restart finding it as it was (tests/faults), which holds whatever stops the process.
// A thread instead of a process because each Node process carries its own binary, ICU and
// libraries: with the daemon's modules loaded and one ready worker, 126 MB in one process against
// 86 + 84 MB in two (issue 17).
import { readlinkSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { readDocument, type Extractor } from '../intake/extract/index.js';
import { intakeMessage, type IntakeResult } from '../intake/index.js';
import { rulesFromCache } from '../rules/cached.js';
import { programKey } from '../store/classified-with.js';
import { warmUp } from './warm-up.js';
import { loadPdfParse } from '../intake/extract/pdf.js';
import type { Rules } from '../rules/types.js';
import { ownCopy, type Handover, type MessageOutcome, type MessageRequest, type MessageResponse, type WorkerReady, type WorkerRequest, type WorkerResponse, type WorkerStop, type DocumentProgress } from './protocol.js';

if (!parentPort) throw new Error('the extraction worker runs as a worker thread of the extraction pool (src/extract-pool/pool.ts)');
const port = parentPort;

/** This isolate's size (see WorkerReady.heapBytes). */
function heapBytes(): number {
  const h = getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

/** This thread's id in the kernel ("<pid>/task/<tid>"), or null where /proc is missing. */
function threadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** A Buffer over the transferred bytes, not a copy of them (a 25 MB attachment would be held twice). */
function bytesOf(handover: Handover): Buffer {
  return Buffer.from(handover.buffer, handover.byteOffset, handover.byteLength);
}

function readOne(req: WorkerRequest): void {
  const answer = (r: Omit<WorkerResponse, 'id' | 'heapBytes'>) => port.postMessage({ id: req.id, ...r, heapBytes: heapBytes() } satisfies WorkerResponse);
  void readDocument(
    { bytes: bytesOf(req.bytes), declaredType: req.declaredType, filename: req.filename, charset: req.charset },
    req.sniffed,
    req.limits,
  ).then(
    (result) => answer(result),
    (err: unknown) => answer({ text: '', problem: `vedlegget kan ikke leses (${String(err).slice(0, 160)})`, problemCode: 'unreadable' }),
  );
}

/** The program this worker runs, as it was on disk when it started (its modules are loaded by then). */
const program = programKey();

/** The rules last loaded, kept while the daemon's data key stays the same. */
let rules: Rules | null = null;

/** Data keys the rules folder did not give: not loaded again for each message (the daemon reads those itself). */
const notFound = new Set<string>();

/**
 * The daemon's rules, from the cache of checked rule data when they are there (the daemon's own
 * loading wrote it): the checks (zod, the YAML reader, Mustache) are loaded here only on a miss.
 * Not loaded, the worker's peak over 2,000 bench messages was 157/157 MB against 164/163 MB
 * (scripts/bench/daemon-memory.ts, two alternating pairs; issue 17).
 */
async function rulesFor(req: MessageRequest): Promise<Rules | null> {
  if (rules?.dataKey === req.dataKey) return rules;
  if (notFound.has(req.dataKey)) return null;
  try {
    rules = rulesFromCache(req.rulesDir) ?? (await import('../rules/load.js')).loadRules(req.rulesDir);
  } catch {
    rules = null;
  }
  if (rules?.dataKey === req.dataKey) return rules;
  notFound.add(req.dataKey);
  return null;
}

/** Messages one after another: the pool gives a worker one task at a time. */
async function readMessage(req: MessageRequest): Promise<MessageOutcome> {
  if (req.programKey !== program) return { kind: 'message', id: req.id, fallback: 'program' };
  const r = await rulesFor(req);
  if (!r) return { kind: 'message', id: req.id, fallback: 'rules' };
  const raw = bytesOf(req.raw);
  const known = new Map(req.threads);
  const asked = new Set(req.asked);
  const unasked = new Set<string>();
  const note = (id: string) => {
    if (!asked.has(id)) unasked.add(id);
  };
  let reading = 0;
  const progress = (delta: number) => {
    reading += delta;
    port.postMessage({ kind: 'progress', id: req.id, reading } satisfies DocumentProgress);
  };
  // Documents are read here, each under the pool's time limit while it is read (see pool.ts).
  const extractor: Extractor = async (input, sniffed, limits) => {
    progress(1);
    try {
      return await readDocument(input, sniffed, limits);
    } finally {
      progress(-1);
    }
  };
  const result = await intakeMessage(raw, r, {
    extractor,
    limits: req.limits,
    mailboxDate: req.mailboxDate,
    knownThreadIds: {
      has: (id) => (note(id), known.has(id)),
      consultationOf: (id) => (note(id), known.get(id) ?? null),
    },
  });
  return { kind: 'message', id: req.id, result, unasked: [...unasked] };
}

/**
 * The message's parts, each copied into an ArrayBuffer of its own and transferred (ownCopy): a part
 * is a view into the whole message, and cloned as it is each would carry the message back with it.
 */
function post(answer: MessageOutcome): void {
  if (!('result' in answer)) return port.postMessage({ ...answer, heapBytes: heapBytes() } satisfies MessageResponse);
  const parts = answer.result.parts.map(ownCopy);
  const result = { ...answer.result, parts: parts as unknown as Buffer[] } satisfies IntakeResult;
  port.postMessage({ ...answer, result, heapBytes: heapBytes() } satisfies MessageResponse, parts.map((p) => p.buffer));
}

port.on('message', (req: WorkerRequest | MessageRequest | WorkerStop) => {
  if (req.kind === 'stop') process.exit(0); // in a worker thread this ends the thread, not the daemon
  if (req.kind !== 'message') return readOne(req);
  void readMessage(req).then(
    (res) => post(res),
    (err: unknown) => post({ kind: 'message', id: req.id, fallback: 'error', detail: String(err).slice(0, 300) }),
  );
});

// Load the parsers before saying ready, so a document's time limit measures reading, not start-up,
// and read one small PDF (warm-up.ts): pdf.js loads the rest of its code on the first one.
await Promise.all([loadPdfParse(), import('mammoth'), import('jszip')]);
await warmUp();
port.postMessage({ ready: true, tid: threadId(), heapBytes: heapBytes(), heapLimitBytes: getHeapStatistics().heap_size_limit } satisfies WorkerReady);
