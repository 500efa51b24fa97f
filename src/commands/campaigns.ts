// `innspill campaigns [--json]`: the campaigns found (many people, one text), for caseworkers;
// `innspill campaigns split ID MEMBER` and `innspill campaigns join ID ID`: a caseworker's
// correction, kept in the store (state/campaign-decisions.json) so it survives every recomputation.
import { firstMemberOf } from '../campaigns/index.js';
import { Store } from '../store/json-store.js';
import { addCampaignDecision } from '../store/campaign-index.js';
import { campaignsOfStore, describeCampaigns, inCampaignsText, loadCampaigns, type CampaignDescription, type CampaignSet } from '../store/campaigns.js';
import { inCampaignsText as inCampaignsWords } from '../digest/words.js';
import { isSubmission } from '../digest/records.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';

/** "N innspill, av dem M i K kampanjer": every member counts as a submission. */
export function campaignCountText(submissions: Array<{ id: string }>, set: Pick<CampaignSet, 'byMember'>): string {
  return `${submissions.length} innspill, ${inCampaignsText(submissions, set.byMember) || inCampaignsWords(0, 0)}`;
}

function cut(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`;
}

function table(campaigns: CampaignDescription[], tz: string): string[] {
  const when = (iso: string | null) => (iso ? showDateTime(new Date(iso), tz) : 'ukjent');
  const lines = [`${'KAMPANJE'.padEnd(18)} ${'INNSPILL'.padStart(8)} ${'AVSENDERE'.padStart(9)}  ${'FØRSTE'.padEnd(20)} ${'SISTE'.padEnd(20)} NAVN`];
  for (const c of campaigns) {
    lines.push(`${cut(c.id, 18)} ${String(c.size).padStart(8)} ${String(c.senders).padStart(9)}  ${when(c.firstArrival).padEnd(20)} ${when(c.lastArrival).padEnd(20)} ${c.name}`);
  }
  return lines;
}

export async function campaignsCommand(dataDir: string, rules: Rules, o: { json?: boolean }, out: NodeJS.WritableStream): Promise<number> {
  const store = await Store.open(dataDir, { lock: false });
  try {
    // The store's rows and the kept descriptions: records are read only when the store changed.
    const { described, submissions } = store.rowsLoaded ? await campaignsOfStore(store, rules, null) : await describedFromRecords(store, rules);
    if (o.json) {
      for (const c of described) out.write(`${JSON.stringify(c)}\n`);
      return 0;
    }
    if (described.length > 0) out.write(`${table(described, rules.consultation.timezone).join('\n')}\n`);
    const byMember = new Map<string, { id: string; size: number }>();
    for (const c of described) for (const id of c.members) byMember.set(id, { id: c.id, size: c.size });
    out.write(`${campaignCountText(submissions, { byMember })}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function describedFromRecords(store: Store, rules: Rules): Promise<{ described: CampaignDescription[]; submissions: SubmissionRecord[] }> {
  const records = await store.readAll();
  return { described: await describeCampaigns(store, await loadCampaigns(store, records, rules), records, rules), submissions: records.filter(isSubmission) };
}

/** A decision the command could not take: the message for the caseworker, exit status 1. */
function refuse(err: NodeJS.WritableStream, message: string): number {
  err.write(`innspill campaigns: ${message}\n`);
  return 1;
}

export async function campaignSplitCommand(dataDir: string, rules: Rules, campaign: string, member: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream, now = new Date()): Promise<number> {
  const store = await Store.open(dataDir, { lock: false });
  try {
    const set = await loadCampaigns(store, await store.readAll(), rules);
    const group = set.groups.find((g) => g.id === campaign);
    if (!group) return refuse(err, `fant ingen kampanje ${campaign}; se innspill campaigns`);
    if (!group.members.includes(member)) return refuse(err, `${member} er ikke med i kampanje ${campaign}`);
    await addCampaignDecision(store, { kind: 'split', member, campaign, at: now.toISOString() });
    out.write(`${member} er tatt ut av kampanje ${campaign} og regnes som et eget innspill; det står fast også når kampanjene regnes ut på nytt.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function campaignJoinCommand(dataDir: string, rules: Rules, first: string, second: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream, now = new Date()): Promise<number> {
  const store = await Store.open(dataDir, { lock: false });
  try {
    const set = await loadCampaigns(store, await store.readAll(), rules);
    for (const id of [first, second]) if (!set.groups.some((g) => g.id === id)) return refuse(err, `fant ingen kampanje ${id}; se innspill campaigns`);
    if (first === second) return refuse(err, `${first} er nevnt to ganger; oppgi to ulike kampanjer`);
    await addCampaignDecision(store, { kind: 'join', members: [firstMemberOf(first)!, firstMemberOf(second)!], campaigns: [first, second], at: now.toISOString() });
    const merged = [first, second].sort((a, b) => set.groups.findIndex((g) => g.id === a) - set.groups.findIndex((g) => g.id === b))[0];
    out.write(`${first} og ${second} er slått sammen til ${merged}; det står fast også når kampanjene regnes ut på nytt.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
