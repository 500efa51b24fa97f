// Each record's campaign, kept in state/campaign-refs.json with what it was computed from: the
// identity of every record file (from the store's checked index), of the campaign index and of the
// caseworkers' campaign decisions, and the default consultation. `list` and `show` then take the
// campaigns from one small file instead of grouping 10,000 entries; any change to any of those
// inputs computes them afresh. The file is only a cache: written atomically by whoever computed
// it, ignored when it does not match, damaged or cannot be written (a reader without write access).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { inCampaignsText as inCampaignsWords } from '../digest/words.js';
import type { Rules } from '../rules/types.js';
import { writeFileAtomic } from './atomic.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';

/** Raised whenever what the cache holds, or how campaigns are grouped, changes meaning. */
const VERSION = 1;
const FILE = ['state', 'campaign-refs.json'] as const;

export interface CachedRef {
  id: string;
  size: number;
}

interface CacheFile {
  key: string;
  /** [record id, campaign id, campaign size] */
  refs: Array<[string, string, number]>;
  /**
   * The records folder, the campaign index and decisions, and the default consultation, as they
   * were when `key` was last found to match: while they are the same, no record file was written,
   * added or removed since (every record write renames a file into the folder), and `show` takes
   * the campaigns without checking 10,000 record files. Kept only once the folder had not changed
   * for SETTLED_MS: a change in the same tick of the file system's clock could not be told apart.
   */
  settled?: string;
}

const SETTLED_MS = 2000;

/**
 * The stamp of what the campaigns depend on, or null when the records folder changed too recently
 * to tell a later change by its time. `folder`: the records folder as seen at `at` (for a store's
 * rows, just before they were read; else now).
 */
function settledStamp(store: Store, defaultConsultation: string, records = currentFolder(store)): string | null {
  // (The folder's modification time: every file renamed into it, made or removed sets it.)
  if (!records || records.at - records.mtimeMs < SETTLED_MS) return null;
  return [VERSION, defaultConsultation, `${records.ino}:${records.mtimeMs}:${records.ctimeMs}`, identity(store.path('state', 'campaign-index.jsonl')), identity(store.path('state', 'campaign-decisions.json'))].join('|');
}

/**
 * The campaigns as last computed when nothing they depend on was written since (see `settled`),
 * without reading the store's index; null when that cannot be told (then ask cachedCampaignRefs).
 * A record edited in place by hand (no rename) is not noticed here: `list` and the exports notice it.
 */
export async function settledCampaignRefs(store: Store, defaultConsultation: string): Promise<Map<string, CachedRef> | null> {
  try {
    const cached = JSON.parse(await readFile(store.path(...FILE), 'utf8')) as CacheFile;
    const stamp = settledStamp(store, defaultConsultation);
    if (stamp === null || cached.settled !== stamp || !Array.isArray(cached.refs)) return null;
    return refsOf(cached);
  } catch {
    return null;
  }
}

function currentFolder(store: Store): Store['recordsFolderAtLoad'] {
  const st = statSync(store.path('records'), { throwIfNoEntry: false });
  return st ? { ino: st.ino, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, at: Date.now() } : null;
}

const refsOf = (cached: CacheFile) => new Map(cached.refs.map(([id, campaign, size]) => [id, { id: campaign, size }]));

function identity(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '-';
}

/** What the campaigns of the store were computed from, short. */
export function campaignInputsKey(store: Store, defaultConsultation: string): string {
  const h = createHash('sha256');
  h.update(`${VERSION}\n${defaultConsultation}\n`);
  h.update(`${identity(store.path('state', 'campaign-index.jsonl'))}\n${identity(store.path('state', 'campaign-decisions.json'))}\n`);
  // One string hashed at once: the same digest as a line at a time, without 10,000 calls.
  let lines = '';
  for (const r of store.fileIdentities()) lines += `${r.id}:${r.file[0]}:${r.file[1]}:${r.file[2]}\n`;
  h.update(lines);
  return h.digest('base64url');
}

/** The campaigns from the cache when it matches, else from `compute` (and kept for the next reader). */
export async function cachedCampaignRefs(store: Store, defaultConsultation: string, compute: () => Promise<Map<string, CachedRef>>): Promise<Map<string, CachedRef>> {
  // The folder as it was before the rows were read: a record written since changes it after the stamp.
  const stamp = store.recordsFolderAtLoad ? settledStamp(store, defaultConsultation, store.recordsFolderAtLoad) : null;
  const key = campaignInputsKey(store, defaultConsultation);
  const path = store.path(...FILE);
  try {
    const cached = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (cached.key === key && Array.isArray(cached.refs)) {
      const refs = refsOf(cached);
      // The key matches: the stamp of now is as good (written once, when it is new).
      if (stamp !== null && cached.settled !== stamp) await keep(path, { ...cached, settled: stamp });
      return refs;
    }
  } catch {
    // Missing or damaged: computed afresh below.
  }
  const refs = await compute();
  const file: CacheFile = { key, refs: [...refs].map(([id, ref]) => [id, ref.id, ref.size]) };
  if (stamp !== null) file.settled = stamp;
  await keep(path, file);
  return refs;
}

/** Written atomically; never fatal (a reader without write access). */
async function keep(path: string, file: CacheFile): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(file), { syncDir: false }).catch(() => undefined);
}

/**
 * Each record's campaign (`campaign: null | { id, size }` in list, show and the exports): from the
 * cache when it matches, else computed (and kept). The grouping (store/campaigns.ts and
 * src/campaigns/, about 0.07 s of CPU to import) is loaded only then.
 */
export async function campaignRefs(store: Store, rules: Rules, records?: SubmissionRecord[]): Promise<Map<string, CachedRef>> {
  const compute = async () => (await import('./campaigns.js')).computeCampaignRefs(store, rules, records);
  return store.rowsLoaded ? cachedCampaignRefs(store, rules.routing.default, compute) : compute();
}

/** "av dem M i K kampanjer" for these records, or '' when none is in a campaign. */
export function inCampaignsText(records: Array<{ id: string }>, refs: Map<string, CachedRef>): string {
  const members = records.filter((r) => refs.has(r.id));
  if (members.length === 0) return '';
  return inCampaignsWords(members.length, new Set(members.map((r) => refs.get(r.id)!.id)).size);
}
