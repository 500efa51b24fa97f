// A small pool of extraction worker processes. Each document gets a time limit and a memory
// limit; a worker that exceeds either is killed (SIGKILL) and replaced, and the document gets a
// problem in words instead of text. Workers start on first use, so commands that never read a
// document never pay for one.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractInput, Extractor } from '../intake/extract/index.js';
import type { ExtractLimits, ExtractResult } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { IntakeResult } from '../intake/index.js';
import type { Handover } from './protocol.js';
import type { DocumentProgress, MessageFallback, MessageRequest, MessageResponse, WorkerReady, WorkerRequest, WorkerResponse } from './protocol.js';

interface Task {
  id: number;
  /** A document (input, sniffed) or a whole message (message). */
  input?: ExtractInput;
  sniffed?: Sniffed;
  message?: Omit<MessageRequest, 'id' | 'raw' | 'kind'> & { raw: Buffer };
  limits: ExtractLimits;
  /** A document's text, or a message's result; a message that could not be read here gets a fallback. */
  resolve: (r: ExtractResult | MessageAnswer) => void;
  /** The temporary file a large document was handed over in, removed when the task ends. */
  file?: string;
}

/** What the pool gives back for a message: intake's result, or why the daemon must read it itself. */
export type MessageAnswer = { result: IntakeResult; unasked: string[] } | { fallback: MessageFallback; detail?: string };

/** What a message's reading needs besides its bytes. */
export type MessageTask = Omit<MessageRequest, 'id' | 'raw' | 'kind'>;

interface Worker {
  child: ChildProcess;
  /** Its parsers are loaded; time limits start only then. */
  ready: boolean;
  /** Resident bytes when it said it was ready (its parsers loaded and warmed up): what growth is counted from. */
  readyRss: number;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  watchdog: NodeJS.Timeout | null;
  /** Its CPU time when last looked at (ms). */
  lastCpuMs: number;
}

const runningFromSource = import.meta.url.endsWith('.ts');
const workerFile = fileURLToPath(new URL(runningFromSource ? './worker.ts' : './worker.js', import.meta.url));
/** From the sources (tests, development) the worker needs tsx, found from here, not from the working folder. */
const sourceLoader = runningFromSource ? [`--import`, import.meta.resolve('tsx')] : [];
/** A worker that dies this many times in a row before it is ready means it cannot start at all. */
const MAX_START_FAILURES = 3;
const PAGE = 4096;
/** Documents from this size go to the worker through a private temporary file, not the channel. */
export const FILE_HANDOVER_BYTES = 1024 * 1024;
/**
 * A worker that has grown by more than this since it was ready (see leftLarge; ready with its
 * parsers loaded and warmed up it is about 115 MB built, 420 MB from the sources) is retired after its document and a fresh one starts when
 * needed: what a large or odd document made its heap grow to is given back at once instead of
 * staying for the daemon's lifetime.
 */
export const RETIRE_GROWTH_BYTES = 100 * 1024 * 1024;

/** utime + stime of a process in ms (USER_HZ 100), or null when it is gone. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE : null;
  } catch {
    return null;
  }
}

/**
 * The young generation of a worker's heap, in MB per semi-space (V8's default grows it to 16). A
 * worker's short-lived garbage is one message's parts and texts at a time, so a smaller nursery
 * costs little: over 2,000 bench messages (scripts/bench/daemon-memory.ts, two alternating pairs
 * against the default) the worker's peak fell from 179/181 MB to 167/159 MB, and the run's CPU
 * time moved by less than the runs' own spread (issue 17).
 */
const WORKER_SEMI_SPACE_MB = 8;

/**
 * The worker's environment: the daemon's, with glibc's malloc held to two arenas unless the
 * operator chose otherwise. Each thread that allocates (V8's compiler and collector threads,
 * libuv's pool) otherwise gets an arena of its own whose freed pages mostly stay resident. Over
 * 2,000 bench messages the worker's peak was 149.2 / 149.9 MB against 155.9 / 155.8 MB without
 * it, and its CPU 40.2 / 39.1 s against 39.2 / 38.7 s (scripts/bench/daemon-memory.ts, two
 * alternating pairs on a shared machine, load 2.6–6.0; issue 17).
 */
function workerEnv(): NodeJS.ProcessEnv {
  return { ...process.env, MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2' };
}

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
  /** Private folder (0700) for large documents on their way to a worker; made on first need. */
  private handoverDir: string | null = null;

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
    for (const w of this.workers) sum += (w.lastCpuMs = cpuMs(w.child.pid) ?? w.lastCpuMs);
    return sum / this.size;
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
    const execArgv = [...sourceLoader, `--max-old-space-size=${limits.maxMemoryMb}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`];
    const child = fork(workerFile, [], { execArgv, env: workerEnv(), serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const worker: Worker = { child, ready: false, readyRss: 0, task: null, timer: null, watchdog: null, lastCpuMs: 0 };
    child.on('message', (msg: WorkerResponse | WorkerReady | MessageResponse | DocumentProgress) => {
      if ('kind' in msg && msg.kind === 'progress') {
        if (worker.task?.id === msg.id) this.documentTimer(worker, msg.reading > 0);
      } else if ('kind' in msg && msg.kind === 'message') {
        if (worker.task?.id !== msg.id) return;
        if ('result' in msg) this.messagesRead++;
        this.finish(worker, 'result' in msg ? { result: msg.result, unasked: msg.unasked } : { fallback: msg.fallback, ...(msg.detail ? { detail: msg.detail } : {}) });
      } else if ('ready' in msg) {
        worker.ready = true;
        worker.readyRss = residentBytes(child.pid) ?? 0;
        this.startFailures = 0;
        this.pump();
      } else if (worker.task && msg.id === worker.task.id) {
        this.finish(worker, { text: msg.text, problem: msg.problem, ...(msg.problemCode ? { problemCode: msg.problemCode } : {}) });
      }
    });
    child.on('exit', () => {
      this.exitedCpuMs += worker.lastCpuMs;
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      if (!worker.ready && !this.closed && ++this.startFailures >= MAX_START_FAILURES) {
        // Not one document could be read this way: say so for each, instead of trying forever.
        for (const t of this.queue.splice(0)) t.resolve(t.message ? { fallback: 'stopped' } : { text: '', problem: 'leseprosessen for vedlegg kunne ikke startes (se loggen); vedlegget er lagret, men ikke lest', problemCode: 'not-read' });
      }
      if (worker.task) {
        // A message is read again by the daemon, its documents one by one: the one that stopped the worker is counted there.
        if (!worker.task.message) this.stopped.crash++;
        this.finish(worker, { text: '', problem: 'vedlegget fikk leseprogrammet til å stoppe (for stort eller for komplisert) og er ikke lest', problemCode: 'too-costly' });
      }
      this.pump();
    });
    child.on('error', () => undefined);
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
    if (task.file) rmSync(task.file, { force: true });
    if (this.workers.includes(worker) && worker.child.connected && this.leftLarge(worker)) this.retire(worker);
    task.resolve(result);
    this.pump();
  }

  /** The folder large documents are handed over in, or null before the first (for tests). */
  get handoverFolder(): string | null {
    return this.handoverDir;
  }

  /**
   * Whether a document left the worker large: grown by more than the mark since it was ready. The
   * worker reads a small PDF before it says ready (warm-up.ts), so what pdf.js loads on its first
   * document is not counted as growth (it was: every worker was retired after its first PDF).
   */
  private leftLarge(worker: Worker): boolean {
    const rss = residentBytes(worker.child.pid) ?? 0;
    return rss > worker.readyRss + this.retireGrowthBytes;
  }

  /** Lets a worker end (it exits when its channel closes); the next document starts a fresh one. */
  private retire(worker: Worker): void {
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.retired++;
    worker.child.disconnect();
    // One that does not go within a few seconds is made to.
    setTimeout(() => worker.child.exitCode === null && worker.child.signalCode === null && worker.child.kill('SIGKILL'), 5000).unref();
  }

  /** The document as it goes to the worker: its bytes, or a temporary file when it is large. */
  private handover(task: Task): Handover {
    const bytes = task.message?.raw ?? task.input!.bytes;
    if (bytes.byteLength < FILE_HANDOVER_BYTES) return bytes;
    try {
      this.handoverDir ??= mkdtempSync(join(tmpdir(), 'innspill-extract-'));
      const file = join(this.handoverDir, String(task.id));
      writeFileSync(file, bytes, { mode: 0o600, flag: 'wx' });
      task.file = file;
      return { file };
    } catch {
      return bytes; // no room in the temporary folder: over the channel, as small ones go
    }
  }

  private kill(worker: Worker, cause: 'timeout' | 'memory', problem: string): void {
    if (!worker.task?.message) this.stopped[cause]++;
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.finish(worker, { text: '', problem, problemCode: 'too-costly' });
    worker.child.kill('SIGKILL');
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
      const worker = this.workers.find((w) => w.ready && w.task === null && w.child.connected);
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
      w.watchdog = setInterval(() => {
        const rss = residentBytes(w.child.pid);
        if (rss !== null && rss > task.limits.maxMemoryMb * 1024 * 1024 * 1.5) {
          this.kill(w, 'memory', `lesingen brukte for mye minne (over ${task.limits.maxMemoryMb} MB) og ble stoppet`);
        }
      }, 250);
      if (task.message) {
        const { raw, ...rest } = task.message;
        w.child.send({ kind: 'message', id: task.id, raw: this.handover(task), ...rest } satisfies MessageRequest);
        continue;
      }
      const req: WorkerRequest = {
        id: task.id,
        bytes: this.handover(task),
        declaredType: task.input!.declaredType,
        filename: task.input!.filename,
        charset: task.input!.charset,
        sniffed: task.sniffed!,
        limits: task.limits,
      };
      w.child.send(req);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve(t.message ? { fallback: 'stopped' } : { text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
    await Promise.all(
      this.workers.splice(0).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.task) this.finish(w, { text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.child.kill('SIGKILL');
          }),
      ),
    );
    if (this.handoverDir) rmSync(this.handoverDir, { recursive: true, force: true });
    this.handoverDir = null;
  }
}
