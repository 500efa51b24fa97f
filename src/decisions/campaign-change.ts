// A caseworker's campaign decision by command mail: take a submission out of its campaign, or join
// its campaign with another. Checked against the campaigns as they are now (a replay is
// "unchanged", a wrong id is refused with the reason in words), then kept with the campaigns'
// other decisions, where every recomputation applies it (store/campaign-index.ts).
import { campaignIdOf, firstMemberOf } from '../campaigns/index.js';
import { RECORD_ID } from '../store/record.js';
import { addCampaignDecision, readCampaignDecisions } from '../store/campaign-index.js';
import { loadCampaigns } from '../store/campaigns.js';
import type { Store } from '../store/json-store.js';
import type { Rules } from '../rules/types.js';
import type { CampaignRequest, ChangeResult } from './types.js';

export interface CampaignPlan {
  /** The decision to keep (its time is added when kept); null when nothing is to be done (refused, or so already). */
  decision: { kind: 'split'; member: string; campaign: string } | { kind: 'join'; members: [string, string]; campaigns: [string, string] } | null;
  result: ChangeResult;
}

/** What a campaign request would do to the campaigns of the store as they are now. */
export async function planCampaignChange(store: Store, rules: Rules, request: CampaignRequest): Promise<CampaignPlan> {
  const refused = (code: string, text: string): CampaignPlan => ({ decision: null, result: { id: request.id, outcome: 'refused', code, text } });
  const unchanged = (code: string, text: string): CampaignPlan => ({ decision: null, result: { id: request.id, outcome: 'unchanged', code, text } });
  const set = await loadCampaigns(store, await store.readAll(), rules);
  const own = set.groups.find((g) => g.members.includes(request.id));
  if (request.action === 'split') {
    if (own) return { decision: { kind: 'split', member: request.id, campaign: own.id }, result: { id: request.id, outcome: 'ok', code: 'campaign-split', text: `${request.id} er tatt ut av kampanje ${own.id} og regnes som et eget innspill` } };
    const before = (await readCampaignDecisions(store)).find((d) => d.kind === 'split' && d.member === request.id);
    if (before) return unchanged('campaign-split', `${request.id} er allerede tatt ut av kampanje ${(before as { campaign: string }).campaign}`);
    return refused('not-in-campaign', `${request.id} er ikke med i noen kampanje`);
  }
  if (!own) return refused('not-in-campaign', `${request.id} er ikke med i noen kampanje`);
  // The prepared line's "k-" left as it is names none; a bare record id is its campaign's number.
  const withId = !request.with.startsWith('k-') && RECORD_ID.test(request.with) ? campaignIdOf(request.with) : request.with;
  if (!firstMemberOf(withId)) return refused('campaign-missing', `/kampanje-sammen ${request.id} mangler nummeret på kampanjen den skal slås sammen med (k-…) etter kontrollkoden`);
  const other = set.groups.find((g) => g.id === withId);
  if (!other) return refused('no-such-campaign', `fant ingen kampanje ${withId}`);
  if (other.id === own.id) return unchanged('campaign-join', `${request.id} er allerede med i kampanje ${own.id}`);
  return {
    decision: { kind: 'join', members: [firstMemberOf(own.id)!, firstMemberOf(other.id)!], campaigns: [own.id, other.id] },
    result: { id: request.id, outcome: 'ok', code: 'campaign-join', text: `kampanje ${own.id} (med ${request.id}) og ${other.id} er slått sammen` },
  };
}

/** Carries out a planned campaign decision (nothing when the plan has none). */
export async function applyCampaignPlan(store: Store, plan: CampaignPlan, now: Date): Promise<ChangeResult> {
  if (plan.decision) await addCampaignDecision(store, { ...plan.decision, at: now.toISOString() });
  return plan.result;
}
