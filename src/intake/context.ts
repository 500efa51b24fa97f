// The one typed context the intake stages run over. It starts with the message's bytes, the rules
// and the caller's options; each stage adds one finding under its own name. A stage's entry point
// takes a `Pick` of the findings it reads, so the type checker proves that every stage runs after
// the stages it depends on (see `Stages.then`).
import type { Rules } from '../rules/types.js';
import type { ExtractLimits, Extractor } from './extract/index.js';
import type { ParsedMessage } from './parse.js';
import type { OwnWords } from './own-words.js';
import type { OwnTexts } from './attachment-own-words.js';
import type { AutomaticFinding } from './automatic.js';
import type { SenderResult } from './sender.js';
import type { ThreadFinding } from './follow-up.js';
import type { RouteFinding } from './consultation.js';
import type { RelevanceFinding } from './relevance.js';
import type { ReceivedFinding } from './deadline.js';
import type { Assignment } from './assignment.js';
import type { AttachmentFinding, CommitmentMatch, Language, ReceiptDecision, Review } from './types.js';

export interface IntakeOptions {
  /** Reads attachment text; the default reads in this process. The daemon passes a killable worker pool. */
  extractor?: Extractor;
  limits?: ExtractLimits;
  /** When the mailbox says the message arrived (IMAP INTERNALDATE, file time): the last fallback. */
  mailboxDate?: Date | null;
  /** Message-IDs of records already filed and of receipts we sent: replies to them are follow-ups. */
  knownThreadIds?: {
    has(messageId: string): boolean;
    /** The consultation the record (or receipt) with this Message-ID belongs to ('' for the default one's old records). */
    consultationOf?(messageId: string): string | null;
  };
  /**
   * The consultation a caseworker decided the message belongs to (its id): routing takes it as
   * certain, so the message is judged by that consultation's rules (reclassify, a decision).
   */
  consultation?: string;
}

/** What every run starts with. */
export interface IntakeStart {
  raw: Buffer;
  rules: Rules;
  options: IntakeOptions;
}

/** Every finding, by the name of the stage that makes it (in run order, see index.ts). */
export interface IntakeFindings {
  message: ParsedMessage;
  attachments: AttachmentFinding[];
  own: OwnWords;
  texts: OwnTexts;
  automatic: AutomaticFinding;
  sender: SenderResult;
  thread: ThreadFinding;
  route: RouteFinding;
  commitments: CommitmentMatch[];
  noComments: boolean;
  relevance: RelevanceFinding;
  assigned: Assignment;
  language: Language;
  received: ReceivedFinding;
  review: Review;
  receipt: ReceiptDecision;
}

export type IntakeContext = IntakeStart & IntakeFindings;

type StageName = keyof IntakeFindings;

/**
 * The stages in the order they run. `then(name, stage)` adds one; it compiles only when the
 * context so far holds everything the stage reads and the stage returns that finding's type.
 */
export class Stages<C extends IntakeStart> {
  private constructor(private readonly list: ReadonlyArray<{ name: StageName; run: (c: never) => unknown }>) {}

  static start(): Stages<IntakeStart> {
    return new Stages<IntakeStart>([]);
  }

  then<K extends Exclude<StageName, keyof C>>(
    name: K,
    run: (c: C) => IntakeFindings[K] | Promise<IntakeFindings[K]>,
  ): Stages<C & Pick<IntakeFindings, K>> {
    return new Stages<C & Pick<IntakeFindings, K>>([...this.list, { name, run: run as (c: never) => unknown }]);
  }

  /** The stage names in run order. */
  get names(): StageName[] {
    return this.list.map((s) => s.name);
  }

  /** The stages in run order, each to be run over the context the ones before it filled (scripts/bench/stages.ts times them). */
  get stages(): ReadonlyArray<{ name: StageName; run: (c: Record<string, unknown>) => unknown }> {
    return this.list as ReadonlyArray<{ name: StageName; run: (c: Record<string, unknown>) => unknown }>;
  }

  /** Runs every stage in order; a finding already `given` is taken as it is and its stage not run. */
  async run(start: IntakeStart, given: Partial<IntakeFindings> = {}): Promise<C> {
    const c: Record<string, unknown> = { ...start, ...given };
    for (const stage of this.list) if (!(stage.name in given)) c[stage.name] = await (stage.run as (c: unknown) => unknown)(c);
    return c as unknown as C;
  }
}
