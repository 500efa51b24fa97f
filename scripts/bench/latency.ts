// Latency while the daemon idles: one message APPENDed at a time to an empty INBOX watched by
// `innspill run` (IDLE); timed from the APPEND to its record appearing in records/ (filed) and to
// its receipt being accepted by the SMTP sink.
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';
import type { SmtpSink } from '../../tests/helpers/smtp-sink.ts';
import type { Snapshots } from './imap-mailbox.ts';
import { innspillEnv, readLog, startInnspill, stopInnspill } from './innspill-process.ts';
import { headerValue } from './mime-edit.ts';
import { sampleMemory, type MemoryPeak } from './rss.ts';
import { max, percentile } from './stats.ts';

export interface LatencyResult {
  messages: number;
  filedMs: { p50: number; p95: number; max: number; missing: number };
  receiptMs: { p50: number; p95: number; max: number; missing: number };
  samples: Array<{ filed: number | null; receipt: number | null }>;
  memory: MemoryPeak;
}

const RECORD = /^\d{4}-\d{4,}\.json$/;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until<T>(probe: () => T | null | undefined, timeoutMs: number): Promise<T | null> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== null && v !== undefined) return v;
    if (Date.now() > end) return null;
    await sleep(5);
  }
}

export async function latency(o: {
  imap: DovecotServer;
  sink: SmtpSink;
  snapshots: Snapshots;
  files: string[];
  workDir: string;
  log: (line: string) => void;
}): Promise<LatencyResult> {
  await o.snapshots.restore(null);
  o.sink.messages.splice(0);
  const dataDir = join(o.workDir, 'data');
  const logFile = join(o.workDir, 'innspill.log');
  const daemon = startInnspill(['run'], innspillEnv({ dataDir, imap: o.imap, smtp: o.sink }), o.workDir, logFile);
  const memory = sampleMemory(daemon.child.pid!, 100);
  let watcher: FSWatcher | null = null;
  const client = new ImapFlow({ ...o.imap.clientOptions(), disableAutoIdle: true });
  const samples: LatencyResult['samples'] = [];
  try {
    const ready = await until(() => readLog(logFile).find((l) => l.msg === 'connected to the IMAP server'), 30_000);
    if (!ready) throw new Error(`innspill run did not connect within 30 s (log ${logFile})`);
    const recordsDir = join(dataDir, 'records');
    await until(() => (existsSync(recordsDir) ? true : null), 10_000);
    // Every record file that appears, with when it appeared (record updates reuse the name).
    const appeared = new Map<string, number>();
    watcher = watch(recordsDir, (_event, name) => {
      if (name && RECORD.test(name) && !appeared.has(name)) appeared.set(name, Date.now());
    });
    await client.connect();
    await sleep(1500); // the first pass is done and the daemon idles
    for (const [i, file] of o.files.entries()) {
      const raw = readFileSync(file);
      const messageId = headerValue(raw.toString('latin1').slice(0, raw.indexOf('\r\n\r\n')), 'message-id');
      const seen = new Set(appeared.keys());
      const receiptsBefore = o.sink.messages.length;
      const t0 = Date.now();
      await client.append('INBOX', raw, []);
      const record = await until(() => {
        for (const [name] of appeared) {
          if (seen.has(name)) continue;
          try {
            const r = JSON.parse(readFileSync(join(recordsDir, name), 'utf8')) as { messageId: string | null };
            if (r.messageId === messageId) return name;
          } catch {
            // being written
          }
          seen.add(name);
        }
        return null;
      }, 20_000);
      const filed = record ? appeared.get(record)! - t0 : null;
      const receipt = await until(() => (o.sink.messages.length > receiptsBefore ? o.sink.messages[receiptsBefore]! : null), record ? 20_000 : 0);
      samples.push({ filed, receipt: receipt ? receipt.receivedAt.getTime() - t0 : null });
      if ((i + 1) % 50 === 0 || i + 1 === o.files.length) {
        const f = samples.flatMap((s) => (s.filed === null ? [] : [s.filed]));
        o.log(`  latency ${i + 1}/${o.files.length}: filed p50 ${percentile(f, 50)} ms, p95 ${percentile(f, 95)} ms`);
      }
      // Let the daemon settle back into IDLE before the next one arrives.
      await sleep(300 + ((i * 7919) % 400));
    }
  } finally {
    watcher?.close();
    await client.logout().catch(() => client.close());
    await stopInnspill(daemon);
  }
  const peak = memory.stop();
  const stat = (list: Array<number | null>) => {
    const v = list.filter((x): x is number => x !== null);
    return { p50: percentile(v, 50), p95: percentile(v, 95), max: max(v), missing: list.length - v.length };
  };
  return {
    messages: o.files.length,
    filedMs: stat(samples.map((s) => s.filed)),
    receiptMs: stat(samples.map((s) => s.receipt)),
    samples,
    memory: peak,
  };
}
