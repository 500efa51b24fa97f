// The IMAP side going wrong: the connection cut in the middle of a FETCH, Dovecot stopped and
// started while the daemon fetches, and a large mailbox backfilled while new mail arrives.
// INNSPILL_FAULT_BACKFILL sets the size of the backfill (default 1,000; `npm run test:faults` 10,000).
import { describe, expect, it } from 'vitest';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { imapEnv, records, testConfig, waitUntil } from '../helpers/daemon.js';
import { serversPerTest } from '../helpers/servers.js';
import { copyOf, isReply } from '../helpers/generate.js';
import type { Config } from '../../src/config.js';

const BACKFILL = Number(process.env['INNSPILL_FAULT_BACKFILL'] ?? 1000);
// The limits below are hang guards for a loaded two-core machine, never what a test asserts.

const servers = serversPerTest();
const start = (config: Config) => servers.start(config);

/** A TCP relay to Dovecot that can cut every connection once a number of bytes came from the server. */
async function relay(target: { host: string; port: number }): Promise<{ port: number; cutAfter(bytes: number): void; cuts: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let budget = Infinity;
  const state = { cuts: 0 };
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    upstream.on('data', (d: Buffer) => {
      budget -= d.length;
      if (budget <= 0) {
        budget = Infinity;
        state.cuts++;
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      client.write(d);
    });
    client.on('data', (d: Buffer) => upstream.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    cutAfter: (bytes) => (budget = bytes),
    get cuts() {
      return state.cuts;
    },
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('IMAP faults', () => {
  it('survives the connection being reset in the middle of a FETCH', async () => {
    for (let i = 0; i < 120; i++) await servers.dovecot.append(copyOf(i, isReply).raw);
    const proxy = await relay(servers.dovecot);
    proxy.cutAfter(400_000);
    const config = testConfig({ ...imapEnv({ ...servers.dovecot, port: proxy.port }), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    await start(config);
    await waitUntil('all 120 filed', () => records(config).length === 120, 240_000);
    expect(proxy.cuts).toBe(1);
    await waitUntil('inbox empty', async () => (await servers.dovecot.list('INBOX')).length === 0);
    expect(new Set(records(config).map((r) => r.fingerprint)).size).toBe(120);
    await proxy.close();
  }, 300_000);

  it('survives Dovecot stopping and starting while it fetches', async () => {
    for (let i = 0; i < 150; i++) await servers.dovecot.append(copyOf(i, isReply).raw);
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    const daemon = await start(config);
    await waitUntil('the first records', () => records(config).length > 0);
    await servers.dovecot.stop();
    await waitUntil('the daemon to see the mailbox gone', async () => !(await daemon.status()).connected);
    await servers.dovecot.start();
    await waitUntil('all 150 filed', () => records(config).length === 150, 240_000);
    await waitUntil('inbox empty', async () => (await servers.dovecot.list('INBOX')).length === 0);
  }, 300_000);

  it(`backfills ${BACKFILL} waiting messages while new mail arrives`, async () => {
    let expected = 0;
    for (let i = 0; i < BACKFILL; i++) {
      const { name, raw } = copyOf(i);
      if (name.startsWith('reply-')) expected++;
      await servers.dovecot.append(raw);
    }
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_WORKERS: '2' });
    await start(config);
    await waitUntil('the backfill under way', () => records(config).length > 20);
    for (let i = 0; i < 10; i++) await servers.dovecot.append(copyOf(BACKFILL + i, isReply).raw);
    // Replies and the machine mail of the consultation are filed; unrelated mail stays.
    await waitUntil(
      'every reply filed',
      () => records(config).filter((r) => r.subject.includes('#') && !r.automatic && r.readable && r.relevant).length >= expected + 10,
      BACKFILL * 300,
    );
    const all = records(config);
    expect(new Set(all.map((r) => r.fingerprint)).size).toBe(all.length);
  }, Math.max(180_000, BACKFILL * 400));
});
