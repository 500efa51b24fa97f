// Stage 10 (relevance): does the message belong to this consultation? postmottak is also the ministry's general
// inbox; other business that shares the commitments' words (another hearing, an innsynskrav, an
// invoice) must stay out. Points per signal, with the reasons kept for the caseworker.
import type { Rules } from '../rules/types.js';
import { FoldedText } from '../text/folded-text.js';
import type { IntakeContext } from './context.js';
import type { AutomaticKind, RelevanceCode } from './types.js';

export interface RelevanceInput {
  /** The subject, folded. */
  subject: FoldedText;
  /** Everything the message says, part by part: subject, body with quotes, report, forwarded
   *  messages, attachments. A term is looked for in each part; it never spans two. */
  allParts: readonly FoldedText[];
  /** The sender's own words and own attachments, part by part. */
  ownParts: readonly FoldedText[];
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
  /** The code of each reason, in the same order. */
  reasonCodes: RelevanceCode[];
}

/** Machine mail that can belong to the consultation only when it carries the thread or the letter. */
const NEEDS_THREAD: ReadonlySet<AutomaticKind> = new Set(['list', 'noreply', 'report']);

const notMail = (): RelevanceFinding => ({ relevant: false, score: 0, reasons: [], reasonCodes: [] });

export function judgeRelevance(
  c: Pick<IntakeContext, 'message' | 'own' | 'texts' | 'automatic' | 'sender' | 'thread' | 'commitments' | 'rules'>,
): RelevanceFinding {
  if (!c.message.isMail) return notMail();
  const { message: msg, rules } = c;
  const organisation = c.sender.sender.organisation;
  const subject = new FoldedText(msg.subject);
  return scoreRelevance(
    {
      subject,
      allParts: [
        subject,
        new FoldedText(msg.text),
        new FoldedText(msg.reportText),
        ...msg.forwarded.map((f) => new FoldedText(`${f.subject}\n${f.text}`)),
        ...c.texts.whole,
      ],
      ownParts: c.texts.segments.map((s) => s.text),
      letterLines: c.own.letterLines,
      inThread: c.thread.inThread,
      invitedSender: organisation !== null && rules.organisations.some((o) => o.name === organisation && o.invited),
      commitmentScore: c.commitments[0]?.score ?? 0,
      automaticKind: c.automatic.kind,
    },
    rules,
  );
}

function scoreRelevance(input: RelevanceInput, rules: Rules): RelevanceFinding {
  const r = rules.relevance;
  const reasons: string[] = [];
  const reasonCodes: RelevanceCode[] = [];
  let score = 0;
  const add = (points: number, code: RelevanceCode, reason: string) => {
    score += points;
    reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
    reasonCodes.push(code);
  };

  const texts = { subject: [input.subject], text: input.allParts, own: input.ownParts };
  if (input.inThread) add(r.thread.points, 'thread', 'svar i tråden til invitasjonen eller et tidligere innspill');
  const quotesLetter = input.letterLines >= r.quotedLetter.minLines;
  if (quotesLetter) add(r.quotedLetter.points, 'quoted-letter', `siterer invitasjonsbrevet (${input.letterLines} linjer)`);
  for (const signal of r.signals) {
    const found = signal.matcher.first(texts[signal.where]);
    if (found) add(signal.points, 'signal', `${signal.name}: «${found.text.snippet(found.hit.start, found.hit.end, 50)}»`);
  }
  const positiveSoFar = score > 0;
  if (positiveSoFar && input.invitedSender) add(r.invitedSender.points, 'invited-sender', 'avsender er blant de inviterte');
  if (positiveSoFar && input.commitmentScore >= r.commitmentWords.minScore) add(r.commitmentWords.points, 'commitment-words', 'teksten handler tydelig om en av forpliktelsene i planen');

  let relevant = score >= r.threshold;
  if (relevant && input.automaticKind !== null && NEEDS_THREAD.has(input.automaticKind) && !input.inThread && !quotesLetter) {
    relevant = false;
    reasons.push('automatisk utsendelse uten tilknytning til invitasjonens tråd');
    reasonCodes.push('automatic-outside-thread');
  }
  return { relevant, score, reasons, reasonCodes };
}
