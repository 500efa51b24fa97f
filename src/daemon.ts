// The daemon: mailbox → intake → store → mailbox moves, then receipts; digests on a schedule.
// Order of effects for every message: its record is stored first, then the mailbox is changed.
// SIGTERM/SIGINT stop taking new mail, finish the batch in hand and close cleanly.
import type { Config } from './config.js';
import { loadRules } from './rules/load.js';
import type { Rules } from './rules/types.js';
import { rulesFor } from './rules/views.js';
import { filedFolderFor } from './mailbox/filed-folder.js';
import { Store } from './store/json-store.js';
import { ExtractorPool } from './extract-pool/pool.js';
import { fileBatch, logOutcome, readAgainIfStale, readBatch, type Outcome, type PipelineDeps, type ReadResult } from './pipeline.js';
import PQueue from 'p-queue';
import { DecisionDesk } from './decisions/desk.js';
import { batchMoves } from './batch-moves.js';
import { MailboxLoginError } from './mailbox/imap.js';
import { mailboxFor } from './mailbox/for-config.js';
import type { Incoming, Mailbox } from './mailbox/types.js';
import { growingBatches } from './mailbox/batches.js';
import { limitsFrom } from './limits.js';
import type { Logger } from './log.js';
import { ReceiptOutbox } from './receipts/outbox.js';
import { BackgroundReceiptPass } from './receipts/background-pass.js';
import { DigestSchedule } from './digest/schedule.js';
import { startHealthServer, type HealthServer } from './health.js';
import { Progress } from './progress.js';
import { faultPoint } from './faults.js';
import type { StatusReport } from './status/report.js';
import { HeartbeatWriter } from './status/heartbeat.js';
import { LiveStatus } from './status/live.js';
import { mailboxSource } from './status/read.js';
import { doneUnlessAborted } from './stop-wait.js';
import { LoopTrouble } from './loop-trouble.js';
import { collectGarbageIfAbove } from './memory-mode.js';
import { programKey } from './store/classified-with.js';

export type { Heartbeat } from './status/report.js';

/**
 * Messages fetched, read and filed together. Two batches are in hand at a time (see drain()); 20
 * keeps both cores busy as well as 50 did, with less in memory and less to collect. Each pass
 * over the mailbox starts with smaller ones (1, 2, 4, 8, 16): a message is filed when its whole
 * batch is read, and the first of a burst should not wait for nineteen after it.
 */
const BATCHES = growingBatches(20);

export class Daemon {
  private readonly abort = new AbortController();
  private rules: Rules;
  private store!: Store;
  private pool!: ExtractorPool;
  private program = '';
  private mailbox!: Mailbox;
  private outbox!: ReceiptOutbox;
  private digest: DigestSchedule | null = null;
  private health: HealthServer | null = null;
  private beat!: HeartbeatWriter;
  private checkedOnce = false;
  /** Messages waiting to be read, the batches in hand in arrival order (see drain). */
  private readonly readQueue: PQueue;
  private running: Promise<void> | null = null;
  private live!: LiveStatus;
  private readonly troubles: LoopTrouble;
  /** The pass over due receipts running while mail is still being filed. */
  private receipts!: BackgroundReceiptPass;
  /** Caseworkers' decisions: command-line requests, command mails (src/decisions/). */
  private desk!: DecisionDesk;

  constructor(
    private readonly config: Config,
    rules: Rules,
    private readonly log: Logger,
    private readonly options: { now?: () => Date; mailbox?: Mailbox; onOutcome?: (item: Incoming, outcome: Outcome) => void } = {},
  ) {
    this.rules = rules;
    this.now = options.now ?? (() => new Date());
    this.troubles = new LoopTrouble(log, config.dataDir);
    // Enough messages in flight that an extraction worker always has the next document waiting.
    this.readQueue = new PQueue({ concurrency: Math.max(4, config.workers * 2) });
  }

  /** The daemon's clock: every time it keeps, writes or compares comes from here. */
  private readonly now: () => Date;

  private get heartbeat() {
    return this.beat.value;
  }

  /** Messages an extraction worker read whole (parsed, classified) instead of this process. */
  get readInWorkers(): number {
    return this.pool?.messagesRead ?? 0;
  }

  get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /**
   * Opens the store, the workers and the mailbox. With `waitForMailbox` (the long-running daemon)
   * a mailbox that cannot be reached yet is not fatal: it is said in the log and the status, and
   * tried again with backoff. A one-off pass (`--once`) fails instead.
   */
  async open(options: { waitForMailbox?: boolean } = {}): Promise<void> {
    this.store = await Store.open(this.config.dataDir, { lock: true });
    this.pool = new ExtractorPool(this.config.workers);
    // What this process runs, taken now (its modules are loaded): workers started from other code read no messages.
    this.program = programKey();
    this.mailbox = this.options.mailbox ?? mailboxFor(this.config, this.store, this.log);
    this.outbox = new ReceiptOutbox(this.config, () => this.rules, this.store, this.log.child({ part: 'receipts' }), this.now);
    await this.outbox.open();
    this.receipts = new BackgroundReceiptPass(this.outbox, () => this.stopping);
    this.desk = new DecisionDesk(
      { config: this.config, rules: () => this.rules, store: this.store, mailbox: this.mailbox, receipts: this.outbox, sendReceipts: () => this.receipts.soon(), log: this.log.child({ part: 'decisions' }), now: this.now },
      () => this.reloadRules(),
    );
    this.beat = await HeartbeatWriter.start(this.store, this.now, mailboxSource(this.config));
    this.live = new LiveStatus(this.config, this.store, this.now);
    this.log.info({ store: this.config.dataDir, source: this.heartbeat.source, records: this.store.size }, 'innspill started');
    // Stopped while starting: the mailbox is not reached for nothing, or not waited for.
    if (this.stopping) return;
    try {
      if (!(await this.untilStopped(this.mailbox.open()))) return;
      this.heartbeat.connected = true;
    } catch (err) {
      // A refused login will not mend itself by waiting: stop, and say which setting to check.
      if (!options.waitForMailbox || err instanceof MailboxLoginError) throw err;
      this.heartbeat.connected = false;
      this.log.error({ err: (err as Error).message }, 'the mailbox cannot be reached yet; innspill keeps trying');
    }
    await this.desk.start();
    // `innspill status` tells this run from the last one by the pid: say at once that we are here.
    await this.beat.write(true);
  }

  /**
   * Waits for `work` unless the daemon is stopped first: then the mailbox is closed (which ends
   * a connection still being made) and false is returned without waiting for `work` to settle.
   */
  private async untilStopped(work: Promise<void>): Promise<boolean> {
    if (await doneUnlessAborted(work, this.abort.signal)) return true;
    await this.mailbox.close().catch(() => undefined);
    return false;
  }

  /** SIGHUP: new rules and templates, or the old ones kept when the new ones have a mistake. */
  reloadRules(): boolean {
    try {
      this.rules = loadRules(this.config.rulesDir);
      this.log.info({ rules: this.config.rulesDir }, 'rules and templates reloaded');
      return true;
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'the new rules have a mistake; the last good rules stay in use');
      return false;
    }
  }

  /**
   * Handles everything waiting in the mailbox. Returns how many messages were read.
   *
   * Three batches are in hand at a time: while one is read (parsed, classified, its documents
   * extracted), the next is fetched and starts being read as soon as the first one's last messages
   * are under way, and the one before is written to the store and the mailbox changed, so neither
   * the extraction workers, this process nor the IMAP connection wait for a whole batch to end.
   * The order of effects is unchanged: a batch is filed only after the batch before it is
   * completely done, each message's record is stored before its mailbox changes, and every message
   * is classified as if it had been read after the batches before it were filed (readAgainIfStale).
   */
  async drain(showProgress = false): Promise<number> {
    let count = 0;
    const progress = showProgress ? new Progress('Leser postmottak') : null;
    const batches = this.mailbox.waiting(BATCHES)[Symbol.asyncIterator]();
    let next: IteratorResult<Incoming[]> | null = await batches.next();
    let reading = next.done ? null : this.read(next.value);
    let readingFollowing: Promise<ReadResult[]> | null = null;
    let finishing: Promise<void> = Promise.resolve();
    try {
      while (next && !next.done) {
        const batch = next.value;
        progress?.add(batch.length);
        // The next batch is fetched and queued behind this one's messages before this one is read through.
        const following = this.stopping ? null : await batches.next();
        readingFollowing = following && !following.done ? this.read(following.value) : null;
        await finishing;
        const results = await readAgainIfStale(batch, await reading!, this.deps());
        // Indexed at once; written, logged and moved in the background while the next batch is read.
        finishing = fileBatch(batch, results, this.deps()).then((outcomes) => this.finish(batch, outcomes));
        finishing.catch(() => undefined); // awaited below; this only keeps it from counting as unhandled meanwhile
        count += batch.length;
        // A stop asked for meanwhile leaves the next batch in the mailbox, read or not: it is read again at the next start.
        next = this.stopping ? null : following;
        reading = next ? readingFollowing : null;
      }
      await finishing;
    } finally {
      await finishing.catch(() => undefined);
      await reading?.catch(() => undefined);
      await readingFollowing?.catch(() => undefined);
      await batches.return?.(undefined).catch(() => undefined);
    }
    progress?.stop();
    this.heartbeat.lastCheckAt = this.now().toISOString();
    this.heartbeat.connected = true;
    // After filing or after the first check, at once; else at most every 5 s.
    await this.beat.write(count > 0 || !this.checkedOnce);
    this.checkedOnce = true;
    return count;
  }

  private deps(): PipelineDeps {
    return {
      rules: () => this.rules,
      store: this.store,
      extractor: this.pool.extractor,
      limits: limitsFrom(this.config),
      log: this.log,
      receiptAllowed: (address) => this.outbox.allow(address),
      now: this.now,
      concurrency: this.readQueue.concurrency,
      queue: this.readQueue,
      caseworkers: this.desk.caseworkers(),
      // Parsing and classifying in the extraction workers too, so both cores do the per-message work.
      workers: { pool: this.pool, rulesDir: this.config.rulesDir, programKey: this.program },
    };
  }

  private read(batch: Incoming[]): Promise<ReadResult[]> {
    const reading = readBatch(batch, this.deps());
    reading.catch(() => undefined); // awaited by drain(); see there
    return reading;
  }

  /** After the batch's records are stored: logs, receipts to track, then the mailbox changes. */
  private async finish(batch: Incoming[], outcomes: Outcome[]): Promise<void> {
    outcomes.forEach((o, i) => {
      logOutcome(this.log, batch[i]!, o);
      this.options.onOutcome?.(batch[i]!, o);
      if (o.kind === 'filed') {
        this.outbox.track(o.record);
        this.heartbeat.lastFiledAt = o.record.filedAt;
        this.heartbeat.lastFiledId = o.record.id;
      }
    });
    const { filed, commands } = batchMoves(batch, outcomes);
    // Only now, with every record safely stored, does the mailbox change.
    faultPoint('record-stored-before-move');
    // Command mails are obeyed (or refused) before they leave the inbox: a crash in between reads them again, and a replay changes nothing.
    await this.desk.commandMails(commands.mails);
    if (commands.items.length > 0) await this.mailbox.moveFiled(commands.items, this.desk.commandFolder());
    for (const [consultation, items] of filed) {
      await this.mailbox.moveFiled(items, filedFolderFor(rulesFor(this.rules, consultation), this.config.imap?.filedFolder ?? null));
    }
    await this.mailbox.handled(batch);
    await this.beat.write(true);
    if (outcomes.some((o) => o.kind === 'filed' && o.record.receipt.status === 'pending')) this.receipts.soon();
    // What the batch's messages, parts and texts took is given back before the next (see memory-mode.ts).
    collectGarbageIfAbove();
  }

  /** `run --once`: everything waiting, every receipt due, then stop. */
  async runOnce(showProgress = false): Promise<{ read: number; receipts: number }> {
    const read = await this.drain(showProgress);
    await this.desk.handleRequests();
    const receipts = await this.receipts.all();
    return { read, receipts };
  }

  /** The long-running loop; resolves after stop(). */
  async run(): Promise<void> {
    if (this.config.health) this.health = await startHealthServer(this.config.health, () => this.status());
    this.digest = new DigestSchedule(this.config, () => this.rules, this.store, this.log.child({ part: 'digest' }), this.now);
    this.digest.start();
    this.running = (async () => {
      let first = true;
      while (!this.stopping) {
        try {
          await this.drain(first && process.stderr.isTTY === true);
          first = false;
          // Said as soon as mail is filed again, not after the receipts that follow (a stop meanwhile left it unsaid).
          this.troubles.passed();
          await this.receipts.all();
          await this.desk.handleRequests();
          this.heartbeat.connected = true;
        } catch (err) {
          await this.trouble(err);
          continue;
        }
        const untilReceipt = this.outbox.msUntilNextDue();
        const wait = Math.min(this.config.imap ? this.config.imap.checkSeconds * 1000 : 10_000, untilReceipt ?? Infinity);
        await this.mailbox.waitForMail(Math.max(200, wait), this.desk.waitSignal(this.abort.signal));
      }
    })();
    await this.running;
  }

  /** Says what went wrong in words, then waits before the next try. */
  private async trouble(err: unknown): Promise<void> {
    const { waitMs, writeHeartbeat } = this.troubles.failed(err, this.mailbox, this.heartbeat);
    if (writeHeartbeat) await this.beat.write(true).catch(() => undefined);
    await this.mailbox.waitForMail(waitMs, this.abort.signal);
  }

  /** The same report `innspill status --json` gives, from what the daemon holds in memory. */
  async status(): Promise<StatusReport> {
    return this.live.report({ heartbeat: this.heartbeat, receipts: this.outbox.counts(), nextDigest: this.digest?.nextRun() ?? null });
  }

  stop(): void {
    if (!this.stopping) this.log.info('stopping: finishing the message in hand');
    this.abort.abort();
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.running?.catch(() => undefined);
    this.desk?.close();
    await this.receipts?.settled();
    await this.digest?.stop();
    await this.health?.close();
    await this.mailbox?.close().catch(() => undefined);
    await this.pool?.close();
    await this.outbox?.close();
    if (this.store) {
      if (this.beat) {
        this.heartbeat.connected = false;
        await this.beat.write(true).catch(() => undefined);
      }
      await this.store.close();
    }
    this.log.info('innspill stopped');
  }
}
