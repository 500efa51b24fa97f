// Latency under a backlog: `innspill run` idles on an empty INBOX (IDLE), then a burst of messages
// is APPENDed at once, one after the other as fast as Dovecot takes them. Each message is timed
// from the moment its APPEND was sent to the daemon's log line about it (filed, or left in place
// as not consultation mail; the line is written once the record is). One message of another
// mailbox is filed first, so the burst meets a daemon whose extraction workers are up (the start
// of `innspill run` is not what is measured). The first messages of the
// burst show whether the daemon starts on what has arrived or waits for the burst to end; the
// later ones queue behind the ones before them, so their wait is the backlog divided by the rate.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../../tests/helpers/dovecot.ts';
import type { SmtpSink } from '../../tests/helpers/smtp-sink.ts';
import type { Snapshots } from './imap-mailbox.ts';
import { innspillEnv, readLog, startInnspill, stopInnspill } from './innspill-process.ts';
import { max, percentile } from './stats.ts';

export interface BurstResult {
  messages: number;
  /** From the first APPEND sent to the last one done. */
  appendMs: number;
  /** From the first APPEND sent to the daemon's line about the last message. */
  drainMs: number;
  /** Per message in APPEND order: APPEND sent → the daemon's line about it (null: no line in time). */
  handledMs: Array<number | null>;
  /** Per message in APPEND order: when its APPEND was sent, after the first one's. */
  sentMs: number[];
  first: number | null;
  /** The first 20 messages of the burst: the most any of them waited. */
  first20Max: number | null;
  p50: number;
  p95: number;
  max: number;
  missing: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The UID of every message the daemon has logged a line about, with the line's time. The log is
 * read on from where the last look stopped: the bench shares the two cores with the daemon it
 * times, and reading the whole log four times a second would take from them.
 */
class HandledLines {
  readonly seen = new Map<number, number>();
  private offset = 0;
  private rest = '';
  constructor(private readonly logFile: string) {}

  update(): Map<number, number> {
    const fd = openSync(this.logFile, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= this.offset) return this.seen;
      const chunk = Buffer.alloc(size - this.offset);
      readSync(fd, chunk, 0, chunk.length, this.offset);
      this.offset = size;
      const lines = (this.rest + chunk.toString('utf8')).split('\n');
      this.rest = lines.pop()!;
      for (const text of lines) {
        if (!text.startsWith('{')) continue;
        const line = JSON.parse(text) as { time: number; source?: unknown };
        const m = typeof line.source === 'string' ? /^uid (\d+)$/.exec(line.source) : null;
        if (m && !this.seen.has(Number(m[1]))) this.seen.set(Number(m[1]), line.time);
      }
      return this.seen;
    } finally {
      closeSync(fd);
    }
  }
}

async function appendedUid(client: ImapFlow, raw: Buffer): Promise<number> {
  const r = await client.append('INBOX', raw, []);
  const uid = r && typeof r === 'object' && 'uid' in r ? r.uid : undefined;
  if (typeof uid !== 'number') throw new Error('the IMAP server gave no UID for an APPEND (UIDPLUS is needed to time a burst)');
  return uid;
}

export async function burst(o: {
  imap: DovecotServer;
  sink: SmtpSink;
  snapshots: Snapshots;
  files: string[];
  /** A message outside the burst, filed first. */
  warmup: string;
  workDir: string;
  log: (line: string) => void;
}): Promise<BurstResult> {
  await o.snapshots.restore(null);
  o.sink.messages.splice(0);
  const logFile = join(o.workDir, 'innspill.log');
  const daemon = startInnspill(['run'], innspillEnv({ dataDir: join(o.workDir, 'data'), imap: o.imap, smtp: o.sink }), o.workDir, logFile);
  const client = new ImapFlow({ ...o.imap.clientOptions(), disableAutoIdle: true });
  const sentAt = new Map<number, number>();
  const order: number[] = [];
  let appendMs = 0;
  let drainMs = 0;
  const handledAt = new Map<number, number>();
  try {
    const connected = Date.now() + 60_000;
    while (!readLog(logFile).some((l) => l.msg === 'connected to the IMAP server')) {
      if (Date.now() > connected) throw new Error(`innspill run did not connect within 60 s (log ${logFile})`);
      await sleep(50);
    }
    await client.connect();
    const first = await appendedUid(client, readFileSync(o.warmup));
    const handled = new HandledLines(logFile);
    const ready = Date.now() + 120_000;
    while (!handled.update().has(first)) {
      if (Date.now() > ready) throw new Error(`innspill run did not handle the first message within 120 s (log ${logFile})`);
      await sleep(50);
    }
    await sleep(1000); // its receipt sent, the daemon idles again
    const raws = o.files.map((f) => readFileSync(f));
    const t0 = Date.now();
    for (const raw of raws) {
      const sent = Date.now();
      const uid = await appendedUid(client, raw);
      sentAt.set(uid, sent);
      order.push(uid);
    }
    appendMs = Date.now() - t0;
    o.log(`  burst: ${raws.length} APPENDed in ${(appendMs / 1000).toFixed(1)} s`);
    // Every message gets one line (filed, a duplicate, a command, or left in place), carrying its UID.
    const deadline = Date.now() + 30 * 60_000;
    while (handledAt.size < order.length && Date.now() < deadline) {
      for (const [uid, time] of handled.update()) if (sentAt.has(uid)) handledAt.set(uid, time);
      await sleep(250);
    }
    drainMs = Math.max(0, ...handledAt.values()) - t0;
    o.log(`  burst: ${handledAt.size} of ${order.length} handled, the last ${(drainMs / 1000).toFixed(1)} s after the first APPEND`);
  } finally {
    await client.logout().catch(() => client.close());
    await stopInnspill(daemon);
  }
  const handledMs = order.map((uid) => (handledAt.has(uid) ? handledAt.get(uid)! - sentAt.get(uid)! : null));
  const seen = handledMs.filter((x): x is number => x !== null);
  const head = handledMs.slice(0, 20).filter((x): x is number => x !== null);
  return {
    messages: order.length,
    appendMs,
    drainMs,
    handledMs,
    sentMs: order.map((uid) => sentAt.get(uid)! - (sentAt.get(order[0]!) ?? 0)),
    first: handledMs[0] ?? null,
    first20Max: head.length > 0 ? max(head) : null,
    p50: percentile(seen, 50),
    p95: percentile(seen, 95),
    max: max(seen),
    missing: handledMs.length - seen.length,
  };
}
