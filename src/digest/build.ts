// The digest as plain data: what a caseworker should see, sorted, counted and flagged, with no
// file, network or clock (the time is passed in). The renderers only lay it out.
//
// `records` is the whole store: totals, "needs attention" and "not replied yet" are worked out
// over the whole consultation; `since`/`seqAfter` only decide what is new in this digest. With
// several consultations, `rules` is one consultation's view and only its records are counted.
import type { AutomaticKind } from '../intake/types.js';
import type { Rules } from '../rules/types.js';
import { consultationOfRecord, type SubmissionRecord } from '../store/record.js';
import { calendarDaysBetween, localParts, norwegianDate, showDateTime } from '../time/local-time.js';
import { needsAttention } from './attention.js';
import type { AutomaticSummary, DigestModel, DigestOptions, DigestPeriod, TotalRow } from './model.js';
import { awaitedOrganisations, notReplied } from './not-replied.js';
import { categoryOf, count, isSubmission, NO_COMMENTS_SECTION, sectionIdsOf, subjectOf, type IsNew } from './records.js';
import { sections } from './sections.js';
import { campaignOfMembers, campaignTotals, campaignViews } from './campaigns.js';
import { reviewEntries, withCorrectLinks } from './review.js';
import { AUTOMATIC_KIND_TITLES, LABELS, deadlineText, newCountText } from './words.js';

export type { DigestModel, DigestOptions } from './model.js';

const AUTOMATIC_LIST_LENGTH = 20;

export function buildDigest(all: SubmissionRecord[], rules: Rules, opts: DigestOptions): DigestModel {
  const c = rules.consultation;
  const records = all.filter((r) => consultationOfRecord(r, rules.routing.default) === c.id);
  const tz = c.timezone;
  const isNew = newTest(opts);
  const submissions = records.filter(isSubmission);
  const newSubmissions = submissions.filter(isNew);
  const period = periodOf(records, isNew, opts, tz);
  const titles = classTitles(rules);
  const campaigns = opts.campaigns ?? [];
  const today = localParts(opts.now, tz).date;
  const deadlineDate = c.deadline.slice(0, 10);
  const daysLeft = calendarDaysBetween(today, deadlineDate);
  const shownDeadline = norwegianDate(deadlineDate);
  const title = `Innspill ${c.label} – oversikt ${norwegianDate(today)}`;
  return {
    subject: `${title} (${period.wholeConsultation ? `${submissions.length} innspill` : newCountText(newSubmissions.length)})`,
    caseNumber: c.caseNumber,
    generatedAt: showDateTime(opts.now, tz),
    period,
    deadline: { date: shownDeadline, daysLeft, text: deadlineText(daysLeft, shownDeadline) },
    totals: {
      submissions: { inPeriod: newSubmissions.length, total: submissions.length },
      late: { inPeriod: newSubmissions.filter((r) => r.late).length, total: submissions.filter((r) => r.late).length },
      perCommitment: totalsPerClass(submissions, isNew, rules, titles),
      perCategory: totalsPerCategory(submissions, isNew, rules),
      ...(campaigns.length > 0 ? { inCampaigns: campaignTotals(submissions, campaigns, isNew) } : {}),
    },
    review: reviewEntries(records, rules, opts.links),
    needsAttention: needsAttention(records, isNew, rules),
    invitedCount: awaitedOrganisations(rules).length,
    notReplied: notReplied(records, rules),
    sections: withCorrectLinks(sections(newSubmissions, records, rules, titles, campaignOfMembers(campaigns)), records, opts.links),
    campaigns: campaignViews(campaigns, submissions, isNew, rules, titles, opts.links),
    automatic: automaticSummary(records, isNew, tz),
  };
}

function newTest(opts: DigestOptions): IsNew {
  const { seqAfter, since } = opts;
  if (seqAfter !== undefined) return (r) => r.seq > seqAfter;
  if (since) return (r) => Date.parse(r.filedAt) > since.getTime();
  return () => true;
}

function periodOf(records: SubmissionRecord[], isNew: IsNew, opts: DigestOptions, tz: string): DigestPeriod {
  const fresh = records.filter(isNew);
  let description: string;
  if (opts.seqAfter !== undefined) {
    if (opts.since) description = `Nytt siden forrige oversikt ${showDateTime(opts.since, tz)}`;
    else description = opts.seqAfter > 0 ? `Nytt etter løpenummer ${opts.seqAfter}` : 'Alt som er arkivert (første oversikt)';
  } else if (opts.since) description = `Arkivert etter ${showDateTime(opts.since, tz)}`;
  else description = 'Hele høringen';
  return {
    wholeConsultation: fresh.length === records.length,
    description,
    firstSeq: fresh.reduce<number | null>((min, r) => (min === null || r.seq < min ? r.seq : min), null),
    lastSeq: fresh.reduce<number | null>((max, r) => (max === null || r.seq > max ? r.seq : max), null),
  };
}

function classTitles(rules: Rules): Map<string, string> {
  const c = rules.consultation;
  return new Map([...c.commitments.map((x) => [x.id, x.title] as const), ...c.topics.map((x) => [x.id, x.title] as const), [NO_COMMENTS_SECTION, LABELS.noCommentsSection], [c.unclassifiedId, LABELS.unclassifiedSection]]);
}

function totalsPerClass(submissions: SubmissionRecord[], isNew: IsNew, rules: Rules, titles: Map<string, string>): TotalRow[] {
  const ids = [...rules.consultation.classIds, NO_COMMENTS_SECTION, rules.consultation.unclassifiedId];
  // One pass over the submissions, each one's sections found once (not once per section).
  const tally = new Map(ids.map((id) => [id, { inPeriod: 0, total: 0 }]));
  for (const r of submissions) {
    const fresh = isNew(r);
    for (const id of new Set(sectionIdsOf(r, rules))) {
      const t = tally.get(id);
      if (!t) continue;
      t.total++;
      if (fresh) t.inPeriod++;
    }
  }
  return ids.map((id) => ({ id, title: titles.get(id) ?? id, ...tally.get(id)! }));
}

function totalsPerCategory(submissions: SubmissionRecord[], isNew: IsNew, rules: Rules): TotalRow[] {
  // One pass over the submissions, each one's category found once (not once per category).
  const categories = rules.consultation.senderCategories;
  const tally = new Map(categories.map((k) => [k.id, { inPeriod: 0, total: 0 }]));
  for (const r of submissions) {
    const t = tally.get(categoryOf(r, rules));
    if (!t) continue;
    t.total++;
    if (isNew(r)) t.inPeriod++;
  }
  return categories.map((k) => ({ id: k.id, title: k.title, ...tally.get(k.id)! }));
}

function automaticSummary(records: SubmissionRecord[], isNew: IsNew, tz: string): AutomaticSummary {
  const automatic = records.filter((r) => r.automatic && r.automaticKind !== null);
  const kinds = (Object.keys(AUTOMATIC_KIND_TITLES) as AutomaticKind[]).filter((k) => automatic.some((r) => r.automaticKind === k));
  const fresh = automatic.filter(isNew);
  return {
    perKind: kinds.map((kind) => ({ kind, title: AUTOMATIC_KIND_TITLES[kind], ...count(automatic, isNew, (r) => r.automaticKind === kind) })),
    items: fresh.slice(0, AUTOMATIC_LIST_LENGTH).map((r) => ({
      id: r.id,
      kind: r.automaticKind!,
      kindTitle: AUTOMATIC_KIND_TITLES[r.automaticKind!],
      from: r.from?.address ?? 'ukjent avsender',
      subject: subjectOf(r),
      receivedAt: r.receivedAt ? showDateTime(new Date(r.receivedAt), tz) : null,
    })),
    moreItems: Math.max(0, fresh.length - AUTOMATIC_LIST_LENGTH),
  };
}
