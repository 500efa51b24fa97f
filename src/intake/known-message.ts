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

/**
 * A ParsedMessage as JSON data: headers as entries, dates as ISO text, parts without bytes. Made
 * from ParsedMessage's own fields, so a field added there is kept here too (or the build says
 * which conversion misses it).
 */
export type KnownMessage = Omit<ParsedMessage, 'headers' | 'date' | 'receivedDates' | 'parts'> & {
  headers: Array<[string, string[]]>;
  date: string | null;
  receivedDates: Array<string | null>;
  parts: KnownPart[];
};

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
  const { headers, date, receivedDates, parts, ...rest } = m;
  return {
    ...rest,
    headers: [...headers],
    date: date?.toISOString() ?? null,
    receivedDates: receivedDates.map((d) => d?.toISOString() ?? null),
    parts: parts.map((p, i) => knownPart(p, hashed.length === parts.length ? hashed[i] : undefined)),
  };
}

const EMPTY = Buffer.alloc(0);

/** The parsed message again, its parts without bytes (each with what was kept of them). */
export function parsedMessageOf(k: KnownMessage): ParsedMessage {
  const { headers, date, receivedDates, parts, ...rest } = k;
  return {
    ...rest,
    headers: new Map(headers),
    date: date === null ? null : new Date(date),
    receivedDates: receivedDates.map((d) => (d === null ? null : new Date(d))),
    parts: parts.map((p) => ({
      filename: p.filename,
      contentType: p.contentType,
      content: EMPTY,
      charset: p.charset ?? undefined,
      nested: p.nested,
      known: { sha256: p.sha256, size: p.size, sniff: p.sniff },
    })),
  };
}
