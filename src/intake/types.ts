// The shapes that flow out of the intake core. Plain data only: everything here can be written
// with JSON.stringify and read back without loss.

import type { AttachmentProblemCode, ProblemCode } from './problems.js';

export type Language = 'nb' | 'nn' | 'en';

/** Stable codes of the relevance reasons ('signal': one of the signals in rules/relevance.yaml, named in the text). */
export type RelevanceCode =
  | 'thread'
  | 'quoted-letter'
  | 'quoted-letter-sentence'
  | 'signal'
  | 'invited-sender'
  | 'commitment-words'
  | 'commitment-words-alone'
  | 'copy-only'
  | 'automatic-outside-thread'
  | 'automatic-words-about-commitment'
  | 'imitates-ministry'
  | 'imitates-consultation'
  | 'no-consultation'
  | 'own-address'
  | 'returned-other-letter'
  | 'correspondence'
  | 'unreadable-input';

/** How a message was routed to a consultation (intake/consultation.ts), in the order of certainty. */
export type RouteCode = 'thread' | 'case-number' | 'quoted-letter' | 'address' | 'content' | 'uncertain' | 'person';

/** The consultation a message is filed under, and why (code for code, text for people). */
export interface ConsultationChoice {
  /** The consultation's id: its folder under rules/consultations/. */
  id: string;
  reason: { code: RouteCode; text: string };
}

export interface Address {
  address: string;
  name: string;
}

/** One matched rule term, with the words around it, so a caseworker can see why. */
export interface Evidence {
  /** The rule term that matched. */
  term: string;
  /** Where: "e-posten" (the sender's own words) or the attachment's file name. */
  where: string;
  /** The words around the match. */
  snippet: string;
}

export interface CommitmentMatch {
  /** A commitment id from consultation.json, or one of the topics `ny-forpliktelse` / `samskaping`. */
  id: string;
  score: number;
  evidence: Evidence[];
}

export interface SenderFinding {
  /** Exact organisation name from the register, or null when the address domain is not in it. */
  organisation: string | null;
  /** A sender category id from consultation.json; `ukjent` when unknown. */
  category: string;
  /** The register domain that matched, if any. */
  domain: string | null;
  /** Hints a caseworker may use, never used to decide the organisation. */
  hints: {
    displayName: string;
    replyTo: string | null;
    signature: string | null;
    /** Original sender of forwarded input, when the message forwards someone else's words. */
    forwardedFrom: string | null;
    /**
     * The registered organisation the From domain names, when the receiving server found that From
     * forged (DMARC failed): what the mail claims, shown to caseworkers, never taken as the sender.
     * Absent otherwise (and in records filed before it existed).
     */
    unconfirmed?: { organisation: string; category: string; domain: string };
  };
}

export type AutomaticKind =
  | 'auto-reply'
  | 'out-of-office'
  | 'bounce'
  | 'delay'
  | 'read-receipt'
  | 'recall'
  | 'innsynskrav'
  | 'ticket'
  | 'list'
  | 'noreply'
  | 'own-receipt'
  | 'report';

/** Stable codes of the receipt decision: code decides, people read `reason`. */
export type ReceiptCode = 'send' | 'not-mail' | 'automatic' | 'unrelated' | 'no-address' | 'own-address' | 'held-for-review' | 'failed';

export interface ReceiptDecision {
  send: boolean;
  reason: string;
  /** The same decision as a stable code (absent in records filed before codes existed). */
  code?: ReceiptCode;
}

/** Why a person should look at a message before innspill acts on it. */
export type ReviewCode =
  | 'relevance-uncertain'
  | 'input-uncertain'
  | 'automatic-uncertain'
  | 'commitments-uncertain'
  | 'sender-forged'
  | 'spam-flagged'
  | 'suspicious'
  | 'consultation-uncertain'
  | 'not-input';

export interface Review {
  needed: boolean;
  /** Stable codes, in a fixed order. */
  reasons: ReviewCode[];
  /** The same reasons in words for caseworkers, with the evidence's margin. */
  notes: Array<{ code: ReviewCode; text: string }>;
}

export interface AttachmentFinding {
  /** Decoded file name as the sender gave it (never used as a path). Empty string when none. */
  filename: string;
  /** Declared content type. */
  contentType: string;
  /** What the bytes are, found by sniffing: pdf, docx, odt, doc, text, html, image, zip, … */
  detectedType: string;
  size: number;
  sha256: string;
  /** Extracted text, '' when none could be read. */
  text: string;
  /** null when the text was read; otherwise a short sentence in Norwegian saying why not. */
  problem: string | null;
  /** Why not, as a stable code (null when read; absent in records filed before codes). */
  problemCode?: AttachmentProblemCode | null;
  /** Part of a forwarded message (message/rfc822) rather than of the message itself. */
  nested: boolean;
}

export interface Submission {
  messageId: string | null;
  receivedAt: string | null;
  /** Where receivedAt came from: a Received header, the Date header, or the mailbox. */
  receivedFrom: 'received' | 'date' | 'mailbox' | null;
  date: string | null;
  from: Address | null;
  replyTo: Address | null;
  to: Address[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  relevant: boolean;
  /**
   * The consultation it belongs to and why, or null when it belongs to none (left untouched).
   * Absent in records filed before innspill ran several consultations: those are the default one's.
   */
  consultation?: ConsultationChoice | null;
  /** `reasonCodes`: the stable code of each reason, in the same order (absent in records filed before codes). */
  relevance: { score: number; reasons: string[]; reasonCodes?: RelevanceCode[] };
  automatic: boolean;
  automaticKind: AutomaticKind | null;
  /** For bounces: the addresses the original message could not reach. */
  bouncedRecipients: string[];
  sender: SenderFinding;
  commitments: CommitmentMatch[];
  /** Held between consultations (consultation-uncertain): each other one it could be input to, with the commitments its words address there. Absent otherwise. */
  otherConsultations?: OtherConsultation[];
  language: Language;
  late: boolean;
  receipt: ReceiptDecision;
  // The next three are always set by intake; records filed before they existed lack them.
  /** A person should look at it: relevance, the receipt or the commitments are uncertain. */
  review?: Review;
  /** The reply says only that the sender has no comments ("ingen merknader"). */
  noComments?: boolean;
  /** It imitates the ministry or the consultation (phishing words, a look-alike sender). */
  suspicious?: boolean;
  attachments: AttachmentFinding[];
  /** The sender's own words (quoted letter, signatures and disclaimers removed). */
  ownWords: string;
  /** The full body text as read, for the record. */
  bodyText: string;
  /** Headers a caseworker or a loop guard needs later (lower-case names). */
  headers: Record<string, string>;
  /** Everything that went wrong, in words. */
  problems: string[];
  /** The stable code of each of `problems`, in the same order (absent in records filed before codes).
   *  A record's `problems` may go on with problems the shell added, which have no code here. */
  problemCodes?: ProblemCode[];
}

/** Another consultation a message held between consultations could be input to, and what its words address there. */
export interface OtherConsultation {
  id: string;
  commitments: CommitmentMatch[];
}
