// `innspill status` for a person: one line of verdict, then what was found.
import type { StatusReport } from './report.js';
import { sizeForOperator } from '../text/size.js';

function ago(iso: string | null, now: Date): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  const span = s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : s < 172_800 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} days`;
  return `${iso} (${span} ago)`;
}

export function formatStatus(r: StatusReport): string {
  const now = new Date(r.checkedAt);
  const verdict = r.ok ? 'OK' : `CRITICAL: ${r.problems.join('; ')}`;
  const rows: Array<[string, string]> = [
    ['running', r.running ? `yes (pid ${r.pid}, since ${r.startedAt ?? 'unknown'})` : 'no'],
    ['mailbox', `${r.source ?? 'unknown'}, ${r.connected ? 'connected' : 'not connected'}`],
    ['last check', ago(r.lastCheckAt, now)],
    ['last filed', r.lastFiledId ? `${r.lastFiledId} at ${ago(r.lastFiledAt, now)}` : 'nothing yet'],
    ['receipts', `${r.receipts.pending} pending, ${r.receipts.failed} failed, ${r.receipts.sent} sent, ${r.receipts.skipped} not sent (no receipt due)`],
    ['next digest', r.nextDigest ?? 'none scheduled (no INNSPILL_DIGEST_TO)'],
    ['last digest', r.lastDigestAt ?? 'never'],
    ['archive', r.archive.exported > 0 ? `${r.archive.exported} submissions exported as arkivmelding, last at ${r.archive.lastExportAt}` : 'nothing exported as arkivmelding yet'],
    ['store', `${r.store.records} records, ${sizeForOperator(r.store.bytes)}`],
  ];
  return [`innspill ${verdict}`, ...rows.map(([k, v]) => `  ${k.padEnd(12)} ${v}`)].join('\n') + '\n';
}
