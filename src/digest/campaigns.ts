// The digest's "Kampanjer": per campaign with members new in this digest, its size, first and last
// arrival, the template once, the commitments it addresses and what members added, briefly. The
// members still count as submissions everywhere; in the commitment sections each is one line that
// points here. Pure: the campaigns come described (src/store/campaigns.ts) with the records.
import type { Rules } from '../rules/types.js';
import type { CampaignDescription } from '../store/campaigns.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import type { CampaignView, PeriodCount } from './model.js';
import type { IsNew } from './records.js';
import { senderView } from './records.js';
import { clip } from './sender-text.js';
import { campaignCommands, type DigestLinks } from './links.js';
import { firstMemberOf } from '../campaigns/index.js';
import { senderLabel } from './words.js';

/** At most this many members' additions per campaign, each clipped. */
const ADDITIONS_SHOWN = 15;
const ADDITION_CHARS = 240;
const TEMPLATE_CHARS = 2000;

export function campaignViews(campaigns: CampaignDescription[], records: SubmissionRecord[], isNew: IsNew, rules: Rules, titles: Map<string, string>, links?: DigestLinks): CampaignView[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const tz = rules.consultation.timezone;
  const when = (iso: string | null) => (iso ? showDateTime(new Date(iso), tz) : null);
  return campaigns
    .filter((c) => c.consultation === rules.consultation.id && c.members.some((id) => byId.has(id) && isNew(byId.get(id)!)))
    .map((c) => {
      const additions = c.additions.filter((a) => byId.has(a.id));
      const shown = additions.slice(0, ADDITIONS_SHOWN);
      const decide = links ? campaignCommands(links, c.id, firstMemberOf(c.id) ?? '', shown.map((a) => a.id)) : undefined;
      return {
        id: c.id,
        name: c.name,
        size: c.size,
        newMembers: c.members.filter((id) => byId.has(id) && isNew(byId.get(id)!)).length,
        senders: c.senders,
        firstArrival: when(c.firstArrival),
        lastArrival: when(c.lastArrival),
        template: clip(c.template, TEMPLATE_CHARS),
        commitments: c.commitments.map((id) => ({ id, title: titles.get(id) ?? id })),
        additions: shown.map((a) => ({ id: a.id, sender: senderLabel(senderView(byId.get(a.id)!, rules)), text: clip(a.text, ADDITION_CHARS) })),
        moreAdditions: Math.max(0, additions.length - ADDITIONS_SHOWN),
        ...(decide ? { decide } : {}),
      };
    });
}

/** Submissions in campaigns, and the campaigns they are in: "av dem M i K kampanjer". */
export function campaignTotals(submissions: SubmissionRecord[], campaigns: CampaignDescription[], isNew: IsNew): { members: PeriodCount; campaigns: PeriodCount } {
  const campaignOf = new Map<string, string>();
  for (const c of campaigns) for (const id of c.members) campaignOf.set(id, c.id);
  const members = submissions.filter((r) => campaignOf.has(r.id));
  const fresh = members.filter(isNew);
  return {
    members: { inPeriod: fresh.length, total: members.length },
    campaigns: { inPeriod: new Set(fresh.map((r) => campaignOf.get(r.id))).size, total: new Set(members.map((r) => campaignOf.get(r.id))).size },
  };
}

/** Each member's campaign, for the one-line entries in the commitment sections. */
export function campaignOfMembers(campaigns: CampaignDescription[]): Map<string, { id: string; size: number }> {
  const out = new Map<string, { id: string; size: number }>();
  for (const c of campaigns) for (const id of c.members) out.set(id, { id: c.id, size: c.size });
  return out;
}
