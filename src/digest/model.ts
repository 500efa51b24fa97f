// The digest's view model: what a caseworker sees, as plain data the renderers lay out (text,
// Markdown, HTML). Built by build.ts; nothing here reads a file or the clock.
import type { AutomaticKind, Evidence } from '../intake/types.js';
import type { CampaignDescription } from '../store/campaigns.js';
import type { ATTENTION_TITLES } from './words.js';
import type { DigestLink, DigestLinks } from './links.js';
import type { ReviewEntry } from './review.js';

export interface DigestOptions {
  /** Records filed after this time are new (ignored when seqAfter is given). */
  since: Date | null;
  now: Date;
  /** Records with a higher filing number (seq) are new: what a scheduled digest uses. */
  seqAfter?: number;
  /** The store's campaigns, described (src/store/campaigns.ts); none when not given. */
  campaigns?: CampaignDescription[];
  /** The watched mailbox and the command key: the review and correction links (none without). */
  links?: DigestLinks;
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
  /** A campaign member: shown as one line pointing to the campaign in "Kampanjer". */
  campaign?: { id: string; size: number } | null;
  /** "Rett opp": a prepared command mail (only when the digest has links). */
  correct?: DigestLink | null;
  /** "Rett opp" as a command line to paste (text and Markdown have no buttons), and where it goes. */
  correctCommand?: { lines: string[]; to: string } | null;
  /** "Har personopplysninger": a prepared command mail marking it (only when the digest has links). */
  personalData?: DigestLink | null;
  /** What a person decided of its values, who and when (src/decisions/marks.ts); '' when nothing. */
  decided?: string;
}

export interface DigestSection {
  id: string;
  title: string;
  kind: 'commitment' | 'topic' | 'noComments' | 'unclassified';
  ministry: string | null;
  entries: DigestEntry[];
  /**
   * The section's submissions in this digest that are not shown as entries (sections.ts keeps the
   * ENTRIES_PER_SECTION last filed): counted, not listed. 0 when every one is shown.
   */
  more: number;
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
  totals: {
    submissions: PeriodCount;
    late: PeriodCount;
    perCommitment: TotalRow[];
    perCategory: TotalRow[];
    /** Submissions that are campaign members, and the campaigns they are in (every member is counted as a submission). */
    inCampaigns?: { members: PeriodCount; campaigns: PeriodCount };
  };
  /** Held messages waiting for a caseworker's decision: shown first. */
  review: ReviewEntry[];
  needsAttention: AttentionGroup[];
  invitedCount: number;
  notReplied: NotRepliedOrganisation[];
  sections: DigestSection[];
  /** Campaigns with members new in this digest. */
  campaigns: CampaignView[];
  automatic: AutomaticSummary;
}

/** A campaign in the digest: the template once, what members added, when they came. */
export interface CampaignView {
  id: string;
  name: string;
  size: number;
  /** Members new in this digest. */
  newMembers: number;
  senders: number;
  firstArrival: string | null;
  lastArrival: string | null;
  template: string;
  commitments: Array<{ id: string; title: string }>;
  additions: Array<{ id: string; sender: string; text: string }>;
  moreAdditions: number;
  /**
   * Prepared campaign decisions (absent without links): each member shown, out of the campaign;
   * the campaign joined with another (whose id the caseworker writes after the token).
   */
  decide?: CampaignCommands;
}

/** A campaign's prepared decisions: links (HTML) and the same command lines to paste (text, Markdown), to `to`. */
export interface CampaignCommands {
  to: string;
  split: Array<{ id: string; href: string; line: string }>;
  join: { href: string; line: string };
}
