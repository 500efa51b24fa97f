// What a sender reads in a receipt: the text part has no line break inside a sentence (mail
// programs show the text as it is, and a break mid-sentence looks broken on a phone), the English
// receipt is English to its last line, and From carries a name as well as the address.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import { senderOf } from '../../src/mail/compose.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import { composeReceipt } from '../../src/receipts/compose.js';
import { fixturesDir, testConfig } from '../helpers/daemon.js';
import { makeRecord } from '../helpers/records.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

/** A receipt with every part a template has: attachments (one unreadable), late, a follow-up. */
function everything(language: 'nb' | 'nn' | 'en') {
  return makeRecord({
    seq: 7,
    language,
    receivedAt: '2021-05-19T08:30:00Z',
    followUpOf: '2021-0003',
    attachments: [{ filename: 'innspill.pdf' }, { filename: 'skannet.pdf', problem: 'filen er ikke en gyldig PDF' }],
  });
}

const CLOSINGS = /^(Kind regards|Med vennlig hilsen|Med venleg helsing)$/;

/**
 * Pairs of lines where the first one stops inside a sentence: not after an end mark, a colon (a
 * list or a label follows) or the closing words, and not between two "label: value" lines or list items.
 */
function brokenSentences(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const broken: string[] = [];
  const label = /^[^:]{1,30}: \S/;
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i]!.trim(), lines[i + 1]!.trim()];
    if (!a || !b) continue;
    if (/[.!?:,]$/.test(a) || CLOSINGS.test(a) || b.startsWith('- ') || (label.test(a) && label.test(b))) continue;
    broken.push(`${a} ⏎ ${b}`);
  }
  return broken;
}

describe('receipt text', () => {
  for (const language of ['nb', 'nn', 'en'] as const) {
    it(`${language}: no line break inside a sentence in the text part`, async () => {
      const receipt = await composeReceipt(everything(language), rules, senderOf({ from: 'postmottak@kmd.dep.no', fromName: null }, rules), '<k@kmd.dep.no>', new Date());
      const mail = await simpleParser(receipt.raw);
      const text = mail.text ?? '';
      expect(text).toContain('innspill.pdf');
      expect(text).toMatch(/2021-0003/);
      expect(brokenSentences(text)).toEqual([]);
    });
  }

  it('the English receipt is signed in English, the Norwegian ones with the ministry’s name', async () => {
    const from = senderOf({ from: 'postmottak@kmd.dep.no', fromName: null }, rules);
    const en = await simpleParser((await composeReceipt(everything('en'), rules, from, '<k@kmd.dep.no>', new Date())).raw);
    const signature = (en.text ?? '').split(/\r?\n/).slice((en.text ?? '').split(/\r?\n/).findIndex((l) => l.trim() === 'Kind regards') + 1);
    expect(signature[0]).toBe('Ministry of Local Government and Modernisation (KMD)');
    expect(en.text).not.toMatch(/departementet|Avdeling|hilsen/);
    expect(en.html).toContain('Kind regards<br>Ministry of Local Government and Modernisation (KMD)');
    expect(en.html).not.toMatch(/departementet|Avdeling/);
    const nb = await simpleParser((await composeReceipt(everything('nb'), rules, from, '<k@kmd.dep.no>', new Date())).raw);
    expect(nb.text).toContain(`Med vennlig hilsen\n${rules.consultation.ministry}`);
  });
});

/**
 * Input that could belong to both consultations, filed under the hearing until a person chooses:
 * come on 25 May, after the OGP plan's deadline (18 May) and before the hearing's (4 June).
 */
function either(language: 'nb' | 'nn' | 'en'): SubmissionRecord {
  const r = makeRecord({ seq: 8, language, receivedAt: '2021-05-25T09:00:00Z' });
  return {
    ...r,
    consultation: { id: 'pbl-2021', reason: { code: 'uncertain', text: 'kan høre til begge' } },
    otherConsultations: [{ id: 'ogp-4b', commitments: [] }],
    late: true,
    review: { needed: true, reasons: ['consultation-uncertain'], notes: [{ code: 'consultation-uncertain', text: 'kan høre til begge' }] },
  };
}

describe('one receipt for input that could belong to two consultations', () => {
  const OTHER = {
    nb: 'Høringssvaret ser også ut til å gjelde Norges handlingsplan 4B for Open Government Partnership (OGP) (vår referanse 17/1886), og kom etter fristen i den saken, 18. mai 2021.',
    nn: 'Høyringsfråsegna ser òg ut til å gjelde handlingsplan 4B for Noreg i Open Government Partnership (OGP) (referansen vår 17/1886), og kom etter fristen i den saka, 18. mai 2021.',
    en: "Your response also appears to concern Norway's action plan 4B for the Open Government Partnership (OGP) (our reference 17/1886), and arrived after the deadline in that case, 18 May 2021.",
  };
  for (const language of ['nb', 'nn', 'en'] as const) {
    it(`${language}: names the other consultation in the receipt's language, late by that one's deadline; on time by its own`, async () => {
      const from = senderOf({ from: 'postmottak@kmd.dep.no', fromName: null }, rules);
      const mail = await simpleParser((await composeReceipt(either(language), rules, from, '<k@kmd.dep.no>', new Date())).raw);
      expect(mail.text).toContain(OTHER[language]);
      const html = String(mail.html).replace(/&#x2F;/g, '/').replace(/&#39;/g, "'");
      expect(html).toContain(`<p>${OTHER[language]} `);
      expect(mail.text).toContain('21/345');
      // The hearing's own deadline (4 June) had not passed: no late paragraph of its own.
      expect(mail.text).not.toMatch(/4\. juni|4 June/);
      expect(brokenSentences(mail.text ?? '')).toEqual([]);
    });
  }

  it('a receipt for input to one consultation names no other', async () => {
    const mail = await simpleParser((await composeReceipt(everything('nb'), rules, senderOf({ from: 'postmottak@kmd.dep.no', fromName: null }, rules), '<k@kmd.dep.no>', new Date())).raw);
    expect(mail.text).not.toContain('ser også ut til å gjelde');
  });
});

describe('the From of receipts', () => {
  it('has the ministry’s name by default, and INNSPILL_FROM_NAME when it is set', async () => {
    const byDefault = await simpleParser((await composeReceipt(everything('nb'), rules, senderOf(testConfig(), rules), '<k@kmd.dep.no>', new Date())).raw);
    expect(byDefault.from?.value).toEqual([{ name: rules.consultation.ministry, address: 'postmottak@kmd.dep.no' }]);
    const named = testConfig({ INNSPILL_FROM_NAME: 'Postmottak, KMD', INNSPILL_FROM: 'kvittering@kmd.dep.no' });
    expect(named.fromName).toBe('Postmottak, KMD');
    const mail = await simpleParser((await composeReceipt(everything('nb'), rules, senderOf(named, rules), '<k@kmd.dep.no>', new Date())).raw);
    expect(mail.from?.value).toEqual([{ name: 'Postmottak, KMD', address: 'kvittering@kmd.dep.no' }]);
  });

  it('is what the daemon sends: a receipt in the outbox folder comes from the ministry by name', async () => {
    const config = testConfig();
    const mailbox = new FilesMailbox([join(fixturesDir, 'reply-nb-ks-einnsyn-outlook.eml')]);
    const daemon = new Daemon(config, rules, createLogger({ level: 'silent', secrets: [] }), { mailbox });
    await daemon.open();
    await daemon.runOnce();
    await daemon.close();
    const files = readdirSync(config.outboxDir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const receipt = await simpleParser(readFileSync(join(config.outboxDir, files[0]!)));
    expect(receipt.from?.value).toEqual([{ name: rules.consultation.ministry, address: 'postmottak@kmd.dep.no' }]);
  }, 60_000);
});
