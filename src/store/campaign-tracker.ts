// Campaigns as messages are filed: after each batch, the new records' entries are compared with
// the earlier ones in a grouping kept in memory (as filed, no caseworkers' decisions), and go into
// the index (state/campaign-index.jsonl) with the links found, so a late member joins its campaign
// at once, the log says so, and every reader gets the campaigns from the links without comparing
// (store/campaigns.ts). At the first batch, records the index lacks (filed before it existed, or
// changed since) are compared and the index written whole.
import { CampaignGrouper, entryInputOf, entryOf } from '../campaigns/index.js';
import { readAsMail } from '../intake/problems.js';
import type { Submission } from '../intake/types.js';
import type { Logger } from '../log.js';
import type { Rules } from '../rules/types.js';
import { appendCampaignIndex, readCampaignIndex, rewriteCampaignIndex, type IndexedEntry } from './campaign-index.js';
import { loadCampaigns } from './campaigns.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';

const trackers = new WeakMap<Store, Promise<CampaignGrouper>>();

/** Time spent tracking campaigns in this process, in milliseconds (what `npm run bench` weighs against filing). */
let spentMs = 0;
export const campaignTrackingMs = (): number => spentMs;

/** Every record compared in filing order; the index rewritten with the links when it lacked any. */
async function build(store: Store, rules: Rules): Promise<CampaignGrouper> {
  const records = await store.readAll();
  const set = await loadCampaigns(store, records, rules, { compare: true });
  const index = await readCampaignIndex(store);
  const grouper = new CampaignGrouper();
  const items: IndexedEntry[] = set.entries.map((entry) => ({ entry, links: grouper.add(entry) }));
  const complete = set.fresh.length === 0 && items.every((x) => index.get(x.entry.id)?.links != null);
  if (!complete) await rewriteCampaignIndex(store, items);
  return grouper;
}

function trackerFor(store: Store, rules: Rules): Promise<CampaignGrouper> {
  let t = trackers.get(store);
  if (!t) {
    t = build(store, rules);
    trackers.set(store, t);
    t.catch(() => trackers.delete(store));
  }
  return t;
}

/** The records just filed (with what intake found in them) into the campaign index and grouping. */
export async function trackFiled(store: Store, filed: Array<{ record: SubmissionRecord; submission: Submission }>, rules: Rules, log?: Logger): Promise<void> {
  if (filed.length === 0) return;
  const started = performance.now();
  try {
    await track(store, filed, rules, log);
  } finally {
    spentMs += performance.now() - started;
  }
}

async function track(store: Store, filed: Array<{ record: SubmissionRecord; submission: Submission }>, rules: Rules, log?: Logger): Promise<void> {
  const known = trackers.has(store);
  const grouper = await trackerFor(store, rules);
  // A grouping built just now read these records from the store already.
  const items: IndexedEntry[] = filed
    .filter(({ record }) => !grouper.has(record.id))
    .map(({ record, submission }) => {
      const entry = entryOf(entryInputOf(record, { id: record.id, seq: record.seq, readable: readAsMail(submission), defaultConsultation: rules.routing.default }, submission.attachments, rules.letters, rules.ownWords.formulas));
      return { entry, links: grouper.add(entry) };
    });
  await appendCampaignIndex(store, items);
  if (!log || !known) return;
  const grown = new Map<string, number>();
  for (const { entry } of items) {
    const c = grouper.campaignOf(entry.id);
    if (c) grown.set(c.id, c.size);
  }
  for (const [id, size] of grown) log.child({ campaign: id }).info({ campaign: id, members: size }, `campaign ${id} now has ${size} members`);
}

/** Forgets the grouping kept for a store (after reclassify rewrote the index). */
export function forgetCampaigns(store: Store): void {
  trackers.delete(store);
}

/**
 * After reclassify: every record compared again (its own words, relevance and consultation may
 * have changed) and the index written whole with the links; the daemon's grouping is rebuilt.
 */
export async function refreshCampaignIndex(store: Store, rules: Rules): Promise<number> {
  const set = await loadCampaigns(store, await store.readAll(), rules, { compare: true });
  const grouper = new CampaignGrouper();
  await rewriteCampaignIndex(store, set.entries.map((entry) => ({ entry, links: grouper.add(entry) })));
  forgetCampaigns(store);
  return grouper.groups().length;
}
