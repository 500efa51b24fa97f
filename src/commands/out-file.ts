// An --out file or folder a caseworker names: when it cannot be written, the reason in a sentence (and exit
// status 2, a usage mistake), never a bare ENOENT.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage.js';

function reason(err: NodeJS.ErrnoException, path: string): string {
  const folder = dirname(resolve(path));
  switch (err.code) {
    case 'ENOENT':
      return `mappen ${folder} finnes ikke`;
    case 'ENOTDIR':
      return `${folder} er ikke en mappe`;
    case 'EISDIR':
      return `${resolve(path)} er en mappe; oppgi et filnavn`;
    case 'EACCES':
    case 'EPERM':
      return `du har ikke skrivetilgang til ${folder}`;
    case 'EROFS':
      return `${folder} ligger på en disk som bare kan leses`;
    case 'ENOSPC':
      return 'disken er full';
    default:
      return err.message;
  }
}

const FOLDER_PROBLEM: Record<string, string> = {
  ENOENT: 'mappen over den finnes ikke',
  EACCES: 'du har ikke skrivetilgang der',
  EPERM: 'du har ikke skrivetilgang der',
  ENOTDIR: 'en del av stien er en fil, ikke en mappe',
  EEXIST: 'det finnes en fil med det navnet',
  EROFS: 'disken kan bare leses',
  ENOSPC: 'disken er full',
};

/** Why an --out folder could not be made or written to, as words (the folder is named by the caller). */
export function outFolderProblem(err: unknown): string {
  return FOLDER_PROBLEM[(err as NodeJS.ErrnoException).code ?? ''] ?? (err as Error).message;
}

/** The error for a file that could not be written, as a sentence. */
export function outFileError(err: unknown, path: string): UsageError {
  return new UsageError(`kunne ikke skrive ${path}: ${reason(err as NodeJS.ErrnoException, path)}`);
}

/**
 * Before any work is done: can a file be made at `path`? Tries to make (and removes) a temporary
 * folder beside it, so a missing folder or a missing permission is found at once.
 */
export async function checkOutFile(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) throw outFileError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path);
  try {
    const probe = await mkdtemp(join(dirname(resolve(path)), '.innspill-'));
    await rm(probe, { recursive: true, force: true });
  } catch (err) {
    throw outFileError(err, path);
  }
}
