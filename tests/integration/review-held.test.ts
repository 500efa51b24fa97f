// A message whose relevance or receipt needs a person (a forged sender, an uncertain score) is
// stored — original and record, nothing lost — LEFT IN THE INBOX untouched, its receipt held
// (neither sent nor dropped), and not read again on the next pass.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DaemonHarness, imapEnv, records, testConfig, untilChecks, waitUntil, onePass } from '../helpers/daemon.js';
import { startDovecot } from '../helpers/dovecot.js';
import { deliver } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';

const INVITATION_ID = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
const SUBJECT = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
const BODY = 'Vi viser til invitasjonen og mener eInnsyn bør vise alle dokumenter i fulltekst, også vedleggene.\n\nHilsen Kari';

const forged = mail({
  from: 'Kari Nordmann <kari@ks.no>',
  subject: SUBJECT,
  headers: {
    'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=ks.no; dkim=none; dmarc=fail (p=none) header.from=ks.no',
    'In-Reply-To': INVITATION_ID,
  },
  body: BODY,
});
const genuine = mail({
  from: 'Ola Nordmann <ola@ks.no>',
  subject: SUBJECT,
  headers: { 'Authentication-Results': 'mx01.dep.no; spf=pass smtp.mailfrom=ks.no; dkim=pass header.d=ks.no; dmarc=pass header.from=ks.no', 'In-Reply-To': INVITATION_ID },
  body: BODY,
});

const outboxFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.eml')) : []);

describe('messages held for review', () => {
  it('are filed with the receipt held and stay in the inbox; the next pass leaves them alone', async () => {
    const config = testConfig();
    const heldName = deliver(config.maildir, forged);
    const okName = deliver(config.maildir, genuine);
    await onePass(config);

    const filed = records(config);
    expect(filed).toHaveLength(2);
    const held = filed.find((r) => r.from?.address === 'kari@ks.no')!;
    expect(held.review).toMatchObject({ needed: true, reasons: ['sender-forged'] });
    expect(held.receipt).toMatchObject({ send: false, status: 'held' });
    expect(held.receipt.reason).toContain('DMARC');
    expect(readFileSync(join(config.dataDir, held.raw)).equals(forged)).toBe(true);
    // Left in the inbox, under the same name; the genuine reply moved and got its receipt.
    expect(readdirSync(join(config.maildir, 'new'))).toEqual([heldName]);
    expect(readdirSync(join(config.maildir, '.filed', 'new'))).toEqual([okName]);
    expect(filed.find((r) => r.from?.address === 'ola@ks.no')!.receipt.status).toBe('sent');
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);

    expect((await onePass(config)).read).toBe(0);
    expect(records(config)).toHaveLength(2);
    expect(readdirSync(join(config.maildir, 'new'))).toEqual([heldName]);
    expect(outboxFiles(config.outboxDir)).toHaveLength(1);
  });

  it('an uncertain message that is probably not input is stored and left too, not dropped as unrelated', async () => {
    const config = testConfig();
    // One mention of the plan from an unknown private address, outside any thread, no question asked
    // (a question with nothing proposed is correspondence, left without a record): a score just under the line.
    const name = deliver(
      config.maildir,
      mail({ from: 'Per Hansen <per.hansen@gmail.com>', subject: 'Handlingsplanen', body: 'Hei, jeg har noen innspill til neste handlingsplan.\n\nPer' }),
    );
    await onePass(config);
    const [r] = records(config);
    expect(r?.review?.reasons).toContain('relevance-uncertain');
    expect(r?.receipt.status).toBe('held');
    expect(readdirSync(join(config.maildir, 'new'))).toEqual([name]);
    expect(outboxFiles(config.outboxDir)).toHaveLength(0);
  });

  it('on IMAP: the held message stays in INBOX with its flags as they were (never \\Seen), the genuine one is moved', async () => {
    const dovecot = await startDovecot();
    const harness = new DaemonHarness();
    try {
      await dovecot.append(forged, { flags: ['\\Flagged'] });
      await dovecot.append(genuine);
      const config = testConfig({ ...imapEnv(dovecot), INNSPILL_IMAP_CHECK_SECONDS: '1' });
      const daemon = await harness.start(config);
      await waitUntil('both filed', () => records(config).length === 2, 60_000);
      const inbox = await waitUntil('the genuine reply moved', async () => {
        const l = await dovecot.list('INBOX');
        return l.length === 1 ? l : null;
      });
      expect(inbox[0]!.flags).toEqual(['\\Flagged']);
      expect(records(config).find((r) => r.from?.address === 'kari@ks.no')!.receipt.status).toBe('held');
      // Later checks leave it alone: still one message in INBOX, still two records.
      await untilChecks(daemon, 2);
      expect((await dovecot.list('INBOX')).map((m) => m.flags)).toEqual([['\\Flagged']]);
      expect(records(config)).toHaveLength(2);
    } finally {
      await harness.stop();
      await dovecot.stop();
    }
  }, 300_000);
});
