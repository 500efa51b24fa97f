// The CLI as a real child process (for kill -9 and signal tests), run from the sources.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { waitUntil } from './wait.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Child {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Children still running, killed when the test process ends however it ends (vitest sends SIGTERM). */
const running = new Set<ChildProcess>();
let hooked = false;
function killAll(): void {
  for (const c of running) c.kill('SIGKILL');
}
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      killAll();
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

export function runCli(args: string[], env: Record<string, string>, cwd = root): Child {
  return runTsFile(join(root, 'src/main.ts'), args, env, cwd);
}

/** A TypeScript file of the project (or a test's own script) run as a child process through tsx. */
export function runTsFile(file: string, args: string[], env: Record<string, string>, cwd = root): Child {
  const proc = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href, file, ...args], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  hook();
  running.add(proc);
  proc.on('exit', () => running.delete(proc));
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { proc, output: () => out, exited };
}

/**
 * Resolves when the `innspill run` child is up: its heartbeat in the store names its pid, written
 * once the store is open and the mailbox tried. A test that stops a daemon it just started waits
 * for this first, however fast or slow the machine: never "it must be up by now".
 */
export async function untilDaemonUp(child: Child, dataDir: string, timeoutMs = 120_000): Promise<void> {
  const file = join(dataDir, 'state', 'heartbeat.json');
  await waitUntil(
    'the daemon up (its heartbeat naming its pid)',
    () => {
      if (child.proc.exitCode !== null || child.proc.signalCode !== null) throw new Error('the daemon ended while starting');
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { pid?: number }).pid === child.proc.pid;
      } catch {
        return false; // not written yet (or being replaced)
      }
    },
    timeoutMs,
    50,
  ).catch((err: Error) => {
    throw new Error(`${err.message}:\n${child.output().slice(-4000)}`);
  });
}

/**
 * The child's exit, or an error with the end of its output when it has not exited within
 * `timeoutMs`: a test that waits for a stop sees what the child said instead of only a timeout.
 */
export async function exitedWithin(child: Child, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the child has not exited after ${timeoutMs} ms; its output:\n${child.output().slice(-4000)}`)), timeoutMs);
  });
  try {
    return await Promise.race([child.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}
