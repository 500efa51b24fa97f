// Two consultations in one mailbox, end to end: Dovecot in, SMTP out (both on 127.0.0.1). Replies
// to OGP 4B and to the Planning and Building Act hearing arrive interleaved with mail for neither;
// each is filed once, under its consultation's ids, moved to its consultation's folder, and
// acknowledged with its consultation's receipt and case number; each consultation gets its own
// digest, to its own caseworkers.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { serversPerTest } from '../helpers/servers.js';
import { fixture, imapEnv, records, smtpEnv, testConfig, untilChecks, waitUntil } from '../helpers/daemon.js';
import { copyOfRules } from '../helpers/broken-rules.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { loadRules } from '../../src/rules/load.js';
import { Store } from '../../src/store/json-store.js';
import { sendDigests } from '../../src/digest/send.js';

const servers = serversPerTest({ sink: true });

/** The project's rules, with the hearing's caseworkers as its digest's recipients. */
function rulesWithHearingCaseworkers() {
  const dir = copyOfRules();
  const file = join(dir, 'consultations/pbl-2021/consultation.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^digestTo: \[\]$/m, 'digestTo: [pbl-saksbehandlere@kmd.dep.no]'));
  return loadRules(dir);
}

const OGP = ['reply-nb-ks-einnsyn-outlook.eml', 'consultation-ogp-ks-plan-og-bygg-thread.eml'];
const PBL = ['consultation-pbl-ks-thread.eml', 'consultation-pbl-norsk-eiendom-case-number.eml', 'consultation-pbl-oslo-address.eml'];
const NEITHER = 'consultation-neither-invoice.eml';
const EITHER = 'consultation-both-case-numbers.eml';

describe('two consultations in one mailbox', () => {
  it('files each message once under its consultation, in its folder, with its receipt, and sends a digest per consultation', async () => {
    // Interleaved, as a mailbox receives them.
    for (const f of [PBL[0]!, OGP[0]!, NEITHER, PBL[1]!, EITHER, OGP[1]!, PBL[2]!]) await servers.dovecot.append(fixture(f));
    const config = testConfig({
      ...imapEnv(servers.dovecot),
      ...smtpEnv(servers.sink),
      INNSPILL_IMAP_CHECK_SECONDS: '1',
      INNSPILL_DIGEST_TO: 'ogp-saksbehandlere@kmd.dep.no',
    });
    const rules = rulesWithHearingCaseworkers();
    const daemon = new Daemon(config, rules, createLogger({ level: 'silent', secrets: config.secrets }));
    await daemon.open({ waitForMailbox: true });
    const running = daemon.run();
    try {
      // Six filed (the one for either waits in the inbox for a person to choose, the one for
      // neither is left alone); six receipts (the one for either names both consultations).
      const filed = await waitUntil('six records', () => (records(config).length === 6 ? records(config) : null));
      const receipts = await servers.sink.waitFor(6);
      await untilChecks(daemon);

      const byConsultation = (id: string) => filed.filter((r) => r.consultation?.id === id && r.review?.needed !== true);
      // Ids are counted within each consultation: OGP's as before, the hearing's with its prefix.
      expect(byConsultation('ogp-4b').map((r) => r.id)).toEqual(['2021-0001', '2021-0002']);
      const held = filed.find((r) => r.review?.reasons.includes('consultation-uncertain'))!;
      const hearing = filed.filter((r) => r.id.startsWith('pbl-2021-')).map((r) => r.id);
      expect(hearing).toEqual(['pbl-2021-0001', 'pbl-2021-0002', 'pbl-2021-0003', 'pbl-2021-0004']);
      expect(byConsultation('pbl-2021').map((r) => r.id)).toEqual(hearing.filter((id) => id !== held.id));
      expect(records(config).find((r) => r.id === held.id)!.receipt.status).toBe('sent');
      // Never filed twice: one record per message that was filed.
      expect(new Set(filed.map((r) => r.messageId)).size).toBe(filed.length);

      // Each consultation's folder holds its own mail; the inbox what is for neither and what a person must decide.
      const boxes = await servers.dovecot.mailboxes();
      const folder = (re: RegExp) => boxes.find((m) => re.test(m))!;
      const ogpFolder = await servers.dovecot.list(folder(/^Innspill[./]OGP-4B$/));
      const pblFolder = await servers.dovecot.list(folder(/^Innspill[./]pbl-2021$/));
      expect(ogpFolder.map((m) => m.messageId).sort()).toEqual(byConsultation('ogp-4b').map((r) => r.messageId).sort());
      expect(pblFolder.map((m) => m.messageId).sort()).toEqual(byConsultation('pbl-2021').map((r) => r.messageId).sort());
      const inbox = await servers.dovecot.list('INBOX');
      expect(inbox.map((m) => m.messageId).sort()).toEqual([held.messageId, inboxIdOf(NEITHER)].sort());

      // Receipts: the consultation's words and case number, the record's id.
      const parsed: ParsedMail[] = await Promise.all(receipts.map((r) => simpleParser(r.raw)));
      const eitherReceipt = parsed.find((p) => p.headers.get('x-innspill-receipt') === held.id)!;
      expect(eitherReceipt.text).toMatch(/ser også ut til å gjelde .*\(vår referanse (17\/1886|21\/345)\)/);
      for (const r of [...byConsultation('ogp-4b'), ...byConsultation('pbl-2021')]) {
        const m = parsed.find((p) => p.headers.get('x-innspill-receipt') === r.id)!;
        expect(m, `receipt for ${r.id}`).toBeDefined();
        if (r.consultation!.id === 'pbl-2021') {
          expect(m.text).toContain(`Vår referanse: 21/345, høringssvar ${r.id}`);
          expect(m.text).toContain('Takk for høringssvaret om endringer i plan- og bygningsloven');
        } else {
          expect(m.text).toContain(`Vår referanse: 17/1886, innspill ${r.id}`);
          expect(m.text).toContain('OGP');
        }
      }

      // A reply to the hearing's receipt is a follow-up in the hearing, whatever it says.
      const answered = byConsultation('pbl-2021')[1]!;
      const pblReceipt = parsed.find((p) => p.headers.get('x-innspill-receipt') === answered.id)!;
      await servers.dovecot.append(
        Buffer.from(
          `From: Henrik Lie <henrik.lie@norskeiendom.no>\r\nTo: postmottak@kmd.dep.no\r\nSubject: SV: ${pblReceipt.subject}\r\nDate: Fri, 28 May 2021 12:00:00 +0200\r\n` +
            `Message-ID: <oppfolging-1@norskeiendom.no>\r\nIn-Reply-To: ${pblReceipt.messageId}\r\nReferences: ${pblReceipt.messageId}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
            'Et tillegg: vi ber også om en frist for klagesaker.\r\n',
        ),
      );
      const followUp = await waitUntil('the follow-up filed', () => records(config).find((r) => r.messageId === '<oppfolging-1@norskeiendom.no>') ?? null);
      expect(followUp).toMatchObject({ id: 'pbl-2021-0005', consultation: { id: 'pbl-2021', reason: { code: 'thread' } }, followUpOf: answered.id });
    } finally {
      daemon.stop();
      await running;
      await daemon.close();
    }

    // One digest per consultation, each to its own caseworkers, each listing only its own.
    const before = servers.sink.messages.length;
    const store = await Store.open(config.dataDir, { lock: true });
    try {
      const sent = await sendDigests({ config, rules, store, now: new Date('2021-06-05T06:00:00Z') });
      expect(sent.map((s) => [s.consultation, s.sent])).toEqual([
        ['ogp-4b', true],
        ['pbl-2021', true],
      ]);
    } finally {
      await store.close();
    }
    const digests = await Promise.all((await servers.sink.waitFor(before + 2)).slice(before).map(async (c) => ({ to: c.envelope.to, mail: await simpleParser(c.raw) })));
    const ogp = digests.find((d) => d.to.includes('ogp-saksbehandlere@kmd.dep.no'))!;
    const pbl = digests.find((d) => d.to.includes('pbl-saksbehandlere@kmd.dep.no'))!;
    expect(ogp.mail.subject).toContain('Innspill OGP 4B – oversikt');
    expect(pbl.mail.subject).toContain('Innspill PBL-høring 2021 – oversikt');
    expect(ogp.mail.text).toContain('[2021-0002]');
    expect(ogp.mail.text).not.toContain('pbl-2021-');
    expect(pbl.mail.text).toContain('[pbl-2021-0001]');
    expect(pbl.mail.text).not.toMatch(/\[2021-\d{4}\]/);
  });
});

/** The Message-ID a fixture carries. */
function inboxIdOf(name: string): string {
  return /^Message-ID:\s*(\S+)/im.exec(fixture(name).toString('latin1'))![1]!;
}
