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

function baseEntry(r: SubmissionRecord, sender: DigestEntry['sender'], rules: Rules, followedUpBy: string[], campaign: DigestEntry['campaign']): DigestEntry {
  return {
    id: r.id,
    sender,
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

/** What entries are ordered by, made once per entry (a sort compares each many times). */
interface OrderKey {
  category: number;
  name: string;
  time: number;
  seq: number;
}

function orderKey(r: SubmissionRecord, sender: DigestEntry['sender'], categories: string[]): OrderKey {
  return {
    category: categories.indexOf(sender.categoryId),
    name: sender.organisation ?? (sender.name || sender.address || ''),
    time: r.receivedAt ? Date.parse(r.receivedAt) : Infinity,
    seq: r.seq,
  };
}

/** A submission a section shows, with what orders it among the others. */
interface Ordered {
  r: SubmissionRecord;
  sender: DigestEntry['sender'];
  key: OrderKey;
  classes: string[];
}

function byOrderKey(a: { key: OrderKey }, b: { key: OrderKey }): number {
  return a.key.category - b.key.category || collator.compare(a.key.name, b.key.name) || a.key.time - b.key.time || a.key.seq - b.key.seq;
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
  // Each submission's sections found once, not once per section; what orders the entries (the
  // sender, the order key) and the entry itself (dates, excerpt, decisions) made only for those a
  // section shows, once: a section shows at most ENTRIES_PER_SECTION, and a campaign of thousands
  // would otherwise make thousands. Only those shown are sorted: the order is total (the filing
  // number breaks every tie), so sorting them alone gives the order they had among all.
  const categories = c.senderCategories.map((k) => k.id);
  const filed = newSubmissions.map((r) => ({ r, under: sectionIdsOf(r, rules) }));
  const ordered = new Map<string, Ordered>();
  const orderedOf = (r: SubmissionRecord): Ordered => {
    let o = ordered.get(r.id);
    if (!o) {
      const sender = senderView(r, rules);
      ordered.set(r.id, (o = { r, sender, key: orderKey(r, sender, categories), classes: classesOf(r, rules) }));
    }
    return o;
  };
  const made = new Map<string, DigestEntry>();
  const entryOf = (r: SubmissionRecord, sender: DigestEntry['sender']): DigestEntry => {
    let e = made.get(r.id);
    if (!e) made.set(r.id, (e = baseEntry(r, sender, rules, followUps.get(r.id) ?? [], campaigns.get(r.id) ?? null)));
    return e;
  };
  const section = (id: string, kind: DigestSection['kind'], ministry: string | null): DigestSection => {
    const all = filed.filter(({ under }) => under.includes(id));
    const shown = (all.length <= ENTRIES_PER_SECTION ? all : lastFiled(all, ENTRIES_PER_SECTION)).map(({ r }) => orderedOf(r)).sort(byOrderKey);
    return { id, title: titles.get(id) ?? id, kind, ministry, entries: entriesOf(shown, id), more: all.length - shown.length };
  };
  const entriesOf = (shown: Ordered[], id: string) =>
    shown.map(({ r, sender, classes }) => ({
        ...entryOf(r, sender),
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
