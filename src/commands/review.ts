// `innspill review [--json]`: the messages held for a caseworker's decision, oldest first, each
// with who sent it, the subject and why innspill was unsure. Read-only: works while the daemon runs.
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import { isAwaitingDecision } from '../decisions/change.js';
import { rulesFor } from '../rules/views.js';

export interface ReviewItem {
  id: string;
  consultation: string | null;
  from: string | null;
  name: string;
  subject: string;
  receivedAt: string | null;
  reasons: Array<{ code: string; text: string }>;
}

export function reviewItems(records: SubmissionRecord[]): ReviewItem[] {
  return records.filter(isAwaitingDecision).map((r) => ({
    id: r.id,
    consultation: r.consultation?.id ?? null,
    from: r.from?.address ?? null,
    name: r.from?.name ?? '',
    subject: r.subject,
    receivedAt: r.receivedAt,
    reasons: (r.review?.notes ?? []).map((n) => ({ code: n.code, text: n.text })),
  }));
}

export async function reviewCommand(dataDir: string, rules: Rules, json: boolean, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(dataDir, { lock: false });
  const records = await store.readAll();
  const items = reviewItems(records);
  if (json) {
    out.write(`${JSON.stringify(items)}\n`);
    return 0;
  }
  if (items.length === 0) {
    out.write('Ingen meldinger venter på vurdering.\n');
    return 0;
  }
  for (const item of items) {
    const tz = rulesFor(rules, item.consultation).consultation.timezone;
    const when = item.receivedAt ? showDateTime(new Date(item.receivedAt), tz) : 'ukjent tid';
    out.write(`${item.id}  ${when}  ${item.name ? `${item.name} <${item.from}>` : (item.from ?? '(ingen avsender)')}\n`);
    out.write(`  Emne: ${item.subject.trim() || '(uten emne)'}\n`);
    for (const reason of item.reasons) out.write(`  Usikkert: ${reason.text}\n`);
  }
  out.write(`${items.length} ${items.length === 1 ? 'melding venter' : 'meldinger venter'} på vurdering: innspill decide ID input|not-input\n`);
  return 0;
}
