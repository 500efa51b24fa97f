// Runs the token command an administrator configured (INNSPILL_IMAP_TOKEN_COMMAND,
// INNSPILL_SMTP_TOKEN_COMMAND) and reads the access token from what it prints: the token alone,
// or JSON as OAuth2 token endpoints and their tools print it ({"access_token", "expires_in"}).
// The command runs under /bin/sh in its own process group, so a timeout ends it and its children.
import { spawn } from 'node:child_process';

export interface FetchedToken {
  token: string;
  /** when the token stops working, if the command said so */
  expiresAt: Date | null;
}

export class TokenCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenCommandError';
  }
}

const MAX_OUTPUT = 1024 * 1024;

/** Reads a token from the command's output. `variable` names the setting in error messages. */
export function parseTokenOutput(output: string, now: Date, variable: string): FetchedToken {
  const text = output.trim();
  if (text === '') throw new TokenCommandError(`${variable} printed nothing; it must print an access token (or JSON with "access_token")`);
  if (!text.startsWith('{')) {
    if (/\s/.test(text)) throw new TokenCommandError(`${variable} printed more than one word; it must print only the access token (or JSON with "access_token")`);
    return { token: text, expiresAt: null };
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new TokenCommandError(`${variable} printed something that starts like JSON but is not valid JSON`);
  }
  const token = data['access_token'] ?? data['accessToken'];
  if (token === undefined && typeof data['error'] === 'string') {
    // What a token endpoint answers instead (RFC 6749 section 5.2), e.g. a wrong client secret.
    const description = typeof data['error_description'] === 'string' ? `: ${data['error_description'].split('\n')[0]!.slice(0, 300)}` : '';
    throw new TokenCommandError(`${variable} printed an error instead of a token: ${data['error']}${description}`);
  }
  if (typeof token !== 'string' || token.trim() === '' || /\s/.test(token.trim())) {
    throw new TokenCommandError(`${variable} printed JSON without a usable "access_token"`);
  }
  return { token: token.trim(), expiresAt: expiryOf(data, now) };
}

/** expires_in (seconds from now), or expires_on / expires_at (Unix seconds or a date). */
function expiryOf(data: Record<string, unknown>, now: Date): Date | null {
  const seconds = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : null);
  const inSeconds = seconds(data['expires_in']);
  if (inSeconds !== null) return new Date(now.getTime() + inSeconds * 1000);
  for (const key of ['expires_on', 'expires_at', 'expiresOn']) {
    const v = data[key];
    const epoch = seconds(v);
    if (epoch !== null) return new Date(epoch * 1000);
    if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(Date.parse(v));
  }
  return null;
}

/**
 * Runs the command; resolves with its token, or rejects with a TokenCommandError in words.
 * `scrub` removes secrets from the command's error output before it is quoted.
 */
export function runTokenCommand(
  command: string,
  options: { variable: string; timeoutMs: number; now?: () => Date; scrub?: (text: string) => string },
): Promise<FetchedToken> {
  const scrub = options.scrub ?? ((t: string) => t);
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    let timedOut = false;
    let tooLong = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.length > MAX_OUTPUT && !tooLong) {
        tooLong = true;
        killGroup();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 4096) err += d;
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new TokenCommandError(`${options.variable} could not be started: ${e.message}`));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const said = scrub(err.trim().split('\n').slice(-3).join(' / ')).slice(0, 300);
      if (timedOut) return reject(new TokenCommandError(`${options.variable} did not finish within ${Math.round(options.timeoutMs / 1000)} s (INNSPILL_TOKEN_COMMAND_TIMEOUT_SECONDS)`));
      if (tooLong) return reject(new TokenCommandError(`${options.variable} printed more than 1 MB; it must print only an access token`));
      if (code !== 0) {
        const how = signal ? `was ended by ${signal}` : `failed with exit status ${code}`;
        return reject(new TokenCommandError(`${options.variable} ${how}${said ? `: ${said}` : ''}`));
      }
      try {
        resolve(parseTokenOutput(out, (options.now ?? (() => new Date()))(), options.variable));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}
