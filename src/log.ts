// Logging: pino JSON lines by default (for journald and log shippers), readable lines on a
// terminal. Secrets (IMAP/SMTP passwords, OAuth tokens) are scrubbed from every line, whatever
// part of the program tried to log them.
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * `secrets` is read live, line by line: access tokens fetched while innspill runs are added to
 * the same array (config.secrets) and are scrubbed from then on.
 */
export function createLogger(options: { level: string; secrets: string[]; pretty?: boolean; destination?: NodeJS.WritableStream }): Logger {
  const secrets = options.secrets;
  const scrub = (value: string) => secrets.reduce((v, s) => (s.length >= 3 ? v.split(s).join('[hemmelig]') : v), value);
  const pretty = options.pretty ?? (process.stderr.isTTY === true && options.destination === undefined);
  const stream = pretty
    ? pino.transport({ target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } })
    : (options.destination ?? pino.destination({ dest: 2, sync: true }));
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ['pass', 'password', '*.pass', '*.password', 'auth.pass', 'accessToken', '*.accessToken'], censor: '[hemmelig]' },
      hooks: {
        streamWrite: scrub,
      },
    },
    stream as NodeJS.WritableStream & pino.DestinationStream,
  );
}
