/**
 * A Config and a Logger for digest tests: the store in a temp folder, digests to one caseworker,
 * and a log whose lines the test can read.
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/log.js';

export function digestConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      INNSPILL_DATA_DIR: dataDir,
      INNSPILL_OUTBOX_DIR: join(dataDir, 'outbox'),
      INNSPILL_DIGEST_TO: 'saksbehandler@kmd.dep.no',
      ...env,
    },
    dataDir,
  );
}

export interface CapturedLog {
  log: Logger;
  lines: Array<{ level: number; msg: string } & Record<string, unknown>>;
}

export function captureLog(): CapturedLog {
  const lines: CapturedLog['lines'] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger({ level: 'debug', secrets: [], pretty: false, destination }), lines };
}
