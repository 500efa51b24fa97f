// Reclassify's workers: classifying a record again is CPU work (parsing the original, the term
// search, routing, relevance) that one thread does at 10–30 ms a record, so over a whole store it
// runs in worker threads on every core while the main thread reads and writes the records. Each
// worker loads the rules from their folder itself and is used only when it holds the very rule
// data the caller has (the same data key); anything a worker cannot do is done in the caller's
// thread instead, so a record is never left unclassified because a worker failed.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Rules } from '../rules/types.js';
import type { classifyAgain } from './classify-again.js';
import type { SubmissionRecord } from './record.js';

export type Classified = Awaited<ReturnType<typeof classifyAgain>>;

export interface PoolStart {
  dataDir: string;
  rulesDir: string;
}
export interface PoolJob {
  n: number;
  record: SubmissionRecord;
  threads: Array<[string, string | null]>;
  now: string;
  /** First look whether a change of terms leaves the record as it is (rule-change.ts: the caller found it a candidate). */
  check: boolean;
}
/** Sent to a worker when its work is done: it closes its port and its thread ends on its own. */
export interface PoolStop {
  stop: true;
}
export type PoolAnswer =
  | { kind: 'ready'; dataKey: string | null }
  | { kind: 'done'; n: number; result: Classified }
  | { kind: 'untouched'; n: number }
  | { kind: 'failed'; n: number; error: string };

/** A worker's answer: the record classified again, or untouched (none of the changed terms in its texts). */
export type PoolResult = Classified | 'untouched';

/** Below this many records to classify, starting workers costs more than it saves. */
export const POOL_MIN_RECORDS = 200;

/** Workers by default: one per core, at most four. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const runningFromSource = import.meta.url.endsWith('.ts');

/** From the sources (tests, development) a worker thread registers tsx itself before loading the worker module. */
function workerEntry(): URL {
  const file = new URL(runningFromSource ? './reclassify-worker.ts' : './reclassify-worker.js', import.meta.url);
  if (!runningFromSource) return file;
  const boot = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(file.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

interface Slot {
  worker: Worker;
  busy: Map<number, { resolve: (c: PoolResult) => void; reject: (e: Error) => void }>;
  alive: boolean;
}

export class ClassifyPool {
  private next = 0;
  /** Workers started. */
  readonly started: number;
  private constructor(private readonly slots: Slot[]) {
    this.started = slots.length;
  }

  /** Starts `size` workers over the store in `dataDir`; null when none holds `rules`' data (then classify in this thread). */
  static async start(dataDir: string, rules: Rules, size: number): Promise<ClassifyPool | null> {
    if (!rules.dataKey || size < 1) return null;
    const started = await Promise.all(
      Array.from({ length: size }, () =>
        new Promise<Slot | null>((resolve) => {
          const worker = new Worker(workerEntry(), { workerData: { dataDir, rulesDir: rules.dir } satisfies PoolStart });
          const slot: Slot = { worker, busy: new Map(), alive: true };
          const lost = (why: Error) => {
            slot.alive = false;
            for (const job of slot.busy.values()) job.reject(why);
            slot.busy.clear();
            resolve(null);
          };
          worker.once('error', lost);
          worker.once('exit', () => lost(new Error('the classifying worker stopped')));
          worker.on('message', (a: PoolAnswer) => {
            if (a.kind === 'ready') return resolve(a.dataKey === rules.dataKey ? slot : null);
            const job = slot.busy.get(a.n);
            if (a.n === -1) return resolve(null);
            if (!job) return;
            slot.busy.delete(a.n);
            if (a.kind === 'done') job.resolve(a.result);
            else if (a.kind === 'untouched') job.resolve('untouched');
            else job.reject(new Error(a.error));
          });
        }),
      ),
    );
    const ready = started.filter((s): s is Slot => s !== null);
    const unused = started.flatMap((s, i) => (s === null ? [i] : []));
    if (unused.length > 0 || ready.length === 0) {
      // A worker that holds other rule data (the folder changed since the caller loaded it) must not classify.
      await new ClassifyPool(ready).close();
      return null;
    }
    return new ClassifyPool(ready);
  }

  /**
   * The record classified again by the least busy worker, or with `check` 'untouched' when a change
   * of terms leaves it as it is; rejects when the worker failed (do it in this thread then).
   */
  classify(record: SubmissionRecord, threads: Array<[string, string | null]>, now: Date, check = false): Promise<PoolResult> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.reject(new Error('no classifying worker is running'));
    const slot = live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const n = this.next++;
    return new Promise<PoolResult>((resolve, reject) => {
      slot.busy.set(n, { resolve, reject });
      slot.worker.postMessage({ n, record, threads, now: now.toISOString(), check } satisfies PoolJob);
    });
  }

  /** Workers: as many as there are running. */
  get size(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /**
   * Asks each worker to stop and waits for its thread to end of itself: a worker with nothing left
   * to do closes its port, and its thread ends as a thread whose work is done ends. Only one that
   * has not ended after STOP_WAIT_MS is terminated. Terminating is V8 stopping a thread's JavaScript
   * from outside, wherever it is, and tearing threads down that way is where Node's workers have had
   * crashes of their own (nodejs/node#56312: a segfault with workers terminated and started). The
   * one crash seen in reclassify (SIGSEGV, once in 131 runs on 2026-12-06, not reproduced, cause
   * unknown) may or may not have been one; both workers were terminated at once here then. Now
   * they end one after the other, each of itself. Says how many had to be terminated.
   */
  async close(): Promise<{ terminated: number }> {
    let terminated = 0;
    for (const s of this.slots) {
      s.alive = false;
      s.worker.removeAllListeners('exit');
      s.worker.removeAllListeners('error');
      // An error while it stops ends it too; that is all close waits for.
      s.worker.on('error', () => undefined);
      const ended = new Promise<void>((resolve) => s.worker.once('exit', () => resolve()));
      s.worker.postMessage({ stop: true } satisfies PoolStop);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), STOP_WAIT_MS);
      });
      if ((await Promise.race([ended, late])) === 'late') {
        terminated++;
        await s.worker.terminate();
      }
      clearTimeout(timer);
    }
    return { terminated };
  }
}

/** How long close() waits for a worker to end of itself before it terminates it. */
const STOP_WAIT_MS = 10_000;
