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
      await Promise.all(ready.map((s) => s.worker.terminate()));
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

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => {
      s.alive = false;
      s.worker.removeAllListeners('exit');
      return s.worker.terminate();
    }));
  }
}
