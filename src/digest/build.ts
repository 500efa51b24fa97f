// The digest as plain data: what a caseworker should see, sorted, counted and flagged, with no
// file, network or clock (the time is passed in). The renderers only lay it out.
//
// `records` is the whole store: totals, "needs attention" and "not replied yet" are worked out
// over the whole consultation; `since`/`seqAfter` only decide what is new in this digest.
import type { AutomaticKind, Evidence } from '../intake/types.js';
import { reviewHoldsMessage } from '../intake/review.js';
import { domainOf, organisationForDomain } from '../intake/sender.js';
import type { Organisation, Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { clip, excerptOf } from './sender-text.js';
import { calendarDaysBetween, localParts, norwegianDate, showDateTime } from '../time/local-time.js';
import { ATTENTION_TITLES, AUTOMATIC_KIND_TITLES, LABELS, deadlineText, newCountText, senderLabel } from './words.js';

export interface DigestOptions {
  /** Records filed after this time are new (ignored when seqAfter is given). */
  since: Date | null;
  now: Date;
  /** Records with a higher filing number (seq) are new: what a scheduled digest uses. */
  seqAfter?: number;
}

export interface PeriodCount {
  inPeriod: number;
  total: number;
}

export interface TotalRow extends PeriodCount {
  id: string;
  title: string;
}

export interface DigestPeriod {
  /** Every record in the store is new in this digest: "in the period" and "in total" are the same. */
  wholeConsultation: boolean;
  description: string;
  /** Filing numbers of the records new in this digest (any kind), null when none. */
  firstSeq: number | null;
  lastSeq: number | null;
}

export interface SenderView {
  /** From the sender register; null for an unknown sender. */
  organisation: string | null;
  shortName: string | null;
  /** Display name, '' when the message gave none. */
  name: string;
  address: string | null;
  categoryId: string;
  categoryTitle: string;
}

export interface AttachmentView {
  filename: string;
  readable: boolean;
  problem: string | null;
}

export interface DigestEntry {
  id: string;
  sender: SenderView;
  /** "18.05.2021 kl. 14:03" in the consultation's time zone, null when unknown. */
  receivedAt: string | null;
  late: boolean;
  subject: string;
  excerpt: string;
  /** Why it is in this section (empty in the unclassified section). */
  evidence: Evidence[];
  /** The other commitments and topics it is also listed under. */
  alsoUnder: Array<{ id: string; title: string }>;
  attachments: AttachmentView[];
  followUpOf: string | null;
  followedUpBy: string[];
}

export interface DigestSection {
  id: string;
  title: string;
  kind: 'commitment' | 'topic' | 'noComments' | 'unclassified';
  ministry: string | null;
  entries: DigestEntry[];
}

export type AttentionKind = keyof typeof ATTENTION_TITLES;

export interface AttentionItem {
  recordId: string | null;
  who: string;
  detail: string;
  isNew: boolean;
}

export interface AttentionGroup {
  kind: AttentionKind;
  title: string;
  /**
   * "periode": the items are the new ones in this digest (older ones were in earlier digests);
   * "totalt": every case still open in the whole consultation, the new ones marked.
   */
  scope: 'periode' | 'totalt';
  items: AttentionItem[];
  inPeriod: number;
  total: number;
}

export interface NotRepliedOrganisation {
  name: string;
  shortName: string | null;
  categoryTitle: string;
  invitationBounced: boolean;
}

export interface AutomaticItem {
  id: string;
  kind: AutomaticKind;
  kindTitle: string;
  from: string;
  subject: string;
  receivedAt: string | null;
}

export interface AutomaticSummary {
  perKind: Array<PeriodCount & { kind: AutomaticKind; title: string }>;
  /** The automatic messages new in this digest, oldest first, at most AUTOMATIC_LIST_LENGTH. */
  items: AutomaticItem[];
  moreItems: number;
}

export interface DigestModel {
  /** The mail subject, e.g. "Innspill OGP 4B – oversikt 18.05.2021 (12 nye)". */
  subject: string;
  caseNumber: string;
  generatedAt: string;
  period: DigestPeriod;
  deadline: { date: string; daysLeft: number; text: string };
  totals: { submissions: PeriodCount; late: PeriodCount; perCommitment: TotalRow[]; perCategory: TotalRow[] };
  needsAttention: AttentionGroup[];
  invitedCount: number;
  notReplied: NotRepliedOrganisation[];
  sections: DigestSection[];
  automatic: AutomaticSummary;
}

const AUTOMATIC_LIST_LENGTH = 20;
const EVIDENCE_PER_ENTRY = 3;
const SNIPPET_CHARS = 200;

const collator = new Intl.Collator('nb');

/** The section of replies that say only "ingen merknader": a finding, not a failure to classify. */
export const NO_COMMENTS_SECTION = 'ingen-merknader';

/** A submission: relevant mail from a person, readable. Automatic and unreadable mail is shown apart. */
export function isSubmission(r: SubmissionRecord): boolean {
  return r.relevant && !r.automatic && r.readable;
}

export function buildDigest(records: SubmissionRecord[], rules: Rules, opts: DigestOptions): DigestModel {
  const c = rules.consultation;
  const tz = c.timezone;
  const isNew = newTest(opts);
  const submissions = records.filter(isSubmission);
  const newSubmissions = submissions.filter(isNew);
  const period = periodOf(records, isNew, opts, tz);
  const titles = classTitles(rules);
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
    },
    needsAttention: needsAttention(records, isNew, rules),
    invitedCount: awaitedOrganisations(rules).length,
    notReplied: notReplied(records, rules),
    sections: sections(newSubmissions, records, rules, titles),
    automatic: automaticSummary(records, isNew, tz),
  };
}

function newTest(opts: DigestOptions): (r: SubmissionRecord) => boolean {
  const { seqAfter, since } = opts;
  if (seqAfter !== undefined) return (r) => r.seq > seqAfter;
  if (since) return (r) => Date.parse(r.filedAt) > since.getTime();
  return () => true;
}

function periodOf(records: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, opts: DigestOptions, tz: string): DigestPeriod {
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

/** The commitments and topics a submission is about, in the plan's order (unknown ids left out). */
function classesOf(r: SubmissionRecord, rules: Rules): string[] {
  const ids = new Set(r.commitments.map((m) => m.id));
  return rules.consultation.classIds.filter((id) => ids.has(id));
}

function sectionIdsOf(r: SubmissionRecord, rules: Rules): string[] {
  const ids = classesOf(r, rules);
  if (ids.length > 0) return ids;
  return [r.noComments === true ? NO_COMMENTS_SECTION : rules.consultation.unclassifiedId];
}

function count(records: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, test: (r: SubmissionRecord) => boolean): PeriodCount {
  const matching = records.filter(test);
  return { inPeriod: matching.filter(isNew).length, total: matching.length };
}

function totalsPerClass(submissions: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, rules: Rules, titles: Map<string, string>): TotalRow[] {
  return [...rules.consultation.classIds, NO_COMMENTS_SECTION, rules.consultation.unclassifiedId].map((id) => ({
    id,
    title: titles.get(id) ?? id,
    ...count(submissions, isNew, (r) => sectionIdsOf(r, rules).includes(id)),
  }));
}

function categoryOf(r: SubmissionRecord, rules: Rules): string {
  return rules.consultation.senderCategories.some((k) => k.id === r.sender.category) ? r.sender.category : 'ukjent';
}

function totalsPerCategory(submissions: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, rules: Rules): TotalRow[] {
  return rules.consultation.senderCategories.map((k) => ({ id: k.id, title: k.title, ...count(submissions, isNew, (r) => categoryOf(r, rules) === k.id) }));
}

// ---- needs attention ----


function subjectOf(r: SubmissionRecord): string {
  return r.subject.trim() || LABELS.noSubject;
}

interface Finding {
  record: SubmissionRecord;
  who: string;
  detail: string;
}

function finding(record: SubmissionRecord, rules: Rules, detail: string): Finding {
  return { record, who: senderLabel(senderView(record, rules)), detail };
}

function attentionGroup(kind: AttentionKind, scope: AttentionGroup['scope'], found: Finding[], isNew: (r: SubmissionRecord) => boolean): AttentionGroup {
  const items = found.map((f) => ({ recordId: f.record.id, who: f.who, detail: f.detail, isNew: isNew(f.record) }));
  const fresh = items.filter((i) => i.isNew);
  return { kind, title: ATTENTION_TITLES[kind], scope, items: scope === 'periode' ? fresh : items, inPeriod: fresh.length, total: items.length };
}

function needsAttention(records: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, rules: Rules): AttentionGroup[] {
  const submissions = records.filter(isSubmission);
  return [
    attentionGroup(
      'review',
      'totalt',
      records.filter((r) => r.review?.needed === true).map((r) => finding(r, rules, reviewDetail(r))),
      isNew,
    ),
    attentionGroup(
      'unclassified',
      'periode',
      submissions.filter((r) => classesOf(r, rules).length === 0 && r.noComments !== true).map((r) => finding(r, rules, `«${subjectOf(r)}»`)),
      isNew,
    ),
    attentionGroup(
      'unknownSender',
      'periode',
      submissions.filter((r) => r.sender.organisation === null).map((r) => finding(r, rules, `«${subjectOf(r)}»`)),
      isNew,
    ),
    attentionGroup(
      'unreadableAttachment',
      'periode',
      submissions.flatMap((r) =>
        r.attachments.filter((a) => a.problem !== null).map((a) => finding(r, rules, `«${a.filename || 'vedlegg uten navn'}»: ${a.problem}`)),
      ),
      isNew,
    ),
    attentionGroup('receiptNotDelivered', 'totalt', receiptProblems(records, rules), isNew),
    attentionGroup(
      'unreadableMessage',
      'periode',
      records.filter((r) => !r.readable).map((r) => finding(r, rules, r.problems.join('; ') || 'meldingen kunne ikke leses som e-post')),
      isNew,
    ),
    attentionGroup('invitationBounce', 'totalt', invitationBounces(records, rules), isNew),
  ];
}

/** Why a person should look at it, and whether it waits in the inbox with its receipt held. */
function reviewDetail(r: SubmissionRecord): string {
  const why = r.review!.notes.map((n) => n.text).join('; ');
  const held = reviewHoldsMessage(r.review) ? ` – ${LABELS.heldForReview}` : '';
  return `«${subjectOf(r)}»: ${why}${held}`;
}

function receiptProblems(records: SubmissionRecord[], rules: Rules): Finding[] {
  const tz = rules.consultation.timezone;
  const found: Finding[] = [];
  for (const r of records) {
    const receipt = r.receipt;
    const to = r.from?.address ?? 'ukjent adresse';
    const error = receipt.error ? `: ${receipt.error}` : '';
    if (receipt.status === 'failed') {
      found.push(finding(r, rules, `kvitteringen til ${to} kunne ikke sendes (${receipt.attempts} forsøk)${error}`));
    } else if (receipt.status === 'pending' && receipt.attempts > 0) {
      const next = receipt.nextAttemptAt ? `, prøver igjen ${showDateTime(new Date(receipt.nextAttemptAt), tz)}` : '';
      found.push(finding(r, rules, `kvitteringen til ${to} er ikke levert ennå (${receipt.attempts} forsøk${next})${error}`));
    }
  }
  // A bounce in the thread of a filed submission is its receipt coming back.
  const ids = new Map(records.map((r) => [r.id, r]));
  for (const bounce of records.filter((r) => r.automaticKind === 'bounce' && r.followUpOf !== null)) {
    const original = ids.get(bounce.followUpOf!);
    const to = bounce.bouncedRecipients.join(', ') || original?.from?.address || 'ukjent adresse';
    found.push({ record: bounce, who: original ? senderLabel(senderView(original, rules)) : to, detail: `kvitteringen til ${to} kom i retur (${bounce.id}, gjelder ${bounce.followUpOf})` });
  }
  return found;
}

function organisationOf(address: string, rules: Rules): Organisation | null {
  const domain = domainOf(address);
  return domain ? (organisationForDomain(domain, rules.organisations)?.organisation ?? null) : null;
}

/** Bounces that are not in the thread of a filed submission come from the invitation itself. */
function invitationBounceRecords(records: SubmissionRecord[]): SubmissionRecord[] {
  return records.filter((r) => r.automaticKind === 'bounce' && r.followUpOf === null);
}

function invitationBounces(records: SubmissionRecord[], rules: Rules): Finding[] {
  const byAddress = new Map<string, Finding>();
  for (const r of invitationBounceRecords(records)) {
    for (const address of r.bouncedRecipients) {
      const organisation = organisationOf(address, rules);
      byAddress.set(address.toLowerCase(), {
        record: r,
        who: organisation?.name ?? address,
        detail: `${organisation ? address : 'adressen er ikke i avsenderregisteret'} (returmelding ${r.id})`,
      });
    }
  }
  return [...byAddress.values()].sort((a, b) => collator.compare(a.who, b.who));
}

// ---- not replied yet ----

/** Invited organisations, less the consulting ministry itself (its own addresses receive the replies). */
function awaitedOrganisations(rules: Rules): Organisation[] {
  const own = new Set(rules.consultation.ownAddresses.map((a) => organisationOf(a, rules)?.name));
  return rules.organisations.filter((o) => o.invited && !own.has(o.name));
}

function notReplied(records: SubmissionRecord[], rules: Rules): NotRepliedOrganisation[] {
  // Who wrote is the sender decision made at intake (a forged From that DMARC rejected is no one's).
  const replied = new Set(records.filter((r) => r.relevant && !r.automatic && r.sender.organisation !== null).map((r) => r.sender.organisation));
  const bounced = new Set(invitationBounceRecords(records).flatMap((r) => r.bouncedRecipients.map((a) => organisationOf(a, rules)?.name)));
  const categories = rules.consultation.senderCategories;
  const rank = (id: string) => categories.findIndex((k) => k.id === id);
  return awaitedOrganisations(rules)
    .filter((o) => !replied.has(o.name))
    .sort((a, b) => rank(a.category) - rank(b.category) || collator.compare(a.name, b.name))
    .map((o) => ({
      name: o.name,
      shortName: o.shortName ?? null,
      categoryTitle: categories.find((k) => k.id === o.category)?.title ?? o.category,
      invitationBounced: bounced.has(o.name),
    }));
}

// ---- the submissions, by commitment ----

function senderView(r: SubmissionRecord, rules: Rules): SenderView {
  const categoryId = categoryOf(r, rules);
  return {
    organisation: r.sender.organisation,
    shortName: rules.organisations.find((o) => o.name === r.sender.organisation)?.shortName ?? null,
    name: r.from?.name ?? '',
    address: r.from?.address ?? null,
    categoryId,
    categoryTitle: rules.consultation.senderCategories.find((k) => k.id === categoryId)!.title,
  };
}

function baseEntry(r: SubmissionRecord, rules: Rules, followedUpBy: string[]): DigestEntry {
  return {
    id: r.id,
    sender: senderView(r, rules),
    receivedAt: r.receivedAt ? showDateTime(new Date(r.receivedAt), rules.consultation.timezone) : null,
    late: r.late,
    subject: r.subject.trim(),
    excerpt: excerptOf(r.ownWords),
    evidence: [],
    alsoUnder: [],
    attachments: r.attachments.map((a) => ({ filename: a.filename, readable: a.problem === null, problem: a.problem })),
    followUpOf: r.followUpOf,
    followedUpBy,
  };
}

function evidenceFor(r: SubmissionRecord, classId: string): Evidence[] {
  const match = r.commitments.find((m) => m.id === classId);
  return (match?.evidence ?? []).slice(0, EVIDENCE_PER_ENTRY).map((e) => ({
    term: e.term,
    where: e.where,
    snippet: clip(e.snippet, SNIPPET_CHARS),
  }));
}

function entryOrder(rules: Rules): (a: { r: SubmissionRecord; e: DigestEntry }, b: { r: SubmissionRecord; e: DigestEntry }) => number {
  const categories = rules.consultation.senderCategories.map((k) => k.id);
  const name = (e: DigestEntry) => e.sender.organisation ?? (e.sender.name || e.sender.address || '');
  const time = (r: SubmissionRecord) => (r.receivedAt ? Date.parse(r.receivedAt) : Infinity);
  return (a, b) =>
    categories.indexOf(a.e.sender.categoryId) - categories.indexOf(b.e.sender.categoryId) ||
    collator.compare(name(a.e), name(b.e)) ||
    time(a.r) - time(b.r) ||
    a.r.seq - b.r.seq;
}

function sections(newSubmissions: SubmissionRecord[], records: SubmissionRecord[], rules: Rules, titles: Map<string, string>): DigestSection[] {
  const c = rules.consultation;
  const followUps = new Map<string, string[]>();
  for (const r of records) {
    if (r.followUpOf && !r.automatic) followUps.set(r.followUpOf, [...(followUps.get(r.followUpOf) ?? []), r.id]);
  }
  const sorted = newSubmissions
    .map((r) => ({ r, e: baseEntry(r, rules, followUps.get(r.id) ?? []) }))
    .sort(entryOrder(rules));
  const section = (id: string, kind: DigestSection['kind'], ministry: string | null): DigestSection => ({
    id,
    title: titles.get(id) ?? id,
    kind,
    ministry,
    entries: sorted
      .filter(({ r }) => sectionIdsOf(r, rules).includes(id))
      .map(({ r, e }) => ({
        ...e,
        evidence: evidenceFor(r, id),
        alsoUnder: classesOf(r, rules)
          .filter((other) => other !== id)
          .map((other) => ({ id: other, title: titles.get(other) ?? other })),
      })),
  });
  return [
    ...c.commitments.map((x) => section(x.id, 'commitment', x.ministry)),
    ...c.topics.map((x) => section(x.id, 'topic', null)),
    section(NO_COMMENTS_SECTION, 'noComments', null),
    section(c.unclassifiedId, 'unclassified', null),
  ];
}

// ---- automatic mail ----

function automaticSummary(records: SubmissionRecord[], isNew: (r: SubmissionRecord) => boolean, tz: string): AutomaticSummary {
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
