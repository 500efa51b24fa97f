// Stage 13 (the deadline): when the message reached the ministry, and whether that was after the deadline.
// Received time = the topmost (newest) Received: header's date — the ministry's own server —
// else the Date: header, else the time the mailbox gives. Dates carry their own offsets, so
// UTC-stamped headers compare correctly with a deadline in Oslo time.
import type { Rules } from '../rules/types.js';
import type { IntakeContext } from './context.js';
import { problem, type Problem } from './problems.js';

/** Dates before this or more than a day after the latest plausible time are not believed. */
const EARLIEST = Date.UTC(1995, 0, 1);
const LATEST = Date.UTC(2099, 0, 1);
const plausible = (d: Date | null): boolean => d !== null && d.getTime() >= EARLIEST && d.getTime() <= LATEST;

export interface ReceivedFinding {
  receivedAt: Date | null;
  receivedFrom: 'received' | 'date' | 'mailbox' | null;
  late: boolean;
  problems: Problem[];
}

export function findReceivedTime(c: Pick<IntakeContext, 'message' | 'options' | 'rules'>): ReceivedFinding {
  const { message: msg, rules } = c;
  const mailboxDate = c.options.mailboxDate ?? null;
  const problems: Problem[] = [];
  let receivedAt: Date | null = null;
  let receivedFrom: ReceivedFinding['receivedFrom'] = null;
  const fromHeaders = msg.receivedDates.find(plausible) ?? null;
  if (fromHeaders) {
    receivedAt = fromHeaders;
    receivedFrom = 'received';
    if (msg.receivedDates[0] !== fromHeaders) problems.push(problem('received-header-undated', 'det øverste Received-feltet har ingen lesbar dato; neste ble brukt'));
  } else if (msg.date !== null && plausible(msg.date)) {
    receivedAt = msg.date;
    receivedFrom = 'date';
  } else if (mailboxDate) {
    receivedAt = mailboxDate;
    receivedFrom = 'mailbox';
  }
  if (receivedAt === null) problems.push(problem('received-unknown', 'mottakstidspunktet er ukjent (ingen lesbar Received- eller Date-dato)'));
  if (msg.date && receivedAt && receivedFrom === 'received' && Math.abs(msg.date.getTime() - receivedAt.getTime()) > 7 * 86_400_000) {
    problems.push(problem('date-mismatch', `Date-feltet (${msg.date.toISOString().slice(0, 10)}) stemmer ikke med mottakstidspunktet; mottakstidspunktet er brukt`));
  }
  if (msg.date !== null && !plausible(msg.date)) problems.push(problem('date-implausible', `Date-feltet har en urimelig dato (${msg.date.toISOString().slice(0, 10)})`));
  return {
    receivedAt,
    receivedFrom,
    late: receivedAt !== null && receivedAt.getTime() > rules.consultation.deadlineAt.getTime(),
    // A file that is not mail has only the first problem parse found.
    problems: msg.isMail ? problems : [],
  };
}
