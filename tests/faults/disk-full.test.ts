// The store's disk fills up while the daemon files mail: it says so in words, takes no more mail
// from the mailbox, and when room returns it files everything — nothing lost, nothing doubled.
// Needs root (a small tmpfs is mounted); skipped with a message elsewhere.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { projectRules } from '../helpers/rules.js';
import { fixture, records, waitUntil } from '../helpers/daemon.js';

const dir = mkdtempSync(join(tmpdir(), 'innspill-diskfull-'));
const data = join(dir, 'data');
mkdirSync(data);
let mounted = false;
let why = '';
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', data], { stdio: 'pipe' });
  mounted = true;
} catch (err) {
  why = `mounting a small tmpfs needs root and the right to mount (CI runs as root): ${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()}`;
  process.stdout.write(`disk-full test skipped: ${why}\n`);
}
afterAll(() => {
  if (mounted) execFileSync('umount', [data]);
});

describe.skipIf(!mounted)(`a full disk${mounted ? '' : ` (skipped: ${why})`}`, () => {
  it('stops taking mail while the store cannot be written, and resumes when there is room', async () => {
    const maildir = join(dir, 'mailbox');
    mkdirSync(join(maildir, 'new'), { recursive: true });
    // Each copy carries an attachment of about 100 kB: the 400 kB disk holds two or three.
    const names = ['reply-nb-bld-ungdomspanel-docx.eml', 'reply-nb-fin-reelle-rettighetshavere-win1252.eml', 'reply-nb-nho-anskaffelser-2359.eml', 'reply-en-nj-einnsyn-gmail.eml'];
    const padding = Buffer.alloc(100_000, 'x').toString('base64').match(/.{1,76}/g)!.join('\r\n');
    for (let i = 0; i < 8; i++) {
      const base = fixture(names[i % names.length]!).toString('latin1');
      const raw = base
        .replace(/^Message-I[Dd]: *<([^>]+)>/im, `Message-ID: <full-${i}-$1>`)
        .replace(/^Subject: (.*)$/im, `Subject: $1 (${i})`)
        .replace(/^Content-Type: multipart\/(mixed|alternative);/im, (m) => m) +
        `\r\n`;
      writeFileSync(join(maildir, 'new', `16200000${10 + i}.M${i}.host`), Buffer.from(raw, 'latin1'));
      writeFileSync(join(dir, `pad-${i}`), padding);
    }
    // Padding files are copied in as plain attachments through a second delivery of big messages.
    for (let i = 0; i < 4; i++) {
      const big = `From: Big <big${i}@ks.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: Innspill til OGP handlingsplan 4B, del ${i}\r\nMessage-ID: <big-${i}@ks.no>\r\nDate: Mon, 10 May 2021 10:00:00 +0200\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nVedlagt kommer innspillet vårt om eInnsyn og postjournalene til kommunene.\r\n--b\r\nContent-Type: application/octet-stream; name=\"data-${i}.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n${padding}\r\n--b--\r\n`;
      writeFileSync(join(maildir, 'new', `16200000${30 + i}.B${i}.host`), big);
    }
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => lines.push(...d.toString().split('\n').filter(Boolean)));
    const config = loadConfig({ INNSPILL_DATA_DIR: data, INNSPILL_MAILDIR: maildir, INNSPILL_OUTBOX_DIR: join(dir, 'outbox'), INNSPILL_WORKERS: '1' }, dir);
    const daemon = new Daemon(config, projectRules(), createLogger({ level: 'info', secrets: [], destination: stream }));
    await daemon.open();
    const running = daemon.run();
    await waitUntil('the disk-full message', () => lines.some((l) => l.includes('the disk of the store is full')));
    const before = records(config).length;
    const waiting = readdirSync(join(maildir, 'new')).length;
    expect(waiting).toBeGreaterThan(0);
    // Room again.
    execFileSync('mount', ['-o', 'remount,size=20m', data]);
    await waitUntil('everything filed', () => readdirSync(join(maildir, 'new')).length === 0 && records(config).length === 12);
    // Said once the pass that filed the rest is through (the files above are seen a moment before).
    await waitUntil('the daemon to say that filing has resumed', () => lines.some((l) => l.includes('filing has resumed')));
    daemon.stop();
    await running;
    await daemon.close();
    const all = records(config);
    expect(new Set(all.map((r) => r.fingerprint)).size).toBe(12);
    expect(before).toBeLessThan(12);
    const leftovers = readdirSync(data, { recursive: true }).map(String).filter((n) => n.includes('.tmp-'));
    expect(leftovers).toEqual([]);
  }, 180_000);
});
