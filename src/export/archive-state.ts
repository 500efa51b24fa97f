// What the archive export has written: state/archive-exported.json in the store, one entry per
// record with the hash of its journal post's XML. `export`, `show` and `status` read it.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';

export const ARCHIVE_STATE = 'archive-exported';

export interface ArchiveStateEntry {
  /** SHA-256 of the arkivmelding.xml written; it names every file with its own SHA-256. */
  hash: string;
  exportedAt: string;
  /** The folder it was written to. */
  folder: string;
  /**
   * What the journal post was made from, short (see archiveInputsKey): while it is the same, the
   * post is the same and the message need not be parsed and rendered again to know. Absent in
   * entries written before it was kept: those are checked the long way once.
   */
  inputs?: string;
}

export interface ArchiveState {
  records: Record<string, ArchiveStateEntry>;
}

/** Raised whenever what goes into a journal post changes in a way the modules' times would not show. */
const INPUTS_VERSION = 1;
let modules: string | null = null;

/** The export's own code (every module of src/export/, by name and time): a new version of it makes every post be checked again. */
function exportModules(): string {
  if (modules === null) {
    const dir = fileURLToPath(new URL('./', import.meta.url));
    modules = readdirSync(dir)
      .sort()
      .map((name) => `${name}:${statSync(`${dir}${name}`).mtimeMs}`)
      .join('\n');
  }
  return modules;
}

/**
 * Everything a record's journal post is made from, short: the record and the one it follows up
 * (whole), its consultation's rules (case number, time zone, screening, titles), the sizes of the
 * original and the attachments it names by SHA-256 (so a file gone missing is found again), and
 * the export's code. Equal keys make equal posts.
 */
export function archiveInputsKey(r: SubmissionRecord, original: SubmissionRecord | null, consultation: unknown, fileSizes: number[]): string {
  const h = createHash('sha256');
  h.update(`${INPUTS_VERSION}\n${exportModules()}\n`);
  h.update(JSON.stringify([r, original, consultation, fileSizes]));
  return h.digest('base64url');
}

export async function readArchiveState(store: Store): Promise<ArchiveState> {
  const state = await store.readState<Partial<ArchiveState>>(ARCHIVE_STATE, {});
  return { records: state.records && typeof state.records === 'object' ? state.records : {} };
}

/** What `status` and GET /health say about the archive export. */
export interface ArchiveSummary {
  /** Submissions written to the archive at least once. */
  exported: number;
  /** The newest export, or null when nothing was exported. */
  lastExportAt: string | null;
}

export async function readArchiveSummary(store: Store): Promise<ArchiveSummary> {
  const entries = Object.values((await readArchiveState(store)).records);
  let last: string | null = null;
  for (const e of entries) if (!last || e.exportedAt > last) last = e.exportedAt;
  return { exported: entries.length, lastExportAt: last };
}

/** For `show`: whether and when a record went to the archive, in words. */
export async function archiveStateText(store: Store, r: SubmissionRecord, when: (iso: string) => string): Promise<string> {
  const entry = (await readArchiveState(store)).records[r.id];
  if (entry) return `eksportert som arkivmelding ${when(entry.exportedAt)} til ${entry.folder}`;
  if (!r.relevant || !r.readable) return 'tas ikke med i arkiveksporten (ikke et leselig innspill)';
  if (r.automatic) return 'ikke eksportert (automatisk svar: bare med --include-automatic)';
  return 'ikke eksportert til arkivet ennå';
}
