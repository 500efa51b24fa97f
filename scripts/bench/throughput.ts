// Throughput for one mailbox size: mbsync (raw fetch), the extraction floor and innspill, taking
// turns within each repetition so that a noisy neighbour hurts all three alike.
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';
import type { SmtpSink } from '../../tests/helpers/smtp-sink.ts';
import { extractionFloor, type FloorResult } from './floor.ts';
import { mbsyncPull } from './mbsync.ts';
import { innspillEnv, runOnce, type OnceResult } from './innspill-process.ts';
import type { Snapshots } from './imap-mailbox.ts';
import { median } from './stats.ts';

export interface ThroughputRun {
  mbsync: { ms: number; messages: number; perSecond: number } | null;
  floor: FloorResult;
  innspill: OnceResult & { perSecond: number; receiptsAccepted: number };
  /** innspill again with other settings (e.g. another number of extraction workers), same mailbox */
  variants: Record<string, OnceResult & { perSecond: number }>;
}

/** innspill with other INNSPILL_* settings, run after the default in each repetition. */
export interface Variant {
  name: string;
  env: Record<string, string>;
}

export interface ThroughputResult {
  messages: number;
  runs: ThroughputRun[];
  median: {
    mbsyncPerSecond: number | null;
    floorPerSecond: number;
    innspillPerSecond: number;
    innspillToFloor: number;
    innspillToMbsync: number | null;
    peakTreeRssMb: number;
    peakTreeUniqueMb: number;
    mainHwmMb: number;
    /** The daemon's main thread */
    mainCpuMs: number;
    /** The rest of its process (the extraction worker threads, V8's and libuv's helpers) and any child processes */
    workersCpuMs: number;
  };
  variants: Record<string, { perSecond: number; toFloor: number; peakTreeRssMb: number; mainHwmMb: number }>;
}

export interface ThroughputSetup {
  imap: DovecotServer;
  sink: SmtpSink;
  snapshots: Snapshots;
  snapshot: string;
  files: string[];
  warmup: string[];
  workDir: string;
  repetitions: number;
  withMbsync: boolean;
  variants?: Variant[];
  log: (line: string) => void;
}

export async function throughput(s: ThroughputSetup): Promise<ThroughputResult> {
  const runs: ThroughputRun[] = [];
  const n = s.files.length;
  for (let rep = 1; rep <= s.repetitions; rep++) {
    await s.snapshots.restore(s.snapshot);
    let mbsync: ThroughputRun['mbsync'] = null;
    if (s.withMbsync) {
      const m = mbsyncPull(s.imap, join(s.workDir, 'mbsync'));
      if (m.messages !== n) throw new Error(`mbsync pulled ${m.messages} messages, expected ${n}`);
      mbsync = { ...m, perSecond: n / (m.ms / 1000) };
      rmSync(join(s.workDir, 'mbsync'), { recursive: true, force: true });
      s.log(`  ${n} run ${rep}: mbsync ${(m.ms / 1000).toFixed(2)} s = ${mbsync.perSecond.toFixed(0)} msg/s`);
    }
    const floor = await extractionFloor(s.files, s.warmup);
    s.log(`  ${n} run ${rep}: floor ${(floor.ms / 1000).toFixed(2)} s = ${floor.perSecond.toFixed(1)} msg/s (${floor.attachments} attachments)`);

    const runDir = join(s.workDir, `innspill-${n}-${rep}`);
    rmSync(runDir, { recursive: true, force: true });
    s.sink.messages.splice(0);
    const env = innspillEnv({ dataDir: join(runDir, 'data'), imap: s.imap, smtp: s.sink });
    const once = await runOnce(env, runDir, join(runDir, 'innspill.log'));
    if (once.read !== n) throw new Error(`innspill read ${once.read} messages, expected ${n} (log ${join(runDir, 'innspill.log')})`);
    const innspill = { ...once, perSecond: n / (once.wallMs / 1000), receiptsAccepted: s.sink.messages.length };
    s.log(
      `  ${n} run ${rep}: innspill ${(once.wallMs / 1000).toFixed(2)} s = ${innspill.perSecond.toFixed(1)} msg/s ` +
        `(filed ${once.filed}, receipts ${innspill.receiptsAccepted}; CPU daemon process ${((once.memory.mainCpuMs + once.memory.childrenCpuMs) / 1000).toFixed(1)} s, of which its main thread ${(once.memory.mainThreadCpuMs / 1000).toFixed(1)} s and its extraction worker threads with helpers ${((once.memory.mainCpuMs + once.memory.childrenCpuMs - once.memory.mainThreadCpuMs) / 1000).toFixed(1)} s; start ${once.phases.startMs} ms, filing ${once.phases.filingMs} ms, receipts ${once.phases.receiptsMs} ms; ` +
        `peak RSS ${once.memory.peakTreeRssMb} MB, unique ${once.memory.peakTreeUniqueMb} MB)`,
    );
    const variants: ThroughputRun['variants'] = {};
    for (const v of s.variants ?? []) {
      await s.snapshots.restore(s.snapshot);
      const vDir = join(s.workDir, `innspill-${n}-${rep}-${v.name}`);
      rmSync(vDir, { recursive: true, force: true });
      s.sink.messages.splice(0);
      const r = await runOnce({ ...innspillEnv({ dataDir: join(vDir, 'data'), imap: s.imap, smtp: s.sink }), ...v.env }, vDir, join(vDir, 'innspill.log'));
      if (r.read !== n) throw new Error(`innspill (${v.name}) read ${r.read} messages, expected ${n}`);
      variants[v.name] = { ...r, perSecond: n / (r.wallMs / 1000) };
      s.log(`  ${n} run ${rep}: innspill ${v.name} ${(r.wallMs / 1000).toFixed(2)} s = ${variants[v.name]!.perSecond.toFixed(1)} msg/s (peak RSS ${r.memory.peakTreeRssMb} MB, daemon ${r.memory.mainHwmMb} MB)`);
      rmSync(vDir, { recursive: true, force: true });
    }
    runs.push({ mbsync, floor, innspill, variants });
  }
  const med = (f: (r: ThroughputRun) => number) => median(runs.map(f));
  const mbsyncPerSecond = s.withMbsync ? med((r) => r.mbsync!.perSecond) : null;
  const floorPerSecond = med((r) => r.floor.perSecond);
  const innspillPerSecond = med((r) => r.innspill.perSecond);
  return {
    messages: n,
    runs,
    median: {
      mbsyncPerSecond,
      floorPerSecond,
      innspillPerSecond,
      innspillToFloor: med((r) => r.innspill.perSecond / r.floor.perSecond),
      innspillToMbsync: s.withMbsync ? med((r) => r.innspill.perSecond / r.mbsync!.perSecond) : null,
      peakTreeRssMb: med((r) => r.innspill.memory.peakTreeRssMb),
      peakTreeUniqueMb: med((r) => r.innspill.memory.peakTreeUniqueMb),
      mainHwmMb: med((r) => r.innspill.memory.mainHwmMb),
      mainCpuMs: med((r) => r.innspill.memory.mainThreadCpuMs),
      workersCpuMs: med((r) => r.innspill.memory.mainCpuMs + r.innspill.memory.childrenCpuMs - r.innspill.memory.mainThreadCpuMs),
    },
    variants: Object.fromEntries(
      (s.variants ?? []).map((v) => [
        v.name,
        {
          perSecond: med((r) => r.variants[v.name]!.perSecond),
          toFloor: med((r) => r.variants[v.name]!.perSecond / r.floor.perSecond),
          peakTreeRssMb: med((r) => r.variants[v.name]!.memory.peakTreeRssMb),
          mainHwmMb: med((r) => r.variants[v.name]!.memory.mainHwmMb),
        },
      ]),
    ),
  };
}
