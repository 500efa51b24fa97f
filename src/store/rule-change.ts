// Reclassify in proportion to what a rule change can change (issue 17). The checked rule data
// records were classified with is kept in the store under its data key (state/rule-data-<key>.json);
// when the rules now differ from a record's only in commitments' terms (rules/term-changes.ts), and
// nothing else of the record changed, the record is classified again only when one of those terms
// is found in its own words or its attachments' texts — the texts intake finds them in. Anything
// not known for certain (no data kept, other rules changed, another program) means: classify it.
// A record found untouched is not rewritten: it keeps the key it was classified with, and the
// finding is kept once for all of them (state/untouched-<key>.json: record id → that key), so the
// next reclassify with the same rules skips it without reading its texts again. The search in a
// record's texts (TermChanges) runs in reclassify's workers when there are workers.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { findOwnTexts } from '../intake/attachment-own-words.js';
import { changedCommitmentTerms } from '../rules/term-changes.js';
import type { RuleData, Rules } from '../rules/types.js';
import { TermMatcher } from '../text/terms.js';
import { foldText } from '../text/fold.js';
import { classificationKeyFor } from './classified-with.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';
import type { IntakeOptions } from '../intake/context.js';

type Threads = NonNullable<IntakeOptions['knownThreadIds']>;

const stateName = (key: string) => `rule-data-${key}`;
const verdictsName = (key: string) => `untouched-${key}`;

/** Record id → the classification key it carried when the rules of the file's key were found to leave it as it is. */
type Verdicts = Record<string, string>;

/** What the search in a record's texts reads of the store: the kept rule data, the attachment texts. */
export interface RuleChangeFiles {
  path(...parts: string[]): string;
  readState<T>(name: string, fallback: T): Promise<T>;
}

/**
 * Keeps the rules' data in the store once per data key (state/rule-data-<key>.json): records filed
 * or classified with these rules carry the key, and a later reclassify compares its rules with them.
 */
export async function keepRuleData(store: Store, rules: Rules): Promise<void> {
  // Only whether it is there: the file is the data itself, not worth reading and parsing to find out.
  if (rules.dataKey && rules.data && !existsSync(store.path('state', `${stateName(rules.dataKey)}.json`))) {
    await store.writeState(stateName(rules.dataKey), rules.data);
  }
}

/**
 * The commitments' terms changed between the rules a record was classified with (kept by their data
 * key) and `rules`, and whether any of them is found in a record's texts. Used in the main thread
 * and in each of reclassify's workers (reclassify-worker.ts), which read the same store.
 */
export class TermChanges {
  /** Per data key the records were classified with: a matcher of the terms changed since, or null (classify them). */
  private readonly changes = new Map<string, Promise<TermMatcher | null>>();

  constructor(
    private readonly files: RuleChangeFiles,
    private readonly rules: Rules,
  ) {}

  /** The terms changed since the rules of `key`, as a matcher; null when more than terms changed (or the data is not kept). */
  since(key: string): Promise<TermMatcher | null> {
    let found = this.changes.get(key);
    if (!found) {
      found = this.files.readState<RuleData | null>(stateName(key), null).then(
        (before) => {
          const terms = before && this.rules.data ? changedCommitmentTerms(before, this.rules.data) : null;
          return terms === null ? null : new TermMatcher(terms);
        },
        () => null,
      );
      this.changes.set(key, found);
    }
    return found;
  }

  /**
   * True when the rules the record was last classified with (`classifiedRules`) differ from these
   * only in commitments' terms and none of the changed terms is found in its texts. The caller has
   * made sure that nothing else it is classified from changed (RuleChange.candidate).
   */
  async leaveAlone(record: SubmissionRecord): Promise<boolean> {
    if (!record.classifiedRules) return false;
    const changed = await this.since(record.classifiedRules);
    if (changed === null) return false;
    if (changed.size === 0) return true;
    // The texts intake looks for commitment terms in (attachment-own-words.ts), and the attachments' whole texts besides.
    const attachments = await Promise.all(
      record.attachments.map(async (a) => ({ filename: a.filename, text: a.textFile ? await readFile(this.files.path(a.textFile), 'utf8') : '' })),
    );
    // A quick look first: the attachments' own words are lines of their whole texts, and a word never
    // spans two lines, so a term not in the mail's words nor in the whole texts is in none of them.
    if (!changed.mayOccurIn([foldText(record.ownWords ?? ''), ...attachments.map((a) => foldText(a.text))])) return true;
    const own = findOwnTexts({ own: { text: record.ownWords ?? '' }, attachments, rules: this.rules });
    // (`whole` holds the attachments' whole texts, already folded, the same object where nothing was left out.)
    return changed.first([...own.segments.map((s) => s.text), ...own.whole]) === null;
  }
}

/** A state file of this module: its kind and the data key it belongs to. */
const STATE_FILE = /^(rule-data|untouched)-([A-Za-z0-9_-]+)\.json$/;

export class RuleChange {
  /** This run's findings (what still holds of the kept ones, and the new), written by save(). */
  private readonly found: Verdicts = {};
  /** The data keys the store's records carry after this run (see inUse). */
  private readonly keys = new Set<string>();
  private readonly terms: TermChanges;

  private constructor(
    private readonly store: Store,
    private readonly rules: Rules,
    /** What an earlier reclassify with these rules found untouched. */
    private readonly kept: Verdicts,
  ) {
    this.terms = new TermChanges(store, rules);
  }

  /** Keeps the rules' data in the store (once per data key), so a later reclassify can compare. */
  static async open(store: Store, rules: Rules): Promise<RuleChange> {
    await keepRuleData(store, rules);
    const kept = rules.dataKey ? await store.readState<Verdicts>(verdictsName(rules.dataKey), {}) : {};
    return new RuleChange(store, rules, kept);
  }

  /**
   * True when an earlier reclassify with these rules found the record untouched and nothing it is
   * classified from has changed since (the key it carries is still the key of its inputs).
   */
  foundBefore(record: SubmissionRecord, threads: Threads): boolean {
    const before = record.classifiedRules;
    if (!before || !record.classifiedWith || this.kept[record.id] !== record.classifiedWith) return false;
    if (classificationKeyFor(before, record, threads) !== record.classifiedWith) return false;
    this.mark(record);
    return true;
  }

  /**
   * True when the record was classified with other rules than these and nothing else it is
   * classified from changed since (its key is still the key of its inputs under those rules): then
   * TermChanges.leaveAlone may find that classifying it again cannot change it.
   */
  candidate(record: SubmissionRecord, threads: Threads): boolean {
    const before = record.classifiedRules;
    if (!before || !record.classifiedWith || !this.rules.dataKey || before === this.rules.dataKey) return false;
    return classificationKeyFor(before, record, threads) === record.classifiedWith;
  }

  /** Whether the rules differ from those the record was classified with only in commitments' terms. */
  async termsOnly(record: SubmissionRecord): Promise<boolean> {
    return record.classifiedRules !== undefined && (await this.terms.since(record.classifiedRules)) !== null;
  }

  /** The record was found untouched (here or in a worker): kept by save(). */
  mark(record: SubmissionRecord): void {
    if (record.classifiedWith) this.found[record.id] = record.classifiedWith;
  }

  /**
   * True when classifying the record again cannot change it: it was last classified (its key says
   * from what) by rules that differ from these only in commitments' terms, everything else it is
   * classified from is the same, and none of the changed terms is found in its texts.
   */
  async untouched(record: SubmissionRecord, threads: Threads): Promise<boolean> {
    if (!this.candidate(record, threads) || !(await this.terms.leaveAlone(record))) return false;
    this.mark(record);
    return true;
  }

  /** The rules' data key a record carries once this run is through with it: its data stays (prune). */
  inUse(classifiedRules: string | undefined): void {
    if (classifiedRules) this.keys.add(classifiedRules);
  }

  /**
   * Removes the state files no later reclassify can use, once every record was seen (inUse): the
   * rule data of keys no record carries, and the findings of rules other than these (kept only for
   * the rules in use). Each rules version a store was filed or classified with left one of each
   * (about 170 KB of rule data; the findings about 70 bytes a record). Reclassify runs under the
   * store's lock or in the daemon, so no record can be filed with another key meanwhile. Returns
   * what was removed, for the operator's log.
   */
  async prune(): Promise<{ files: number; bytes: number }> {
    const removed = { files: 0, bytes: 0 };
    const current = this.rules.dataKey;
    if (!current) return removed;
    const dir = this.store.path('state');
    for (const name of await readdir(dir)) {
      const m = STATE_FILE.exec(name);
      if (!m || m[2] === current) continue;
      if (m[1] === 'rule-data' && this.keys.has(m[2]!)) continue;
      const path = this.store.path('state', name);
      const { size } = await stat(path);
      await unlink(path);
      removed.files++;
      removed.bytes += size;
    }
    return removed;
  }

  /** Keeps this run's findings for the next reclassify with the same rules (one file, written once). */
  async save(): Promise<void> {
    if (!this.rules.dataKey) return;
    if (Object.keys(this.found).length === 0 && Object.keys(this.kept).length === 0) return;
    await this.store.writeState(verdictsName(this.rules.dataKey), this.found);
  }
}
