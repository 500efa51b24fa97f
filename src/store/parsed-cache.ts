// The parse of each original kept beside it (parsed/<the original's sha256>.json), so that
// classifying a record again does not parse the original anew: mailparser was the costliest stage
// of reclassify that no rule can change. The file is derived and can always be made again from the
// original, so it is written without fsync and trusted only when it says it is of this version and
// of these very bytes (the record's rawSha256 and size); anything else (missing, unreadable, another
// version, another original) and the original is parsed as before. Named by the original's hash, a
// file is the same for every record of the same bytes and never needs to change.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { KNOWN_MESSAGE_VERSION, type KnownMessage } from '../intake/known-message.js';
import { TEMP_MARK } from './atomic.js';

export const PARSED_DIR = 'parsed';

interface ParsedFile {
  version: number;
  rawSha256: string;
  rawSize: number;
  message: KnownMessage;
}

/** The original a kept parse belongs to, as its record says. */
export interface RawIdentity {
  rawSha256: string;
  size: number;
}

/** The kept parse's name, relative to the data folder. */
function parsedFileOf(raw: Pick<RawIdentity, 'rawSha256'>): string[] {
  return [PARSED_DIR, `${raw.rawSha256}.json`];
}

function parsedFileText(known: KnownMessage, raw: RawIdentity): string {
  return JSON.stringify({ version: KNOWN_MESSAGE_VERSION, rawSha256: raw.rawSha256, rawSize: raw.size, message: known } satisfies ParsedFile);
}

/** The kept parse of the record's original, or null when there is none this version can trust. */
export function readParsed(path: (...parts: string[]) => string, raw: RawIdentity): KnownMessage | null {
  let data: Partial<ParsedFile>;
  try {
    data = JSON.parse(readFileSync(path(...parsedFileOf(raw)), 'utf8')) as Partial<ParsedFile>;
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || data.version !== KNOWN_MESSAGE_VERSION || data.rawSha256 !== raw.rawSha256 || data.rawSize !== raw.size) return null;
  const m = data.message;
  // A file of this version is written whole (a temporary file renamed); this only guards against one
  // damaged in a way that still parses as JSON.
  if (!m || typeof m !== 'object' || !Array.isArray(m.parts) || !Array.isArray(m.headers) || typeof m.text !== 'string') return null;
  return m;
}

// Written to a temporary file and renamed, so a reader never sees half of one; not synced, as a file
// lost or left empty by a crash is only parsed again. A temporary file left by a crash is removed
// when the store is next opened by a writer (the parsed folder is among the store's folders).
const tempOf = (target: string) => `${target.replace(/[^/]+$/, (name) => `.${name}`)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;

/**
 * Keeps a parse: from the daemon as it files and from reclassify's workers. Written at once (a few
 * kilobytes to the page cache, no fsync: nothing here waits on the disk). Never throws: the parse is
 * only a shortcut.
 */
export function keepParsed(path: (...parts: string[]) => string, raw: RawIdentity, known: KnownMessage): void {
  const target = path(...parsedFileOf(raw));
  const temp = tempOf(target);
  try {
    writeFileSync(temp, parsedFileText(known, raw), { mode: 0o640 });
    renameSync(temp, target);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}
