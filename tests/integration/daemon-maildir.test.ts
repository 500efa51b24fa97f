// The embedded default: a Maildir watched for new files; `ingest` over files; the store's
// promises (atomic files, a lock, originals kept byte for byte, attachments by sha256).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { fixture, newDaemon, records, testConfig, waitUntil, onePass } from '../helpers/daemon.js';
import { Store } from '../../src/store/json-store.js';
import { StoreLockedError } from '../../src/store/lock.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import { MaildirMailbox } from '../../src/mailbox/maildir.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { projectRules } from '../helpers/rules.js';
import { intake } from '../../src/intake/index.js';

function deliver(maildir: string, name: string, raw: Buffer): void {
  mkdirSync(join(maildir, 'new'), { recursive: true });
  writeFileSync(join(maildir, 'new', name), raw);
}

describe('the Maildir source and the store', () => {
  it('files consultation mail once, moves it to .filed, leaves the rest, and keeps the original bytes', async () => {
    const config = testConfig();
    deliver(config.maildir, '1620000001.M1P1.host', fixture('reply-nb-fin-reelle-rettighetshavere-win1252.eml'));
    deliver(config.maildir, '1620000002.M2P1.host', fixture('unrelated-innsynskrav.eml'));
    deliver(config.maildir, '1620000003.M3P1.host', fixture('hostile-att-filename-traversal.eml'));
    await onePass(config);

    const filed = records(config);
    expect(filed).toHaveLength(2);
    expect(readdirSync(join(config.maildir, 'new'))).toEqual(['1620000002.M2P1.host']);
    expect(readdirSync(join(config.maildir, '.filed', 'new')).sort()).toEqual(['1620000001.M1P1.host', '1620000003.M3P1.host']);
    const raw = readFileSync(join(config.dataDir, filed[0]!.raw));
    expect(raw.equals(fixture('reply-nb-fin-reelle-rettighetshavere-win1252.eml'))).toBe(true);
    // A hostile file name is never a path: the bytes live under their sha256.
    const hostile = filed[1]!;
    expect(hostile.attachments.some((a) => a.filename.includes('../'))).toBe(true);
    for (const a of hostile.attachments) {
      expect(a.file).toBe(`attachments/${a.sha256.slice(0, 2)}/${a.sha256}`);
      expect(createHash('sha256').update(readFileSync(join(config.dataDir, a.file))).digest('hex')).toBe(a.sha256);
    }
    expect(existsSync(join(config.dataDir, '..', '..', 'etc', 'passwd.txt'))).toBe(false);

    // A second pass reads nothing new and files nothing twice.
    expect((await onePass(config)).read).toBe(0);
    expect(records(config)).toHaveLength(2);
  });

  it('reads messages in the extraction worker too, and files from there what intake finds here (issue 17)', async () => {
    const config = testConfig();
    const names = ['reply-nb-fin-reelle-rettighetshavere-win1252.eml', 'reply-nb-advokatforeningen-innspill-pdf-sen.eml', 'hostile-att-filename-traversal.eml', 'unrelated-innsynskrav.eml', 'auto-ooo-gmail-vacation.eml', 'hostile-att-corrupt-pdf.eml'];
    names.forEach((n, i) => deliver(config.maildir, `16200001${i}.M${i}P1.host`, fixture(n)));
    const daemon = newDaemon(config);
    await daemon.open();
    try {
      expect((await daemon.runOnce()).read).toBe(names.length);
      expect(daemon.readInWorkers).toBeGreaterThan(0);
    } finally {
      await daemon.close();
    }
    const rules = projectRules();
    for (const r of records(config)) {
      const here = await intake(readFileSync(join(config.dataDir, r.raw)), rules, { mailboxDate: r.arrivedAt ? new Date(r.arrivedAt) : null });
      expect({ relevant: r.relevant, commitments: r.commitments.map((c) => c.id), attachments: r.attachments.map((a) => a.problem ?? null) }).toEqual({
        relevant: here.relevant,
        commitments: here.commitments.map((c) => c.id),
        attachments: here.attachments.map((a) => a.problem ?? null),
      });
    }
  });

  it('watches the Maildir: a file delivered while it runs is filed', async () => {
    const config = testConfig();
    const daemon = newDaemon(config);
    await daemon.open();
    const running = daemon.run();
    deliver(config.maildir, '1620000010.M1P1.host', fixture('reply-nb-bld-ungdomspanel-docx.eml'));
    await waitUntil('filed', () => records(config).length === 1);
    daemon.stop();
    await running;
    await daemon.close();
  });

  it('refuses a second process on the same store with a clear message', async () => {
    const config = testConfig();
    const first = await Store.open(config.dataDir, { lock: true });
    await expect(Store.open(config.dataDir, { lock: true })).rejects.toThrow(StoreLockedError);
    await expect(Store.open(config.dataDir, { lock: true })).rejects.toThrow(/Another innspill process \(pid \d+/);
    await first.close();
    const next = await Store.open(config.dataDir, { lock: true });
    await next.close();
  });

  it('takes over a lock left by a process that no longer runs (kill -9)', async () => {
    const config = testConfig();
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(join(config.dataDir, 'lock'), `999999 ${(await import('node:os')).hostname()}\n`);
    const store = await Store.open(config.dataDir, { lock: true });
    await store.close();
  });

  it('ingests files through the same pipeline and says which ones could not be read', async () => {
    const config = testConfig();
    const mailbox = new FilesMailbox([join(import.meta.dirname, '../../fixtures/messages/reply-en-nj-einnsyn-gmail.eml'), '/nonexistent.eml']);
    const daemon = new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: [] }), { mailbox });
    await daemon.open();
    await daemon.runOnce();
    await daemon.close();
    expect(records(config).map((r) => r.source.kind)).toEqual(['file']);
    expect(mailbox.unreadable).toEqual([{ path: '/nonexistent.eml', reason: 'ENOENT' }]);
  });

  it('never takes different unreadable files for one message: each is filed with its own record and raw copy; identical bytes are one', async () => {
    const config = testConfig();
    const files: Array<[string, Buffer]> = [
      ['1620000031.M1P1.host', Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')],
      ['1620000032.M2P1.host', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 151 + 17) % 256))],
      ['1620000033.M3P1.host', fixture('hostile-not-mail-pdf.eml')],
    ];
    for (const [name, raw] of files) deliver(config.maildir, name, raw);
    // The same bytes again under another name: one message, already filed.
    deliver(config.maildir, '1620000034.M4P1.host', files[0]![1]);
    await onePass(config);

    const filed = records(config);
    expect(filed).toHaveLength(3);
    expect(new Set(filed.map((r) => r.id)).size).toBe(3);
    expect(new Set(filed.map((r) => r.fingerprint)).size).toBe(3);
    filed.forEach((r, i) => {
      expect(r.readable).toBe(false);
      expect(readFileSync(join(config.dataDir, r.raw)).equals(files[i]![1])).toBe(true);
    });
    expect(readdirSync(join(config.dataDir, 'raw'))).toHaveLength(3);
    // Nothing that could not be read leaves the inbox: each stays for a person to look at.
    expect(readdirSync(join(config.maildir, 'new')).sort()).toEqual([...files.map(([n]) => n), '1620000034.M4P1.host']);
  });

  it('dates an unreadable message by its arrival in the Maildir (not the time of filing), and numbers it in the consultation', async () => {
    const config = testConfig();
    // Delivered on 3 May 2021 (the time in a Maildir name is the delivery time); the file itself
    // was copied here today, so its mtime is today: the earlier of the two is when it arrived.
    deliver(config.maildir, '1620000000.M1P1.host', fixture('hostile-not-mail-pdf.eml'));
    // No delivery time in the name: the file's time is all the mailbox says (here: after the deadline).
    deliver(config.maildir, 'notmail-2.eml', Buffer.from('bare tekst, ikke en e-post\n'));
    const late = new Date('2021-06-01T12:00:00Z');
    utimesSync(join(config.maildir, 'new', 'notmail-2.eml'), late, late);
    await onePass(config);
    const filed = records(config);
    expect(filed.map((r) => [r.receivedAt, r.receivedFrom, r.late])).toEqual([
      ['2021-05-03T00:00:00.000Z', 'mailbox', false],
      [late.toISOString(), 'mailbox', true],
    ]);
    expect(filed.map((r) => r.arrivedAt)).toEqual(['2021-05-03T00:00:00.000Z', late.toISOString()]);
    // The id sequence belongs to the consultation (its letter is of 2021), not to the year of filing.
    expect(filed.map((r) => r.id)).toEqual(['2021-0001', '2021-0002']);
  });

  it('files a message that is not mail at all raw, with the problem in words, and does not move it', async () => {
    const config = testConfig();
    deliver(config.maildir, '1620000020.M1P1.host', fixture('hostile-not-mail-pdf.eml'));
    await onePass(config);
    const [r] = records(config);
    expect(r!.readable).toBe(false);
    expect(r!.problems.join(' ')).toContain('ikke en e-postmelding');
    expect(r!.receipt.status).toBe('skipped');
    expect(readdirSync(join(config.maildir, 'new'))).toEqual(['1620000020.M1P1.host']);
  });
  it('a close that comes while the Maildir is still being opened leaves no folder watch behind', async () => {
    // A stop while starting closes the mailbox without waiting for open() (daemon.ts); a folder
    // watch started after that kept the stopped daemon from exiting (seen in the lifecycle test).
    const config = testConfig();
    const store = await Store.open(config.dataDir, { lock: true });
    const watches = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;
    try {
      const before = watches();
      const open = new MaildirMailbox(config.maildir, store);
      await open.open();
      expect(watches()).toBe(before + 2); // new/ and cur/: the count this test relies on
      // A closed watch is let go a moment after close(): wait for that (a leaked one never goes).
      await open.close();
      await waitUntil('the watches of the closed mailbox gone', () => watches() === before, 10_000, 10);

      const racing = new MaildirMailbox(config.maildir, store);
      const opening = racing.open();
      await racing.close();
      await opening;
      await waitUntil('no watch left by the mailbox closed while it opened', () => watches() === before, 10_000, 10);
    } finally {
      await store.close();
    }
  });
});
