// How much disk the store takes: every file under the data folder (records, originals,
// attachments, state), summed. Files that vanish while counting are skipped.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export async function storeBytes(dir: string): Promise<number> {
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) total += await storeBytes(path);
    else if (e.isFile()) total += await stat(path).then((s) => s.size, () => 0);
  }
  return total;
}
