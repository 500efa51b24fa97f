// Stage 4: does the message belong to this consultation? postmottak is also the ministry's general
// inbox; other business that shares the commitments' words (another hearing, an innsynskrav, an
// invoice) must stay out. Points per signal, with the reasons kept for the caseworker.
import type { Rules } from '../rules/load.js';
import { FoldedText } from '../rules/terms.js';
import type { AutomaticKind } from './types.js';

export interface RelevanceInput {
  subject: string;
  /** Everything the message says: body with quotes, forwarded messages, attachments. */
  allText: string;
  /** The sender's own words and own attachments. */
  ownText: string;
  /** ownText already folded, when the caller has it (saves folding and splitting it again). */
  ownFolded?: FoldedText;
  /** `${subject}\n${allText}` already folded, likewise. */
  allFolded?: FoldedText;
  letterLines: number;
  inThread: boolean;
  invitedSender: boolean;
  commitmentScore: number;
  automaticKind: AutomaticKind | null;
}

export interface RelevanceFinding {
  relevant: boolean;
  score: number;
  reasons: string[];
}

/** Machine mail that can belong to the consultation only when it carries the thread or the letter. */
const NEEDS_THREAD: ReadonlySet<AutomaticKind> = new Set(['list', 'noreply', 'report']);

export function judgeRelevance(input: RelevanceInput, rules: Rules): RelevanceFinding {
  const r = rules.relevance;
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
  };

  const texts = {
    subject: new FoldedText(input.subject),
    text: input.allFolded ?? new FoldedText(`${input.subject}\n${input.allText}`),
    own: input.ownFolded ?? new FoldedText(input.ownText),
  };
  if (input.inThread) add(r.thread.points, 'svar i tråden til invitasjonen eller et tidligere innspill');
  const quotesLetter = input.letterLines >= r.quotedLetter.minLines;
  if (quotesLetter) add(r.quotedLetter.points, `siterer invitasjonsbrevet (${input.letterLines} linjer)`);
  for (const signal of r.signals) {
    const hits = signal.matcher.find(texts[signal.where]);
    if (hits.length > 0) add(signal.points, `${signal.name}: «${texts[signal.where].snippet(hits[0]!.start, hits[0]!.end, 50)}»`);
  }
  const positiveSoFar = score > 0;
  if (positiveSoFar && input.invitedSender) add(r.invitedSender.points, 'avsender er blant de inviterte');
  if (positiveSoFar && input.commitmentScore >= r.commitmentWords.minScore) add(r.commitmentWords.points, 'teksten handler tydelig om en av forpliktelsene i planen');

  let relevant = score >= r.threshold;
  if (relevant && input.automaticKind !== null && NEEDS_THREAD.has(input.automaticKind) && !input.inThread && !quotesLetter) {
    relevant = false;
    reasons.push('automatisk utsendelse uten tilknytning til invitasjonens tråd');
  }
  return { relevant, score, reasons };
}
