// A tiny HTTP health endpoint for a load balancer or a Nagios-style check: GET /health answers
// 200 with the status as JSON (the same as `innspill status --json`) while all is well, 503 when
// the mailbox cannot be reached or the last successful check is too old.
import { createServer, type Server } from 'node:http';
import type { StatusReport } from './status/report.js';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(
  where: { port: number; host: string },
  status: () => Promise<StatusReport>,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || !['/health', '/status', '/'].includes((req.url ?? '/').split('?')[0]!)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    status().then(
      (body) => {
        res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`${JSON.stringify(body)}\n`);
      },
      (err: Error) => {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`${JSON.stringify({ ok: false, problems: [`the status could not be read: ${err.message}`] })}\n`);
      },
    );
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
