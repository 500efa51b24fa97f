// What the archive export has written: state/archive-exported.json in the store, one entry per
// record with the hash of its journal post's XML. `export`, `show` and `status` read it.
import type { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';

export const ARCHIVE_STATE = 'archive-exported';

export interface ArchiveStateEntry {
  /** SHA-256 of the arkivmelding.xml written; it names every file with its own SHA-256. */
  hash: string;
  exportedAt: string;
  /** The folder it was written to. */
  folder: string;
}

export interface ArchiveState {
  records: Record<string, ArchiveStateEntry>;
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
