// Reclassify in proportion to what a rule change can change (issue 17): when the rules differ from
// those a record was last classified with only in commitments' terms, a record in whose words none
// of the changed terms is found keeps what it holds (its file is not even rewritten: the finding is
// kept once for all in the store's state), and the store ends exactly as if every record had been
// classified again.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReclassify, reclassify } from '../../src/commands/reclassify.js';
import { loadRules } from '../../src/rules/load.js';
import { Store } from '../../src/store/json-store.js';
import { ClassifyPool } from '../../src/store/reclassify-pool.js';
import { RuleChange } from '../../src/store/rule-change.js';
import { knownThreads, threadsOf } from '../../src/store/classified-with.js';
import { fileFixtures, forgetClassificationKeys, records, testConfig } from '../helpers/daemon.js';
import { OGP, projectRules, rulesDir } from '../helpers/rules.js';
import type { Config } from '../../src/config.js';
import type { Rules } from '../../src/rules/types.js';
import type { SubmissionRecord } from '../../src/store/record.js';

const FILES = readdirSync('fixtures/messages').filter((n) => n.startsWith('reply-')).sort().slice(0, 30);

let config: Config;
beforeAll(async () => {
  config = testConfig();
  await fileFixtures(config, FILES);
}, 120_000);

async function run(dataDir: string, rules: Rules, workers = 0) {
  const store = await Store.open(dataDir, { lock: true });
  try {
    return await reclassify(store, rules, new Date('2021-06-01T10:00:00Z'), { workers });
  } finally {
    await store.close();
  }
}

/** A copy of the project's rules with one of OGP's files (commitments.yaml unless said) changed by `edit`. */
function rulesWith(edit: (text: string) => string, name = 'commitments.yaml'): Rules {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  const file = join(dir, OGP, name);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  return loadRules(dir);
}

/** eInnsyn gains a strong term and loses one. */
const einnsynTermsChanged = () => rulesWith((t) => t.replace('  - id: einnsyn\n    strong:\n      - innsynsløsning*\n', '  - id: einnsyn\n    strong:\n      - postliste*\n'));

/** What the rules decide of a record, for comparing two stores. */
const decided = (r: SubmissionRecord) => ({
  id: r.id,
  relevant: r.relevant,
  consultation: r.consultation?.id ?? null,
  automaticKind: r.automaticKind,
  sender: r.sender,
  commitments: r.commitments,
  noComments: r.noComments,
  review: r.review,
  language: r.language,
  late: r.late,
  ownWords: r.ownWords,
});

/** A record file's identity: a record written again gets a new inode. */
const inodeOf = (dataDir: string, id: string) => statSync(join(dataDir, 'records', `${id}.json`)).ino;

/** What reclassify with `rules` kept of the records it found untouched (rule-change.ts). */
const keptFinding = (dataDir: string, rules: Rules) => JSON.parse(readFileSync(join(dataDir, 'state', `untouched-${rules.dataKey}.json`), 'utf8')) as Record<string, string>;

const recordsIn = (dataDir: string) =>
  readdirSync(join(dataDir, 'records'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dataDir, 'records', n), 'utf8')) as SubmissionRecord)
    .sort((a, b) => a.seq - b.seq);

describe('reclassify after a change to commitments’ terms', () => {
  it('classifies again only the records a changed term is found in, and ends as a full pass would', async () => {
    const first = await run(config.dataDir, projectRules());
    expect(first.records).toBe(FILES.length);
    expect(records(config).every((r) => typeof r.classifiedRules === 'string')).toBe(true);
    const beforeChange = recordsIn(config.dataDir).map(decided);

    // The same store, every record made to be classified again: the full pass to compare with.
    const full = join(mkdtempSync(join(tmpdir(), 'innspill-full-')), 'data');
    cpSync(config.dataDir, full, { recursive: true });
    forgetClassificationKeys(full);

    const rules = einnsynTermsChanged();
    const inodes = new Map(recordsIn(config.dataDir).map((r) => [r.id, inodeOf(config.dataDir, r.id)]));
    const campaignIndex = statSync(join(config.dataDir, 'state', 'campaign-index.jsonl')).ino;
    const partial = await run(config.dataDir, rules);
    const everything = await run(full, rules);
    expect(everything.untouched).toBe(0);
    expect(partial.untouched).toBeGreaterThan(0);
    expect(partial.untouched).toBeLessThan(FILES.length);
    expect(partial.skipped).toBe(0);
    expect(formatReclassify(partial)).toContain(`Av dem ble ${partial.untouched} ikke lest på nytt: ingen av ordene som er endret i reglene, står i dem`);
    expect(recordsIn(config.dataDir).map(decided)).toEqual(recordsIn(full).map(decided));
    // The change did change something (a record that mentions "innsynsløsning" and "postlistene").
    expect(recordsIn(config.dataDir).map(decided)).not.toEqual(beforeChange);
    // The untouched records were not written again; the finding is kept beside the rules' data.
    const kept = keptFinding(config.dataDir, rules);
    expect(Object.keys(kept)).toHaveLength(partial.untouched);
    for (const id of Object.keys(kept)) expect(inodeOf(config.dataDir, id)).toBe(inodes.get(id));
    expect(recordsIn(config.dataDir).filter((r) => r.classifiedRules === rules.dataKey)).toHaveLength(FILES.length - partial.untouched);
    // Nothing a campaign entry is made from changed (own words, relevance, sender): the campaigns are not found again.
    expect(statSync(join(config.dataDir, 'state', 'campaign-index.jsonl')).ino).toBe(campaignIndex);
    // A second run finds nothing to do: the others carry the new key, the untouched ones the finding.
    const again = await run(config.dataDir, rules);
    expect(again.skipped).toBe(FILES.length);
    expect(again.untouched).toBe(0);
    expect(keptFinding(config.dataDir, rules)).toEqual(kept);
  });

  it('ends the same with worker threads as without', async () => {
    await run(config.dataDir, projectRules());
    const copies = [0, 2].map(() => {
      const dir = join(mkdtempSync(join(tmpdir(), 'innspill-copy-')), 'data');
      cpSync(config.dataDir, dir, { recursive: true });
      return dir;
    });
    const rules = einnsynTermsChanged();
    // What the first test found untouched with these rules is forgotten: each copy looks again.
    for (const dir of copies) rmSync(join(dir, 'state', `untouched-${rules.dataKey}.json`), { force: true });
    const here = await run(copies[0]!, rules, 0);
    const pooled = await run(copies[1]!, rules, 2);
    expect(here.untouched).toBeGreaterThan(0);
    expect(pooled.inWorkers).toBe(FILES.length - pooled.untouched);
    expect({ ...pooled, inWorkers: 0, workersStarted: 0 }).toEqual({ ...here, inWorkers: 0, workersStarted: 0 });
    expect(recordsIn(copies[1]!)).toEqual(recordsIn(copies[0]!));
    expect(keptFinding(copies[1]!, rules)).toEqual(keptFinding(copies[0]!, rules));
  });

  it('a worker and the caller’s thread say alike for each record whether a change of terms leaves it', async () => {
    await run(config.dataDir, projectRules());
    const rules = einnsynTermsChanged();
    const store = await Store.open(config.dataDir, { lock: true });
    const pool = await ClassifyPool.start(store.dir, rules, 2);
    try {
      expect(pool).not.toBeNull();
      const ruleChange = await RuleChange.open(store, rules);
      const said = { untouched: 0, classified: 0 };
      for (const record of recordsIn(config.dataDir)) {
        const threads = threadsOf(record, store.threadIds);
        if (!ruleChange.candidate(record, threads)) continue;
        const here = await ruleChange.untouched(record, threads);
        const there = await pool!.classify(record, knownThreads(record, store.threadIds), new Date('2021-06-01T10:00:00Z'), true);
        expect(there === 'untouched').toBe(here);
        said[here ? 'untouched' : 'classified']++;
      }
      expect(said.untouched).toBeGreaterThan(0);
      expect(said.classified).toBeGreaterThan(0);
    } finally {
      await pool?.close();
      await store.close();
    }
  });

  it('finds the campaigns again after a change of terms only when it changed what a campaign entry is made from', async () => {
    // Private persons' short input in new threads, input by their words about a commitment alone.
    const own = testConfig();
    await fileFixtures(own, ['case-b-private-gmail-antikorrupsjon-android.eml', 'case-b-private-gmail-ny-forpliktelse-tilskudd.eml', FILES[0]!]);
    const campaignIndex = statSync(join(own.dataDir, 'state', 'campaign-index.jsonl')).ino;
    // Every commitment's terms taken away (with the comments among them): those two are no input any
    // more, their campaign entries change.
    const noTerms = rulesWith((t) => t.replace(/^( {4}(strong|medium|weak):\n)(?: {6}(?:- |# ?).*\n)+/gm, '$1      - ingen-treff-xyzzy\n'));
    const summary = await run(own.dataDir, noTerms);
    expect(summary.skipped + summary.untouched).toBeLessThan(3);
    expect(summary.relevanceChanged).toBeGreaterThan(0);
    expect(statSync(join(own.dataDir, 'state', 'campaign-index.jsonl')).ino).not.toBe(campaignIndex);
  });

  it('no longer trusts an untouched finding once a person decided something about the record', async () => {
    await run(config.dataDir, projectRules());
    const rules = einnsynTermsChanged();
    // (Found untouched now, or by the first test and skipped now: the finding is kept either way.)
    const partial = await run(config.dataDir, rules);
    expect(partial.skipped + partial.untouched).toBeGreaterThan(0);
    const id = Object.keys(keptFinding(config.dataDir, rules))[0]!;
    expect(id).toBeDefined();
    const path = join(config.dataDir, 'records', `${id}.json`);
    const record = JSON.parse(readFileSync(path, 'utf8')) as SubmissionRecord;
    record.overrides = [{ field: 'relevant', value: true, rules: record.relevant, by: 'kari', at: '2021-05-20T08:00:00.000Z', via: 'cli' }];
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
    const again = await run(config.dataDir, rules);
    expect(again.skipped).toBe(FILES.length - 1);
    expect(again.untouched).toBe(0);
    expect(recordsIn(config.dataDir).find((r) => r.id === id)!.classifiedRules).toBe(rules.dataKey);
    expect(keptFinding(config.dataDir, rules)[id]).toBeUndefined();
  });

  it('classifies every record again when anything but terms changed (here the scoring threshold)', async () => {
    await run(config.dataDir, projectRules());
    const thresholdChanged = rulesWith((t) => t.replace(/\n  threshold: 3\n/, '\n  threshold: 4\n'));
    const campaignIndex = statSync(join(config.dataDir, 'state', 'campaign-index.jsonl')).ino;
    const summary = await run(config.dataDir, thresholdChanged);
    expect(summary.untouched).toBe(0);
    expect(summary.skipped).toBe(0);
    // More than terms changed: the campaigns are found again.
    expect(statSync(join(config.dataDir, 'state', 'campaign-index.jsonl')).ino).not.toBe(campaignIndex);
  });

  it('removes the state files of rules no record carries any more, and keeps those records still carry', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'innspill-prune-')), 'data');
    cpSync(config.dataDir, dir, { recursive: true });
    const stateFiles = () => readdirSync(join(dir, 'state')).filter((n) => /^(rule-data|untouched)-/.test(n)).sort();
    const project = projectRules();
    await run(dir, project);
    // A change of terms: the records left untouched still carry the rules they were classified with.
    const terms = einnsynTermsChanged();
    const partial = await run(dir, terms);
    expect(partial.untouched).toBeGreaterThan(0);
    expect(stateFiles()).toEqual([`rule-data-${project.dataKey}.json`, `rule-data-${terms.dataKey}.json`, `untouched-${terms.dataKey}.json`].sort());
    // A change of more than terms: every record classified again, nothing carries the earlier rules.
    const threshold = rulesWith((t) => t.replace(/\n  threshold: 3\n/, '\n  threshold: 4\n'));
    const bytes = [project.dataKey, terms.dataKey].reduce((n, key) => n + statSync(join(dir, 'state', `rule-data-${key}.json`)).size, statSync(join(dir, 'state', `untouched-${terms.dataKey}.json`)).size);
    const full = await run(dir, threshold);
    expect(full.skipped + full.untouched).toBe(0);
    expect(stateFiles()).toEqual([`rule-data-${threshold.dataKey}.json`]);
    expect(full.stateFilesRemoved).toEqual({ files: 3, bytes });
    expect(recordsIn(dir).every((r) => r.classifiedRules === threshold.dataKey)).toBe(true);
    // The store's other state is left alone.
    expect(readdirSync(join(dir, 'state'))).toContain('campaign-index.jsonl');
  });
});
