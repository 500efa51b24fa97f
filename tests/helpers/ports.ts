// A TCP port on 127.0.0.1 where nothing listens right now: bound to port 0, then released. Another
// process may take it before the caller binds it; a caller that starts a server on it retries
// (tests/helpers/dovecot.ts), one that wants a refused connection takes it as it is.
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
