// Stage 5 (automatic mail): is this mail written by a machine? (RFC 3834, RFC 3464/3798 reports, list headers,
// and what help desks learned about out-of-office replies that carry no marker at all.)
// Checks run in order; the first that fits decides the kind. Each is one small function.
import type { Rules } from '../rules/types.js';
import { FoldedText } from '../text/folded-text.js';
import type { TermMatcher } from '../text/terms.js';
import type { ParsedMessage } from './parse.js';
import type { IntakeContext } from './context.js';
import type { AutomaticKind } from './types.js';
import { RECEIPT_HEADER_KEY } from '../mail/receipt-header.js';
import { isMailAddress } from '../text/address.js';
import { isHeaderFieldLine } from './own-words.js';
import { subjectText } from './message-texts.js';

export interface AutomaticFinding {
  kind: AutomaticKind | null;
  reason: string | null;
  bouncedRecipients: string[];
  /** Only words said so (subject or text): no header, report, list or address did. */
  byWordsOnly: boolean;
}

interface Context {
  msg: ParsedMessage;
  rules: Rules['automatic'];
  ownAddresses: string[];
  subject: FoldedText;
  own: FoldedText;
  ownWordCount: number;
  localPart: FoldedText | null;
  reportType: string | null;
}

type Check = (c: Context) => { kind: AutomaticKind; reason: string; byWords?: boolean } | null;

const header = (c: Context, name: string): string | undefined => c.msg.headers.get(name)?.[0];
const has = (m: TermMatcher, t: FoldedText | null): boolean => t !== null && m.size > 0 && m.find(t).length > 0;

const ownReceipt: Check = (c) => {
  if (header(c, RECEIPT_HEADER_KEY) !== undefined) return { kind: 'own-receipt', reason: 'vår egen kvittering som har kommet tilbake' };
  const fromUs = c.msg.from !== null && c.ownAddresses.includes(c.msg.from.address);
  if (fromUs && has(c.rules.ownReceiptSubjects, c.subject)) return { kind: 'own-receipt', reason: 'vår egen kvittering som har kommet tilbake' };
  return null;
};

const delayed = (c: Context): boolean => {
  const report = `${c.msg.text}\n${c.msg.reportText}`;
  if (/^\s*action:\s*failed/im.test(report)) return false;
  return /^\s*action:\s*delayed/im.test(report) || has(c.rules.delaySubjects, c.subject) || /^\s*status:\s*4\.\d+\.\d+/im.test(report);
};

const SERVER_ANSWER = /(?:^|[\s'"(#])[45][0-5]\d[ -]#?[45]\.\d{1,3}\.\d{1,3}\b/m;

const bounce: Check = (c) => {
  const report = c.reportType === 'delivery-status';
  const fromDaemon = has(c.rules.bounceLocalParts, c.localPart);
  const nullSender = c.msg.returnPath !== null && /^<\s*>$/.test(c.msg.returnPath.trim());
  const bounceSubject = has(c.rules.bounceSubjects, c.subject) || has(c.rules.delaySubjects, c.subject);
  const failedHeader = c.msg.headers.has('x-failed-recipients');
  // A server's answer quoted in the text ("552 5.2.2 mailbox full", "#550 5.1.1 …"): a reply code and
  // its enhanced status code (RFC 3463) together, which people do not write.
  const serverAnswer = bounceSubject && SERVER_ANSWER.test(c.msg.text);
  // … or the delivery system's own words (rules/automatic.yaml `bounceBody`), from whatever address
  const systemWords = bounceSubject && has(c.rules.bounceBody, c.own);
  if (report || failedHeader || serverAnswer || systemWords || (fromDaemon && (bounceSubject || nullSender)) || (nullSender && bounceSubject) || (fromDaemon && c.msg.forwarded.length > 0)) {
    return delayed(c)
      ? { kind: 'delay', reason: 'melding om forsinket levering' }
      : { kind: 'bounce', reason: 'melding om at e-post ikke kunne leveres (bounce)' };
  }
  return null;
};

/**
 * A read notice's text has at most this many words besides the header fields of the message that
 * was read ("Meldingen … ble lest torsdag 6. mai 2021 10:14:33 (UTC+01:00) Amsterdam, Berlin, …").
 */
const NOTICE_WORDS = 20;

/** Whether a text is a notice and nothing more: few words once the quoted header fields are left out. */
function onlyNotice(text: string): boolean {
  let words = 0;
  for (const line of text.split(/\r?\n/)) {
    if (isHeaderFieldLine(line)) continue;
    words += line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (words > NOTICE_WORDS) return false;
  }
  return true;
}

// Known by its subject ("Lest: …") it is machine mail by words only, unless its text is the notice
// and nothing more: the words of the subject it repeats are the letter's, not the sender's.
const readReceipt: Check = (c) =>
  c.reportType === 'disposition-notification'
    ? { kind: 'read-receipt', reason: 'lesekvittering' }
    : has(c.rules.readReceiptSubjects, c.subject)
      ? { kind: 'read-receipt', reason: 'lesekvittering (kjent på emnet)', byWords: !onlyNotice(c.msg.text) }
      : null;

// Outlook's notice that a sender wants a message back ("Tilbakekall: SV: …", "Recall: …"): the mail
// program's words about a message sent earlier, never new input. Known by its subject and a text that
// is the notice and nothing more (words added after it are the sender's and may be input); the
// subject it names in quotes is the recalled message's, however long, and is not counted.
const QUOTED_SUBJECT = /[«"“][^»"”\n]*[»"”]/g;
const recall: Check = (c) =>
  has(c.rules.recallSubjects, c.subject) && onlyNotice(c.msg.text.replace(QUOTED_SUBJECT, ' '))
    ? { kind: 'recall', reason: 'melding om at avsenderen vil tilbakekalle en e-post' }
    : null;

const otherReport: Check = (c) =>
  c.reportType !== null || /^(report domain:|dmarc aggregate report)/.test(c.subject.folded)
    ? { kind: 'report', reason: `automatisk rapport (${c.reportType ?? 'DMARC'})` }
    : null;

const outOfOfficeWords = (c: Context): boolean =>
  has(c.rules.outOfOfficeSubjects, c.subject) ||
  (c.ownWordCount <= c.rules.outOfOfficeBody.maxWords && has(c.rules.outOfOfficeBody.matcher, c.own));

const ticketWords = (c: Context): boolean =>
  has(c.rules.ticketSubjects, c.subject) || (c.ownWordCount <= c.rules.ticketBody.maxWords && has(c.rules.ticketBody.matcher, c.own));

/** RFC 3834 and the vendor headers that mean the same: the markers found. */
function autoMarkers(c: Context): string[] {
  const autoSubmitted = header(c, 'auto-submitted')?.trim().toLowerCase();
  const markers: string[] = [];
  if (autoSubmitted !== undefined && !autoSubmitted.startsWith('no')) markers.push(`Auto-Submitted: ${autoSubmitted}`);
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-auto-response-suppress', 'x-autogenerated', 'x-autoresponse']) {
    if (c.msg.headers.has(name)) markers.push(name);
  }
  const precedence = (header(c, 'precedence') ?? header(c, 'x-precedence'))?.trim().toLowerCase();
  if (precedence === 'auto_reply' || precedence === 'auto-reply') markers.push(`Precedence: ${precedence}`);
  return markers;
}

const autoHeaders: Check = (c) => {
  const markers = autoMarkers(c);
  if (markers.length === 0) return null;
  if (outOfOfficeWords(c)) return { kind: 'out-of-office', reason: `automatisk fraværsmelding (${markers[0]})` };
  if (ticketWords(c)) return { kind: 'ticket', reason: `automatisk kvittering fra et saks- eller kundesystem (${markers[0]})` };
  return { kind: 'auto-reply', reason: `automatisk svar (${markers[0]})` };
};

const listHeaders: Check = (c) => {
  const found = ['list-id', 'list-unsubscribe', 'list-post', 'list-help'].find((h) => c.msg.headers.has(h));
  return found ? { kind: 'list', reason: `nyhetsbrev eller e-postliste (${found})` } : null;
};

/** A news service's sender ("nyhetsvarsel@…") without list headers: a newsletter all the same. */
const listSender: Check = (c) =>
  has(c.rules.listLocalParts, c.localPart) ? { kind: 'list', reason: `nyhetsbrev eller e-postliste (${c.msg.from!.address})` } : null;

const bulkPrecedence: Check = (c) => {
  const precedence = (header(c, 'precedence') ?? header(c, 'x-precedence'))?.trim().toLowerCase();
  return precedence === 'bulk' || precedence === 'list' || precedence === 'junk' ? { kind: 'list', reason: `masseutsendelse (Precedence: ${precedence})` } : null;
};

/** A public-records request sent by a system (eInnsyn): a no-reply sender or an automatic marker, and its subject. */
const innsynskrav: Check = (c) =>
  (has(c.rules.noreplyLocalParts, c.localPart) || autoMarkers(c).length > 0) && has(c.rules.innsynskravSubjects, c.subject)
    ? { kind: 'innsynskrav', reason: 'innsynskrav sendt fra en innsynsløsning (eInnsyn o.l.); har lovbestemt svarfrist' }
    : null;

/** A no-reply sender; a help desk's or case system's acknowledgement from one (known by its subject) is a ticket. */
const noreply: Check = (c) => {
  if (!has(c.rules.noreplyLocalParts, c.localPart)) return null;
  if (has(c.rules.ticketSubjects, c.subject)) return { kind: 'ticket', reason: `automatisk kvittering fra et saks- eller kundesystem (${c.msg.from!.address})` };
  return { kind: 'noreply', reason: `avsenderen tar ikke imot svar (${c.msg.from!.address})` };
};

const outOfOfficeText: Check = (c) => {
  if (outOfOfficeWords(c)) return { kind: 'out-of-office', reason: 'fraværsmelding (kjent på emne eller tekst)', byWords: true };
  return has(c.rules.autoReplySubjects, c.subject) ? { kind: 'auto-reply', reason: 'automatisk svar (kjent på emnet)', byWords: true } : null;
};

const ticketText: Check = (c) =>
  ticketWords(c) ? { kind: 'ticket', reason: 'automatisk kvittering fra et saks- eller kundesystem', byWords: true } : null;

const CHECKS: Check[] = [ownReceipt, bounce, readReceipt, recall, otherReport, innsynskrav, listHeaders, listSender, noreply, autoHeaders, bulkPrecedence, outOfOfficeText, ticketText];

/** Addresses a bounce says it could not reach. */
export function bouncedRecipients(msg: ParsedMessage): string[] {
  const found = new Set<string>();
  const add = (a: string) => {
    const clean = a.trim().replace(/^<|>$/g, '').toLowerCase();
    if (isMailAddress(clean)) found.add(clean);
  };
  const report = `${msg.text}\n${msg.reportText}`;
  for (const m of report.matchAll(/^\s*final-recipient:\s*(?:rfc822|utf-8)?\s*;?\s*(\S+)/gim)) add(m[1]!);
  for (const v of msg.headers.get('x-failed-recipients') ?? []) v.split(',').forEach(add);
  if (found.size === 0) {
    // Postfix and Exchange reports without a machine-readable part.
    for (const m of msg.text.matchAll(/^\s*<([^<>\s]+@[^<>\s]+)>\s*(?:\(expanded from [^)]*\))?:/gm)) add(m[1]!);
    // An address followed by the server's SMTP answer ("post@x.no: 550 5.1.1 …", many hosting providers).
    for (const m of msg.text.matchAll(/^\s*<?([^\s<>@()]+@[^\s<>@()]+\.[a-z]{2,})>?:\s*[45]\d\d\b/gim)) add(m[1]!);
    // A labelled line of a relay's report ("Recipient: arkiv@x.no", "Mottaker: …").
    for (const m of msg.text.matchAll(/^\s*(?:failed |original )?(?:recipient|mottaker|mottakar)(?: address| adresse)?\s*:\s*<?([^\s<>@()]+@[^\s<>@()]+\.[a-z]{2,})>?\s*$/gim)) add(m[1]!);
    // An address alone on its line, or followed by the reason in brackets (GroupWise, Domino).
    for (const m of msg.text.matchAll(/^\s*([^\s<>@()]+@[^\s<>@()]+\.[a-z]{2,})\s*(?:\([^()\n]*\))?\s*(?:\r?\n|$)/gim)) add(m[1]!);
  }
  return [...found].slice(0, 50);
}

const none = (): AutomaticFinding => ({ kind: null, reason: null, bouncedRecipients: [], byWordsOnly: false });

export function detectAutomatic(stage: Pick<IntakeContext, 'message' | 'texts' | 'rules'>): AutomaticFinding {
  const { message: msg, rules } = stage;
  if (!msg.isMail) return none();
  const contentType = msg.headers.get('content-type')?.[0] ?? '';
  const reportType = /^\s*multipart\/report/i.test(contentType) ? (/report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? 'unknown') : null;
  const own = stage.texts.mail;
  const local = msg.from?.address.split('@')[0] ?? null;
  const c: Context = {
    msg,
    rules: rules.automatic,
    ownAddresses: rules.ownAddresses.map((a) => a.toLowerCase()),
    subject: subjectText(msg),
    own,
    ownWordCount: own.wordCount,
    localPart: local === null ? null : new FoldedText(local),
    reportType,
  };
  for (const check of CHECKS) {
    const found = check(c);
    if (found) {
      const bounced = found.kind === 'bounce' || found.kind === 'delay' ? bouncedRecipients(msg) : [];
      return { kind: found.kind, reason: found.reason, bouncedRecipients: bounced, byWordsOnly: found.byWords === true };
    }
  }
  return none();
}
