// Reading one of the store's state files (state/<name>.json), for the store and for reclassify's
// workers, which read the same store without opening it.
import { readFile } from 'node:fs/promises';

/** The file's JSON, or `fallback` when there is none yet. A damaged one is an error, never silently "nothing". */
export async function readStateFile<T>(path: string, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`the state file ${path} is damaged (not valid JSON); move it away to start that state afresh`);
  }
}
