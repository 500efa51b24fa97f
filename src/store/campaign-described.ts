// Campaigns described for people (template, members' additions, arrivals, commitments), and kept in
// state/campaign-described.json with what they were computed from, so that `innspill campaigns`
// and the digest answer without reading every member again:
// - while nothing changed (the record files, the campaign index, the decisions: the key of
//   campaign-refs-cache.ts), the descriptions are read back whole;
// - after records were filed or changed, each record's entry key is known from the file for the
//   record files that did not change (only the others are read), and a campaign whose first members
//   (the template's sample) are unchanged keeps its template: only its new or changed members are
//   read, to find what they added.
// The file is only a cache: written atomically, ignored when it does not match, is damaged or
// cannot be written.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { additionsOf, templateOf, TEMPLATE_SAMPLE, type CampaignGroup, type MemberText, type TemplateBasis } from '../campaigns/index.js';
import { rulesFor } from '../rules/views.js';
import type { Rules } from '../rules/types.js';
import { writeFileAtomic } from './atomic.js';
import { campaignInputsKey } from './campaign-refs-cache.js';
import type { CampaignDescription } from './campaigns.js';
import type { Store } from './json-store.js';
import type { RecordRow } from './record-index.js';

/** Raised whenever what the file holds, or how campaigns are described, changes meaning. */
const VERSION = 1;
const FILE = ['state', 'campaign-described.json'] as const;

/** What a description needs of a member besides its words: a record's or its row's. */
export type MemberFacts = Pick<RecordRow, 'id' | 'subject' | 'from' | 'receivedAt' | 'consultation' | 'commitments'> & { arrivedAt?: string | null };

interface CachedCampaign {
  d: CampaignDescription;
  /** The identities of the first members the template was found from. */
  sample: string;
  basis: TemplateBasis;
}

export interface DescribedFile {
  v: number;
  inputs: string;
  /** Per record when computed: [id, file identity, campaign entry key]. */
  keys: Array<[string, string, string]>;
  campaigns: CachedCampaign[];
  /** The records that are not submissions (automatic, unrelated, unreadable): the count's complement. */
  others: string[];
}

/** What the descriptions of a store are computed from: the campaigns' inputs and the rules they are described by. */
export function describedInputsKey(store: Store, rules: Rules): string {
  const classes = rules.consultations?.map((c) => `${c.consultation.id}:${c.consultation.classIds.join(',')}`).join(';') ?? rules.consultation.classIds.join(',');
  return `${VERSION}.${campaignInputsKey(store, rules.routing.default)}.${createHash('sha256').update(classes).digest('base64url').slice(0, 16)}`;
}

export async function readDescribed(store: Store): Promise<DescribedFile | null> {
  try {
    // Read synchronously: a file of many MB decodes far faster in one piece than through the promise API's chunked decoder.
    const file = JSON.parse(readFileSync(store.path(...FILE), 'utf8')) as DescribedFile;
    return file.v === VERSION && Array.isArray(file.keys) && Array.isArray(file.campaigns) && Array.isArray(file.others) ? file : null;
  } catch {
    return null;
  }
}

export async function writeDescribed(store: Store, file: Omit<DescribedFile, 'v'>): Promise<void> {
  await writeFileAtomic(store.path(...FILE), JSON.stringify({ v: VERSION, ...file }), { syncDir: false }).catch(() => undefined);
}

/** A record file's identity as text. */
export const identityOf = (row: { file: [number, number, number] }): string => row.file.join(':');

/**
 * Describes the campaigns. `facts`: every member's facts; `textOf`: a member's own words (read only
 * when needed); `identity`: a member's record file now. `prior`: the descriptions kept before and
 * each record's identity then, or null to describe everything afresh.
 */
export async function describeGroups(
  groups: CampaignGroup[],
  facts: Map<string, MemberFacts>,
  rules: Rules,
  textOf: (id: string) => Promise<MemberText>,
  identity: (id: string) => string,
  prior: { campaigns: Map<string, CachedCampaign>; identityThen: Map<string, string> } | null,
): Promise<CachedCampaign[]> {
  const out: CachedCampaign[] = [];
  for (const g of groups) {
    const members = g.members.map((id) => facts.get(id)).filter((r): r is MemberFacts => r !== undefined);
    const sample = createHash('sha256')
      .update(g.members.slice(0, TEMPLATE_SAMPLE).map((id) => `${id}:${identity(id)}`).join(','))
      .digest('base64url');
    const old = prior?.campaigns.get(g.id);
    let basis: TemplateBasis;
    const additions = new Map<string, string>();
    if (old && old.sample === sample) {
      // The template stands; members described before and unchanged keep their additions.
      basis = old.basis;
      const before = new Set(old.d.members);
      for (const a of old.d.additions) additions.set(a.id, a.text);
      const fresh = g.members.filter((id) => !before.has(id) || prior!.identityThen.get(id) !== identity(id));
      for (const id of fresh) additions.delete(id);
      for (const [id, added] of additionsOf(basis, await Promise.all(fresh.map(textOf)))) additions.set(id, added.join(' '));
    } else {
      const texts = await Promise.all(g.members.map(textOf));
      basis = templateOf(texts);
      for (const [id, added] of additionsOf(basis, texts)) additions.set(id, added.join(' '));
    }
    // The first and last arrival: each time parsed once (a campaign may have thousands).
    let first: [number, string] | null = null;
    let last: [number, string] | null = null;
    for (const r of members) {
      const t = r.receivedAt ?? r.arrivedAt ?? null;
      if (t === null) continue;
      const ms = Date.parse(t);
      if (first === null || ms < first[0]) first = [ms, t];
      if (last === null || ms >= last[0]) last = [ms, t];
    }
    const perClass = new Map<string, number>();
    for (const r of members) for (const c of new Set(r.commitments.map((m) => m.id))) perClass.set(c, (perClass.get(c) ?? 0) + 1);
    const d: CampaignDescription = {
      id: g.id,
      name: basis.name || members[0]?.subject || g.id,
      consultation: members[0]?.consultation?.id ?? rules.routing.default,
      size: g.members.length,
      senders: new Set(members.map((r) => r.from?.address ?? r.id)).size,
      members: g.members,
      firstArrival: first?.[1] ?? null,
      lastArrival: last?.[1] ?? null,
      template: basis.template,
      commitments: rulesFor(rules, members[0]?.consultation?.id).consultation.classIds.filter((id) => (perClass.get(id) ?? 0) * 2 >= members.length),
      additions: g.members.flatMap((id) => {
        const text = additions.get(id);
        return text ? [{ id, text }] : [];
      }),
      links: g.links,
    };
    out.push({ d, sample, basis });
  }
  return out;
}
