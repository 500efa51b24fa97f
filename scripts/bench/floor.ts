// The bare extraction floor: the same messages through mailparser and the attachment extractors
// (src/intake/extract) on both cores — two child processes, each with every other message — and
// nothing else: no IMAP, no classification, no store, no receipts. The clock starts when both
// workers have loaded their modules and warmed up, and stops when the last one is done.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FloorReply, FloorRequest } from './floor-worker.ts';

const workerFile = fileURLToPath(new URL('./floor-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface FloorResult {
  ms: number;
  messages: number;
  attachments: number;
  attachmentsWithText: number;
  parseErrors: number;
  perSecond: number;
}

function next(child: ChildProcess, type: FloorReply['type']): Promise<FloorReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FloorReply) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`floor worker exited (${code}) before "${type}"`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function extractionFloor(files: string[], warmup: string[], workers = 2): Promise<FloorResult> {
  const children = Array.from({ length: workers }, () =>
    fork(workerFile, [], { cwd: root, execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    const ready = children.map((c) => next(c, 'ready'));
    children.forEach((c, k) => c.send({ type: 'load', files: files.filter((_, i) => i % workers === k), warmup } satisfies FloorRequest));
    await Promise.all(ready);
    const done = children.map((c) => next(c, 'done'));
    const t0 = performance.now();
    for (const c of children) c.send({ type: 'go' } satisfies FloorRequest);
    const results = (await Promise.all(done)) as Array<Extract<FloorReply, { type: 'done' }>>;
    const ms = performance.now() - t0;
    const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((s, r) => s + f(r), 0);
    return {
      ms,
      messages: sum((r) => r.messages),
      attachments: sum((r) => r.attachments),
      attachmentsWithText: sum((r) => r.withText),
      parseErrors: sum((r) => r.parseErrors),
      perSecond: files.length / (ms / 1000),
    };
  } finally {
    for (const c of children) c.kill('SIGKILL');
  }
}
