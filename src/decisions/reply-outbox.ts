// The durable outbox of answers to command mails, kept in the store (state/replies/<name>.json):
// an answer is written whole (with its Message-ID and bytes) before the first try, and removed
// once the SMTP server (or the outbox folder) took it. A temporary failure is tried again later,
// with the receipts' waits (INNSPILL_RECEIPT_RETRY_SECONDS, growing threefold, at most 3 hours)
// and their limit (INNSPILL_RECEIPT_GIVE_UP_HOURS); a permanent one is given up and logged. A
// crash between the server's "250 OK" and the removal sends it again with the same Message-ID,
// as a receipt would be; to the outbox folder it is found and not written twice.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { createSender, SendError, type MailSender } from '../mail/transport.js';
import { ensureDirs, TEMP_MARK, writeFileAtomic } from '../store/atomic.js';
import type { ComposedReply } from './reply.js';

const MAX_WAIT_MS = 3 * 3_600_000;
const SUFFIX = '.json';

interface QueuedReply {
  to: string;
  messageId: string;
  /** The message, base64. */
  raw: string;
  queuedAt: string;
  attempts: number;
  /** ISO time of the next try; null: now. */
  nextAttemptAt: string | null;
  error: string | null;
}

export const repliesDir = (dataDir: string) => join(dataDir, 'state', 'replies');

export class ReplyOutbox {
  private sender: MailSender | null = null;

  constructor(
    private readonly config: Config,
    private readonly dir: string,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** Keeps the answer, then tries it once. True when it was delivered now. */
  async queue(reply: ComposedReply): Promise<boolean> {
    await ensureDirs([this.dir]);
    const name = `${this.now().getTime().toString().padStart(14, '0')}-${randomBytes(6).toString('hex')}${SUFFIX}`;
    const queued: QueuedReply = { to: reply.to, messageId: reply.messageId, raw: reply.raw.toString('base64'), queuedAt: this.now().toISOString(), attempts: 0, nextAttemptAt: null, error: null };
    await writeFileAtomic(join(this.dir, name), JSON.stringify(queued));
    return this.attempt(name, queued);
  }

  /** Tries every kept answer that is due, oldest first. Returns how many were delivered. */
  async sendDue(): Promise<number> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith(SUFFIX) && !n.includes(TEMP_MARK)).sort();
    let sent = 0;
    for (const name of names) {
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => null);
      if (text === null) continue;
      const queued = JSON.parse(text) as QueuedReply;
      if (queued.nextAttemptAt && Date.parse(queued.nextAttemptAt) > this.now().getTime()) continue;
      if (await this.attempt(name, queued)) sent++;
    }
    return sent;
  }

  /** How many answers wait to be sent. */
  async waiting(): Promise<number> {
    return (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith(SUFFIX) && !n.includes(TEMP_MARK)).length;
  }

  private async attempt(name: string, q: QueuedReply): Promise<boolean> {
    const path = join(this.dir, name);
    const log = this.log.child({ to: q.to, messageId: q.messageId });
    // The null sender for the outbox folder: it keeps the answers beside the receipts.
    this.sender ??= createSender(this.config, join(this.config.outboxDir, 'decisions'));
    if (q.attempts > 0 && (await this.sender.deliveredBefore(q.messageId))) {
      await unlink(path).catch(() => undefined);
      return true;
    }
    q.attempts++;
    try {
      // The null sender: an answer that cannot be delivered must not bounce into postmottak.
      await this.sender.send({ envelopeFrom: '', to: [q.to], raw: Buffer.from(q.raw, 'base64'), messageId: q.messageId });
      await unlink(path).catch(() => undefined);
      if (q.attempts > 1) log.info({ attempts: q.attempts }, 'the answer to a command mail was sent');
      return true;
    } catch (err) {
      const e = err instanceof SendError ? err : new SendError(String(err), false, null);
      const giveUp = this.now().getTime() - Date.parse(q.queuedAt) > this.config.receiptGiveUpHours * 3_600_000;
      if (e.permanent || giveUp) {
        await unlink(path).catch(() => undefined);
        log.error({ error: e.message, attempts: q.attempts }, 'the answer to a command mail could not be delivered; given up');
        return false;
      }
      const wait = Math.min(MAX_WAIT_MS, this.config.receiptRetrySeconds * 1000 * 3 ** (q.attempts - 1));
      q.nextAttemptAt = new Date(this.now().getTime() + wait).toISOString();
      q.error = e.message;
      await writeFileAtomic(path, JSON.stringify(q));
      log.warn({ error: e.message, nextAttemptAt: q.nextAttemptAt }, 'the answer to a command mail will be tried again');
      return false;
    }
  }

  close(): void {
    this.sender?.close();
    this.sender = null;
  }
}
