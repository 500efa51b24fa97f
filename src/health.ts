// A tiny HTTP health endpoint for a load balancer or a Nagios-style check: GET /health answers
// 200 with the status as JSON while the mailbox is reachable, 503 when it is not.
import { createServer, type Server } from 'node:http';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(
  where: { port: number; host: string },
  status: () => Record<string, unknown>,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || !['/health', '/status', '/'].includes((req.url ?? '/').split('?')[0]!)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const body = status();
    res.writeHead(body['connected'] === true ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${JSON.stringify(body)}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : where.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
