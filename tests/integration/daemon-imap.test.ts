// The daemon against a real Dovecot on 127.0.0.1: backfill, IDLE, restarts, UIDVALIDITY,
// unrelated mail untouched, duplicates, follow-ups.
import { describe, expect, it } from 'vitest';
import { fixture, imapEnv, records, testConfig, untilChecks, untilFirstCheck, waitUntil } from '../helpers/daemon.js';
import { serversPerTest } from '../helpers/servers.js';
import type { Config } from '../../src/config.js';

const servers = serversPerTest();
const start = (config: Config) => servers.start(config);

const FILED = 'Innspill.OGP-4B';
const filedFolder = async () => (await servers.dovecot.mailboxes()).find((m) => /^Innspill[./]OGP-4B$/.test(m)) ?? FILED;

describe('the daemon on IMAP', () => {
  it('backfills what waits, files consultation mail once, moves it after filing, and leaves the rest exactly as it was', async () => {
    await servers.dovecot.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    await servers.dovecot.append(fixture('auto-ooo-nb-exchange.eml'));
    await servers.dovecot.append(fixture('unrelated-faktura.eml'), { flags: ['\\Flagged'] });
    await servers.dovecot.append(fixture('unrelated-soknad-stilling.eml'));
    const config = testConfig(imapEnv(servers.dovecot));
    await start(config);

    const filed = await waitUntil('two records', () => (records(config).length === 2 ? records(config) : null));
    expect(filed.map((r) => r.automaticKind)).toEqual([null, 'out-of-office']);
    expect(filed[0]!.source).toMatchObject({ kind: 'imap', mailbox: 'INBOX', uid: 1 });
    const inbox = await waitUntil('filed mail moved', async () => {
      const l = await servers.dovecot.list('INBOX');
      return l.length === 2 ? l : null;
    });
    // Unrelated mail: same folder, same flags, never marked \Seen by us.
    expect(inbox.map((m) => m.flags)).toEqual([['\\Flagged'], []]);
    const moved = await servers.dovecot.list(await filedFolder());
    expect(moved).toHaveLength(2);
    expect(moved.every((m) => !m.flags.includes('\\Seen'))).toBe(true);
  });

  it('is woken by IDLE when mail arrives (no periodic check would come in time), and keeps a heartbeat', async () => {
    // The fallback check is ten minutes away: only the server's IDLE notice can file it in time.
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '600' });
    const daemon = await start(config);
    // Its first check is done (nothing waited): from here on only IDLE can tell it of new mail.
    await untilFirstCheck(daemon);
    const t0 = Date.now();
    await servers.dovecot.append(fixture('reply-nb-nho-anskaffelser-2359.eml'));
    await waitUntil('the new message filed', () => records(config).length === 1);
    const { readFileSync } = await import('node:fs');
    const hb = await waitUntil('a heartbeat after the message', () => {
      const h = JSON.parse(readFileSync(`${config.dataDir}/state/heartbeat.json`, 'utf8')) as { lastCheckAt: string | null; connected: boolean };
      return h.lastCheckAt !== null && Date.parse(h.lastCheckAt) >= t0 ? h : null;
    });
    expect(hb.connected).toBe(true);
  });

  it('reconnects after Dovecot restarts during IDLE and files what came meanwhile', async () => {
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '2' });
    const daemon = await start(config);
    await untilFirstCheck(daemon);
    await servers.dovecot.stop();
    await waitUntil('the daemon to see the mailbox gone', async () => !(await daemon.status()).connected);
    await servers.dovecot.start();
    await servers.dovecot.append(fixture('reply-en-nj-einnsyn-gmail.eml'));
    await waitUntil('the message after the restart', () => records(config).length === 1);
  });

  it('starts while the mailbox is down, says so, and files once it can reach it', async () => {
    await servers.dovecot.stop();
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    await start(config);
    const { readFileSync } = await import('node:fs');
    const hb = JSON.parse(readFileSync(`${config.dataDir}/state/heartbeat.json`, 'utf8')) as { connected: boolean };
    expect(hb.connected).toBe(false);
    await servers.dovecot.start();
    await servers.dovecot.append(fixture('reply-nb-arkivrad-journalforing-thunderbird.eml'));
    await waitUntil('filed after the mailbox came up', () => records(config).length === 1);
  });

  it('reads the whole mailbox again after a UIDVALIDITY change, without filing anything twice', async () => {
    await servers.dovecot.append(fixture('reply-nb-asd-kunstig-intelligens.eml'));
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    const daemon = await start(config);
    await waitUntil('first record', () => records(config).length === 1);
    // The filed message is moved; put a copy back and add a new one, then renumber the mailbox.
    await servers.dovecot.append(fixture('reply-nb-asd-kunstig-intelligens.eml'));
    await servers.dovecot.changeUidValidity('INBOX');
    await servers.dovecot.append(fixture('reply-nb-bld-ungdomspanel-docx.eml'));
    await waitUntil('second record', () => records(config).length === 2);
    await waitUntil('inbox empty again', async () => (await servers.dovecot.list('INBOX')).length === 0);
    // Two more whole checks after everything was handled: still two records, nothing filed twice.
    await untilChecks(daemon, 2);
    expect(records(config).map((r) => r.subject)).toHaveLength(2);
  });

  it('dates a message that is not mail by its INTERNALDATE, numbers it in the consultation, and leaves it in the inbox', async () => {
    const arrived = new Date('2021-05-10T08:30:00Z');
    await servers.dovecot.append(fixture('hostile-not-mail-pdf.eml'), { internalDate: arrived });
    const config = testConfig({ ...imapEnv(servers.dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    const daemon = await start(config);
    const [r] = await waitUntil('filed', () => (records(config).length === 1 ? records(config) : null));
    expect(r).toMatchObject({ readable: false, receivedAt: arrived.toISOString(), receivedFrom: 'mailbox', arrivedAt: arrived.toISOString(), late: false, id: '2021-0001' });
    await untilChecks(daemon, 2);
    expect(await servers.dovecot.list('INBOX')).toHaveLength(1);
  });

  it('files a duplicate once (same bytes twice) and links a follow-up to the submission it replies to', async () => {
    await servers.dovecot.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    await servers.dovecot.append(fixture('reply-nb-ks-einnsyn-outlook.eml'));
    await servers.dovecot.append(fixture('reply-nb-ks-oppfolging-ungdomspanel.eml'));
    const config = testConfig(imapEnv(servers.dovecot));
    await start(config);
    const filed = await waitUntil('two records', async () => {
      const r = records(config);
      return r.length === 2 && (await servers.dovecot.list('INBOX')).length === 0 ? r : null;
    });
    expect(filed[1]!.followUpOf).toBe(filed[0]!.id);
    expect((await servers.dovecot.list(await filedFolder())).length).toBe(3);
  });
});
