// A record carries the key of its classification from the moment it is filed (build-record.ts), so
// that reclassify leaves it alone until something it is classified from changes. That is right only
// if intake reading the original message at filing and reclassify reading the stored message and
// attachment texts judge alike. Here every development fixture is filed by the daemon (in its
// extraction worker or in the daemon itself) and the store is classified again in full: each record
// whose key still holds must come out exactly as it was filed, and reclassify of the store as filed
// (keys from filing) must end exactly where the full pass ends.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reclassify } from '../../src/commands/reclassify.js';
import { Store } from '../../src/store/json-store.js';
import { classificationKey } from '../../src/store/classified-with.js';
import { fileFixtures, forgetClassificationKeys, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';
import type { SubmissionRecord } from '../../src/store/record.js';

const FILES = readdirSync('fixtures/messages').filter((n) => n.endsWith('.eml')).sort();
const NOW = new Date('2021-06-01T10:00:00Z');

/** Everything the rules decide of a record. */
const decided = (r: SubmissionRecord) => ({
  id: r.id,
  relevant: r.relevant,
  relevance: r.relevance,
  automatic: r.automatic,
  automaticKind: r.automaticKind,
  bouncedRecipients: r.bouncedRecipients,
  consultation: r.consultation,
  sender: r.sender,
  commitments: r.commitments,
  noComments: r.noComments,
  review: r.review,
  suspicious: r.suspicious,
  language: r.language,
  late: r.late,
  receivedAt: r.receivedAt,
  receivedFrom: r.receivedFrom,
  ownWords: r.ownWords,
});

const recordsIn = (dataDir: string) =>
  readdirSync(join(dataDir, 'records'))
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dataDir, 'records', n), 'utf8')) as SubmissionRecord)
    .sort((a, b) => a.seq - b.seq);

async function reclassifyAll(dataDir: string) {
  const store = await Store.open(dataDir, { lock: true });
  try {
    const holds = recordsIn(dataDir).filter((r) => r.classifiedWith !== undefined && classificationKey(projectRules(), r, store.threadIds) === r.classifiedWith);
    return { holds: new Set(holds.map((r) => r.id)), summary: await reclassify(store, projectRules(), NOW, { workers: 0 }) };
  } finally {
    await store.close();
  }
}

describe('a record filed carries the key of its classification', () => {
  it('and classifying it again from the store gives what was filed, so reclassify may leave it', async () => {
    const config = testConfig();
    await fileFixtures(config, FILES);
    const filed = recordsIn(config.dataDir);
    expect(filed.length).toBeGreaterThan(250);
    const readable = filed.filter((r) => r.readable);
    expect(readable.every((r) => typeof r.classifiedWith === 'string' && r.classifiedRules === projectRules().dataKey)).toBe(true);
    expect(filed.filter((r) => !r.readable).every((r) => r.classifiedWith === undefined)).toBe(true);
    // The rules' data is kept beside the records, for a later change of terms to be compared with.
    expect(readdirSync(join(config.dataDir, 'state'))).toContain(`rule-data-${projectRules().dataKey}.json`);

    // The full pass: a copy of the store with every key taken away.
    const full = join(mkdtempSync(join(tmpdir(), 'innspill-full-')), 'data');
    cpSync(config.dataDir, full, { recursive: true });
    forgetClassificationKeys(full);
    await reclassifyAll(full);
    const again = new Map(recordsIn(full).map((r) => [r.id, decided(r)]));

    // The store as filed: a record whose key still holds is skipped; the others (a reply filed
    // before the message it answers: the store knows the thread now) are classified again.
    const { holds, summary } = await reclassifyAll(config.dataDir);
    expect(holds.size).toBeGreaterThan(0.95 * readable.length);
    expect(summary.skipped).toBe(holds.size);
    for (const r of filed.filter((f) => holds.has(f.id))) expect(again.get(r.id)).toEqual(decided(r));
    expect(recordsIn(config.dataDir).map(decided)).toEqual([...again.values()]);
  }, 300_000);
});
