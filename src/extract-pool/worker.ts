// The extraction worker: a child process that reads one document at a time for the pool.
// It runs in its own process so that a document that makes a parser spin or eat memory can be
// killed without touching the daemon.
import { readFileSync, rmSync } from 'node:fs';
import { readDocument } from '../intake/extract/index.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

function bytesOf(req: WorkerRequest): Buffer {
  // A large document waits in a temporary file the pool wrote (and removes when the answer comes).
  if ('file' in req.bytes) {
    const bytes = readFileSync(req.bytes.file);
    rmSync(req.bytes.file, { force: true }); // not left on disk a moment longer than needed
    return bytes;
  }
  // A Buffer over the received bytes, not a copy of them (a 25 MB attachment would be held twice).
  return Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
}

process.on('message', (req: WorkerRequest) => {
  let bytes: Buffer;
  try {
    bytes = bytesOf(req);
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
});
process.on('disconnect', () => process.exit(0));

// Load the parsers before saying ready, so a document's time limit measures reading, not start-up.
await Promise.all([import('pdf-parse'), import('mammoth'), import('jszip')]);
process.send!({ ready: true });
