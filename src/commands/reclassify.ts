// `innspill reclassify`: the current rules over every record already filed (after a caseworker
// changed keywords or the sender register). Attachments are not read again: their stored text
// is used. Ids, filing order, where a message came from and receipt state never change.
import PQueue from 'p-queue';
import type { Rules } from '../rules/types.js';
import { keyOf } from '../campaigns/input.js';
import { Store } from '../store/json-store.js';
import { refreshCampaignIndex } from '../store/campaign-tracker.js';
import { classifyAgain } from '../store/classify-again.js';
import { classificationKey, knownThreads, threadsFrom } from '../store/classified-with.js';
import { ClassifyPool, defaultPoolSize, POOL_MIN_RECORDS } from '../store/reclassify-pool.js';
import { RuleChange } from '../store/rule-change.js';
import type { SubmissionRecord } from '../store/record.js';
import type { Submission } from '../intake/types.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { showDateTime } from '../time/local-time.js';
import { applyOverrides } from '../decisions/overrides.js';
import { rulesFor } from '../rules/views.js';

/** One field of a record that the new rules changed, for people: "forpliktelser: einnsyn → –". */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ReclassifySummary {
  records: number;
  /** Records left as they were without classifying them: the program, the rules and their inputs were those they were last classified from. */
  skipped: number;
  /**
   * Records not classified again because the rules changed only in commitments' terms and none of
   * those terms is in their words (rule-change.ts): only their key was brought up to date.
   */
  untouched: number;
  /** Records classified in worker threads (reclassify-pool.ts); the others classified were classified in this thread. */
  inWorkers: number;
  /** Worker threads started (none when no record had to be classified). */
  workersStarted: number;
  /** Records with at least one field changed; changed + unchanged = records. */
  changed: number;
  unchanged: number;
  /** How many records changed in each field (a record may change in more than one). */
  byField: Record<string, number>;
  /** Every changed record, in filing order, with what changed. */
  changes: Array<{ id: string; fields: FieldChange[] }>;
  commitmentsChanged: number;
  senderChanged: number;
  relevanceChanged: number;
  /** State files of earlier rules versions no later reclassify can use, removed (for the operator's log). */
  stateFilesRemoved: { files: number; bytes: number };
}

const yesNo = (b: boolean | undefined) => (b ? 'ja' : 'nei');

/** The fields a caseworker sees change, each with how it is shown (bokmål and local time, as in list and show). */
const fields = (tz: string): Array<{ field: string; show: (r: Submission | SubmissionRecord) => string }> => [
  { field: 'relevant', show: (r) => yesNo(r.relevant) },
  { field: 'automatisk', show: (r) => r.automaticKind ?? 'nei' },
  { field: 'avsender', show: (r) => `${r.sender.organisation ?? 'ukjent organisasjon'} (${r.sender.category})` },
  { field: 'forpliktelser', show: (r) => r.commitments.map((c) => c.id).sort().join(', ') || '–' },
  { field: 'ingen merknader', show: (r) => yesNo(r.noComments) },
  { field: 'til vurdering', show: (r) => yesNo(r.review?.needed) },
  { field: 'språk', show: (r) => r.language },
  { field: 'mottatt', show: (r) => (r.receivedAt ? showDateTime(new Date(r.receivedAt), tz) : 'ukjent') },
  { field: 'etter fristen', show: (r) => yesNo(r.late) },
];

export function fieldChanges(before: SubmissionRecord, after: Submission | SubmissionRecord, tz: string): FieldChange[] {
  return fields(tz).flatMap(({ field, show }) => (show(before) === show(after) ? [] : [{ field, before: show(before), after: show(after) }]));
}

export interface ReclassifyOptions {
  onProgress?: (n: number) => void;
  /** Worker threads that classify (reclassify-pool.ts); 0: all in this thread. Default: one per core once the store has POOL_MIN_RECORDS records. */
  workers?: number;
}

export async function reclassify(store: Store, rules: Rules, now: Date, options: ReclassifyOptions = {}): Promise<ReclassifySummary> {
  const { onProgress } = options;
  const changes: Array<{ seq: number; id: string; fields: FieldChange[] }> = [];
  let records = 0;
  let skipped = 0;
  let untouched = 0;
  let inWorkers = 0;
  /** Records classified again other than for a change of terms (a new version, other rules changed, no key). */
  let classifiedAfresh = 0;
  let campaignInputsChanged = false;
  const campaignKey = (r: SubmissionRecord) => keyOf(r, { readable: r.readable, defaultConsultation: rules.routing.default }, r.attachments);
  const ids = store.ids();
  const ruleChange = await RuleChange.open(store, rules);
  const workers = options.workers ?? (ids.length >= POOL_MIN_RECORDS ? defaultPoolSize() : 0);
  // Started with the first record that must be classified: when every record is skipped, no
  // worker loads the program and the rules for nothing.
  let started: Promise<ClassifyPool | null> | null = null;
  let pool: ClassifyPool | null = null;
  /** Set once the workers are ready (or none could start): until then, changes of terms are looked at here. */
  let poolSettled = false;
  const poolNow = () =>
    (started ??= (workers > 0 ? ClassifyPool.start(store.dir, rules, workers) : Promise.resolve(null)).finally(() => {
      poolSettled = true;
    }));
  // Enough records read ahead to keep every worker busy while the main thread reads and writes.
  const queue = new PQueue({ concurrency: 4 * Math.max(1, workers) });
  for (const id of ids) {
    void queue.add(async () => {
      const record = await store.get(id);
      if (!record) return;
      records++;
      // The rules' data key the record carries when done with it (its rule data is kept, prune()).
      let carried = record.classifiedRules;
      try {
        // Classified before from exactly what it would be classified from now: nothing can change.
        const key = classificationKey(rules, record, store.threadIds);
        if (key !== null && record.classifiedWith === key) {
          skipped++;
          onProgress?.(1);
          return;
        }
        const known = knownThreads(record, store.threadIds);
        const threads = threadsFrom(known);
        // Found untouched by these rules before, and nothing it is classified from changed since.
        if (key !== null && ruleChange.foundBefore(record, threads)) {
          skipped++;
          onProgress?.(1);
          return;
        }
        // Rules changed only in terms that are nowhere in its words: what it holds stands. The record
        // is not rewritten (it keeps the key it was classified with); the finding is kept once for all.
        // Looked at in a worker together with the classifying, except while the workers start (a
        // second or two): then here.
        let check = key !== null && ruleChange.candidate(record, threads);
        if (!check) classifiedAfresh++;
        const starting = poolNow();
        if (check && !poolSettled) {
          if (await ruleChange.untouched(record, threads)) {
            untouched++;
            onProgress?.(1);
            return;
          }
          check = false;
        }
        // Everything intake was given the first time is given again (classify-again.ts), and a
        // consultation a person chose is kept: the message is judged by that one's rules. In a
        // worker when there are workers; what a worker could not do is done here.
        const pool = await starting;
        const here = async () => (check && (await ruleChange.untouched(record, threads)) ? ('untouched' as const) : await classifyAgain(store, rules, record, now));
        const classified = pool
          ? await pool.classify(record, known, now, check).then(
              (c) => {
                if (c !== 'untouched') inWorkers++;
                return c;
              },
              () => here(),
            )
          : await here();
        if (classified === 'untouched') {
          ruleChange.mark(record);
          untouched++;
          onProgress?.(1);
          return;
        }
        // Classified again though it was a candidate: the rules changed in more than terms, say.
        if (check && !(await ruleChange.termsOnly(record))) classifiedAfresh++;
        // Into the record as it is stored now (a receipt may have moved on meanwhile), and a
        // person's decisions over what the rules say: they stand whatever the rules say now.
        // The folder is synced once at the end, not after each of thousands of records.
        await store.modify(
          id,
          (current) => {
            const updated = applyOverrides({ ...current, ...classified }, rulesFor(rules, current.consultation?.id));
            const classifiedWith = classificationKey(rules, updated, threads);
            if (classifiedWith === null) {
              delete updated.classifiedWith;
              delete updated.classifiedRules;
            } else {
              updated.classifiedWith = classifiedWith;
              updated.classifiedRules = rules.dataKey!;
            }
            carried = updated.classifiedRules;
            const changed = fieldChanges(current, updated, rules.consultation.timezone);
            if (changed.length > 0) changes.push({ seq: current.seq, id: current.id, fields: changed });
            if (campaignKey(current) !== campaignKey(updated)) campaignInputsChanged = true;
            return updated;
          },
          { syncDir: false },
        );
        onProgress?.(1);
      } finally {
        ruleChange.inUse(carried);
      }
    });
  }
  try {
    await queue.onIdle();
  } finally {
    // (Assigned in the tasks above, which the type checker does not follow.)
    pool = await (started as Promise<ClassifyPool | null> | null);
    await pool?.close();
  }
  await store.syncRecords();
  await ruleChange.save();
  const pruned = await ruleChange.prune();
  // Each record rewritten added a line to the store's index: readers (list) then read it twice over.
  await store.compactIndex();
  // Campaigns are found again from the new own words and relevance. Not when every record was
  // skipped or left, nor when the records classified again were classified before by this very
  // program with rules that differ only in terms, and none of them changed in what its campaign
  // entry is made from.
  if (classifiedAfresh > 0 || campaignInputsChanged) await refreshCampaignIndex(store, rules);
  changes.sort((a, b) => a.seq - b.seq);
  const byField: Record<string, number> = {};
  for (const c of changes) for (const f of c.fields) byField[f.field] = (byField[f.field] ?? 0) + 1;
  const count = (...fields: string[]) => changes.filter((c) => c.fields.some((f) => fields.includes(f.field))).length;
  return {
    records,
    skipped,
    untouched,
    inWorkers,
    workersStarted: pool?.started ?? 0,
    changed: changes.length,
    unchanged: records - changes.length,
    byField,
    changes: changes.map(({ id, fields }) => ({ id, fields })),
    commitmentsChanged: count('forpliktelser'),
    senderChanged: count('avsender'),
    relevanceChanged: count('relevant', 'automatisk'),
    stateFilesRemoved: pruned,
  };
}

/** The report for people: the totals (changed + unchanged = all), per field, then each changed record. */
export function formatReclassify(s: ReclassifySummary): string {
  const lines = [`${s.records} innspill klassifisert på nytt: ${s.changed} endret, ${s.unchanged} uendret`];
  if (s.untouched > 0) lines.push(`Av dem ble ${s.untouched} ikke lest på nytt: ingen av ordene som er endret i reglene, står i dem`);
  const perField = Object.entries(s.byField);
  if (perField.length > 0) {
    lines.push(`Endret per felt (ett innspill kan være endret i flere felt): ${perField.map(([f, n]) => `${f} ${n}`).join(', ')}`);
    for (const c of s.changes) lines.push(`  ${c.id}  ${c.fields.map((f) => `${f.field}: ${f.before} → ${f.after}`).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Run by the daemon when it runs (it takes the new rules), else here under the store's lock. */
export async function reclassifyCommand(config: Config, rules: Rules, log: Logger, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { requestChange } = await import('../decisions/direct.js');
  const answer = await requestChange(config, rules, log, { kind: 'reclassify' });
  (answer.exitCode === 0 ? out : err).write(answer.text);
  return answer.exitCode;
}
