// CPU time of one thread of this process, from /proc/<pid>/task/<tid>/stat. With the extraction
// workers as threads of the daemon, process.cpuUsage() counts theirs too, so the daemon's own
// share (pipeline.ts, where a message is read) and each worker's (the pool) are read per thread.
// V8's helper threads (parallel garbage collection, compilation) are shared by every isolate of
// the process and counted in neither; before, they counted in each process's own total.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ 100

/** utime + stime of thread `tid` of this process in ms, or null when it is gone or /proc is missing. */
export function threadCpuMs(tid: number | null): number | null {
  if (tid === null) return null;
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : null;
  } catch {
    return null;
  }
}

/**
 * The CPU time of this process's main thread (its id is the process's) in ms; where /proc is
 * missing, the whole process's (process.cpuUsage), which then includes its worker threads.
 */
export function mainThreadCpuMs(): number {
  const own = threadCpuMs(process.pid);
  if (own !== null) return own;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
