// `innspill receipts [--pending|--failed]` and `innspill receipts retry ID`.
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Store } from '../store/json-store.js';
import { ReceiptOutbox } from '../receipts/outbox.js';
import { RECEIPT_STATUS_TITLES } from '../digest/words.js';
import { showDateTime } from '../time/local-time.js';

// Caseworkers read both: bokmål, times in the consultation's time zone (the server's own words
// in an error are quoted as they came).
export async function receiptsList(config: Config, filter: 'pending' | 'failed' | null, out: NodeJS.WritableStream, rules?: Rules): Promise<number> {
  const tz = rules?.consultation.timezone ?? config.timezone;
  const when = (iso: string) => showDateTime(new Date(iso), tz);
  const store = await Store.open(config.dataDir, { lock: false });
  const records = (await store.readAll()).filter((r) => (filter ? r.receipt.status === filter : r.receipt.send || r.receipt.status !== 'skipped'));
  out.write(`${'ID'.padEnd(10)} ${'STATUS'.padEnd(10)} ${'FORSØK'.padEnd(6)} ${'TIL'.padEnd(36)} DETALJER\n`);
  for (const r of records) {
    const { status, sentAt, error, nextAttemptAt, reason } = r.receipt;
    const detail = status === 'sent' && sentAt ? `sendt ${when(sentAt)}` : error ?? (nextAttemptAt ? `neste forsøk ${when(nextAttemptAt)}` : reason);
    out.write(`${r.id.padEnd(10)} ${RECEIPT_STATUS_TITLES[status].padEnd(10)} ${String(r.receipt.attempts).padEnd(6)} ${(r.from?.address ?? '').padEnd(36)} ${detail}\n`);
  }
  out.write(`${records.length} kvitteringer\n`);
  return 0;
}

export async function receiptsRetry(config: Config, rules: Rules, log: Logger, id: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const store = await Store.open(config.dataDir, { lock: true });
  const outbox = new ReceiptOutbox(config, () => rules, store, log, () => new Date());
  try {
    await outbox.open();
    const before = await store.get(id);
    if (!before) {
      err.write(`innspill: fant ikke innspill ${id} i ${config.dataDir}\n`);
      return 1;
    }
    if (!before.receipt.send) {
      err.write(`innspill: ${id} skal ikke ha kvittering (${before.receipt.reason})\n`);
      return 1;
    }
    const after = await outbox.retry(id);
    out.write(`${id}: kvittering ${after ? RECEIPT_STATUS_TITLES[after.receipt.status] : 'ukjent'}${after?.receipt.error ? ` – ${after.receipt.error}` : ''}\n`);
    return after?.receipt.status === 'sent' ? 0 : 1;
  } finally {
    await outbox.close();
    await store.close();
  }
}
