// The campaigns of a store, as every command sees them: the index completed in memory for records
// it lacks (or that changed since), the caseworkers' decisions applied, each record's campaign, and
// — for the digest and `innspill campaigns` — each campaign's template and members' additions.
import { readFile } from 'node:fs/promises';
import { attachmentOwnText, describeCampaign, entryInputOf, entryOf, groupCampaigns, keyOf, linkCampaigns, type CampaignEntry, type CampaignGroup, type LinkCode } from '../campaigns/index.js';
import { rulesFor } from '../rules/views.js';
import { inCampaignsText as inCampaignsWords } from '../digest/words.js';
import type { Rules } from '../rules/types.js';
import { readCampaignDecisions, readCampaignIndex, type IndexedEntry } from './campaign-index.js';
import { cachedCampaignRefs } from './campaign-refs-cache.js';
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
  return entryOf(entryInputOf(r, { id: r.id, seq: r.seq, readable: r.readable, defaultConsultation: rules.routing.default }, attachments, rules.letters));
}

/**
 * The campaigns over `records` (the whole store, in filing order). When the index holds every
 * record as it is, with the links found when it was filed, and no member was split out, the
 * campaigns follow from those links at once; else they are found again by comparing.
 */
export async function loadCampaigns(store: Store, records: SubmissionRecord[], rules: Rules, options: { compare?: boolean } = {}): Promise<CampaignSet> {
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
      if (usable && known.entry.key === keyOf(r, { readable: r.readable, defaultConsultation: rules.routing.default }, r.attachments)) {
        entries.push(known.entry);
        if (known.links) linked.push({ entry: known.entry, links: known.links });
        continue;
      }
      const made = await entryOfRecord(store, r, rules, cache);
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

/** The campaigns described: template, additions, arrivals and commitments (reads members' attachment texts). */
export async function describeCampaigns(store: Store, set: CampaignSet, records: SubmissionRecord[], rules: Rules): Promise<CampaignDescription[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const cache = new Map<string, string>();
  const out: CampaignDescription[] = [];
  for (const g of set.groups) {
    const members = g.members.map((id) => byId.get(id)).filter((r): r is SubmissionRecord => r !== undefined);
    const texts = await Promise.all(
      members.map(async (r) => {
        const own = await Promise.all(r.attachments.map(async (a) => attachmentOwnText(await attachmentText(store, a, cache), rules.letters)));
        return { id: r.id, subject: r.subject, ownWords: [r.ownWords, ...own].filter((t) => t.trim().length > 0).join('\n\n') };
      }),
    );
    const described = describeCampaign(texts);
    const times = members.map((r) => r.receivedAt ?? r.arrivedAt ?? null).filter((t): t is string => t !== null).sort((a, b) => Date.parse(a) - Date.parse(b));
    const perClass = new Map<string, number>();
    for (const r of members) for (const c of new Set(r.commitments.map((m) => m.id))) perClass.set(c, (perClass.get(c) ?? 0) + 1);
    out.push({
      id: g.id,
      name: described.name || members[0]?.subject || g.id,
      consultation: members[0]?.consultation?.id ?? rules.routing.default,
      size: g.members.length,
      senders: new Set(members.map((r) => r.from?.address ?? r.id)).size,
      members: g.members,
      firstArrival: times[0] ?? null,
      lastArrival: times.at(-1) ?? null,
      template: described.template,
      commitments: rulesFor(rules, members[0]?.consultation?.id).consultation.classIds.filter((id) => (perClass.get(id) ?? 0) * 2 >= members.length),
      additions: g.members.flatMap((id) => {
        const added = described.additions.get(id);
        return added ? [{ id, text: added.join(' ') }] : [];
      }),
      links: g.links,
    });
  }
  return out;
}

/** Each record's campaign (`campaign: null | { id, size }` in list, show and the exports). */
export async function campaignRefs(store: Store, rules: Rules, records?: SubmissionRecord[]): Promise<Map<string, CampaignRef>> {
  const compute = async () => (await loadCampaigns(store, records ?? (await store.readAll()), rules)).byMember;
  // Kept in state/campaign-refs.json with what they were computed from (campaign-refs-cache.ts).
  return store.rowsLoaded ? cachedCampaignRefs(store, rules.routing.default, compute) : compute();
}

/** "av dem M i K kampanjer" for these records, or '' when none is in a campaign. */
export function inCampaignsText(records: Array<{ id: string }>, refs: Map<string, CampaignRef>): string {
  const members = records.filter((r) => refs.has(r.id));
  if (members.length === 0) return '';
  return inCampaignsWords(members.length, new Set(members.map((r) => refs.get(r.id)!.id)).size);
}

/** The campaigns of these records, described (for the digest). */
export async function describedCampaigns(store: Store, records: SubmissionRecord[], rules: Rules): Promise<CampaignDescription[]> {
  return describeCampaigns(store, await loadCampaigns(store, records, rules), records, rules);
}
