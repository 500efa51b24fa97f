// The shapes of campaign detection: what is kept per message to compare it (an entry), what a
// caseworker decided, and a campaign as people see it. Plain data, JSON-safe but for signatures.

/** What detection keeps of one filed message. */
export interface CampaignEntry {
  id: string;
  /** Filing order: the earliest member names the campaign. */
  seq: number;
  /** Campaigns are found within one consultation (null: the default one). */
  consultation: string | null;
  /** The sender's address, lower-case (an identical document counts only between different senders). */
  from: string | null;
  /** The sender's organisation from the register, or null: one organisation is one sender. */
  organisation: string | null;
  /** Whether it takes part at all: relevant mail from a person, readable. */
  submission: boolean;
  /** Says only "ingen merknader": never linked by text. */
  noComments: boolean;
  /** The number of the sender's own words. */
  words: number;
  /** The number of distinct shingles of the own words. */
  shingles: number;
  /** MinHash of the own words' shingles; null when they are too short to compare. */
  signature: Uint32Array | null;
  /**
   * MinHash of the mail's own words alone, kept only when the sender wrote an input of their own in
   * the mail (at least THRESHOLDS.minWords words) and carries a document: another sender with the
   * same document is linked to them only when their mails are alike too (the shared file is then an
   * enclosure — a form, a report — not what they say). null otherwise.
   */
  mail?: Uint32Array | null;
  /** sha256 of the attachments that are documents of the sender's own (not images, not the letter). */
  documents: string[];
  /** The campaigns the sender says they write for ("kampanjen «X»"), as name keys (absent: none). */
  names?: number[];
  /**
   * Names the text quotes without a campaign word ("jeg støtter oprpoet «X»", a typo): they join
   * the members who declared the name, as name keys (absent: none).
   */
  quoted?: number[];
  /**
   * The names the documents are headed with, as name keys, kept when the sender speaks through a
   * document (their mail a cover note): a member whose document is headed with the name another
   * member says they write for is in that campaign (absent: none).
   */
  titles?: number[];
  /**
   * The demand the document it speaks through is headed with, as keys (see demandKeys), kept when
   * the sender's mail is a cover note: a petition headed "Ja til et åpent lobbyregister" (absent: none).
   */
  demands?: number[];
  /**
   * Keys of the short phrases its own text opens with (see phraseKeys): where a campaign's text to
   * paste states its demand. Kept with the signature, for comparing (absent: none).
   */
  phrases?: number[];
  /** What the entry was made from (own words and attachments): a changed record is indexed again. */
  key: string;
}

/** A caseworker's decision about campaigns; it survives every recomputation. */
export type CampaignDecision =
  | { kind: 'split'; member: string; campaign: string; at: string }
  | { kind: 'join'; members: [string, string]; campaigns: [string, string]; at: string };

/** Why two messages are in one campaign. */
/**
 * Why two messages are in one campaign. `demand`: a member who speaks through a petition and a
 * member whose pasted text opens with the demand the petition is headed with — counted only when
 * each of the two is already in a campaign of its own (see CampaignGrouper.groups).
 */
export type LinkCode = 'text' | 'document' | 'name' | 'demand' | 'joined';

/** A campaign found: its members in filing order, the earliest first. */
export interface CampaignGroup {
  /** `k-` and the earliest member's record id: stable while that member stays in it. */
  id: string;
  members: string[];
  /** How the members were linked (each code once). */
  links: LinkCode[];
}
