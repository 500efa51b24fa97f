// The campaigns of a store, as every command sees them: the index completed in memory for records
// it lacks (or that changed since), the caseworkers' decisions applied, each record's campaign, and
// — for the digest and `innspill campaigns` — each campaign's template and members' additions.
import { readFile } from 'node:fs/promises';
import { attachmentOwnText, entryInputOf, entryOf, groupCampaigns, keyOf, linkCampaigns, type CampaignEntry, type CampaignGroup, type LinkCode, type MemberText } from '../campaigns/index.js';
import { isSubmission } from '../digest/records.js';
import type { Rules } from '../rules/types.js';
import { readCampaignDecisions, readCampaignIndex, type IndexedEntry } from './campaign-index.js';
import { cachedCampaignRefs } from './campaign-refs-cache.js';
import { describedInputsKey, describeGroups, identityOf, readDescribed, writeDescribed, type MemberFacts } from './campaign-described.js';
import type { Store } from './json-store.js';
import type { SubmissionRecord } from './record.js';

/** What a record says about its campaign: `campaign: null | { id, size }` in list and show. */
export interface CampaignRef {
  id: string;
  size: number;
}

export interface CampaignSet {
  groups: CampaignGroup[];
  /** Record id → its campaign. */
  byMember: Map<string, CampaignRef>;
  /** Entries made now for records the index lacked or had stale. */
  fresh: CampaignEntry[];
  /** Every record's entry, in filing order. */
  entries: CampaignEntry[];
}

/** A campaign described for people (digest, `innspill campaigns`). */
export interface CampaignDescription {
  id: string;
  name: string;
  consultation: string | null;
  size: number;
  /** Distinct sender addresses. */
  senders: number;
  members: string[];
  /** ISO times of the first and last arrival (received), null when none is known. */
  firstArrival: string | null;
  lastArrival: string | null;
  template: string;
  /** The commitments and topics most members are sorted under, in the plan's order. */
  commitments: string[];
  additions: Array<{ id: string; text: string }>;
  links: LinkCode[];
}

async function attachmentText(store: Store, a: SubmissionRecord['attachments'][number], cache: Map<string, string>): Promise<string> {
  if (!a.textFile) return '';
  let text = cache.get(a.sha256);
  if (text === undefined) {
    text = await readFile(store.path(a.textFile), 'utf8').catch(() => '');
    cache.set(a.sha256, text);
  }
  return text;
}

/** The entry of a record made from its files (its attachments' stored texts). */
export async function entryOfRecord(store: Store, r: SubmissionRecord, rules: Rules, cache = new Map<string, string>()): Promise<CampaignEntry> {
  const attachments = await Promise.all(r.attachments.map(async (a) => ({ ...a, text: await attachmentText(store, a, cache) })));
  return entryOf(entryInputOf(r, { id: r.id, seq: r.seq, readable: r.readable, defaultConsultation: rules.routing.default }, attachments, rules.letters, rules.ownWords.formulas));
}

/**
 * A record known by its entry key alone (from a cache, for a record file that has not changed),
 * read only if its entry must be made again.
 */
export interface KeyedRecord {
  id: string;
  entryKey: string;
  load(): Promise<SubmissionRecord>;
}

/**
 * The campaigns over `records` (the whole store, in filing order). When the index holds every
 * record as it is, with the links found when it was filed, and no member was split out, the
 * campaigns follow from those links at once; else they are found again by comparing.
 */
export async function loadCampaigns(store: Store, records: Array<SubmissionRecord | KeyedRecord>, rules: Rules, options: { compare?: boolean } = {}): Promise<CampaignSet> {
  const decisions = await readCampaignDecisions(store);
  const split = decisions.some((d) => d.kind === 'split');
  // The links first (small); the signatures only when the campaigns must be found by comparing.
  const cache = new Map<string, string>();
  const collect = async (index: Map<string, IndexedEntry>, withSignatures: boolean) => {
    const fresh: CampaignEntry[] = [];
    const entries: CampaignEntry[] = [];
    const linked: Array<{ entry: CampaignEntry; links: Array<{ to: string; code: LinkCode }> }> = [];
    for (const r of records) {
      const known = index.get(r.id);
      // An entry to compare needs its signature (one missing from the signatures file is made again).
      const usable = known && (!withSignatures || known.entry.signature !== null || known.entry.shingles === 0);
      const key = 'entryKey' in r ? r.entryKey : keyOf(r, { readable: r.readable, defaultConsultation: rules.routing.default }, r.attachments);
      if (usable && known.entry.key === key) {
        entries.push(known.entry);
        if (known.links) linked.push({ entry: known.entry, links: known.links });
        continue;
      }
      const made = await entryOfRecord(store, 'entryKey' in r ? await r.load() : r, rules, cache);
      fresh.push(made);
      entries.push(made);
    }
    return { fresh, entries, linked };
  };
  // `compare`: every entry with its signature (the daemon's grouping compares each new record with them).
  let found = split || options.compare ? null : await collect(await readCampaignIndex(store, { signatures: false }), false);
  const followLinks = found !== null && found.linked.length === found.entries.length;
  if (!followLinks) found = await collect(await readCampaignIndex(store), true);
  const { fresh, entries, linked } = found!;
  const groups = followLinks ? linkCampaigns(linked, decisions) : groupCampaigns(entries, decisions);
  const byMember = new Map<string, CampaignRef>();
  for (const g of groups) for (const id of g.members) byMember.set(id, { id: g.id, size: g.members.length });
  return { groups, byMember, fresh, entries };
}

/** A record's own words for describing its campaign: the mail's and its attachments' (letter lines removed). */
async function memberText(store: Store, r: SubmissionRecord, rules: Rules, cache: Map<string, string>): Promise<MemberText> {
  const own = await Promise.all(r.attachments.map(async (a) => attachmentOwnText(await attachmentText(store, a, cache), rules.letters)));
  return { id: r.id, subject: r.subject, ownWords: [r.ownWords, ...own].filter((t) => t.trim().length > 0).join('\n\n') };
}

/** The campaigns described: template, additions, arrivals and commitments (reads members' attachment texts). */
export async function describeCampaigns(store: Store, set: CampaignSet, records: SubmissionRecord[], rules: Rules): Promise<CampaignDescription[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const cache = new Map<string, string>();
  const described = await describeGroups(set.groups, byId, rules, (id) => memberText(store, byId.get(id)!, rules, cache), () => '', null);
  return described.map((c) => c.d);
}

/**
 * The campaigns of the whole store described, through state/campaign-described.json
 * (campaign-described.ts): read back while nothing changed, else recomputed reading only the
 * records that changed and the campaigns' new members. `records`: the store's records when the
 * caller has them all already; else they are read only as needed. `keep`: write what was computed
 * back (`innspill campaigns`), or only read (the digest). Also the submissions, for the count.
 */
export async function campaignsOfStore(store: Store, rules: Rules, records: SubmissionRecord[] | null, options: { keep: boolean } = { keep: true }): Promise<{ described: CampaignDescription[]; submissions: Array<{ id: string }> }> {
  const inputs = describedInputsKey(store, rules);
  const prior = await readDescribed(store);
  if (prior?.inputs === inputs) {
    const others = new Set(prior.others);
    return { described: prior.campaigns.map((c) => c.d), submissions: store.fileIdentities().filter((r) => !others.has(r.id)) };
  }
  const rows = store.rows();
  const then = new Map((prior?.keys ?? []).map(([id, identity, key]) => [id, { identity, key }]));
  // Many records unknown (no kept descriptions yet, or most records changed): all read at once is cheaper.
  const unknown = rows.filter((row) => then.get(row.id)?.identity !== identityOf(row)).length;
  const all = records ?? (unknown > rows.length / 4 ? await store.readAll() : null);
  const byId = all ? new Map(all.map((r) => [r.id, r])) : new Map<string, SubmissionRecord>();
  const reading = new Map<string, Promise<SubmissionRecord>>();
  const load = (id: string): Promise<SubmissionRecord> => {
    const have = byId.get(id);
    if (have) return Promise.resolve(have);
    let p = reading.get(id);
    if (!p) {
      p = store.get(id).then((r) => {
        if (!r) throw new Error(`record ${id} is in the store's index but could not be read`);
        return r;
      });
      reading.set(id, p);
    }
    return p;
  };
  const keyed: Array<SubmissionRecord | KeyedRecord> = [];
  for (const row of rows) {
    const known = then.get(row.id);
    keyed.push(known && known.identity === identityOf(row) ? { id: row.id, entryKey: known.key, load: () => load(row.id) } : await load(row.id));
  }
  const set = await loadCampaigns(store, keyed, rules);
  const facts = new Map<string, MemberFacts>();
  const identities = new Map<string, string>();
  for (const row of rows) {
    identities.set(row.id, identityOf(row));
    // A record without a Received time arrives by its arrival time, which only the record has.
    facts.set(row.id, row.receivedAt === null && set.byMember.has(row.id) ? await load(row.id) : row);
  }
  const cache = new Map<string, string>();
  const described = await describeGroups(set.groups, facts, rules, async (id) => memberText(store, await load(id), rules, cache), (id) => identities.get(id) ?? '', prior ? { campaigns: new Map(prior.campaigns.map((c) => [c.d.id, c])), identityThen: new Map([...then].map(([id, t]) => [id, t.identity])) } : null);
  const others = rows.filter((r) => !isSubmission(r)).map((r) => r.id);
  if (options.keep) await writeDescribed(store, { inputs, keys: rows.map((row, i) => [row.id, identityOf(row), set.entries[i]!.key]), campaigns: described, others });
  return { described: described.map((c) => c.d), submissions: rows.filter(isSubmission) };
}

/** Each record's campaign computed from the records (campaignRefs() in campaign-refs-cache.ts keeps it). */
export async function computeCampaignRefs(store: Store, rules: Rules, records?: SubmissionRecord[]): Promise<Map<string, CampaignRef>> {
  return (await loadCampaigns(store, records ?? (await store.readAll()), rules)).byMember;
}

// Each record's campaign and "av dem M i K kampanjer" live beside the cache, so that `list` and
// `show` need not load the grouping (this module and src/campaigns/) when the cache matches.
export { campaignRefs, inCampaignsText } from './campaign-refs-cache.js';

/** The campaigns of these records, described (for the digest). */
export async function describedCampaigns(store: Store, records: SubmissionRecord[], rules: Rules): Promise<CampaignDescription[]> {
  // A reader's digest only reads what was kept: printing a digest changes nothing in the store. The
  // store's lock holder (the daemon's scheduled digest, `digest --send`) keeps what it computed, as
  // `innspill campaigns` does, so the caseworkers' digests after it read the campaigns described.
  if (store.rowsLoaded) return (await campaignsOfStore(store, rules, records, { keep: store.isWriter })).described;
  return describeCampaigns(store, await loadCampaigns(store, records, rules), records, rules);
}
