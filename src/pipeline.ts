// One batch of incoming messages through intake and into the store, the same for every source
// (IMAP, Maildir, files). Messages are read in parallel and filed in their arrival order. A message
// is read (parsed, its documents extracted, classified) by an extraction worker when one is free
// soon, else here with its documents in the workers: both cores do the per-message work.
import PQueue from 'p-queue';
import { intakeMessage, type IntakeResult } from './intake/index.js';
import { failedSubmission } from './intake/submission.js';
import { readAsMail } from './intake/problems.js';
import type { ExtractLimits, Extractor } from './intake/extract/index.js';
import type { Rules } from './rules/types.js';
import type { FileOutcome, Store } from './store/json-store.js';
import { trackFiled } from './store/campaign-tracker.js';
import type { FileRequest } from './store/build-record.js';
import { idYearOf, type IdStyle, type SubmissionRecord } from './store/record.js';
import { rulesFor } from './rules/views.js';
import type { Submission } from './intake/types.js';
import { reviewHoldsMessage, reviewHoldsReceipt } from './intake/review.js';
import type { Logger } from './log.js';
import type { Incoming } from './mailbox/types.js';
import { readCommandMail, type CommandMail } from './decisions/command-mail.js';
import type { ExtractorPool } from './extract-pool/pool.js';
import { mainThreadCpuMs } from './extract-pool/thread-cpu.js';
import { headerMessageIds } from './mail/header-ids.js';
import { ToldThreads, type ClassifiedBy } from './store/classified-with.js';
import { keepRuleData } from './store/rule-change.js';

export type Outcome =
  /** Filed now. `move`: it belongs to the consultation and leaves the inbox. */
  | { kind: 'filed'; record: SubmissionRecord; move: boolean }
  /** Seen before: already filed as `of`. `readable`: read as mail; `problems`: what intake found in this copy. */
  | { kind: 'duplicate'; of: string; move: boolean; readable: boolean; problems: string[]; consultation: string | null }
  /** Not the consultation's: left exactly where it was. */
  | { kind: 'unrelated'; submission: Submission }
  /** A caseworker's command mail (src/decisions/): never filed, never receipted. */
  | { kind: 'command'; mail: CommandMail };

/**
 * The store's threads as one message's intake saw them: every Message-ID it asked about (or could
 * have: its headers'), and those it was told are filed, with whose they are.
 */
export interface ThreadView {
  asked: string[];
  known: Array<[string, string | null]>;
}

/**
 * What reading one message gave: intake's result, what it was classified by and the threads it
 * saw (`view`, absent when the message could not be read), or a command mail (known before intake).
 */
export type ReadResult = (IntakeResult & { classifiedBy?: ClassifiedBy; view?: ThreadView }) | { command: CommandMail };

export interface PipelineDeps {
  rules: () => Rules;
  store: Store;
  extractor: Extractor;
  limits: ExtractLimits;
  log: Logger;
  /** At most this many receipts to one address in 24 hours (the loop guard). */
  receiptAllowed: (address: string) => boolean;
  now: () => Date;
  concurrency: number;
  /** Caseworkers' addresses: a mail from one of them is checked for command lines before intake. */
  caseworkers?: readonly string[];
  /**
   * Where messages wait to be read, shared by the batches in hand (one in arrival order, at most
   * `concurrency` at a time): a batch's messages start before the next batch's, and the next batch
   * starts as soon as this one's last messages are under way. Without it, each batch has its own.
   */
  queue?: PQueue;
  /**
   * Reads whole messages in the extraction workers (parsing, documents, classification), so that
   * both cores do the per-message work; `rulesDir` is where the rules in use were loaded from.
   * Without it (or for rules not loaded from a folder) every message is read here.
   */
  workers?: { pool: Pick<ExtractorPool, 'readMessage' | 'cpuMsPerWorker'>; rulesDir: string; programKey: string };
}

/**
 * The first half of filing a batch: every message of the batch through intake (in a worker or
 * here, see readInWorker). Nothing is filed; the rules' data is kept in the store's state once.
 */
export async function readBatch(batch: Incoming[], deps: PipelineDeps): Promise<ReadResult[]> {
  const rules = deps.rules();
  // The records read now carry these rules' data key: their data is kept for a later reclassify to compare with.
  await keepRuleData(deps.store, rules);
  const queue = deps.queue ?? new PQueue({ concurrency: deps.concurrency });
  const results = await Promise.all(
    batch.map((item) =>
      queue.add(async () => {
        try {
          // A command mail is not consultation input: told apart before anything is classified.
          const command = await readCommandMail(item.raw, deps.caseworkers ?? []);
          if (command) return { command };
          const inWorker = await readInWorker(item, rules, deps);
          if (inWorker) return inWorker;
          return await readHere(item, rules, deps);
        } catch (err) {
          return { parts: [], submission: failedSubmission(err) };
        }
      }),
    ),
  );
  return results.map((r) => r!);
}

/** One message read in this process, against the store's threads as they are now. */
async function readHere(item: Incoming, rules: Rules, deps: PipelineDeps): Promise<ReadResult> {
  const told = new ToldThreads(deps.store.threadIds);
  const result = await intakeMessage(item.raw, rules, {
    extractor: deps.extractor,
    limits: deps.limits,
    mailboxDate: item.mailboxDate,
    knownThreadIds: told,
  });
  const view: ThreadView = { asked: told.asked(), known: told.known() };
  return rules.dataKey ? { ...result, classifiedBy: { dataKey: rules.dataKey, threads: view.known }, view } : { ...result, view };
}

/**
 * The batch's results as if every message had been read after the batches before it were filed:
 * a message read while the batch before it was still being read (see PipelineDeps.queue) may have
 * asked about a Message-ID that batch has filed since, and is read again here (rare: a reply
 * arriving within a batch or two of what it answers). Call it once the batches before are in the
 * store's index, that is after their fileBatch() was called.
 */
export async function readAgainIfStale(batch: Incoming[], results: ReadResult[], deps: PipelineDeps): Promise<ReadResult[]> {
  const threads = deps.store.threadIds;
  const stale = (view: ThreadView): boolean => {
    const told = new Map(view.known);
    return view.asked.some((id) => (threads.has(id) ? !told.has(id) || told.get(id) !== (threads.consultationOf(id) ?? null) : told.has(id)));
  };
  const rules = deps.rules();
  return Promise.all(
    results.map(async (res, i) => {
      if ('command' in res || !res.view || !stale(res.view)) return res;
      try {
        return await readHere(batch[i]!, rules, deps);
      } catch (err) {
        return { parts: [], submission: failedSubmission(err) };
      }
    }),
  );
}

/**
 * A message read by an extraction worker; null when this process has done less (it is read here),
 * and when the worker could not read it as the daemon would (other rules loaded there, intake asked about a thread the daemon knows
 * but did not send, the worker stopped): the daemon then reads it itself, with the same result.
 */
async function readInWorker(item: Incoming, rules: Rules, deps: PipelineDeps): Promise<(IntakeResult & { classifiedBy: ClassifiedBy; view: ThreadView }) | null> {
  const w = deps.workers;
  // Read here when this process has used less CPU than each worker: then both cores do the same share
  // whether the mail is mostly text (the daemon's own work is larger) or documents (the workers').
  // Measured with one worker: reading here whenever two were waiting left the daemon reading more
  // than half itself, its CPU on 1,000 text messages as before; sending nearly all to the worker
  // made the worker the slower one on mixed mail (46 s against the daemon's 18 s for 600 messages).
  // The daemon's share is its main thread's CPU: the workers are threads of this process, and
  // process.cpuUsage() would count their time as the daemon's (thread-cpu.ts).
  if (!w || !rules.dataKey || mainThreadCpuMs() < w.pool.cpuMsPerWorker) return null;
  const threads = deps.store.threadIds;
  const asked = headerMessageIds(item.raw);
  const told = asked.filter((id) => threads.has(id)).map((id): [string, string | null] => [id, threads.consultationOf(id)]);
  const answer = await w.pool.readMessage(item.raw, {
    rulesDir: w.rulesDir,
    dataKey: rules.dataKey,
    programKey: w.programKey,
    mailboxDate: item.mailboxDate,
    limits: deps.limits,
    threads: told,
    asked,
  });
  if ('fallback' in answer) return null;
  if (answer.unasked.some((id) => threads.has(id))) return null;
  const { submission, parts, known } = answer.result;
  return {
    submission,
    ...(known ? { known } : {}),
    parts: parts.map((p: Uint8Array) => (Buffer.isBuffer(p) ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength))),
    classifiedBy: { dataKey: rules.dataKey, threads: told },
    view: { asked: [...new Set([...asked, ...answer.unasked])], known: told },
  };
}

/**
 * The second half: the read batch into the store, in arrival order. The records are in the
 * store's index when this returns its promise (before the files are written), so a batch read
 * after this call sees them, just as one read after the whole batch was filed.
 */
export function fileBatch(batch: Incoming[], results: ReadResult[], deps: PipelineDeps): Promise<Outcome[]> {
  try {
    return fileBatchNow(batch, results, deps);
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Its consultation's id prefix and year; what belongs to none (a file that is not mail) is numbered in the default one. */
function idStyleFor(rules: Rules, submission: Submission): IdStyle {
  const c = rulesFor(rules, submission.consultation?.id).consultation;
  return { prefix: c.idPrefix, year: idYearOf(c.letterDate) };
}

function fileBatchNow(batch: Incoming[], results: ReadResult[], deps: PipelineDeps): Promise<Outcome[]> {
  const rules = deps.rules();
  const outcomes: Outcome[] = new Array<Outcome>(batch.length);
  const requests: FileRequest[] = [];
  const requestIndex: number[] = [];
  results.forEach((res, i) => {
    if ('command' in res) {
      outcomes[i] = { kind: 'command', mail: res.command };
      return;
    }
    const { submission, parts, classifiedBy, known } = res;
    const item = batch[i]!;
    const readable = readAsMail(submission);
    // Held for review: stored (nothing lost), left in the inbox, its receipt neither sent nor
    // dropped — but for input held only for the choice of its consultation, whose receipt goes.
    const held = readable && reviewHoldsMessage(submission.review);
    const receiptHeld = readable && reviewHoldsReceipt(submission.review);
    if (!submission.relevant && readable && !held) {
      outcomes[i] = { kind: 'unrelated', submission };
      return;
    }
    const duplicate = deps.store.duplicateOf(submission, item.raw, readable);
    if (duplicate) {
      outcomes[i] = { kind: 'duplicate', of: duplicate, move: readable && !held, readable, problems: submission.problems, consultation: submission.consultation?.id ?? null };
      return;
    }
    let receipt: FileRequest['receipt'];
    if (!readable) receipt = { status: 'skipped', reason: 'ingen kvittering: meldingen kunne ikke leses' };
    else if (receiptHeld) receipt = { status: 'held', reason: submission.receipt.reason };
    else if (!submission.receipt.send) receipt = { status: 'skipped', reason: submission.receipt.reason };
    else if (!deps.receiptAllowed(submission.from!.address)) {
      receipt = { status: 'skipped', reason: `ingen kvittering: grensen for kvitteringer til ${submission.from!.address} i løpet av et døgn er nådd` };
    } else receipt = { status: 'pending', reason: submission.receipt.reason };
    requests.push({ submission, raw: item.raw, source: item.source, arrivedAt: item.mailboxDate, readable, receipt, parts, idStyle: idStyleFor(rules, submission), ...(classifiedBy ? { classifiedBy } : {}), ...(known ? { known } : {}) });
    requestIndex.push(i);
  });

  return deps.store.fileMany(requests, deps.now(), idYearOf(rulesFor(rules, null).consultation.letterDate)).then((filed) => {
    filed.forEach((outcome, k) => {
      const i = requestIndex[k]!;
      // What could not be read stays in the inbox, a copy of it too.
      const move = requests[k]!.readable && !reviewHoldsMessage(requests[k]!.submission.review);
      outcomes[i] =
        outcome.kind === 'filed'
          ? { kind: 'filed', record: outcome.record, move }
          : { kind: 'duplicate', of: outcome.of, move, readable: requests[k]!.readable, problems: requests[k]!.submission.problems, consultation: requests[k]!.submission.consultation?.id ?? null };
    });
    return trackCampaigns(filed, requests, deps).then(() => outcomes);
  });
}

/**
 * After filing: the new records into the campaign index (a late member joins its campaign). The
 * records are stored already; if this fails, the campaigns are completed by the next reader.
 */
async function trackCampaigns(filed: FileOutcome[], requests: FileRequest[], deps: PipelineDeps): Promise<void> {
  const records = filed.flatMap((o, k) => (o.kind === 'filed' ? [{ record: o.record, submission: requests[k]!.submission }] : []));
  await trackFiled(deps.store, records, deps.rules(), deps.log).catch((err: unknown) => {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'the campaign index could not be updated; campaigns are recomputed from the records when read');
  });
}

/**
 * One log line per handled message: id, from, relevant, commitments, receipt decision. Lines about
 * a filed message carry its record id as `id` (a pino child), like the receipt lines that follow.
 */
export function logOutcome(parent: Logger, item: Incoming, outcome: Outcome): void {
  const where = item.source.kind === 'imap' ? `uid ${item.source.uid}` : item.source.kind === 'maildir' ? item.source.file : item.source.path;
  if (outcome.kind === 'filed') {
    const r = outcome.record;
    const log = parent.child({ id: r.id });
    log.info(
      {
        from: r.from?.address ?? null,
        relevant: r.relevant,
        automatic: r.automaticKind,
        commitments: r.commitments.map((c) => c.id),
        organisation: r.sender.organisation,
        late: r.late,
        receipt: r.receipt.status,
        source: where,
        problems: r.problems.length,
      },
      `filed ${r.id}${r.receipt.status === 'pending' ? ' (receipt queued)' : r.receipt.status === 'held' ? ' (held for review: left in the inbox, receipt held)' : ''}${
        r.receipt.status !== 'held' && r.review?.reasons.includes('consultation-uncertain') ? ' (left in the inbox until a caseworker chooses its consultation)' : ''
      }`,
    );
  } else if (outcome.kind === 'command') {
    parent.info({ from: outcome.mail.from, lines: outcome.mail.lines.length, source: where }, 'a command mail (decisions by a caseworker); not filed');
  } else if (outcome.kind === 'duplicate') {
    parent.child({ id: outcome.of }).info({ duplicateOf: outcome.of, source: where }, `already filed as ${outcome.of}`);
  } else {
    const s = outcome.submission;
    parent.info({ from: s.from?.address ?? null, relevant: false, automatic: s.automaticKind, source: where }, 'not part of the consultation; left in place');
  }
}
