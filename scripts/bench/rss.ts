// Memory of a process and everything it started: VmRSS summed over the tree, sampled, plus each
// process's own high-water mark (VmHWM) as last seen; and the CPU time each used. The daemon's
// extraction workers are threads of its process (src/extract-pool/pool.ts; they were child
// processes until issue 17's perf17e): its VmRSS, VmHWM and CPU time include them, and the tree is
// one process. To tell whether the daemon or its workers were the busy ones, the CPU time of its
// main thread is read apart (/proc/<pid>/task/<pid>/stat); the rest of the process is the worker
// threads with V8's and libuv's helper threads.
import { readFileSync, readdirSync } from 'node:fs';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const TICK = 100; // USER_HZ on Linux

/** Private and shared kB of a process (smaps_rollup), or null when it is gone. */
function smapsKb(pid: number): { private: number; shared: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { private: kb('Private_Clean') + kb('Private_Dirty'), shared: kb('Shared_Clean') + kb('Shared_Dirty') };
  } catch {
    return null;
  }
}

/** utime + stime of a process (or, with `tid`, of one of its threads) in ms, or null when it is gone. */
function cpuMs(pid: number, tid?: number): number | null {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / TICK;
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/)) if (c) out.push(Number(c));
    } catch {
      // the thread ended while we looked
    }
  }
  return out;
}

export function processTree(pid: number): number[] {
  const all: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    all.push(p);
    queue.push(...childrenOf(p));
  }
  return all;
}

export interface MemoryPeak {
  /** highest sum of VmRSS over the process and its descendants, as sampled (MB) */
  peakTreeRssMb: number;
  /** the main process's own VmHWM (MB) */
  mainHwmMb: number;
  /** sum of every process's VmHWM as last seen (an upper bound of the tree's peak) (MB) */
  sumHwmMb: number;
  /**
   * Highest sampled sum of the processes' private memory plus the largest shared part once: what the
   * tree really occupies (summed RSS counts the node binary's pages once per process). Sampled less often.
   */
  peakTreeUniqueMb: number;
  /** most processes seen at once */
  processes: number;
  samples: number;
  /**
   * CPU time of the main process, its worker threads included, and of all its descendant processes
   * together (ms), as last seen
   */
  mainCpuMs: number;
  childrenCpuMs: number;
  /** CPU time of the main process's main thread alone (ms): the daemon without its extraction worker threads */
  mainThreadCpuMs: number;
}

/** Samples until stop() is called; cheap enough for every 50 ms. */
export function sampleMemory(pid: number, intervalMs = 50): { stop(): MemoryPeak } {
  let peak = 0;
  let peakUnique = 0;
  let tick = 0;
  let processes = 0;
  let samples = 0;
  const hwm = new Map<number, number>();
  const cpu = new Map<number, number>();
  let mainThreadCpu = 0;
  const sample = () => {
    mainThreadCpu = Math.max(mainThreadCpu, cpuMs(pid, pid) ?? 0);
    const tree = processTree(pid);
    let sum = 0;
    let live = 0;
    for (const p of tree) {
      const rss = statusKb(p, 'VmRSS');
      if (rss === null) continue;
      live++;
      sum += rss;
      const h = statusKb(p, 'VmHWM');
      if (h !== null) hwm.set(p, Math.max(hwm.get(p) ?? 0, h));
      const c = cpuMs(p);
      if (c !== null) cpu.set(p, Math.max(cpu.get(p) ?? 0, c));
    }
    if (live > 0) samples++;
    peak = Math.max(peak, sum);
    if (tick++ % 4 === 0) {
      let priv = 0;
      let shared = 0;
      for (const p of tree) {
        const m = smapsKb(p);
        if (!m) continue;
        priv += m.private;
        shared = Math.max(shared, m.shared);
      }
      peakUnique = Math.max(peakUnique, priv + shared);
    }
    processes = Math.max(processes, live);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const mb = (kb: number) => Math.round(kb / 102.4) / 10;
      return {
        peakTreeRssMb: mb(peak),
        peakTreeUniqueMb: mb(peakUnique),
        mainHwmMb: mb(hwm.get(pid) ?? 0),
        sumHwmMb: mb([...hwm.values()].reduce((s, v) => s + v, 0)),
        processes,
        samples,
        mainCpuMs: cpu.get(pid) ?? 0,
        childrenCpuMs: [...cpu].filter(([p]) => p !== pid).reduce((sum, [, c]) => sum + c, 0),
        mainThreadCpuMs: mainThreadCpu,
      };
    },
  };
}
