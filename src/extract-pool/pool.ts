// A small pool of extraction workers: worker threads of this process (node:worker_threads), each
// with its own V8 isolate. Each document gets a time limit and a memory limit; a worker that
// exceeds either is terminated and replaced, and the document gets a problem in words instead of
// text. A thread isolates JavaScript: a parser that spins is stopped by terminate(), one that
// fills its heap hits the thread's own heap limit (resourceLimits) and only that thread ends. It
// does not isolate native code: a crash in C++ would end the daemon with it, where a child process
// ended alone. The parsers (pdf.js, mammoth, jszip, mailparser) are JavaScript, and the store's
// guarantees under kill -9 and restart (tests/faults) do not depend on what stopped the process.
// Threads because two Node processes carry the binary, ICU and libraries twice: idle with the
// daemon's modules and one ready worker, 126 MB in one process against 86 + 84 MB in two (issue
// 17). Workers start on first use, so commands that never read a document never pay for one.
import { Worker as Thread } from 'node:worker_threads';
import type { ExtractInput, Extractor } from '../intake/extract/index.js';
import type { ExtractLimits, ExtractResult } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { IntakeResult } from '../intake/index.js';
import { threadCpuMs } from './thread-cpu.js';
import { ownCopy, type DocumentProgress, type Handover, type MessageFallback, type MessageRequest, type MessageResponse, type WorkerReady, type WorkerRequest, type WorkerResponse, type WorkerStop } from './protocol.js';

interface Task {
  id: number;
  /** A document (input, sniffed) or a whole message (message). */
  input?: ExtractInput;
  sniffed?: Sniffed;
  message?: Omit<MessageRequest, 'id' | 'raw' | 'kind'> & { raw: Buffer };
  limits: ExtractLimits;
  /** A document's text, or a message's result; a message that could not be read here gets a fallback. */
  resolve: (r: ExtractResult | MessageAnswer) => void;
}

/** What the pool gives back for a message: intake's result, or why the daemon must read it itself. */
export type MessageAnswer = { result: IntakeResult; unasked: string[] } | { fallback: MessageFallback; detail?: string };

/** What a message's reading needs besides its bytes. */
export type MessageTask = Omit<MessageRequest, 'id' | 'raw' | 'kind'>;

interface Worker {
  thread: Thread;
  /** Its parsers are loaded; time limits start only then. */
  ready: boolean;
  /** It has exited (its 'exit' event came). */
  exited: boolean;
  /** Its kernel thread id (from its ready message), for its CPU time; null where /proc is missing. */
  tid: number | null;
  /** Its isolate's size when it said it was ready (parsers loaded and warmed up): what growth is counted from. */
  readyHeap: number;
  /** Its isolate's size as it last reported it (with each answer). */
  heap: number;
  /** V8's heap limit as the worker reported it (what resourceLimits came to). */
  heapLimit: number;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  watchdog: NodeJS.Timeout | null;
  /** This process's resident bytes when the task was handed out: what the memory watchdog counts from. */
  taskRss: number;
  /** Its CPU time when last looked at (ms). */
  lastCpuMs: number;
}

const runningFromSource = import.meta.url.endsWith('.ts');

/**
 * The worker's entry. From the sources (tests, development) the thread must register tsx before it
 * imports worker.ts: a data: URL that does so and then imports it (as src/store/reclassify-pool.ts).
 */
function workerEntry(): URL {
  const file = new URL(runningFromSource ? './worker.ts' : './worker.js', import.meta.url);
  if (!runningFromSource) return file;
  const boot = `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}); register(); await import(${JSON.stringify(file.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/** A worker that dies this many times in a row before it is ready means it cannot start at all. */
const MAX_START_FAILURES = 3;
const MB = 1024 * 1024;
/**
 * A worker whose isolate (V8's heap plus its external memory, as the worker reports it) has grown
 * by more than this since it was ready is retired after its document and a fresh one starts when
 * needed: what a large or odd document made its heap grow to is given back at once instead of
 * staying for the daemon's lifetime. Ready (parsers loaded, warmed up) a built worker's isolate is
 * 47 MB, and the 15 documents of fixtures/documents moved it by less than 1 MB (2026-12-07). The
 * same mark as when it was counted in the worker process's resident memory, which held more.
 */
export const RETIRE_GROWTH_BYTES = 100 * MB;

/**
 * The young generation of a worker's heap in MB. A worker's short-lived garbage is one message's
 * parts and texts at a time, so a smaller nursery than V8's default costs little: as a process,
 * over 2,000 bench messages (scripts/bench/daemon-memory.ts, two alternating pairs) the worker's
 * peak fell from 179/181 MB to 167/159 MB with --max-semi-space-size=8, and the run's CPU time
 * moved by less than the runs' own spread (issue 17). V8 makes the young generation three
 * semi-spaces (two, and the new large-object space as large as one): a thread given 24 MB has a
 * 16 MB new space and, with 768 MB of old generation, a heap_size_limit of 830,472,192 bytes,
 * the same as a process started with --max-semi-space-size=8 --max-old-space-size=768 (measured
 * with Node 20.20.2, 2026-12-07).
 */
const WORKER_YOUNG_GENERATION_MB = 3 * 8;

// glibc's MALLOC_ARENA_MAX was set to 2 for the worker process (its peak 149 against 156 MB over
// 2,000 bench messages). It applies to a whole process, read when it starts: a thread cannot have
// its own, and the daemon's is what the operator gives it (deploy/innspill.service does not set it).

export class ExtractorPool {
  private readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  /** How many documents were stopped, by cause (for logs and the benchmark). */
  readonly stopped = { timeout: 0, memory: 0, crash: 0 };
  /** Messages read whole in a worker (readMessage answered with intake's result). */
  messagesRead = 0;
  /** Workers retired after a document left them large (see RETIRE_GROWTH_BYTES). */
  retired = 0;
  /** Workers told to stop (retired) that have not exited yet: close() terminates them. */
  private readonly retiring = new Set<Worker>();

  private readonly retireGrowthBytes: number;

  constructor(size = 2, options: { retireGrowthBytes?: number } = {}) {
    this.size = Math.max(1, size);
    this.retireGrowthBytes = options.retireGrowthBytes ?? RETIRE_GROWTH_BYTES;
  }

  /** The Extractor to hand to intake(). */
  readonly extractor: Extractor = (input, sniffed, limits) =>
    new Promise<ExtractResult>((resolve) => {
      if (this.closed) {
        resolve({ text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
        return;
      }
      this.queue.push({ id: this.nextId++, input, sniffed, limits, resolve: resolve as Task['resolve'] });
      this.pump();
    });

  /**
   * A whole message through intake in a worker (parsing, documents, classification), so that both
   * cores do the per-message work. A fallback answer (other rules in the worker, a worker that
   * stopped or was stopped, the pool closing) means the caller reads it itself, as before.
   */
  readMessage(raw: Buffer, task: MessageTask): Promise<MessageAnswer> {
    return new Promise<MessageAnswer>((resolve) => {
      if (this.closed) return resolve({ fallback: 'stopped' });
      this.queue.push({ id: this.nextId++, message: { ...task, raw }, limits: task.limits, resolve: resolve as Task['resolve'] });
      this.pump();
    });
  }

  /** CPU time of workers that have exited (ms). */
  private exitedCpuMs = 0;

  /** CPU time the workers used so far, each on average (ms): the daemon reads a message itself when its own is less. */
  get cpuMsPerWorker(): number {
    let sum = this.exitedCpuMs;
    for (const w of this.workers) sum += this.cpuOf(w);
    return sum / this.size;
  }

  /** A worker's CPU time so far (its thread's, from /proc); as last seen when it cannot be read. */
  private cpuOf(w: Worker): number {
    return (w.lastCpuMs = threadCpuMs(w.tid) ?? w.lastCpuMs);
  }

  /** V8's heap limit each ready worker reported (bytes): what its resource limits came to (for the tests). */
  get workerHeapLimits(): number[] {
    return this.workers.filter((w) => w.ready).map((w) => w.heapLimit);
  }

  /** The kernel thread ids of the ready workers (for the tests); null where /proc is missing. */
  get workerThreadIds(): Array<number | null> {
    return this.workers.filter((w) => w.ready).map((w) => w.tid);
  }

  /** Tasks waiting for a worker (not yet handed to one). */
  get waiting(): number {
    return this.queue.length;
  }

  /** How many workers the pool runs at most. */
  get capacity(): number {
    return this.size;
  }

  private spawn(limits: ExtractLimits): Worker {
    const thread = new Thread(workerEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      // What a parser prints goes nowhere, as the worker process's stdout and stderr did: not into
      // the daemon's log, nor into the output of `inspect --json` or the eval.
      stdout: true,
      stderr: true,
    });
    thread.stdout.resume();
    thread.stderr.resume();
    const worker: Worker = { thread, ready: false, exited: false, tid: null, readyHeap: 0, heap: 0, heapLimit: 0, task: null, timer: null, watchdog: null, taskRss: 0, lastCpuMs: 0 };
    thread.on('message', (msg: WorkerResponse | WorkerReady | MessageResponse | DocumentProgress) => {
      if ('kind' in msg && msg.kind === 'progress') {
        if (worker.task?.id === msg.id) this.documentTimer(worker, msg.reading > 0);
      } else if ('kind' in msg && msg.kind === 'message') {
        if (worker.task?.id !== msg.id) return;
        worker.heap = msg.heapBytes;
        if ('result' in msg) this.messagesRead++;
        this.finish(worker, 'result' in msg ? { result: withBuffers(msg.result), unasked: msg.unasked } : { fallback: msg.fallback, ...(msg.detail ? { detail: msg.detail } : {}) });
      } else if ('ready' in msg) {
        worker.ready = true;
        worker.tid = msg.tid;
        worker.readyHeap = worker.heap = msg.heapBytes;
        worker.heapLimit = msg.heapLimitBytes;
        this.startFailures = 0;
        this.pump();
      } else if (worker.task && msg.id === worker.task.id) {
        worker.heap = msg.heapBytes;
        this.finish(worker, { text: msg.text, problem: msg.problem, ...(msg.problemCode ? { problemCode: msg.problemCode } : {}) });
      }
    });
    thread.on('exit', () => {
      worker.exited = true;
      this.retiring.delete(worker);
      this.exitedCpuMs += worker.lastCpuMs;
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      if (!worker.ready && !this.closed && ++this.startFailures >= MAX_START_FAILURES) {
        // Not one document could be read this way: say so for each, instead of trying forever.
        for (const t of this.queue.splice(0)) t.resolve(t.message ? { fallback: 'stopped' } : { text: '', problem: 'leseprosessen for vedlegg kunne ikke startes (se loggen); vedlegget er lagret, men ikke lest', problemCode: 'not-read' });
      }
      if (worker.task) {
        // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or an error nothing caught in the worker.
        // A message is read again by the daemon, its documents one by one: the one that stopped the worker is counted there.
        if (!worker.task.message) this.stopped.crash++;
        this.finish(worker, { text: '', problem: 'vedlegget fikk leseprogrammet til å stoppe (for stort eller for komplisert) og er ikke lest', problemCode: 'too-costly' });
      }
      this.pump();
    });
    // A worker's error (its heap limit reached, an exception nothing caught) comes before its
    // 'exit', which handles it; without a listener it would be thrown in the daemon.
    thread.on('error', () => undefined);
    this.workers.push(worker);
    return worker;
  }

  /** A message's time limit runs only while one of its documents is read (parsing and classifying are not limited, as in the daemon). */
  private documentTimer(worker: Worker, reading: boolean): void {
    const task = worker.task;
    if (!task) return;
    if (!reading) {
      if (worker.timer) clearTimeout(worker.timer);
      worker.timer = null;
    } else if (!worker.timer) {
      worker.timer = setTimeout(
        () => this.kill(worker, 'timeout', `lesingen tok for lang tid (over ${Math.round(task.limits.timeoutMs / 1000)} s) og ble stoppet`),
        task.limits.timeoutMs,
      );
    }
  }

  /** Ends a worker's task: a document's result (or problem) as it is; for a message, a problem means the daemon reads it. */
  private finish(worker: Worker, outcome: ExtractResult | MessageAnswer): void {
    const task = worker.task;
    const result: ExtractResult | MessageAnswer = task?.message && 'text' in outcome ? { fallback: 'stopped', detail: outcome.problem ?? '' } : outcome;
    if (!task) return;
    worker.task = null;
    if (worker.timer) clearTimeout(worker.timer);
    if (worker.watchdog) clearInterval(worker.watchdog);
    worker.timer = worker.watchdog = null;
    if (this.workers.includes(worker) && !worker.exited && this.leftLarge(worker)) this.retire(worker);
    task.resolve(result);
    this.pump();
  }

  /**
   * Whether a document left the worker large: its isolate grown by more than the mark since it was
   * ready, as the worker reported it with its answer (a thread's resident memory cannot be told
   * apart from the daemon's). The worker reads a small PDF before it says ready (warm-up.ts), so
   * what pdf.js loads on its first document is not counted as growth (it was: every worker was
   * retired after its first PDF).
   */
  private leftLarge(worker: Worker): boolean {
    return worker.heap > worker.readyHeap + this.retireGrowthBytes;
  }

  /** Tells a worker to end (it exits on the message); the next document starts a fresh one. */
  private retire(worker: Worker): void {
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.retired++;
    this.cpuOf(worker); // its last CPU time, counted when it exits (its thread's /proc entry goes with it)
    this.retiring.add(worker);
    worker.thread.postMessage({ kind: 'stop' } satisfies WorkerStop);
    // One that does not go within a few seconds is made to.
    setTimeout(() => worker.exited || void worker.thread.terminate(), 5000).unref();
  }

  /** The bytes as they go to the worker: a copy of their own, transferred (protocol.ts ownCopy). */
  private handover(task: Task): Handover {
    return ownCopy(task.message?.raw ?? task.input!.bytes);
  }

  /**
   * Ends a worker's task with a problem and terminates it. terminate() stops JavaScript at once; a
   * thread inside one long native call (a zlib inflate, say) ends when that call returns, while the
   * document already has its problem and the task its answer.
   */
  private kill(worker: Worker, cause: 'timeout' | 'memory', problem: string): void {
    if (!worker.task?.message) this.stopped[cause]++;
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.cpuOf(worker);
    this.finish(worker, { text: '', problem, problemCode: 'too-costly' });
    void worker.thread.terminate();
  }

  /**
   * The next task for a free worker: a document before a whole message. A document belongs to a
   * message the daemon is reading itself, which has done its part and waits; a whole message
   * waiting costs nobody anything by starting a moment later. (First come, first served left the
   * daemon waiting behind whole messages: 40 % of its time idle in a profile of 1,000 messages.)
   */
  private nextTask(): Task {
    const document = this.queue.findIndex((t) => !t.message);
    return document > 0 ? this.queue.splice(document, 1)[0]! : this.queue.shift()!;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.workers.find((w) => w.ready && w.task === null && !w.exited);
      if (!worker) {
        // Start another worker if there is room; the task goes out when one says it is ready.
        const starting = this.workers.filter((w) => !w.ready).length;
        if (this.workers.length < this.size && starting < this.queue.length) this.spawn(this.queue[0]!.limits);
        return;
      }
      const task = this.nextTask();
      worker.task = task;
      const w = worker;
      // A document's time limit runs from now; a message's while one of its documents is read.
      if (!task.message) this.documentTimer(w, true);
      // The heap is capped per worker (resourceLimits), but not what lives outside it (Buffers,
      // ArrayBuffers, native allocations), and a thread's resident memory cannot be read apart
      // from the process's. So the watchdog is coarser than a worker process's own RSS was: when
      // this whole process has grown by more than 1.5 × the limit since the task was handed out,
      // the busy worker(s) whose tasks began before that growth are stopped. The daemon's own work
      // is counted in that growth too; reading a message with a 25 MB attachment grows it by
      // about 75 MB (README, 269 against 195 MB), far below 1.5 × 768 MB.
      w.taskRss = process.memoryUsage.rss();
      w.watchdog = setInterval(() => {
        if (process.memoryUsage.rss() - w.taskRss > task.limits.maxMemoryMb * MB * 1.5) {
          this.kill(w, 'memory', `lesingen brukte for mye minne (over ${task.limits.maxMemoryMb} MB) og ble stoppet`);
        }
      }, 250);
      const bytes = this.handover(task);
      if (task.message) {
        const { raw: _raw, ...rest } = task.message;
        w.thread.postMessage({ kind: 'message', id: task.id, raw: bytes, ...rest } satisfies MessageRequest, [bytes.buffer as ArrayBuffer]);
        continue;
      }
      const req: WorkerRequest = {
        id: task.id,
        bytes,
        declaredType: task.input!.declaredType,
        filename: task.input!.filename,
        charset: task.input!.charset,
        sniffed: task.sniffed!,
        limits: task.limits,
      };
      w.thread.postMessage(req, [bytes.buffer as ArrayBuffer]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve(t.message ? { fallback: 'stopped' } : { text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
    const retiring = [...this.retiring];
    this.retiring.clear();
    await Promise.all(
      [...this.workers.splice(0), ...retiring].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.task) this.finish(w, { text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
            if (w.exited) return resolve();
            w.thread.once('exit', () => resolve());
            void w.thread.terminate();
          }),
      ),
    );
  }
}

/** A message's parts as Buffers: postMessage gives typed arrays back as plain Uint8Arrays. */
function withBuffers(result: IntakeResult): IntakeResult {
  return { ...result, parts: result.parts.map((p: Uint8Array) => (Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))) };
}
