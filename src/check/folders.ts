// Can innspill write where it must (data folder, outbox, Maildir)? A folder that does not exist
// yet is fine when it can be created: innspill creates it at start. Nothing is left behind.
import { access, constants, mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { failed, ok, type CheckResult } from './result.js';

async function isDir(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null;
  }
}

export async function checkWritableFolder(what: string, dir: string, variable: string): Promise<CheckResult> {
  const exists = await isDir(dir);
  if (exists === false) return failed(what, `${dir} is a file, not a folder (${variable})`);
  if (exists === null) {
    let parent = dirname(dir);
    while ((await isDir(parent)) !== true && dirname(parent) !== parent) parent = dirname(parent);
    try {
      await access(parent, constants.W_OK | constants.X_OK);
      return ok(what, `${dir} does not exist yet; it will be created (${parent} is writable)`);
    } catch {
      return failed(what, `${dir} does not exist and cannot be created: ${parent} is not writable for this user (${variable})`);
    }
  }
  // A real write, not only access(): read-only mounts and full disks answer access() happily.
  try {
    const probe = await mkdtemp(join(dir, '.innspill-check-'));
    await rm(probe, { recursive: true, force: true });
    return ok(what, `${dir} is writable`);
  } catch (err) {
    return failed(what, `${dir} is not writable for this user (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; ${variable})`);
  }
}
