// Each record's campaign, kept in state/campaign-refs.json with what it was computed from: the
// identity of every record file (from the store's checked index), of the campaign index and of the
// caseworkers' campaign decisions, and the default consultation. `list` and `show` then take the
// campaigns from one small file instead of grouping 10,000 entries; any change to any of those
// inputs computes them afresh. The file is only a cache: written atomically by whoever computed
// it, ignored when it does not match, damaged or cannot be written (a reader without write access).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import type { Store } from './json-store.js';

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
}

function identity(path: string): string {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : '-';
}

/** What the campaigns of the store were computed from, short. */
export function campaignInputsKey(store: Store, defaultConsultation: string): string {
  const h = createHash('sha256');
  h.update(`${VERSION}\n${defaultConsultation}\n`);
  h.update(`${identity(store.path('state', 'campaign-index.jsonl'))}\n${identity(store.path('state', 'campaign-decisions.json'))}\n`);
  for (const r of store.fileIdentities()) h.update(`${r.id}:${r.file.join(':')}\n`);
  return h.digest('base64url');
}

/** The campaigns from the cache when it matches, else from `compute` (and kept for the next reader). */
export async function cachedCampaignRefs(store: Store, defaultConsultation: string, compute: () => Promise<Map<string, CachedRef>>): Promise<Map<string, CachedRef>> {
  const key = campaignInputsKey(store, defaultConsultation);
  const path = store.path(...FILE);
  try {
    const cached = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
    if (cached.key === key && Array.isArray(cached.refs)) return new Map(cached.refs.map(([id, campaign, size]) => [id, { id: campaign, size }]));
  } catch {
    // Missing or damaged: computed afresh below.
  }
  const refs = await compute();
  const file: CacheFile = { key, refs: [...refs].map(([id, ref]) => [id, ref.id, ref.size]) };
  await writeFileAtomic(path, JSON.stringify(file), { syncDir: false }).catch(() => undefined);
  return refs;
}
