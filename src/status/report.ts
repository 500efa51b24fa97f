// The health of a running innspill, one shape for `innspill status --json` and for the HTTP
// endpoint (GET /health): is it running, is the mailbox reachable, when did it last look, what
// waits. `ok` is false when someone should look: not running, mailbox down, or the last
// successful check is too old (the loop may be stuck).
import type { ArchiveSummary } from '../export/archive-state.js';
import type { ReceiptCounts } from '../receipts/outbox.js';

/** What the daemon writes to state/heartbeat.json (see Daemon). */
export interface Heartbeat {
  source: string;
  connected: boolean;
  lastCheckAt: string | null;
  lastFiledAt: string | null;
  lastFiledId: string | null;
  pid: number;
  startedAt: string;
}

export interface StatusReport {
  ok: boolean;
  /** why not ok, in words; empty when ok */
  problems: string[];
  running: boolean;
  pid: number | null;
  connected: boolean;
  source: string | null;
  startedAt: string | null;
  lastCheckAt: string | null;
  lastFiledAt: string | null;
  lastFiledId: string | null;
  receipts: ReceiptCounts;
  nextDigest: string | null;
  lastDigestAt: string | null;
  /** the Noark 5 archive export (state/archive-exported.json) */
  archive: ArchiveSummary;
  store: { records: number; bytes: number };
  /** a last check older than this many seconds is a problem */
  staleAfterSeconds: number;
  checkedAt: string;
}

export interface StatusInput {
  /** this run's heartbeat, or null when no daemon is running (or it has not written one yet) */
  heartbeat: Heartbeat | null;
  /** the mailbox in use (a running daemon's), else the one the settings name */
  source: string | null;
  running: boolean;
  pid: number | null;
  receipts: ReceiptCounts;
  records: number;
  bytes: number;
  nextDigest: Date | null;
  lastDigestAt: string | null;
  archive: ArchiveSummary;
  /** seconds between the daemon's mailbox checks */
  checkSeconds: number;
  now: Date;
}

/** At least a minute: heartbeats are written at most every 5 s, and a batch takes its time. */
export function staleAfterSeconds(checkSeconds: number): number {
  return Math.max(3 * checkSeconds, 60);
}

export function buildStatus(input: StatusInput): StatusReport {
  const hb = input.heartbeat;
  const problems: string[] = [];
  const stale = staleAfterSeconds(input.checkSeconds);
  const connected = input.running && hb !== null && hb.connected;
  if (!input.running) {
    problems.push('innspill is not running');
  } else if (hb === null) {
    problems.push('innspill is starting: it has not reached the mailbox yet');
  } else if (!connected) {
    problems.push('the mailbox cannot be reached (the log says why)');
  }
  if (input.running && hb) {
    // The newest sign of life: a finished check, a filing, or (just after start) the start itself.
    const times = [hb.lastCheckAt, hb.lastFiledAt, hb.startedAt].filter((t): t is string => t !== null).map(Date.parse);
    const last = Math.max(...times);
    const age = Math.round((input.now.getTime() - last) / 1000);
    if (age > stale) problems.push(`the last successful mailbox check was ${age} s ago (more than ${stale} s)`);
  }
  return {
    ok: problems.length === 0,
    problems,
    running: input.running,
    pid: input.running ? input.pid : null,
    connected,
    source: input.source,
    startedAt: input.running ? (hb?.startedAt ?? null) : null,
    lastCheckAt: hb?.lastCheckAt ?? null,
    lastFiledAt: hb?.lastFiledAt ?? null,
    lastFiledId: hb?.lastFiledId ?? null,
    receipts: input.receipts,
    nextDigest: input.nextDigest?.toISOString() ?? null,
    lastDigestAt: input.lastDigestAt,
    archive: input.archive,
    store: { records: input.records, bytes: input.bytes },
    staleAfterSeconds: stale,
    checkedAt: input.now.toISOString(),
  };
}
