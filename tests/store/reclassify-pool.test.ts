// Reclassify's worker threads (issue 17): records classified again in the pool come out exactly as
// when classified in the caller's thread, and a worker whose rule folder holds other data than the
// caller's rules is never used.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reclassify } from '../../src/commands/reclassify.js';
import { loadRules } from '../../src/rules/load.js';
import { Store } from '../../src/store/json-store.js';
import { ClassifyPool } from '../../src/store/reclassify-pool.js';
import { fileFixtures, forgetClassificationKeys, records, testConfig } from '../helpers/daemon.js';
import { OGP, rulesDir } from '../helpers/rules.js';
import type { Config } from '../../src/config.js';
import type { Rules } from '../../src/rules/types.js';

const FILES = [
  'reply-nb-ks-einnsyn-outlook.eml',
  'reply-nb-nho-anskaffelser-2359.eml',
  'reply-nn-sd-ingen-merknader-odt.eml',
  'reply-nb-bld-ungdomspanel-docx.eml',
  'reply-nb-advokatforeningen-innspill-pdf-sen.eml',
  'reply-nb-amnesty-korrigert-innspill.eml',
  'auto-ooo-nb-exchange.eml',
  'auto-bounce-dsn-two-recipients.eml',
  'hostile-not-mail-pdf.eml',
];
const NOW = new Date('2021-06-01T10:00:00Z');

let config: Config;
beforeAll(async () => {
  config = testConfig();
  await fileFixtures(config, FILES);
  // As filed by a release that kept no classification keys at filing: the first reclassify reads every record.
  forgetClassificationKeys(config.dataDir);
}, 60_000);

/** The project's rules in a folder of their own, eInnsyn's terms replaced by one that never matches (so records change). */
function changedRules(): Rules {
  const dir = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  const file = join(dir, OGP, 'commitments.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/(  - id: einnsyn\n    strong:\n)(?:      (?:- |# ?).*\n)+(    medium:\n)(?:      (?:- |# ?).*\n)+/, '$1      - ingen-treff-xyzzy\n$2      - ingen-treff-xyzzy\n'));
  return loadRules(dir);
}

async function reclassifyCopy(rules: Rules, workers: number, dataDir = mkdtempSync(join(tmpdir(), 'innspill-pool-'))) {
  if (dataDir !== config.dataDir) cpSync(config.dataDir, dataDir, { recursive: true });
  const store = await Store.open(dataDir, { lock: true });
  try {
    const summary = await reclassify(store, rules, NOW, { workers });
    return { summary, records: records({ ...config, dataDir }), dataDir };
  } finally {
    await store.close();
  }
}

async function reclassifyAgain(rules: Rules, workers: number, dataDir: string) {
  const store = await Store.open(dataDir, { lock: true });
  try {
    return await reclassify(store, rules, NOW, { workers });
  } finally {
    await store.close();
  }
}

describe('reclassify in worker threads', () => {
  it('gives every record exactly what classifying it in this thread gives', async () => {
    const rules = changedRules();
    const here = await reclassifyCopy(rules, 0);
    const pooled = await reclassifyCopy(rules, 2);
    expect(here.summary.changed).toBeGreaterThan(0);
    expect(here.summary.inWorkers).toBe(0);
    expect(pooled.summary.inWorkers).toBe(FILES.length);
    expect(pooled.summary.workersStarted).toBe(2);
    expect({ ...pooled.summary, inWorkers: 0, workersStarted: 0 }).toEqual(here.summary);
    expect(pooled.records).toEqual(here.records);
    expect(pooled.records.every((r) => typeof r.classifiedWith === 'string')).toBe(true);
  }, 120_000);

  it('starts no worker when every record is skipped', async () => {
    const rules = changedRules();
    const first = await reclassifyCopy(rules, 2);
    const again = await reclassifyAgain(rules, 2, first.dataDir);
    expect(again).toMatchObject({ records: FILES.length, skipped: FILES.length, inWorkers: 0, workersStarted: 0 });
  }, 120_000);

  it('starts workers that hold the caller\'s rule data, and none for rules the folder no longer holds', async () => {
    const rules = changedRules();
    const pool = await ClassifyPool.start(config.dataDir, rules, 2);
    expect(pool?.size).toBe(2);
    // Both end of themselves when asked to stop (none is terminated from outside).
    expect(await pool?.close()).toEqual({ terminated: 0 });
    expect(pool?.size).toBe(0);
    const stale = await ClassifyPool.start(config.dataDir, { ...rules, dataKey: 'other-data' }, 2);
    expect(stale).toBeNull();
  }, 60_000);
});
