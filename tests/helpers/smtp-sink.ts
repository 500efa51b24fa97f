/**
 * The receiving SMTP end for tests: an in-process smtp-server on 127.0.0.1 that keeps every message.
 *
 *   const sink = await startSmtpSink();               // or { user, pass } to require AUTH
 *                                                     // or { user, accessToken } to require AUTH XOAUTH2
 *   ...send to sink.host:sink.port...
 *   const [mail] = await sink.waitFor(1);
 *   await sink.close();
 *
 * STARTTLS is disabled: smtp-server's built-in certificate has expired, and clients that upgrade on their
 * own (nodemailer does) would fail with "certificate has expired".
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { HOST } from './ports.js';

export interface CapturedMail {
  /** `from` is '' for the null sender (MAIL FROM:<>) */
  envelope: { from: string | false; to: string[] };
  raw: Buffer;
  receivedAt: Date;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** every accepted message, oldest first */
  messages: CapturedMail[];
  /** every XOAUTH2 access token a client presented, accepted or not, oldest first */
  tokensPresented: string[];
  /** respond to DATA with this code next (e.g. 451 or 550) for the next n messages, then accept again */
  failNext(code: number, times?: number, message?: string): void;
  /** stop listening (connections refused) / listen again on the same port */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** resolves with the messages once at least `count` were accepted; rejects after timeoutMs (default 60 s: a hang guard, generous for a loaded machine) */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}


export async function startSmtpSink(
  opts: { port?: number; user?: string; pass?: string; accessToken?: string; /** refuse a wrong token with a bare 535, as Microsoft 365 does */ refuseTokenWith535?: boolean } = {},
): Promise<SmtpSink> {
  const requireAuth = opts.user !== undefined || opts.pass !== undefined || opts.accessToken !== undefined;
  const oauth2 = opts.accessToken !== undefined;
  const messages: CapturedMail[] = [];
  const tokensPresented: string[] = [];
  /** pending failures, consumed one per message */
  const failures: Array<{ code: number; message: string }> = [];
  /** called after every accepted message (waitFor) */
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;
  // 0 = let the OS pick; after the first listen this holds the real port, reused by start().
  let port = opts.port ?? 0;
  let counter = 0;

  const options: SMTPServerOptions = {
    name: 'sink.test',
    banner: 'innspill test sink',
    logger: false,
    disabledCommands: requireAuth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !requireAuth,
    // With an access token: XOAUTH2 only (and PLAIN/LOGIN as well if a password is given too).
    authMethods: oauth2 ? (opts.pass !== undefined ? ['XOAUTH2', 'PLAIN', 'LOGIN'] : ['XOAUTH2']) : ['PLAIN', 'LOGIN'],
    // AUTH without TLS is what these tests do on loopback.
    allowInsecureAuth: true,
    // No reverse DNS lookup of the client: nothing to resolve on a closed network. (smtp-server still
    // waits a fixed 100 ms before its greeting, to catch early talkers: every new connection costs that.)
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      if (auth.method === 'XOAUTH2') {
        tokensPresented.push(auth.accessToken ?? '');
        if (auth.username === opts.user && auth.accessToken === opts.accessToken) return callback(null, { user: auth.username });
        if (opts.refuseTokenWith535) return callback(withCode(new Error('5.7.3 Authentication unsuccessful'), 535));
        // The XOAUTH2 way to refuse (RFC-less, as Gmail does it): a 334 with a JSON error, then 535 after
        // the client's empty reply. nodemailer then asks its provision callback for a renewed token once.
        return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'https://mail.test/' } });
      }
      if (opts.pass !== undefined && auth.username === opts.user && auth.password === opts.pass) return callback(null, { user: auth.username });
      callback(withCode(new Error('5.7.8 Authentication credentials invalid'), 535));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err: Error) => callback(err));
      // The whole message must be read before answering, or the connection desynchronises.
      stream.on('end', () => {
        const failure = failures.shift();
        if (failure) return callback(withCode(new Error(failure.message), failure.code));
        const from = session.envelope.mailFrom;
        messages.push({
          envelope: { from: from ? from.address : false, to: session.envelope.rcptTo.map((r) => r.address) },
          raw: Buffer.concat(chunks),
          receivedAt: new Date(),
        });
        for (const w of waiters) w();
        callback(null, `Ok: queued as sink-${++counter}`);
      });
    },
  };

  const listen = async (): Promise<void> => {
    // A fresh SMTPServer per start: a closed one is not meant to be reused.
    const srv = new SMTPServer(options);
    srv.on('error', () => {
      // client-side resets etc.; tests look at what was captured, not at server noise
    });
    await new Promise<void>((resolve, reject) => {
      srv.server.once('error', reject);
      srv.listen(port, HOST, () => {
        srv.server.off('error', reject);
        resolve();
      });
    });
    const addr = srv.server.address();
    if (addr && typeof addr === 'object') port = addr.port;
    server = srv;
  };

  const sink: SmtpSink = {
    host: HOST,
    get port() {
      return port;
    },
    messages,
    tokensPresented,
    failNext(code, times = 1, message) {
      const text = message ?? (code >= 500 ? '5.7.1 Message rejected by test sink' : '4.3.0 Temporary failure injected by test sink');
      for (let i = 0; i < times; i++) failures.push({ code, message: text });
    },
    async stop() {
      const srv = server;
      if (!srv) return;
      server = null;
      await new Promise<void>((resolve) => {
        srv.close(() => resolve());
        // close() alone waits up to 30 s for open (e.g. pooled) connections; drop them now, like a crash.
        for (const conn of srv.connections) conn.close();
      });
    },
    async start() {
      if (!server) await listen();
    },
    waitFor(count, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice());
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP sink: expected ${count} message(s) within ${timeoutMs} ms, got ${messages.length}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    async close() {
      await sink.stop();
      waiters.clear();
    },
  };

  await listen();
  return sink;
}

/** smtp-server replies with err.responseCode and err.message. */
function withCode(err: Error, code: number): Error & { responseCode: number } {
  return Object.assign(err, { responseCode: code });
}
