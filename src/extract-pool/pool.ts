// A small pool of extraction worker processes. Each document gets a time limit and a memory
// limit; a worker that exceeds either is killed (SIGKILL) and replaced, and the document gets a
// problem in words instead of text. Workers start on first use, so commands that never read a
// document never pay for one.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractInput, Extractor } from '../intake/extract/index.js';
import type { ExtractLimits, ExtractResult } from '../intake/extract/types.js';
import type { Sniffed } from '../intake/extract/sniff.js';
import type { WorkerReady, WorkerRequest, WorkerResponse } from './protocol.js';

interface Task {
  id: number;
  input: ExtractInput;
  sniffed: Sniffed;
  limits: ExtractLimits;
  resolve: (r: ExtractResult) => void;
}

interface Worker {
  child: ChildProcess;
  /** Its parsers are loaded; time limits start only then. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  watchdog: NodeJS.Timeout | null;
}

const runningFromSource = import.meta.url.endsWith('.ts');
const workerFile = fileURLToPath(new URL(runningFromSource ? './worker.ts' : './worker.js', import.meta.url));
/** From the sources (tests, development) the worker needs tsx, found from here, not from the working folder. */
const sourceLoader = runningFromSource ? [`--import`, import.meta.resolve('tsx')] : [];
/** A worker that dies this many times in a row before it is ready means it cannot start at all. */
const MAX_START_FAILURES = 3;
const PAGE = 4096;

function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * PAGE : null;
  } catch {
    return null;
  }
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

  constructor(size = 2) {
    this.size = Math.max(1, size);
  }

  /** The Extractor to hand to intake(). */
  readonly extractor: Extractor = (input, sniffed, limits) =>
    new Promise<ExtractResult>((resolve) => {
      if (this.closed) {
        resolve({ text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
        return;
      }
      this.queue.push({ id: this.nextId++, input, sniffed, limits, resolve });
      this.pump();
    });

  private spawn(limits: ExtractLimits): Worker {
    const execArgv = [...sourceLoader, `--max-old-space-size=${limits.maxMemoryMb}`];
    const child = fork(workerFile, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const worker: Worker = { child, ready: false, task: null, timer: null, watchdog: null };
    child.on('message', (msg: WorkerResponse | WorkerReady) => {
      if ('ready' in msg) {
        worker.ready = true;
        this.startFailures = 0;
        this.pump();
      } else if (worker.task && msg.id === worker.task.id) {
        this.finish(worker, { text: msg.text, problem: msg.problem, ...(msg.problemCode ? { problemCode: msg.problemCode } : {}) });
      }
    });
    child.on('exit', () => {
      const i = this.workers.indexOf(worker);
      if (i >= 0) this.workers.splice(i, 1);
      if (!worker.ready && !this.closed && ++this.startFailures >= MAX_START_FAILURES) {
        // Not one document could be read this way: say so for each, instead of trying forever.
        for (const t of this.queue.splice(0)) t.resolve({ text: '', problem: 'leseprosessen for vedlegg kunne ikke startes (se loggen); vedlegget er lagret, men ikke lest', problemCode: 'not-read' });
      }
      if (worker.task) {
        this.stopped.crash++;
        this.finish(worker, { text: '', problem: 'vedlegget fikk leseprogrammet til å stoppe (for stort eller for komplisert) og er ikke lest', problemCode: 'too-costly' });
      }
      this.pump();
    });
    child.on('error', () => undefined);
    this.workers.push(worker);
    return worker;
  }

  private finish(worker: Worker, result: ExtractResult): void {
    const task = worker.task;
    if (!task) return;
    worker.task = null;
    if (worker.timer) clearTimeout(worker.timer);
    if (worker.watchdog) clearInterval(worker.watchdog);
    worker.timer = worker.watchdog = null;
    task.resolve(result);
    this.pump();
  }

  private kill(worker: Worker, cause: 'timeout' | 'memory', problem: string): void {
    this.stopped[cause]++;
    const i = this.workers.indexOf(worker);
    if (i >= 0) this.workers.splice(i, 1);
    this.finish(worker, { text: '', problem, problemCode: 'too-costly' });
    worker.child.kill('SIGKILL');
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
      const task = this.queue.shift()!;
      worker.task = task;
      const w = worker;
      w.timer = setTimeout(
        () => this.kill(w, 'timeout', `lesingen tok for lang tid (over ${Math.round(task.limits.timeoutMs / 1000)} s) og ble stoppet`),
        task.limits.timeoutMs,
      );
      w.watchdog = setInterval(() => {
        const rss = residentBytes(w.child.pid);
        if (rss !== null && rss > task.limits.maxMemoryMb * 1024 * 1024 * 1.5) {
          this.kill(w, 'memory', `lesingen brukte for mye minne (over ${task.limits.maxMemoryMb} MB) og ble stoppet`);
        }
      }, 250);
      const req: WorkerRequest = {
        id: task.id,
        bytes: task.input.bytes,
        declaredType: task.input.declaredType,
        filename: task.input.filename,
        charset: task.input.charset,
        sniffed: task.sniffed,
        limits: task.limits,
      };
      w.child.send(req);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve({ text: '', problem: 'lesingen ble avbrutt fordi programmet stoppet', problemCode: 'not-read' });
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
  }
}
