// What an attacker can send: markup and script in bodies, names, subjects and file names never
// run in a receipt; passwords never reach logs, records, state or error output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { withChromium, artifactPath } from '../helpers/chromium.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { fixture, testConfig, waitUntil, onePass } from '../helpers/daemon.js';
import { runCli } from '../helpers/child.js';

const HOSTILE = ['hostile-html-script.eml', 'hostile-att-filename-traversal.eml', 'hostile-subject-header-injection.eml', 'hostile-att-filename-nul-long.eml'];

describe('markup from senders in receipts', () => {
  it('is escaped: the receipts open in Chromium without any script running', async () => {
    const config = testConfig();
    mkdirSync(join(config.maildir, 'new'), { recursive: true });
    HOSTILE.forEach((f, i) => writeFileSync(join(config.maildir, 'new', `${1_620_000_000 + i}.M${i}.host`), fixture(f)));
    await onePass(config);
    const files = readdirSync(config.outboxDir).filter((n) => n.endsWith('.eml'));
    expect(files).toHaveLength(HOSTILE.length);
    await withChromium(async (browser) => {
      for (const [i, f] of files.entries()) {
        const m = await simpleParser(readFileSync(join(config.outboxDir, f)));
        expect(m.html).toBeTruthy();
        expect(String(m.html)).not.toMatch(/<script|<img[^>]+onerror|<iframe|javascript:/i);
        const page = await browser.newPage();
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        await page.setContent(String(m.html), { waitUntil: 'load' });
        expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(dialogs).toBe(0);
        await page.screenshot({ path: artifactPath(`receipt-hostile-${i}.png`), fullPage: true });
        await page.close();
      }
    });
  });
});

describe('secrets', () => {
  const IMAP_PASS = 'Imap-Hemmelig-7391';
  const SMTP_PASS = 'Smtp-Hemmelig-5517';
  let dovecot: DovecotServer;
  let sink: SmtpSink;
  beforeAll(async () => {
    [dovecot, sink] = await Promise.all([startDovecot({ pass: IMAP_PASS }), startSmtpSink({ user: 'innspill', pass: SMTP_PASS })]);
  });
  afterAll(async () => {
    await Promise.all([dovecot.stop(), sink.close()]);
  });

  it('never appear in logs, records, state, receipts or error output — with good and with wrong passwords', async () => {
    const dir = testConfig().dataDir;
    const env = (imapPass: string, smtpPass: string) => ({
      INNSPILL_DATA_DIR: dir,
      INNSPILL_IMAP_HOST: dovecot.host,
      INNSPILL_IMAP_PORT: String(dovecot.port),
      INNSPILL_IMAP_USER: dovecot.user,
      INNSPILL_IMAP_PASS: imapPass,
      INNSPILL_IMAP_TLS: 'false',
      INNSPILL_SMTP_HOST: sink.host,
      INNSPILL_SMTP_PORT: String(sink.port),
      INNSPILL_SMTP_USER: 'innspill',
      INNSPILL_SMTP_PASS: smtpPass,
      INNSPILL_SMTP_TLS: 'false',
      INNSPILL_LOG_LEVEL: 'trace',
      INNSPILL_RECEIPT_RETRY_SECONDS: '1',
    });
    await dovecot.append(fixture('reply-nb-nho-anskaffelser-2359.eml'));
    const outputs: string[] = [];
    // Wrong IMAP password: the login fails, said in words.
    const wrongImap = runCli(['run', '--once'], env(`${IMAP_PASS}-feil`, SMTP_PASS));
    expect((await wrongImap.exited).code).not.toBe(0);
    outputs.push(wrongImap.output());
    expect(wrongImap.output()).toMatch(/login refused/);
    // Wrong SMTP password: the mail is filed, the receipt waits with its error.
    const wrongSmtp = runCli(['run', '--once'], env(IMAP_PASS, `${SMTP_PASS}-feil`));
    expect((await wrongSmtp.exited).code).toBe(0);
    outputs.push(wrongSmtp.output());
    // Good passwords: the receipt goes out once its retry is due (a second after the failure).
    const dueAt = (): number => {
      const name = readdirSync(join(dir, 'records')).find((n) => n.endsWith('.json'))!;
      return Date.parse((JSON.parse(readFileSync(join(dir, 'records', name), 'utf8')) as { receipt: { nextAttemptAt: string } }).receipt.nextAttemptAt);
    };
    await waitUntil('the retry due', () => Date.now() >= dueAt());
    const good = runCli(['run', '--once'], env(IMAP_PASS, SMTP_PASS));
    expect((await good.exited).code).toBe(0);
    outputs.push(good.output());
    expect(sink.messages).toHaveLength(1);

    const stored = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((p) => p.endsWith('.json') || p.endsWith('.jsonl'))
      .map((p) => readFileSync(join(dir, p), 'utf8'));
    const everything = [...outputs, ...stored, ...sink.messages.map((m) => m.raw.toString())].join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of [IMAP_PASS, SMTP_PASS, `${IMAP_PASS}-feil`, `${SMTP_PASS}-feil`]) expect(everything).not.toContain(secret);
    expect(outputs[1]).toContain('innlogging på SMTP-serveren feilet');
  }, 300_000);
});
