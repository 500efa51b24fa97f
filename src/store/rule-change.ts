// Reclassify in proportion to what a rule change can change (issue 17). The checked rule data
// records were classified with is kept in the store under its data key (state/rule-data-<key>.json);
// when the rules now differ from a record's only in commitments' terms (rules/term-changes.ts), and
// nothing else of the record changed, the record is classified again only when one of those terms
// is found in its own words or its attachments' texts — the texts intake finds them in. Anything
// not known for certain (no data kept, other rules changed, another program) means: classify it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { findOwnTexts } from '../intake/attachment-own-words.js';
import { changedCommitmentTerms } from '../rules/term-changes.js';
import type { RuleData, Rules } from '../rules/types.js';
import { TermMatcher } from '../text/terms.js';
import { classificationKeyFor } from './classified-with.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';
import type { IntakeOptions } from '../intake/context.js';

type Threads = NonNullable<IntakeOptions['knownThreadIds']>;

const stateName = (key: string) => `rule-data-${key}`;

export class RuleChange {
  /** Per data key the records were classified with: a matcher of the terms changed since, or null (classify them). */
  private readonly changes = new Map<string, Promise<TermMatcher | null>>();

  private constructor(
    private readonly store: Store,
    private readonly rules: Rules,
  ) {}

  /** Keeps the rules' data in the store (once per data key), so a later reclassify can compare. */
  static async open(store: Store, rules: Rules): Promise<RuleChange> {
    // Only whether it is there: the file is the data itself, not worth reading and parsing to find out.
    if (rules.dataKey && rules.data && !existsSync(store.path('state', `${stateName(rules.dataKey)}.json`))) {
      await store.writeState(stateName(rules.dataKey), rules.data);
    }
    return new RuleChange(store, rules);
  }

  private changedTerms(key: string): Promise<TermMatcher | null> {
    let found = this.changes.get(key);
    if (!found) {
      found = this.store.readState<RuleData | null>(stateName(key), null).then(
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
   * True when classifying the record again cannot change it: it was last classified (its key says
   * from what) by rules that differ from these only in commitments' terms, everything else it is
   * classified from is the same, and none of the changed terms is found in its texts.
   */
  async untouched(record: SubmissionRecord, threads: Threads): Promise<boolean> {
    const before = record.classifiedRules;
    if (!before || !record.classifiedWith || !this.rules.dataKey || before === this.rules.dataKey) return false;
    if (classificationKeyFor(before, record, threads) !== record.classifiedWith) return false;
    const changed = await this.changedTerms(before);
    if (changed === null) return false;
    if (changed.size === 0) return true;
    // The texts intake looks for commitment terms in (attachment-own-words.ts), and the attachments' whole texts besides.
    const attachments = await Promise.all(
      record.attachments.map(async (a) => ({ filename: a.filename, text: a.textFile ? await readFile(this.store.path(a.textFile), 'utf8') : '' })),
    );
    const own = findOwnTexts({ own: { text: record.ownWords ?? '' }, attachments, rules: this.rules });
    // (`whole` holds the attachments' whole texts, already folded, the same object where nothing was left out.)
    const texts = [...own.segments.map((s) => s.text), ...own.whole];
    return changed.first(texts) === null;
  }
}
