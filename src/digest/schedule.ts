// Digests on a schedule inside `innspill run`: node-cron with INNSPILL_DIGEST_CRON in
// INNSPILL_TZ. On start, a digest that fell due while innspill was down is sent at once.
// Runs never overlap: scheduled, late, catch-up and runNow() calls wait for each other.
// When ticks come is a hook (CronClock): node-cron by default; tests hand in one they tick by hand.
import { createTask, type ScheduledTask } from 'node-cron';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Rules } from '../rules/types.js';
import type { Store } from '../store/json-store.js';
import { lastScheduledTime } from './last-scheduled.js';
import { digestRecipients, sendDigest } from './send.js';
import { activeConsultations } from '../rules/views.js';
import { consultationOfRecord, type SubmissionRecord } from '../store/record.js';
import { consultationsWithDigest } from './which.js';
import { digestStateName, readDigestState } from './state.js';

/** One started cron schedule, as the digest schedule needs it. */
export interface CronTicks {
  /** Does this time match the expression (in the schedule's time zone)? */
  match(date: Date): boolean;
  /** When the next tick is due, or null. */
  nextRun(): Date | null;
  stop(): void;
}

/** Starts ticking `cron` in `timezone`: `onTick` at each scheduled time, also late for a tick that was missed. Throws on a bad expression. */
export type CronClock = (cron: string, timezone: string, onTick: () => Promise<void>, log: Logger) => CronTicks;

/** The real clock: node-cron, whose missed ticks (the process was busy over a second) are run late instead of skipped. */
export const nodeCronClock: CronClock = (cron, timezone, onTick, log) => {
  const task: ScheduledTask = createTask(cron, onTick, { name: 'innspill-digest', timezone, noOverlap: true, logger: cronLogger(log) });
  task.on('execution:missed', () => void onTick());
  void task.start();
  return {
    match: (d) => task.match(d),
    nextRun: () => task.getNextRun(),
    stop: () => void task.destroy(),
  };
};

export class DigestSchedule {
  private task: CronTicks | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: Config,
    private readonly rules: () => Rules,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly clock: CronClock = nodeCronClock,
  ) {}

  start(): void {
    const { cron } = this.config.digest;
    const to = [...new Set(activeConsultations(this.rules()).flatMap((v) => digestRecipients(this.config, v)))];
    if (to.length === 0) {
      this.log.info('no digest recipients configured (INNSPILL_DIGEST_TO); no digests will be mailed');
      return;
    }
    try {
      this.task = this.clock(cron, this.config.timezone, () => this.runLogged(), this.log);
    } catch (err) {
      this.log.error({ cron, err: (err as Error).message }, 'INNSPILL_DIGEST_CRON is not a valid schedule; no digests will be mailed');
      return;
    }
    this.log.info({ cron, timezone: this.config.timezone, to, next: this.nextRun()?.toISOString() ?? null }, 'digest schedule started');
    this.catchUp().catch((err: Error) => this.log.error({ err: err.message }, 'the missed digest could not be sent; the next one covers it'));
  }

  /** Stops the schedule and waits for a digest being sent right now, so its state is written. */
  async stop(): Promise<void> {
    this.task?.stop();
    this.task = null;
    await this.queue;
  }

  /** When the next digest is due (by the real clock, which node-cron goes by). */
  nextRun(): Date | null {
    return this.task?.nextRun() ?? null;
  }

  /** Sends a digest of everything new now (nothing new: no mail, unless sendEmpty). */
  runNow(): Promise<{ sent: boolean; count: number }> {
    return this.serially(() => this.send());
  }

  /**
   * Sends a digest at once when one fell due while innspill was down: a scheduled time passed
   * after the last digest was sent (or, before the first, after the oldest unsent record was
   * filed) and something is waiting. Returns whether it sent one.
   */
  catchUp(): Promise<boolean> {
    return this.serially(() => this.sendIfMissed());
  }

  /** Each consultation on its own: its state, its unsent records, its digest. */
  private async sendIfMissed(): Promise<boolean> {
    if (!this.task) return false;
    const task = this.task;
    const records = await this.store.readAllCopies();
    let sent = false;
    for (const view of this.consultations(records)) {
      const state = await readDigestState(this.store, digestStateName(view));
      const unsent = records.filter((r) => r.seq > state.lastSeq && consultationOfRecord(r, view.routing.default) === view.consultation.id);
      if (unsent.length === 0) continue;
      const now = this.now();
      const due = lastScheduledTime(this.config.digest.cron, this.config.timezone, now, (d) => task.match(d));
      const reference = state.lastSentAt ? Date.parse(state.lastSentAt) : Math.min(...unsent.map((r) => Date.parse(r.filedAt)));
      if (due === null || due.getTime() <= reference) continue;
      this.log.info({ due: due.toISOString(), lastSentAt: state.lastSentAt, consultation: view.consultation.id }, 'a digest fell due while innspill was not running; sending it now');
      sent = (await this.sendOne(view)).sent || sent;
    }
    return sent;
  }

  /** The consultations that get a digest (digest/which.ts) and have someone to send it to. */
  private consultations(records: SubmissionRecord[]): Rules[] {
    return consultationsWithDigest(this.rules(), records).filter((v) => digestRecipients(this.config, v).length > 0);
  }

  private async send(): Promise<{ sent: boolean; count: number }> {
    let sent = false;
    let count = 0;
    for (const view of this.consultations(await this.store.readAllCopies())) {
      const one = await this.sendOne(view);
      sent ||= one.sent;
      count += one.count;
    }
    return { sent, count };
  }

  private async sendOne(view: Rules): Promise<{ sent: boolean; count: number }> {
    const result = await sendDigest({ config: this.config, rules: view, store: this.store, now: this.now() });
    if (result.sent) {
      this.log.info(
        { count: result.count, messageId: result.messageId, deliveredTo: result.deliveredTo, consultation: view.consultation.id },
        `digest sent (${result.count} new submissions)`,
      );
    }
    return { sent: result.sent, count: result.count };
  }

  private async runLogged(): Promise<void> {
    try {
      await this.runNow();
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'the digest could not be sent; the next one covers the same submissions');
    }
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** node-cron's own messages (e.g. a missed tick) go to our log, not to stdout. */
function cronLogger(log: Logger) {
  const text = (message: string | Error, err?: Error) => err?.message ?? (message instanceof Error ? message.message : message);
  return {
    info: (message: string) => log.debug({ part: 'node-cron' }, message),
    warn: (message: string) => log.warn({ part: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) => log.error({ part: 'node-cron' }, text(message, err)),
    debug: (message: string | Error, err?: Error) => log.debug({ part: 'node-cron' }, text(message, err)),
  };
}
