// The HTTP health endpoint (INNSPILL_HEALTH_PORT, on 127.0.0.1) while the daemon runs against a
// real Dovecot: 200 with the status JSON while connected, 503 while the mailbox is down, 200
// again after it comes back; the same report `innspill status --json` prints.
import { describe, expect, it } from 'vitest';
import { fixture, imapEnv, records, testConfig, waitUntil } from '../helpers/daemon.js';
import { freePort } from '../helpers/ports.js';
import { serversPerTest } from '../helpers/servers.js';
import { statusCommand } from '../../src/commands/status.js';
import type { StatusReport } from '../../src/status/report.js';

const servers = serversPerTest();

async function get(port: number, path = '/health'): Promise<{ status: number; body: StatusReport }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: (await res.json()) as StatusReport };
}

describe('the health endpoint', () => {
  it('answers 200 while connected, 503 while the mailbox is down, 200 again after; the same JSON as innspill status --json', async () => {
    const port = await freePort();
    await servers.dovecot.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1', INNSPILL_HEALTH_PORT: String(port) });
    expect(config.health).toEqual({ port, host: '127.0.0.1' });
    await servers.start(config);
    await waitUntil('filed', () => records(config).length === 1);

    const up = await waitUntil('200 with the last check', async () => {
      const r = await get(port);
      return r.status === 200 && r.body.lastCheckAt && r.body.lastFiledId && r.body.receipts.sent === 1 ? r : null;
    });
    expect(up.body).toMatchObject({ ok: true, running: true, connected: true, pid: process.pid, store: { records: 1 }, receipts: { pending: 0, sent: 1 } });
    expect(up.body.source).toBe(`imap://127.0.0.1:${servers.dovecot.port}/INBOX`);

    // The CLI reads the same store from outside (no lock) and gives the same report.
    let out = '';
    const code = await statusCommand(config, { json: true, out: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream });
    expect(code).toBe(0);
    const cli = JSON.parse(out) as StatusReport;
    const { checkedAt: _a, lastCheckAt: _b, store: _c, ...fromCli } = cli;
    const { checkedAt: _d, lastCheckAt: _e, store: _f, ...fromHttp } = (await get(port)).body;
    expect(fromCli).toEqual(fromHttp);
    expect(Object.keys(cli).sort()).toEqual(Object.keys(up.body).sort());
    expect(cli.store.records).toBe(up.body.store.records);

    await servers.dovecot.stop();
    const down = await waitUntil('503 while the mailbox is down', async () => {
      const r = await get(port);
      return r.status === 503 ? r : null;
    });
    expect(down.body).toMatchObject({ ok: false, running: true, connected: false, problems: ['the mailbox cannot be reached (the log says why)'] });

    await servers.dovecot.start();
    await waitUntil('200 again', async () => (await get(port)).status === 200);
    expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
  });
});
