// Stage 1's result kept for later: a parsed message less its parts' bytes, as plain JSON data. The
// store keeps one beside each original (src/store/parsed-cache.ts) so that classifying a record
// again starts from it instead of parsing the original anew (mailparser is the costliest stage that
// no rule can change). Each part keeps, in place of its bytes, what the attachment stage needs of
// them: their hash (the stored text is found by it), their size and what sniffing found.
// Pure: the caller reads and writes the files.
import { createHash } from 'node:crypto';
import { sniffDocument } from './extract/sniff.js';
import { summariseSniff, type SniffSummary } from './extract/index.js';
import type { ParsedMessage, RawPart } from './parse.js';
import type { Address } from './types.js';
import type { Problem } from './problems.js';

/**
 * The form's version. Raise it whenever what parse.ts (or mailparser, or sniff.ts) makes of a
 * message changes, or this form does: a kept parse of another version is not used, and the
 * original is parsed again (tests/store/parsed-cache.test.ts pins the sources it depends on).
 */
export const KNOWN_MESSAGE_VERSION = 1;

export interface KnownPart {
  filename: string;
  contentType: string;
  charset: string | null;
  nested: boolean;
  sha256: string;
  size: number;
  sniff: SniffSummary;
}

/** A ParsedMessage as JSON data: headers as entries, dates as ISO text, parts without bytes. */
export interface KnownMessage {
  isMail: boolean;
  headers: Array<[string, string[]]>;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: Address | null;
  replyTo: Address | null;
  to: Address[];
  returnPath: string | null;
  date: string | null;
  receivedDates: Array<string | null>;
  contentType: string;
  text: string;
  forwarded: Array<{ from: Address | null; subject: string; text: string }>;
  reportText: string;
  parts: KnownPart[];
  problems: Problem[];
}

function knownPart(p: RawPart, hashed: { sha256: string; size: number } | undefined): KnownPart {
  return {
    filename: p.filename,
    contentType: p.contentType,
    charset: p.charset ?? null,
    nested: p.nested,
    sha256: p.known?.sha256 ?? hashed?.sha256 ?? createHash('sha256').update(p.content).digest('hex'),
    size: p.known?.size ?? hashed?.size ?? p.content.length,
    sniff: p.known?.sniff ?? summariseSniff(sniffDocument(p.content, p.contentType, p.filename)),
  };
}

/**
 * The message as it is kept. `hashed`: the attachment stage's findings for its parts, in the same
 * order, whose hashes and sizes are taken rather than made again (a large part takes its time).
 */
export function knownMessageOf(m: ParsedMessage, hashed: ReadonlyArray<{ sha256: string; size: number }> = []): KnownMessage {
  return {
    isMail: m.isMail,
    headers: [...m.headers],
    messageId: m.messageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    subject: m.subject,
    from: m.from,
    replyTo: m.replyTo,
    to: m.to,
    returnPath: m.returnPath,
    date: m.date?.toISOString() ?? null,
    receivedDates: m.receivedDates.map((d) => d?.toISOString() ?? null),
    contentType: m.contentType,
    text: m.text,
    forwarded: m.forwarded,
    reportText: m.reportText,
    parts: m.parts.map((p, i) => knownPart(p, hashed.length === m.parts.length ? hashed[i] : undefined)),
    problems: m.problems,
  };
}

const EMPTY = Buffer.alloc(0);

/** The parsed message again, its parts without bytes (each with what was kept of them). */
export function parsedMessageOf(k: KnownMessage): ParsedMessage {
  return {
    isMail: k.isMail,
    headers: new Map(k.headers),
    messageId: k.messageId,
    inReplyTo: k.inReplyTo,
    references: k.references,
    subject: k.subject,
    from: k.from,
    replyTo: k.replyTo,
    to: k.to,
    returnPath: k.returnPath,
    date: k.date === null ? null : new Date(k.date),
    receivedDates: k.receivedDates.map((d) => (d === null ? null : new Date(d))),
    contentType: k.contentType,
    text: k.text,
    forwarded: k.forwarded,
    reportText: k.reportText,
    parts: k.parts.map((p) => ({
      filename: p.filename,
      contentType: p.contentType,
      content: EMPTY,
      charset: p.charset ?? undefined,
      nested: p.nested,
      known: { sha256: p.sha256, size: p.size, sniff: p.sniff },
    })),
    problems: k.problems,
  };
}
