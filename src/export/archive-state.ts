// What the archive export has written: state/archive-exported.json in the store, one entry per
// record with the hash of its journal post's XML. `export`, `show` and `status` read it.
import type { Store } from '../store/json-store.js';

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

/** The newest export time in the state, or null when nothing was exported. */
export function lastExportAt(state: ArchiveState): string | null {
  let last: string | null = null;
  for (const e of Object.values(state.records)) if (!last || e.exportedAt > last) last = e.exportedAt;
  return last;
}
