// `innspill receipts [--pending|--failed]` and `innspill receipts retry ID`.
import type { Config } from '../config.js';
import type { Rules } from '../rules/types.js';
import type { Logger } from '../log.js';
import { Store } from '../store/json-store.js';
import { ReceiptOutbox } from '../receipts/outbox.js';

export async function receiptsList(config: Config, filter: 'pending' | 'failed' | null, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(config.dataDir, { lock: false });
  const records = (await store.readAll()).filter((r) => (filter ? r.receipt.status === filter : r.receipt.send || r.receipt.status !== 'skipped'));
  out.write(`${'ID'.padEnd(10)} ${'STATUS'.padEnd(8)} ${'FORSØK'.padEnd(6)} ${'TIL'.padEnd(36)} DETALJER\n`);
  for (const r of records) {
    const detail = r.receipt.status === 'sent' ? `sendt ${r.receipt.sentAt}` : r.receipt.error ?? (r.receipt.nextAttemptAt ? `neste forsøk ${r.receipt.nextAttemptAt}` : r.receipt.reason);
    out.write(`${r.id.padEnd(10)} ${r.receipt.status.padEnd(8)} ${String(r.receipt.attempts).padEnd(6)} ${(r.from?.address ?? '').padEnd(36)} ${detail}\n`);
  }
  out.write(`${records.length} kvitteringer\n`);
  return 0;
}

export async function receiptsRetry(config: Config, rules: Rules, log: Logger, id: string, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(config.dataDir, { lock: true });
  const outbox = new ReceiptOutbox(config, () => rules, store, log, () => new Date());
  try {
    await outbox.open();
    const before = await store.get(id);
    if (!before) {
      process.stderr.write(`innspill: no submission with id "${id}"\n`);
      return 1;
    }
    if (!before.receipt.send) {
      process.stderr.write(`innspill: ${id} gets no receipt: ${before.receipt.reason}\n`);
      return 1;
    }
    const after = await outbox.retry(id);
    out.write(`${id}: ${after?.receipt.status}${after?.receipt.error ? ` – ${after.receipt.error}` : ''}\n`);
    return after?.receipt.status === 'sent' ? 0 : 1;
  } finally {
    await outbox.close();
    await store.close();
  }
}
