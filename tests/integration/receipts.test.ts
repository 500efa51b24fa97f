// Receipts end to end: Dovecot in, SMTP out (smtp-server on 127.0.0.1), with the right headers,
// language and content; temporary and permanent failures; the loop guards.
import { describe, expect, it } from 'vitest';
import { simpleParser, type ParsedMail } from 'mailparser';
import { serversPerTest } from '../helpers/servers.js';
import { fixture, imapEnv, records, smtpEnv, testConfig, untilChecks, waitUntil } from '../helpers/daemon.js';
import type { Daemon } from '../../src/daemon.js';
import type { Config } from '../../src/config.js';
import { copyOf, isReply } from '../helpers/generate.js';

const servers = serversPerTest({ sink: true });

function config(extra: Record<string, string> = {}): Config {
  return testConfig({ ...imapEnv(servers.dovecot), ...smtpEnv(servers.sink), INNSPILL_RECEIPT_RETRY_SECONDS: '1', INNSPILL_IMAP_CHECK_SECONDS: '1', ...extra });
}

const start = (c: Config): Promise<Daemon> => servers.start(c);

const header = (m: ParsedMail, name: string) => {
  const v = m.headers.get(name);
  return typeof v === 'string' ? v : v === undefined ? undefined : JSON.stringify(v);
};

describe('receipts', () => {
  it('acknowledges a submission as a reply, in bokmål, with RFC 3834 headers, a null envelope sender and what arrived', async () => {
    await servers.dovecot.append(fixture('hostile-att-encrypted-pdf.eml'));
    const c = config();
    await start(c);
    const [captured] = await servers.sink.waitFor(1);
    const [record] = records(c);
    const m = await simpleParser(captured!.raw);
    expect(captured!.envelope.from).toBe('');
    expect(captured!.envelope.to).toEqual([record!.from!.address]);
    expect(m.from?.value[0]?.address).toBe('postmottak@kmd.dep.no');
    expect(m.subject).toBe(`Kvittering: ${record!.subject}`);
    expect(m.inReplyTo).toBe(record!.messageId);
    expect(String(m.references)).toContain(record!.messageId!);
    expect(header(m, 'auto-submitted')).toBe('auto-replied');
    expect(header(m, 'x-auto-response-suppress')).toBe('All');
    expect(header(m, 'x-innspill-receipt')).toBe(record!.id);
    expect(m.text).toContain(record!.id);
    expect(m.text).toContain('17/1886');
    expect(m.text).toMatch(/mottok det \d{2}\.\d{2}\.2021 kl\. \d{2}:\d{2}/);
    const att = record!.attachments[0]!;
    expect(m.text).toContain(`- ${att.filename} (`);
    expect(m.text).toContain('kunne ikke leses: passordbeskyttet PDF');
    expect(m.text).toContain('Send dem gjerne på nytt som PDF eller Word-dokument (DOCX), som svar på denne e-posten.');
    expect(m.html).toContain(`innspill <strong>${record!.id}</strong>`);
    await waitUntil('sent recorded', () => records(c)[0]!.receipt.status === 'sent');
    expect(records(c)[0]!.receipt.messageId).toBe(m.messageId);
  });

  it('writes in nynorsk and English to those who wrote so, and says when input came after the deadline', async () => {
    await servers.dovecot.append(fixture('reply-nn-sd-ingen-merknader-odt.eml'));
    await servers.dovecot.append(fixture('reply-en-nj-einnsyn-gmail.eml'));
    await servers.dovecot.append(fixture('reply-nb-advokatforeningen-innspill-pdf-sen.eml'));
    const c = config();
    await start(c);
    const got = await Promise.all((await servers.sink.waitFor(3)).map((x) => simpleParser(x.raw)));
    const nn = got.find((m) => m.text?.includes('Takk for innspelet'));
    expect(nn?.subject).toMatch(/^Kvittering: /);
    const en = got.find((m) => m.subject?.startsWith('Receipt: '));
    expect(en?.text).toContain('Thank you for your input');
    const late = got.filter((m) => m.text?.includes('Innspillet kom etter fristen 18. mai 2021. Det er likevel mottatt og registrert'));
    expect(late).toHaveLength(1);
    expect(late[0]!.subject).toMatch(/^Kvittering: /);
  });

  it('sends the receipt after the SMTP server comes back, and after a 4xx', async () => {
    await servers.sink.stop();
    await servers.dovecot.append(fixture('reply-nb-nho-anskaffelser-2359.eml'));
    const c = config();
    await start(c);
    const pending = await waitUntil('a pending receipt with an error', () => {
      const r = records(c)[0];
      return r && r.receipt.status === 'pending' && r.receipt.error ? r : null;
    });
    expect(pending.receipt.error).toMatch(/kunne ikke nås/);
    servers.sink.failNext(451, 1, '4.3.0 try again later');
    await servers.sink.start();
    await servers.sink.waitFor(1);
    await waitUntil('sent', () => records(c)[0]!.receipt.status === 'sent');
    expect(records(c)[0]!.receipt.attempts).toBeGreaterThanOrEqual(3);
    expect(servers.sink.messages).toHaveLength(1);
  });

  it('records a permanent refusal (5xx) with the reason and does not try again', async () => {
    servers.sink.failNext(550, 1, '5.1.1 mailbox unavailable');
    await servers.dovecot.append(fixture('reply-en-pwyp-korrigert.eml'));
    const c = config();
    const daemon = await start(c);
    const r = await waitUntil('failed', () => (records(c)[0]?.receipt.status === 'failed' ? records(c)[0] : null));
    expect(r.receipt.error).toContain('5.1.1 mailbox unavailable');
    // Passes of the loop after the refusal (each one sends what is due, retries 1 s apart): none tries again.
    await untilChecks(daemon, 3);
    expect(servers.sink.messages).toHaveLength(0);
    expect(records(c)[0]!.receipt).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('answers no automatic mail, and at most three receipts a day to one address', async () => {
    for (const f of ['auto-ooo-nb-exchange.eml', 'auto-ooo-no-marker-headers.eml', 'auto-bounce-dsn-two-recipients.eml', 'auto-ticket-helpdesk.eml', 'auto-own-receipt.eml', 'auto-read-receipt-lest.eml']) {
      await servers.dovecot.append(fixture(f));
    }
    const base = fixture('reply-nb-bld-ungdomspanel-docx.eml').toString('latin1');
    for (let i = 0; i < 5; i++) await servers.dovecot.append(Buffer.from(base.replace(/^Message-ID: <([^>]+)>/im, `Message-ID: <five-${i}-$1>`).replace(/^Subject: (.*)$/im, `Subject: $1 (${i})`), 'latin1'));
    const c = config();
    await start(c);
    await waitUntil('all filed', () => records(c).length === 11);
    // Every receipt settled (sent after the server's OK, or skipped): what the server got is final.
    await waitUntil('no receipt pending', () => records(c).every((r) => r.receipt.status !== 'pending'));
    expect(servers.sink.messages).toHaveLength(3);
    const skipped = records(c).filter((r) => r.receipt.reason.includes('grensen for kvitteringer'));
    expect(skipped).toHaveLength(2);
  });

  it('sends receipts while a backlog is still being filed, not after the whole of it', async () => {
    for (let i = 0; i < 200; i++) await servers.dovecot.append(copyOf(i, isReply).raw);
    const c = config({ INNSPILL_RECEIPTS_PER_SENDER_PER_DAY: '1000' });
    await start(c);
    await waitUntil('all filed, every receipt settled', () => {
      const all = records(c);
      return all.length === 200 && all.every((r) => r.receipt.status !== 'pending');
    }, 360_000);
    const all = records(c);
    const sent = all.filter((r) => r.receipt.status === 'sent').map((r) => Date.parse(r.receipt.sentAt!));
    const lastFiled = Math.max(...all.map((r) => Date.parse(r.filedAt)));
    expect(sent.length).toBeGreaterThan(100);
    // The first receipts went out while later messages were still waiting to be filed.
    expect(Math.min(...sent)).toBeLessThan(lastFiled);
    expect(servers.sink.messages).toHaveLength(sent.length);
  }, 420_000); // hang guards: 200 messages and receipts took over 120 s at a load average of 13 on two cores

  it('cannot be made to add a header through the subject', async () => {
    await servers.dovecot.append(fixture('hostile-subject-header-injection.eml'));
    const c = config();
    await start(c);
    const [captured] = await servers.sink.waitFor(1);
    const head = captured!.raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    expect(head).not.toMatch(/^bcc:/im);
    expect(captured!.envelope.to).toHaveLength(1);
    const m = await simpleParser(captured!.raw);
    expect(m.bcc).toBeUndefined();
  });
});
