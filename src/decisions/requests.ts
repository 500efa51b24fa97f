// Changes handed to the process that holds the store (the daemon) through the store itself: the
// command line writes state/requests/<name>.request.json; the daemon sees it (a folder watch, and
// every pass of its loop), carries it out and writes <name>.answer.json, which the command line
// waits for, reads and removes. Files are written whole (write, then rename), so a half-written
// request or answer is never read.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ensureDirs, TEMP_MARK, writeFileAtomic } from '../store/atomic.js';
import type { ChangeRequest, OverrideBase } from './types.js';

export type RequestBody =
  | { kind: 'change'; request: ChangeRequest; who: Omit<OverrideBase, 'at'> }
  | { kind: 'reclassify' };

export interface Answer {
  /** The exit status the command line ends with (see the README's table). */
  exitCode: number;
  /** For people (bokmål), printed as it is. */
  text: string;
  /** For --json, when the command has one. */
  json?: unknown;
}

const REQUEST = '.request.json';
const ANSWER = '.answer.json';

export const requestsDir = (dataDir: string) => join(dataDir, 'state', 'requests');

/** The command line's side: hands the request over and waits for the answer. Null when none came in time (the request is taken back). */
export async function submitRequest(dataDir: string, body: RequestBody, timeoutMs: number): Promise<Answer | null> {
  const dir = requestsDir(dataDir);
  await ensureDirs([dir]);
  const name = `${Date.now().toString().padStart(14, '0')}-${randomBytes(6).toString('hex')}`;
  const answerPath = join(dir, `${name}${ANSWER}`);
  let wake = () => {};
  const watcher = watch(dir, () => wake());
  watcher.on('error', () => undefined);
  try {
    await writeFileAtomic(join(dir, `${name}${REQUEST}`), JSON.stringify(body));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const text = await readFile(answerPath, 'utf8').catch(() => null);
      if (text !== null) {
        await unlink(answerPath).catch(() => undefined);
        return JSON.parse(text) as Answer;
      }
      // Woken by the folder watch; the timer covers a watch that misses an event.
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 500);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    // Taken back, unless the daemon has it in hand already (then its answer is left for nobody).
    await unlink(join(dir, `${name}${REQUEST}`)).catch(() => undefined);
    return null;
  } finally {
    watcher.close();
  }
}

/** The daemon's side: the requests waiting, oldest first, each carried out once. */
export class RequestInbox {
  private watcher: FSWatcher | null = null;
  private arrived = false;
  /** Aborted when a request arrives: ends the loop's wait for mail. */
  private current: AbortController | null = null;

  constructor(private readonly dir: string) {}

  async start(): Promise<void> {
    await ensureDirs([this.dir]);
    this.watcher = watch(this.dir, (_event, file) => {
      if (typeof file === 'string' && file.endsWith(ANSWER)) return;
      this.arrived = true;
      this.current?.abort();
    });
    this.watcher.on('error', () => undefined);
  }

  /** A signal that aborts when `outer` does or a request arrives: for the loop's wait. */
  waitSignal(outer: AbortSignal): AbortSignal {
    if (this.arrived) return AbortSignal.abort();
    this.current = new AbortController();
    return AbortSignal.any([outer, this.current.signal]);
  }

  /** Carries out every waiting request with `handle`, writes each answer, removes the request. */
  async handleAll(handle: (body: RequestBody) => Promise<Answer>): Promise<number> {
    this.arrived = false;
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith(REQUEST) && !n.includes(TEMP_MARK)).sort();
    for (const name of names) {
      const path = join(this.dir, name);
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) continue; // taken back meanwhile
      let answer: Answer;
      try {
        answer = await handle(JSON.parse(text) as RequestBody);
      } catch (err) {
        answer = { exitCode: 1, text: `innspill: forespørselen kunne ikke utføres: ${(err as Error).message}\n` };
      }
      await writeFileAtomic(join(this.dir, name.slice(0, -REQUEST.length) + ANSWER), JSON.stringify(answer));
      await unlink(path).catch(() => undefined);
    }
    return names.length;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
    this.current?.abort();
  }
}
