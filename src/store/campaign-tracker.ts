// Campaigns as messages are filed: after each batch, the new records' entries go into the index
// (state/campaign-index.jsonl) and into a grouping kept in memory, so a late member joins its
// campaign at once and the log says so. Records filed before the index existed are indexed the
// first time. Every reader recomputes the same campaigns from the index (store/campaigns.ts).
import { CampaignGrouper, entryInputOf, entryOf, type CampaignEntry } from '../campaigns/index.js';
import { readAsMail } from '../intake/problems.js';
import type { Submission } from '../intake/types.js';
import type { Logger } from '../log.js';
import type { Rules } from '../rules/types.js';
import { appendCampaignIndex, readCampaignDecisions, readCampaignIndex } from './campaign-index.js';
import { loadCampaigns } from './campaigns.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';

interface Tracker {
  grouper: CampaignGrouper;
  /** The decisions the grouping was built with (as JSON): a caseworker's new decision rebuilds it. */
  decisions: string;
}

const trackers = new WeakMap<Store, Promise<Tracker>>();

async function build(store: Store, rules: Rules): Promise<Tracker> {
  const decisions = await readCampaignDecisions(store);
  const records = await store.readAll();
  // Records the index lacks (filed before it existed, or changed) are indexed now, once.
  const set = await loadCampaigns(store, records, rules);
  await appendCampaignIndex(store, set.fresh);
  const index = await readCampaignIndex(store);
  const grouper = new CampaignGrouper(decisions);
  for (const r of records) {
    const e = index.get(r.id);
    if (e) grouper.add(e);
  }
  return { grouper, decisions: JSON.stringify(decisions) };
}

async function trackerFor(store: Store, rules: Rules): Promise<Tracker> {
  let t = trackers.get(store);
  if (t) {
    const tracker = await t;
    if (JSON.stringify(await readCampaignDecisions(store)) === tracker.decisions) return tracker;
  }
  t = build(store, rules);
  trackers.set(store, t);
  t.catch(() => trackers.delete(store));
  return t;
}

/** The records just filed (with what intake found in them) into the campaign index and grouping. */
export async function trackFiled(store: Store, filed: Array<{ record: SubmissionRecord; submission: Submission }>, rules: Rules, log?: Logger): Promise<void> {
  if (filed.length === 0) return;
  const known = trackers.has(store);
  const tracker = await trackerFor(store, rules);
  // A tracker built just now read these records from the store already.
  const fresh = filed.filter(({ record }) => !tracker.grouper.has(record.id));
  const entries: CampaignEntry[] = fresh.map(({ record, submission }) =>
    entryOf(entryInputOf(record, { id: record.id, seq: record.seq, readable: readAsMail(submission), defaultConsultation: rules.routing.default }, submission.attachments, rules.letters)),
  );
  await appendCampaignIndex(store, entries);
  for (const e of entries) tracker.grouper.add(e);
  if (!log) return;
  const grown = new Map<string, number>();
  for (const { record } of known ? filed : []) {
    const c = tracker.grouper.campaignOf(record.id);
    if (c) grown.set(c.id, c.size);
  }
  for (const [id, size] of grown) log.child({ campaign: id }).info({ campaign: id, members: size }, `campaign ${id} now has ${size} members`);
}

/** Forgets the grouping kept for a store (after reclassify rewrote the index). */
export function forgetCampaigns(store: Store): void {
  trackers.delete(store);
}

/**
 * After reclassify: every record whose entry changed (its own words, relevance, consultation) is
 * indexed again, and the grouping kept in memory is rebuilt on the next batch.
 */
export async function refreshCampaignIndex(store: Store, rules: Rules): Promise<number> {
  const set = await loadCampaigns(store, await store.readAll(), rules);
  await appendCampaignIndex(store, set.fresh);
  forgetCampaigns(store);
  return set.groups.length;
}
