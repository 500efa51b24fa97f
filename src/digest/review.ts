// The digest's first section, "Til vurdering": every message held for a caseworker's decision, with
// who sent it, the subject, why innspill was unsure and the start of what the sender wrote, and the
// links that prepare the decision by mail. Also the "Rett opp" link of each submission entry.
import { isAwaitingDecision } from '../decisions/change.js';
import type { Rules } from '../rules/types.js';
import { activeConsultations } from '../rules/views.js';
import type { SubmissionRecord } from '../store/record.js';
import { showDateTime } from '../time/local-time.js';
import { correctCommand, correctLink, personalDataLink, reviewCommands, reviewLinks, type DigestLink, type DigestLinks } from './links.js';
import type { DigestSection } from './model.js';
import { senderView, subjectOf } from './records.js';
import { excerptOf } from './sender-text.js';
import { senderLabel } from './words.js';

export interface ReviewEntry {
  id: string;
  sender: string;
  address: string | null;
  subject: string;
  receivedAt: string | null;
  /** Why innspill was unsure, one sentence each. */
  reasons: string[];
  /** The first sentences of the sender's own words. */
  excerpt: string;
  links: DigestLink[];
  /** The same decisions as command lines to paste (text and Markdown have no buttons); empty without links. */
  commands: string[];
  /** Where a mail with those lines goes (the watched mailbox); null without links. */
  commandTo: string | null;
}

export function reviewEntries(records: SubmissionRecord[], rules: Rules, links: DigestLinks | undefined): ReviewEntry[] {
  // A message routing could not place: a decision per consultation it could be input to.
  const consultationsOf = (r: SubmissionRecord) =>
    r.review?.reasons.includes('consultation-uncertain') ? activeConsultations(rules).map((v) => ({ id: v.consultation.id, label: v.consultation.label })) : [];
  return records.filter(isAwaitingDecision).map((r) => ({
    id: r.id,
    sender: senderLabel(senderView(r, rules)),
    address: r.from?.address ?? null,
    subject: subjectOf(r),
    receivedAt: r.receivedAt ? showDateTime(new Date(r.receivedAt), rules.consultation.timezone) : null,
    reasons: (r.review?.notes ?? []).map((n) => n.text),
    excerpt: excerptOf(r.ownWords),
    links: links ? reviewLinks(links, r.id, r.commitments.map((c) => c.id), consultationsOf(r)) : [],
    commands: links ? reviewCommands(links, r.id, r.commitments.map((c) => c.id), consultationsOf(r)) : [],
    commandTo: links?.address ?? null,
  }));
}

/** Each submission entry with its "Rett opp" link and command line (none without links). */
export function withCorrectLinks(sections: DigestSection[], records: SubmissionRecord[], links: DigestLinks | undefined): DigestSection[] {
  if (!links) return sections;
  const byId = new Map(records.map((r) => [r.id, r]));
  return sections.map((s) => ({
    ...s,
    entries: s.entries.map((e) => {
      const r = byId.get(e.id);
      const commitments = r?.commitments.map((c) => c.id) ?? [];
      // A held message waiting for a decision has its command lines under "Til vurdering" already.
      const line = r && isAwaitingDecision(r) ? null : correctCommand(links, e.id, commitments);
      return { ...e, correct: correctLink(links, e.id, commitments), personalData: personalDataLink(links, e.id), correctCommand: line };
    }),
  }));
}
