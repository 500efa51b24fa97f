// What status, /health and the start log name as the mailbox comes from the settings in force:
// after the operator moves from the Maildir to IMAP (or changes INNSPILL_IMAP_HOST), none of them
// keeps naming the old mailbox that an earlier run left in the store's state.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { readStatus } from '../../src/status/read.js';
import { newDaemon, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';

/** An IMAP host nobody listens on: the daemon starts, says so, and keeps trying. */
const IMAP = { INNSPILL_IMAP_HOST: '127.0.0.1', INNSPILL_IMAP_PORT: '1', INNSPILL_IMAP_USER: 'u', INNSPILL_IMAP_PASS: 'p', INNSPILL_IMAP_TLS: 'false' };

describe('the mailbox named by status, /health and the start log', () => {
  it('is the one in the settings, not the one an earlier run used', async () => {
    const maildir = testConfig();
    const first = newDaemon(maildir);
    await first.open();
    await first.runOnce();
    expect((await first.status()).source).toBe(`maildir:${maildir.maildir}`);
    await first.close();

    // The operator moves to IMAP, same store.
    const imap = loadConfig({ INNSPILL_DATA_DIR: maildir.dataDir, INNSPILL_MAILDIR: maildir.maildir, INNSPILL_LOG_LEVEL: 'silent', INNSPILL_WORKERS: '1', ...IMAP });
    const wanted = `imap://127.0.0.1:1/${imap.imap!.mailbox}`;
    // Not running: status names the mailbox of the settings.
    expect((await readStatus(imap)).source).toBe(wanted);

    const lines = new PassThrough();
    let logged = '';
    lines.on('data', (d: Buffer) => (logged += d.toString()));
    const daemon = new Daemon(imap, projectRules(), createLogger({ level: 'info', secrets: [], destination: lines }));
    await daemon.open({ waitForMailbox: true });
    try {
      const started = logged.split('\n').filter((l) => l.includes('"innspill started"')).map((l) => JSON.parse(l) as { source: string });
      expect(started.map((l) => l.source)).toEqual([wanted]);
      // /health answers with this report.
      expect((await daemon.status()).source).toBe(wanted);
      expect((await readStatus(imap)).source).toBe(wanted);
    } finally {
      await daemon.close();
    }
    // And a change of host is seen the same way.
    const moved = loadConfig({ INNSPILL_DATA_DIR: maildir.dataDir, INNSPILL_LOG_LEVEL: 'silent', INNSPILL_WORKERS: '1', ...IMAP, INNSPILL_IMAP_HOST: 'localhost' });
    expect((await readStatus(moved)).source).toBe(`imap://localhost:1/${imap.imap!.mailbox}`);
  });
});
