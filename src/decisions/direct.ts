// The command line's way to a change: when `innspill run` holds the store, the change is handed to
// it (requests.ts) and its answer waited for; when nothing holds it, the change is carried out here,
// under the store's lock, with the same code the daemon uses (mailbox move and receipt included).
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import { StoreLockedError } from '../store/lock.js';
import { ReceiptOutbox } from '../receipts/outbox.js';
import type { Mailbox } from '../mailbox/types.js';
import { carryOut } from './desk.js';
import { Decisions, type DecisionDeps } from './engine.js';
import { submitRequest, type Answer, type RequestBody } from './requests.js';

/** How long the command line waits for the running daemon's answer. */
export const ANSWER_TIMEOUT_MS = 120_000;

export async function requestChange(config: Config, rules: Rules, log: Logger, body: RequestBody, timeoutMs = ANSWER_TIMEOUT_MS): Promise<Answer> {
  let store: Store;
  try {
    store = await Store.open(config.dataDir, { lock: true });
  } catch (err) {
    if (!(err instanceof StoreLockedError)) throw err;
    const answer = await submitRequest(config.dataDir, body, timeoutMs);
    return (
      answer ?? {
        exitCode: 1,
        text: `innspill: innspill som kjører (${err.message.match(/pid \d+/)?.[0] ?? 'en annen prosess'}) svarte ikke innen ${Math.round(timeoutMs / 1000)} sekunder; ingenting er endret. Prøv igjen, eller se loggen til innspill run.\n`,
      }
    );
  }
  const now = () => new Date();
  let mailbox: Mailbox | null = null;
  const outbox = new ReceiptOutbox(config, () => rules, store, log.child({ part: 'receipts' }), now);
  try {
    // Reclassify sends no receipt: the outbox (which reads every record) is opened for changes only.
    if (body.kind === 'change') await outbox.open();
    // Only a decision moves mail: a correction never reaches the mailbox.
    if (body.kind === 'change' && body.request.kind === 'decide') {
      mailbox = (await import('../mailbox/for-config.js')).mailboxFor(config, store, log);
      await mailbox.open();
    }
    const deps: DecisionDeps = { config, rules: () => rules, store, mailbox: mailbox ?? NO_MAILBOX, receipts: outbox, sendReceipts: () => undefined, log, now };
    const answer = await carryOut(body, deps, new Decisions(deps), () => true);
    // The receipt a decision released goes now, as the daemon would send it.
    await outbox.sendDue();
    return answer;
  } finally {
    await mailbox?.close().catch(() => undefined);
    await outbox.close();
    await store.close();
  }
}

/** For changes that never touch the mailbox. */
const NO_MAILBOX: Mailbox = {
  kind: 'maildir',
  connected: false,
  open: async () => undefined,
  // eslint-disable-next-line require-yield
  waiting: async function* () {
    return;
  },
  moveFiled: async () => {
    throw new Error('no mailbox is open for this change');
  },
  handled: async () => undefined,
  waitForMail: async () => undefined,
  close: async () => undefined,
};
