/**
 * Tests of the test infrastructure itself: the throwaway Dovecot, the SMTP sink and the Chromium harness.
 * If these fail, the integration tests that build on them cannot be trusted.
 * Over 300 lines: the three servers' own tests are kept side by side, one describe each.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, withChromium } from '../helpers/chromium.js';
import { startDovecot, type DovecotServer } from '../helpers/dovecot.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

function message(id: string, subject = `Høringssvar ${id}`): string {
  return [
    `Message-ID: <${id}@test.innspill>`,
    'From: Kari Nordmann <kari@example.no>',
    'To: postmottak@example.no',
    `Subject: ${subject}`,
    'Date: Thu, 26 Nov 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Innspill til handlingsplanen: æøå ÆØÅ.',
    '',
  ].join('\r\n');
}

/** Resolves with the error code of a plain TCP connect (e.g. ECONNREFUSED), or 'connected'. */
function tcpProbe(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const sock = createConnection({ host, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve('connected');
    });
    sock.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

describe('Dovecot test server', () => {
  let imap: DovecotServer;

  beforeAll(async () => {
    imap = await startDovecot();
  });
  afterAll(async () => {
    await imap?.stop();
  });

  it('appends and lists messages with flags and Message-IDs', async () => {
    const uid1 = await imap.append(message('a1'), { mailbox: 'Append', flags: ['\\Seen', '$Label1'] });
    const uid2 = await imap.append(Buffer.from(message('a2')), {
      mailbox: 'Append',
      internalDate: new Date('2026-01-02T03:04:05Z'),
    });
    expect(uid2).toBe(uid1 + 1);

    // Flags changed by a client are visible through the helper.
    const client = new ImapFlow(imap.clientOptions());
    await client.connect();
    try {
      await client.mailboxOpen('Append');
      await client.messageFlagsAdd(String(uid2), ['\\Flagged'], { uid: true });
      const fetched = await client.fetchOne(String(uid2), { internalDate: true }, { uid: true });
      expect(fetched && new Date(fetched.internalDate ?? 0).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    } finally {
      await client.logout();
    }

    const list = await imap.list('Append');
    expect(list).toEqual([
      { uid: uid1, flags: ['$Label1', '\\Seen'], messageId: '<a1@test.innspill>', size: Buffer.byteLength(message('a1')) },
      { uid: uid2, flags: ['\\Flagged'], messageId: '<a2@test.innspill>', size: Buffer.byteLength(message('a2')) },
    ]);
    expect(await imap.mailboxes()).toEqual(expect.arrayContaining(['INBOX', 'Append']));
    expect(await imap.list('EmptyBox').catch(() => 'missing')).toBe('missing');
  });

  it('delivers an IDLE notification to an imapflow client that called idle()', async () => {
    // imapflow logs (debug) when the server has taken the IDLE ("+ idling"): the event to append after.
    let idleTaken = false;
    const quiet = () => undefined;
    const logger = { trace: quiet, info: quiet, warn: quiet, error: quiet, debug: (e: { msg?: string }) => void (idleTaken ||= String(e?.msg).startsWith('Initiated IDLE')) };
    const client = new ImapFlow({ ...imap.clientOptions(), disableAutoIdle: true, logger });
    await client.connect();
    try {
      const box = await client.mailboxOpen('INBOX');
      const before = box.exists;
      const exists = new Promise<{ count: number; prevCount: number }>((resolve) => client.once('exists', resolve));
      const idling = client.idle(); // resolves only when IDLE ends
      await waitUntil('the server to take the IDLE', () => idleTaken);
      const t0 = Date.now();
      await imap.append(message('idle1'));
      const ev = await exists; // no poll is running: only the IDLE notice can bring it (the test's limit guards a hang)
      // Dovecot batches notifications for about 0.5 s.
      console.info(`IDLE: EXISTS ${Date.now() - t0} ms after the APPEND started`);
      expect(ev.prevCount).toBe(before);
      expect(ev.count).toBe(before + 1);
      await client.logout(); // breaks IDLE
      await idling.catch(() => undefined);
    } finally {
      client.close();
    }
  });

  it('stop() refuses connections and drops clients; start() brings the same mail back on the same port', async () => {
    await imap.append(message('persist1'), { mailbox: 'Persist' });
    const before = await imap.list('Persist');
    const port = imap.port;

    const client = new ImapFlow(imap.clientOptions());
    await client.connect();
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.on('error', () => undefined); // a dropped connection may also emit an error

    const t0 = Date.now();
    await imap.stop();
    console.info(`Dovecot stop: ${Date.now() - t0} ms`);
    await closed; // the server side closed the open session
    expect(await tcpProbe(imap.host, port)).toBe('ECONNREFUSED');
    const refused = new ImapFlow(imap.clientOptions());
    refused.on('error', () => undefined);
    await expect(refused.connect()).rejects.toSatisfy((err) => errorCode(err) === 'ECONNREFUSED');

    const t1 = Date.now();
    await imap.start();
    console.info(`Dovecot start: ${Date.now() - t1} ms`);
    expect(imap.port).toBe(port);
    expect(await imap.list('Persist')).toEqual(before);

    await imap.restart();
    expect(await imap.list('Persist')).toEqual(before);
  });

  it('changeUidValidity() gives INBOX a new UIDVALIDITY and keeps the messages', async () => {
    await imap.append(message('uv1'));
    const client = new ImapFlow(imap.clientOptions());
    await client.connect();
    try {
      const before = await client.status('INBOX', { uidValidity: true, messages: true });
      if (!before) throw new Error('STATUS failed');
      const listBefore = await imap.list();

      await imap.changeUidValidity();

      // The same (unselected) connection and a new one both see it; UIDVALIDITY is a BigInt in imapflow.
      const after = await client.status('INBOX', { uidValidity: true, messages: true });
      if (!after) throw new Error('STATUS failed');
      expect(typeof after.uidValidity).toBe('bigint');
      expect(after.uidValidity).not.toBe(before.uidValidity);
      expect(after.messages).toBe(before.messages);

      const fresh = new ImapFlow(imap.clientOptions());
      await fresh.connect();
      const box = await fresh.mailboxOpen('INBOX');
      expect(box.uidValidity).toBe(after.uidValidity);
      expect(box.exists).toBe(before.messages);
      await fresh.logout();

      expect((await imap.list()).map((m) => m.messageId)).toEqual(listBefore.map((m) => m.messageId));
    } finally {
      await client.logout();
    }
  });

  it('leaves no Dovecot behind when the process that started it is killed with SIGKILL', async () => {
    const helper = pathToFileURL(join(projectRoot, 'tests/helpers/dovecot.ts')).href;
    const code = `const { startDovecot } = await import(${JSON.stringify(helper)});
      const s = await startDovecot();
      console.log(JSON.stringify({ port: s.port, dir: s.dir }));
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const info = await new Promise<{ port: number; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '') as { port: number; dir: string });
      });
      child.once('exit', (c) => reject(new Error(`child exited early (${c}): ${out}`)));
    });
    try {
      expect(await tcpProbe('127.0.0.1', info.port)).toBe('connected');
      const pid = Number(readFileSync(join(info.dir, 'run', 'master.pid'), 'utf8'));
      child.kill('SIGKILL');

      // The watchdog notices the closed pipe and stops the master (~1 s).
      await waitUntil('the Dovecot master gone', () => !existsSync(`/proc/${pid}`));
      expect(await tcpProbe('127.0.0.1', info.port)).toBe('ECONNREFUSED');
    } finally {
      child.kill('SIGKILL');
      rmSync(info.dir, { recursive: true, force: true }); // nothing could clean it up after SIGKILL
    }
  });
});

describe('SMTP sink', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  const transport = () => createTransport({ host: sink.host, port: sink.port, ignoreTLS: true });
  const send = (subject: string) =>
    transport().sendMail({
      from: 'postmottak@example.no',
      to: ['kari@example.no', 'ola@example.no'],
      subject,
      text: 'Takk for innspillet.',
    });

  it('captures a message with its envelope', async () => {
    const before = sink.messages.length;
    const info = await send('Kvittering 1');
    expect(info.response).toMatch(/^250 /);
    const msgs = await sink.waitFor(before + 1);
    const mail = msgs[before];
    expect(mail?.envelope).toEqual({ from: 'postmottak@example.no', to: ['kari@example.no', 'ola@example.no'] });
    expect(mail?.raw.toString()).toContain('Subject: Kvittering 1');
    expect(mail?.receivedAt).toBeInstanceOf(Date);
  });

  it('failNext(451) fails the next message with 451, then accepts again', async () => {
    const before = sink.messages.length;
    sink.failNext(451);
    await expect(send('temp fail')).rejects.toMatchObject({ responseCode: 451 });
    await send('after temp fail');
    const msgs = await sink.waitFor(before + 1);
    expect(msgs).toHaveLength(before + 1);
    expect(msgs[before]?.raw.toString()).toContain('Subject: after temp fail');
  });

  it('failNext(550, 2) rejects two messages permanently, with a custom text', async () => {
    const before = sink.messages.length;
    sink.failNext(550, 2, '5.1.1 Mailbox unavailable');
    await expect(send('perm 1')).rejects.toMatchObject({ responseCode: 550, response: '550 5.1.1 Mailbox unavailable' });
    await expect(send('perm 2')).rejects.toMatchObject({ responseCode: 550 });
    await send('perm ok');
    expect((await sink.waitFor(before + 1)).length).toBe(before + 1);
  });

  it('stop() refuses connections; start() listens again on the same port', async () => {
    const port = sink.port;
    await sink.stop();
    expect(await tcpProbe(sink.host, port)).toBe('ECONNREFUSED');
    await expect(send('while down')).rejects.toSatisfy((err) => errorCode(err) === 'ESOCKET' && /ECONNREFUSED/.test(String(err)));
    await sink.start();
    expect(sink.port).toBe(port);
    const before = sink.messages.length;
    await send('back up');
    expect((await sink.waitFor(before + 1))[before]?.raw.toString()).toContain('Subject: back up');
  });

  it('waitFor() rejects when the messages do not arrive in time', async () => {
    await expect(sink.waitFor(sink.messages.length + 1, 100)).rejects.toThrow(/expected/);
  });

  it('requires AUTH when user/pass are given and rejects a wrong password with 535', async () => {
    const authSink = await startSmtpSink({ user: 'bot', pass: 'riktig' });
    try {
      const mail = { from: 'postmottak@example.no', to: 'kari@example.no', subject: 'auth', text: 'x' };
      const wrong = createTransport({ host: authSink.host, port: authSink.port, ignoreTLS: true, auth: { user: 'bot', pass: 'feil' } });
      await expect(wrong.sendMail(mail)).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
      const none = createTransport({ host: authSink.host, port: authSink.port, ignoreTLS: true });
      await expect(none.sendMail(mail)).rejects.toMatchObject({ responseCode: 530 });
      expect(authSink.messages).toHaveLength(0);

      const right = createTransport({ host: authSink.host, port: authSink.port, ignoreTLS: true, auth: { user: 'bot', pass: 'riktig' } });
      await right.sendMail(mail);
      expect(await authSink.waitFor(1)).toHaveLength(1);
    } finally {
      await authSink.close();
    }
  });
});

describe('Chromium harness', () => {
  let dir: string;
  let pageUrl: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'innspill-html-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<!doctype html><html><head><meta charset="utf-8"><title>original</title></head>
       <body><h1>Kvittering – æøå</h1><p id="p">Takk for innspillet.</p>
       <script>document.title = 'script ran';</script></body></html>`,
    );
    pageUrl = pathToFileURL(file).href;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders a file: page, takes a screenshot and detects whether its <script> ran', { timeout: 90_000 }, async () => {
    const shot = artifactPath('infra-chromium.png');
    rmSync(shot, { force: true });

    await withChromium(async (browser) => {
      const on = await browser.newContext();
      const page = await on.newPage();
      await page.goto(pageUrl);
      expect(await page.title()).toBe('script ran');
      expect(await page.textContent('h1')).toBe('Kvittering – æøå');
      await page.screenshot({ path: shot, fullPage: true });
      await on.close();

      // Same page with JavaScript off: the harness must see that the script did not run.
      const off = await browser.newContext({ javaScriptEnabled: false });
      const page2 = await off.newPage();
      await page2.goto(pageUrl);
      expect(await page2.title()).toBe('original');
      await off.close();

      // data: URLs work too.
      const page3 = await browser.newPage();
      await page3.goto('data:text/html,<title>a</title><script>document.title="b"</script>');
      expect(await page3.title()).toBe('b');
    });

    const png = readFileSync(shot);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(1000);
  });
});
