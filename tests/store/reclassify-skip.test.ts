// Reclassify leaves a record as it is when it was last classified from exactly what it would be
// classified from now (the program, the checked rules, its inputs: classified-with.ts), and
// classifies it again as soon as any of them changed (issue 17).
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reclassify } from '../../src/commands/reclassify.js';
import { loadRules } from '../../src/rules/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { readRuleData } from '../../src/rules/read.js';
import { Store } from '../../src/store/json-store.js';
import { classificationKey, threadsOf } from '../../src/store/classified-with.js';
import { fileFixtures, forgetClassificationKeys, records, testConfig } from '../helpers/daemon.js';
import { OGP, projectRules, rulesDir } from '../helpers/rules.js';
import type { Config } from '../../src/config.js';
import type { Rules } from '../../src/rules/types.js';

const FILES = ['reply-nb-ks-einnsyn-outlook.eml', 'reply-nb-nho-anskaffelser-2359.eml', 'reply-nn-sd-ingen-merknader-odt.eml', 'auto-ooo-nb-exchange.eml'];

let config: Config;
beforeAll(async () => {
  config = testConfig();
  await fileFixtures(config, FILES);
  // As filed by a release that kept no classification keys at filing: the first reclassify reads every record.
  forgetClassificationKeys(config.dataDir);
}, 60_000);

async function run(rules: Rules) {
  const store = await Store.open(config.dataDir, { lock: true });
  try {
    return await reclassify(store, rules, new Date('2021-06-01T10:00:00Z'));
  } finally {
    await store.close();
  }
}

/** Each record file's identity: a record written again gets a new inode. */
const identities = () => records(config).map((r) => statSync(join(config.dataDir, 'records', `${r.id}.json`)).ino);

/** The rules with eInnsyn's strong and medium terms replaced by one that never matches. */
function rulesWithoutEinnsynTerms(): Rules {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  const file = join(dir, OGP, 'commitments.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(  - id: einnsyn\n    strong:\n)(?:      (?:- |# ?).*\n)+(    medium:\n)(?:      (?:- |# ?).*\n)+/, '$1      - ingen-treff-xyzzy\n$2      - ingen-treff-xyzzy\n'));
  return loadRules(dir);
}

describe('reclassify skips what cannot change', () => {
  it('classifies every record the first time, none the second, again those a change of terms can touch, and back', async () => {
    const first = await run(projectRules());
    expect(first.records).toBe(FILES.length);
    expect(first.skipped).toBe(0);
    expect(records(config).every((r) => typeof r.classifiedWith === 'string')).toBe(true);

    const files = identities();
    const second = await run(projectRules());
    expect(second).toMatchObject({ records: FILES.length, skipped: FILES.length, changed: 0, unchanged: FILES.length });
    expect(identities()).toEqual(files);

    const changed = await run(rulesWithoutEinnsynTerms());
    expect(changed.skipped).toBe(0);
    // The records with none of eInnsyn's old terms in their words keep what they hold (rule-change.ts).
    expect(changed.untouched).toBeGreaterThan(0);
    expect(changed.untouched).toBeLessThan(FILES.length);
    expect(changed.commitmentsChanged).toBeGreaterThan(0);
    // Back to the first rules: the records the change left untouched still carry their key from
    // those rules and are skipped; the others are classified again.
    const back = await run(projectRules());
    expect(back.skipped).toBe(changed.untouched);
    expect(back.commitmentsChanged).toBe(changed.commitmentsChanged);
  });

  it('classifies a record again when a person decided something about it since', async () => {
    await run(projectRules());
    const id = records(config)[0]!.id;
    const path = join(config.dataDir, 'records', `${id}.json`);
    const record = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    record['overrides'] = [{ field: 'relevant', value: true, rules: Boolean(record['relevant']), by: 'kari', at: '2021-05-20T08:00:00.000Z', via: 'cli' }];
    writeFileSync(path, `${JSON.stringify(record, null, 2)}\n`);
    const again = await run(projectRules());
    expect(again.skipped).toBe(FILES.length - 1);
  });

  it('never skips with rules that do not say what data they came from', async () => {
    await run(projectRules());
    const anonymous = compileRules(rulesDir, readRuleData(rulesDir));
    expect(anonymous.dataKey).toBeUndefined();
    expect((await run(anonymous)).skipped).toBe(0);
  });

  it('keys a record by what the store knows of its thread, as it was before classifying', () => {
    const record = { ...records(config)[0]!, inReplyTo: '<tidligere@eksempel.no>', references: ['<tidligere@eksempel.no>'] };
    const known = new Set<string>();
    const live = { has: (id: string) => known.has(id), consultationOf: () => 'ogp-4b' };
    const unknown = threadsOf(record, live);
    const before = classificationKey(projectRules(), record, unknown);
    known.add('<tidligere@eksempel.no>');
    // Filed meanwhile: the snapshot taken before still says unknown; the store now says known.
    expect(classificationKey(projectRules(), record, unknown)).toBe(before);
    expect(classificationKey(projectRules(), record, threadsOf(record, live))).not.toBe(before);
  });
});
