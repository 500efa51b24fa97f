/**
 * A local OAuth2 token-introspection endpoint (RFC 7662) for Dovecot's oauth2 passdb in tests.
 *
 *   const idp = await startIntrospection();
 *   idp.allow('token-abc', 'postmottak');
 *   const imap = await startDovecot({ oauth2: { introspectionUrl: idp.url } });
 *   ...
 *   await idp.close();
 *
 * POST /introspect with the form body `token=<token>` answers `{"active":true,"username":"<user>"}` for an
 * allowed token and `{"active":false}` for any other (unknown, or revoked with deny()), as RFC 7662 section 2.2
 * asks. With `{ unknownTokens: '401' }` unknown tokens get a 401 instead: Dovecot 2.3.19 treats that as a
 * temporary failure ("Introspection failed: No username returned" → NO [UNAVAILABLE]), not as a wrong token.
 * Every token asked about is kept in `asked`, so a test can tell which tokens a client really presented.
 */
import { createServer, type Server } from 'node:http';

export interface Introspection {
  url: string;
  /** every token Dovecot asked about, oldest first */
  asked: string[];
  allow(token: string, username: string): void;
  /** answers {"active":false} for this token from now on */
  deny(token: string): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startIntrospection(opts: { unknownTokens?: 'inactive' | '401' } = {}): Promise<Introspection> {
  const unauthorized = opts.unknownTokens === '401';
  const tokens = new Map<string, { username: string; active: boolean }>();
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('token') ?? '';
      asked.push(token);
      const known = tokens.get(token);
      if (req.method !== 'POST' || req.url !== '/introspect') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
        return;
      }
      if (unauthorized && !known) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(known?.active ? { active: true, username: known.username } : { active: false }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://${HOST}:${port}/introspect`,
    asked,
    allow(token, username) {
      tokens.set(token, { username, active: true });
    },
    deny(token) {
      const known = tokens.get(token);
      tokens.set(token, { username: known?.username ?? '', active: false });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
