// Stage 1 (parse): raw bytes → a parsed message (headers, body text, attachment parts), with mailparser
// (imported through mail-libraries.ts, one bundle in dist/).
// Never throws for bad input: what cannot be read becomes a problem (a code and words).
// Over 300 lines for a reason: it is the one adapter to mailparser, and its header and part helpers
// are used nowhere else (cleanHeaderText and htmlBodyToText excepted, exported for the shell).
import { htmlToText, libmime, simpleParser, type AddressObject, type Attachment, type ParsedMail } from './mail-libraries.js';
import type { Address } from './types.js';
import type { IntakeContext } from './context.js';
import { problem, type Problem } from './problems.js';
import type { SniffSummary } from './extract/index.js';
import { headerEnd } from '../mail/header-ids.js';
import { utf8ReadAsLatin1 } from '../text/utf8-read-as-latin1.js';

export interface RawPart {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Declared charset of a text part, if any. */
  charset: string | undefined;
  /** Inside a forwarded message (message/rfc822) rather than the message itself. */
  nested: boolean;
  /**
   * A part of a stored parse (known-message.ts): its bytes are not at hand (`content` is empty), and
   * what the attachment stage needs of them was kept when they were.
   */
  known?: KnownPartFacts;
}

/** What the attachment stage needs of a part's bytes: their hash, their size and what they are. */
export interface KnownPartFacts {
  sha256: string;
  size: number;
  sniff: SniffSummary;
}

export interface ParsedMessage {
  /** false when the bytes are not an e-mail message at all (a PDF renamed .eml, say). */
  isMail: boolean;
  headers: Map<string, string[]>;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: Address | null;
  replyTo: Address | null;
  to: Address[];
  returnPath: string | null;
  date: Date | null;
  /** Dates of the Received: headers, topmost (newest) first; null where one could not be read. */
  receivedDates: Array<Date | null>;
  contentType: string;
  /** The body as text (HTML converted), forwarded messages excluded. */
  text: string;
  /** Bodies of forwarded messages (message/rfc822 parts), with who sent them. */
  forwarded: Array<{ from: Address | null; subject: string; text: string }>;
  /** Machine-readable report parts (delivery status, returned headers) as text. */
  reportText: string;
  parts: RawPart[];
  problems: Problem[];
}

const MAX_NESTED_MESSAGES = 3;

/** Control characters (CR, LF, NUL …) never survive into a header value we keep. */
export function cleanHeaderText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function decodeHeader(value: string): string {
  try {
    return cleanHeaderText(libmime.decodeWords(value));
  } catch {
    return cleanHeaderText(value);
  }
}

/**
 * A raw header line as mailparser keeps it (one character per byte). Unencoded UTF-8 in a header
 * (RFC 6532: "Subject: Forsinket høringssvar" as sent by many clients) is read as UTF-8; bytes that
 * are not valid UTF-8 (an old client's raw Latin-1) stay one character each, as before.
 */
function headerText(line: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/.test(line) || /[^\u0000-\u00ff]/.test(line)) return line;
  const utf8 = Buffer.from(line, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? line : utf8;
}

function headerMap(parsed: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line: raw } of parsed.headerLines ?? []) {
    const line = headerText(raw);
    const colon = line.indexOf(':');
    const value = colon >= 0 ? line.slice(colon + 1) : '';
    const unfolded = value.replace(/\r?\n[ \t]+/g, ' ').trim();
    const list = map.get(key) ?? [];
    list.push(unfolded);
    map.set(key, list);
  }
  return map;
}

function firstAddress(obj: AddressObject | AddressObject[] | undefined): Address | null {
  const list = allAddresses(obj);
  return list[0] ?? null;
}

function allAddresses(obj: AddressObject | AddressObject[] | undefined): Address[] {
  if (!obj) return [];
  const out: Address[] = [];
  for (const group of Array.isArray(obj) ? obj : [obj]) {
    for (const v of group.value) {
      for (const member of v.group ?? [v]) {
        const address = cleanHeaderText(member.address ?? '').toLowerCase();
        if (address.includes('@')) out.push({ address, name: cleanHeaderText(member.name ?? '') });
      }
    }
  }
  return out;
}

/** Dates as mail writes them: "Tue, 18 May 2021 21:30:00 +0000 (UTC)". */
export function parseMailDate(value: string): Date | null {
  const cleaned = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned.length === 0) return null;
  const d = new Date(cleaned);
  if (Number.isNaN(d.getTime())) return null;
  return d;
}

function receivedDates(headers: Map<string, string[]>): Array<Date | null> {
  return (headers.get('received') ?? []).map((value) => {
    const semi = value.lastIndexOf(';');
    return semi >= 0 ? parseMailDate(value.slice(semi + 1)) : null;
  });
}

function messageIdOf(value: string | undefined): string | null {
  if (!value) return null;
  const m = /<[^<>\s]+>/.exec(value);
  const id = m ? m[0] : value.trim();
  return id.length > 0 && id.length <= 998 ? cleanHeaderText(id) : null;
}

function idList(value: string | string[] | undefined): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  return [...joined.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]).slice(0, 200);
}

export function htmlBodyToText(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    limits: { maxInputLength: 5_000_000, maxDepth: 200 },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'blockquote', format: 'blockquote', options: { trimEmptyLines: true } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

/** Headers that say "this is a mail message"; a file with none of them is not one. */
const MAIL_HEADERS = ['from', 'to', 'subject', 'date', 'message-id', 'received', 'mime-version', 'return-path', 'content-type', 'delivered-to'];

function looksBinary(raw: Buffer): boolean {
  const head = raw.subarray(0, 8);
  const sig = head.toString('latin1');
  return (
    sig.startsWith('%PDF') ||
    sig.startsWith('PK\u0003\u0004') ||
    sig.startsWith('\u00d0\u00cf\u0011\u00e0') ||
    sig.startsWith('\u0089PNG') ||
    sig.startsWith('\u00ff\u00d8\u00ff')
  );
}

function bodyText(parsed: ParsedMail): string {
  const text = typeof parsed.text === 'string' ? parsed.text : '';
  if (text.trim().length > 0) return text;
  if (typeof parsed.html === 'string' && parsed.html.length > 0) {
    try {
      return htmlBodyToText(parsed.html);
    } catch {
      return '';
    }
  }
  return text;
}

/**
 * mailparser's splitter refuses more than 1,000 MIME parts and 1 MB of headers in a part by
 * default; real mail (a reply with a 1 MB header line, a message of 5,000 parts) goes beyond,
 * and both parse in well under a second. These limits still bound the work.
 */
const SPLITTER_LIMITS = { maxChildNodes: 10_000, maxHeadSize: 8 * 1024 * 1024 };

async function parseBytes(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, {
    skipImageLinks: true,
    skipTextLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: 5_000_000,
    ...SPLITTER_LIMITS,
  } as Parameters<typeof simpleParser>[1]);
}

/** The header block alone (up to the first empty line), for a message whose body cannot be parsed. */
function headerBlock(raw: Buffer): Buffer {
  const end = headerEnd(raw, Math.min(raw.length, SPLITTER_LIMITS.maxHeadSize));
  return Buffer.concat([raw.subarray(0, end), Buffer.from('\r\n\r\n')]);
}

/** Classic Mac files end lines with CR alone; MIME parsers then see one long header line. */
function withLineFeeds(raw: Buffer): Buffer {
  if (raw.includes(10) || !raw.includes(13)) return raw;
  return Buffer.from(raw.toString('latin1').replace(/\r/g, '\r\n'), 'latin1');
}

/** The stage: the message in the context's bytes. */
export function readMessage(c: Pick<IntakeContext, 'raw'>): Promise<ParsedMessage> {
  return parseMessage(c.raw);
}

export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const problems: Problem[] = [];
  let parsed: ParsedMail;
  const bytes = withLineFeeds(raw);
  try {
    parsed = await parseBytes(bytes);
  } catch (err) {
    // Parsed as far as it goes: the headers alone still say who wrote, when and about what.
    try {
      parsed = await parseBytes(headerBlock(bytes));
      problems.push(problem('partly-parsed', `meldingen kunne bare delvis leses (${(err as Error).message}); bare avsender, emne og datoer er lest`));
    } catch {
      problems.push(problem('unparsable', `meldingen kunne ikke tolkes: ${(err as Error).message}`));
      return emptyMessage(false, problems);
    }
  }
  const headers = headerMap(parsed);
  const isMail = raw.length > 0 && !looksBinary(raw) && MAIL_HEADERS.some((h) => headers.has(h));
  if (!isMail) {
    problems.push(raw.length === 0 ? problem('empty-file', 'filen er tom') : problem('not-mail', 'filen er ikke en e-postmelding (ingen e-posthoder)'));
    return { ...emptyMessage(false, problems), headers };
  }

  const from = firstAddress(parsed.from);
  if (!from) problems.push(headers.has('from') ? problem('from-unreadable', 'avsenderadressen (From) kan ikke leses') : problem('from-missing', 'meldingen mangler avsender (From)'));
  const subject = decodeHeader(headers.get('subject')?.[0] ?? '');
  const messageId = messageIdOf(parsed.messageId ?? headers.get('message-id')?.[0]);
  if (!messageId) problems.push(problem('message-id-missing', 'meldingen mangler Message-ID'));

  const parts: RawPart[] = [];
  const forwarded: ParsedMessage['forwarded'] = [];
  const reports: string[] = [];
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  await collectParts(parsed.attachments, html, false, { parts, forwarded, reports, problems }, 0);

  const rp = headers.get('return-path')?.[0];
  return {
    isMail: true,
    headers,
    messageId,
    inReplyTo: messageIdOf(parsed.inReplyTo),
    references: idList(parsed.references),
    subject,
    from,
    replyTo: firstAddress(parsed.replyTo),
    to: [...allAddresses(parsed.to), ...allAddresses(parsed.cc)].slice(0, 100),
    returnPath: rp === undefined ? null : cleanHeaderText(rp),
    // mailparser puts the current time in `date` when the header is missing or unreadable; the
    // header itself is the only honest source.
    date: parseMailDate(headers.get('date')?.[0] ?? ''),
    receivedDates: receivedDates(headers),
    contentType: (headers.get('content-type')?.[0] ?? 'text/plain').split(';')[0]!.trim().toLowerCase(),
    text: utf8ReadAsLatin1(bodyText(parsed)),
    forwarded,
    reportText: reports.join('\n'),
    parts,
    problems,
  };
}

interface Collected {
  parts: RawPart[];
  forwarded: ParsedMessage['forwarded'];
  reports: string[];
  problems: Problem[];
}

function isInlineImage(a: Attachment, html: string): boolean {
  if (!a.contentType.startsWith('image/')) return false;
  if (a.related) return true;
  return a.cid !== undefined && html.includes(`cid:${a.cid}`);
}

/**
 * A report part as text. A returned message's headers are unfolded and their encoded words decoded,
 * so that what they say (a receipt's subject with its case number) reads as the sender wrote it.
 */
function reportPartText(content: Buffer, contentType: string): string {
  const text = content.subarray(0, 64 * 1024).toString('utf8');
  if (!contentType.endsWith('rfc822-headers')) return text;
  const unfolded = text.replace(/\r?\n[ \t]+/g, ' ');
  try {
    return libmime.decodeWords(unfolded);
  } catch {
    return unfolded;
  }
}

/** Signatures of the message itself and delivery-status blocks are not documents of the sender's. */
const NOT_DOCUMENTS = new Set([
  'application/pkcs7-signature',
  'application/x-pkcs7-signature',
  'application/pgp-signature',
  'message/delivery-status',
  'message/disposition-notification',
  'message/feedback-report',
  'text/rfc822-headers',
  'message/rfc822-headers',
]);

async function collectParts(attachments: Attachment[], html: string, nested: boolean, out: Collected, depth: number): Promise<void> {
  for (const a of attachments) {
    const contentType = (a.contentType || 'application/octet-stream').toLowerCase();
    if (NOT_DOCUMENTS.has(contentType)) {
      if (!contentType.includes('signature') && out.reports.length < 20) out.reports.push(reportPartText(a.content, contentType));
      continue;
    }
    if (isInlineImage(a, html)) continue;
    if ((contentType === 'message/rfc822' || contentType === 'message/global') && depth < MAX_NESTED_MESSAGES) {
      const inner = await parseBytes(a.content).catch(() => null);
      if (inner) {
        out.forwarded.push({
          from: firstAddress(inner.from),
          subject: cleanHeaderText(inner.subject ?? ''),
          text: bodyText(inner),
        });
        const innerHtml = typeof inner.html === 'string' ? inner.html : '';
        await collectParts(inner.attachments, innerHtml, true, out, depth + 1);
        continue;
      }
      out.problems.push(problem('forwarded-unparsable', 'en videresendt melding i meldingen kunne ikke tolkes'));
    }
    const ct = a.headers.get('content-type');
    const charset = typeof ct === 'object' && ct !== null && 'params' in ct ? (ct.params as Record<string, string>)['charset'] : undefined;
    // The name exactly as sent (it may hold anything, NUL and ../ included): it is only ever shown,
    // cleaned at the point of display, and never used as a path.
    out.parts.push({ filename: a.filename ?? '', contentType, content: a.content, charset, nested });
  }
}

function emptyMessage(isMail: boolean, problems: Problem[]): ParsedMessage {
  return {
    isMail,
    headers: new Map(),
    messageId: null,
    inReplyTo: null,
    references: [],
    subject: '',
    from: null,
    replyTo: null,
    to: [],
    returnPath: null,
    date: null,
    receivedDates: [],
    contentType: '',
    text: '',
    forwarded: [],
    reportText: '',
    parts: [],
    problems,
  };
}
