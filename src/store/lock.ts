// One daemon per store. The lock file holds the owner's pid; a lock left by a process that no
// longer runs (kill -9, power loss) is taken over, a live one is refused with a clear message.
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

export class StoreLockedError extends Error {
  constructor(dir: string, pid: number, host: string) {
    super(
      `Another innspill process (pid ${pid} on ${host}) is already using the store in ${dir}. ` +
        'Stop it first, or point INNSPILL_DATA_DIR at another folder. Two processes on one store could file mail twice.',
    );
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StoreLock {
  private constructor(private readonly path: string) {}

  static async acquire(path: string, storeDir: string): Promise<StoreLock> {
    const me = `${process.pid} ${hostname()}\n`;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx', 0o640);
        await handle.writeFile(me);
        await handle.sync();
        await handle.close();
        return new StoreLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const [pidText, host = hostname()] = (await readFile(path, 'utf8').catch(() => '')).trim().split(/\s+/);
      const pid = Number(pidText);
      if (Number.isInteger(pid) && pid > 0 && host === hostname() && alive(pid)) {
        throw new StoreLockedError(storeDir, pid, host);
      }
      // Stale: its owner is gone.
      await unlink(path).catch(() => undefined);
    }
    throw new Error(`Could not take the store lock ${path}`);
  }

  async release(): Promise<void> {
    await unlink(this.path).catch(() => undefined);
  }
}
