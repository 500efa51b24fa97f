// The digest's sections: the new submissions under each commitment and topic they are about, then
// "no comments" and the unclassified, each entry with its evidence, sender, attachments and
// follow-ups; sorted by sender category, name and time.
import type { Evidence } from '../intake/types.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import { decidedText } from '../decisions/marks.js';
import type { DigestEntry, DigestSection } from './model.js';
import { classesOf, collator, NO_COMMENTS_SECTION, sectionIdsOf, senderView } from './records.js';
import { clip, excerptOf } from './sender-text.js';

const EVIDENCE_PER_ENTRY = 3;
/**
 * At most this many entries in one section of a digest; the rest are counted under it. A digest is
 * one e-mail: a day's mail fits well within it, while a digest of a whole consultation of 10,000
 * submissions listed in full was 66 MB of HTML that nobody can read (the totals at the top still
 * count everything, and `innspill list` and the export list every submission). The last filed are
 * shown: what is newest is what a caseworker has not seen.
 */
export const ENTRIES_PER_SECTION = 50;
const SNIPPET_CHARS = 200;

function baseEntry(r: SubmissionRecord, rules: Rules, followedUpBy: string[], campaign: DigestEntry['campaign']): DigestEntry {
  return {
    id: r.id,
    sender: senderView(r, rules),
    receivedAt: r.receivedAt ? showDateTime(new Date(r.receivedAt), rules.consultation.timezone) : null,
    late: r.late,
    subject: r.subject.trim(),
    // A campaign member is one line: its words are read once, in the campaign.
    excerpt: campaign ? '' : excerptOf(r.ownWords),
    evidence: [],
    alsoUnder: [],
    attachments: r.attachments.map((a) => ({ filename: a.filename, readable: a.problem === null, problem: a.problem })),
    followUpOf: r.followUpOf,
    followedUpBy,
    ...(campaign ? { campaign } : {}),
    decided: decidedText(r, (iso) => showDateTime(new Date(iso), rules.consultation.timezone)),
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

export function sections(
  newSubmissions: SubmissionRecord[],
  records: SubmissionRecord[],
  rules: Rules,
  titles: Map<string, string>,
  campaigns: Map<string, { id: string; size: number }> = new Map(),
): DigestSection[] {
  const c = rules.consultation;
  const followUps = new Map<string, string[]>();
  for (const r of records) {
    if (r.followUpOf && !r.automatic) followUps.set(r.followUpOf, [...(followUps.get(r.followUpOf) ?? []), r.id]);
  }
  // Each submission's sections found once, not once per section.
  const sorted = newSubmissions
    .map((r) => ({ r, e: baseEntry(r, rules, followUps.get(r.id) ?? [], campaigns.get(r.id) ?? null), under: sectionIdsOf(r, rules), classes: classesOf(r, rules) }))
    .sort(entryOrder(rules));
  const section = (id: string, kind: DigestSection['kind'], ministry: string | null): DigestSection => {
    const all = sorted.filter(({ under }) => under.includes(id));
    const shown = all.length <= ENTRIES_PER_SECTION ? all : lastFiled(all, ENTRIES_PER_SECTION);
    return { id, title: titles.get(id) ?? id, kind, ministry, entries: entriesOf(shown, id), more: all.length - shown.length };
  };
  const entriesOf = (shown: typeof sorted, id: string) =>
    shown.map(({ r, e, classes }) => ({
        ...e,
        evidence: evidenceFor(r, id),
        alsoUnder: classes
          .filter((other) => other !== id)
          .map((other) => ({ id: other, title: titles.get(other) ?? other })),
      }));
  return [
    ...c.commitments.map((x) => section(x.id, 'commitment', x.ministry)),
    ...c.topics.map((x) => section(x.id, 'topic', null)),
    section(NO_COMMENTS_SECTION, 'noComments', null),
    section(c.unclassifiedId, 'unclassified', null),
  ];
}

/** The `n` last filed of `items`, in the order they had. */
function lastFiled<T extends { r: SubmissionRecord }>(items: T[], n: number): T[] {
  const cut = items.map((x) => x.r.seq).sort((a, b) => b - a)[n - 1]!;
  return items.filter((x) => x.r.seq >= cut);
}
