// The tokens that make a command mail a caseworker's: an HMAC-SHA256 of the command (verb and
// record id) with a secret kept in the store. Only the digest's links carry them, so only a digest
// recipient has them. The secret is made on first use, readable by innspill's user alone, and
// never logged or shown.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDirs, fsyncDir } from '../store/atomic.js';

/** The command verbs a token is made for (the words of the command lines, see commands.ts). */
export type CommandVerb = 'innspill' | 'ikke-innspill' | 'forpliktelser' | 'notat' | 'personopplysninger' | 'kampanje-ut' | 'kampanje-sammen';

/** Characters of a token (base64url, 96 bits): short enough for a mail line, too many to guess. */
export const TOKEN_LENGTH = 16;

const SECRET_FILE = 'command-secret';

/** Signs and checks command tokens with one secret. */
export class CommandKey {
  private constructor(private readonly secret: Buffer) {}

  /** The store's secret (state/command-secret), made when there is none yet. */
  static async forStore(dataDir: string): Promise<CommandKey> {
    const dir = join(dataDir, 'state');
    const path = join(dir, SECRET_FILE);
    try {
      return new CommandKey(Buffer.from((await readFile(path, 'utf8')).trim(), 'hex'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    await ensureDirs([dir]);
    const secret = randomBytes(32);
    try {
      // 'wx': two processes making it at once cannot both win; the loser reads the winner's.
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${secret.toString('hex')}\n`);
      await handle.sync();
      await handle.close();
      await fsyncDir(dir);
      return new CommandKey(secret);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      return new CommandKey(Buffer.from((await readFile(path, 'utf8')).trim(), 'hex'));
    }
  }

  /** The store's secret when there is one already (null: none yet); for readers that must change nothing. */
  static async existing(dataDir: string): Promise<CommandKey | null> {
    try {
      return new CommandKey(Buffer.from((await readFile(join(dataDir, 'state', SECRET_FILE), 'utf8')).trim(), 'hex'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** For tests and tools: a key from given bytes. */
  static fromSecret(secret: Buffer): CommandKey {
    return new CommandKey(secret);
  }

  sign(verb: CommandVerb, id: string): string {
    return createHmac('sha256', this.secret).update(`innspill-command\n${verb}\n${id}`).digest('base64url').slice(0, TOKEN_LENGTH);
  }

  /** Constant-time comparison of a token given with the one this command must carry. */
  verify(verb: CommandVerb, id: string, token: string): boolean {
    const expected = Buffer.from(this.sign(verb, id));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
