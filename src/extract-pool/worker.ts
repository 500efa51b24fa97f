// The extraction worker: a child process that reads one document at a time for the pool, or a
// whole message (parsing, its documents, classification: the pure core) so that both cores do the
// per-message work. It runs in its own process so that a document that makes a parser spin or eat
// memory can be killed without touching the daemon.
import { readFileSync, rmSync } from 'node:fs';
import { readDocument, type Extractor } from '../intake/extract/index.js';
import { intakeMessage } from '../intake/index.js';
import { rulesFromCache } from '../rules/cached.js';
import { programKey } from '../store/classified-with.js';
import { warmUp } from './warm-up.js';
import { loadPdfParse } from '../intake/extract/pdf.js';
import type { Rules } from '../rules/types.js';
import type { Handover, MessageRequest, MessageResponse, WorkerRequest, WorkerResponse, DocumentProgress } from './protocol.js';

function bytesOf(handover: Handover): Buffer {
  // A large one waits in a temporary file the pool wrote (and removes when the answer comes).
  if ('file' in handover) {
    const bytes = readFileSync(handover.file);
    rmSync(handover.file, { force: true }); // not left on disk a moment longer than needed
    return bytes;
  }
  // A Buffer over the received bytes, not a copy of them (a 25 MB attachment would be held twice).
  return Buffer.from(handover.buffer, handover.byteOffset, handover.byteLength);
}

function readOne(req: WorkerRequest): void {
  let bytes: Buffer;
  try {
    bytes = bytesOf(req.bytes);
  } catch {
    process.send!({ id: req.id, text: '', problem: 'vedlegget kunne ikke overleveres til leseprosessen og er ikke lest', problemCode: 'not-read' } satisfies WorkerResponse);
    return;
  }
  void readDocument(
    { bytes, declaredType: req.declaredType, filename: req.filename, charset: req.charset },
    req.sniffed,
    req.limits,
  ).then(
    (result) => process.send!({ id: req.id, ...result } satisfies WorkerResponse),
    (err: unknown) => process.send!({ id: req.id, text: '', problem: `vedlegget kan ikke leses (${String(err).slice(0, 160)})`, problemCode: 'unreadable' } satisfies WorkerResponse),
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
async function readMessage(req: MessageRequest): Promise<MessageResponse> {
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
    process.send!({ kind: 'progress', id: req.id, reading } satisfies DocumentProgress);
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

process.on('message', (req: WorkerRequest | MessageRequest) => {
  if (req.kind !== 'message') return readOne(req);
  void readMessage(req).then(
    (res) => process.send!(res),
    (err: unknown) => process.send!({ kind: 'message', id: req.id, fallback: 'error', detail: String(err).slice(0, 300) } satisfies MessageResponse),
  );
});
process.on('disconnect', () => process.exit(0));

// Load the parsers before saying ready, so a document's time limit measures reading, not start-up,
// and read one small PDF (warm-up.ts): pdf.js loads the rest of its code on the first one.
await Promise.all([loadPdfParse(), import('mammoth'), import('jszip')]);
await warmUp();
process.send!({ ready: true });
