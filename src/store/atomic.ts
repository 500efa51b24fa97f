// Durable file writes: write a temporary file beside the target, fsync it, rename it over the
// target, then fsync the folder. A reader sees the old file or the new one, never half of one;
// a crash at any point leaves at most a temporary file, which the store removes on start.
import { open, readdir, rename, unlink, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export const TEMP_MARK = '.tmp-';

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What tells one version of a file from another: every atomic write makes a new file. */
export interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Returns the identity of the file written (as stat() finds it at `path` until it is replaced). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { syncDir?: boolean } = {}): Promise<FileIdentity> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o640);
  let identity: FileIdentity;
  try {
    await handle.writeFile(data);
    await handle.sync();
    const st = await handle.stat();
    identity = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  if (options.syncDir !== false) await fsyncDir(dir);
  return identity;
}

/** Writes `data` to `path` only if no file is there yet (content-addressed files never change). */
export async function writeOnce(path: string, data: string | Uint8Array, options: { syncDir?: boolean } = {}): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    await handle.close();
    return false;
  } catch {
    await writeFileAtomic(path, data, options);
    return true;
  }
}

/** Removes temporary files a crash may have left in the given folders. Returns how many. */
export async function removeTempFiles(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith('.') && name.includes(TEMP_MARK)) {
        await unlink(join(dir, name)).catch(() => undefined);
        removed++;
      }
    }
  }
  return removed;
}

export async function ensureDirs(dirs: string[]): Promise<void> {
  for (const d of dirs) await mkdir(d, { recursive: true, mode: 0o750 });
}
