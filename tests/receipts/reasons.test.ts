// Why an attachment could not be read, in the receipt's own language: the template picks its words
// by the attachment's problem code (the record's sentence is Norwegian, for caseworkers).
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { senderOf } from '../../src/mail/compose.js';
import { composeReceipt } from '../../src/receipts/compose.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const NORWEGIAN = 'PDF uten tekst som kan leses (sidene kan være skannede bilder, eller skriften kan ikke tolkes) – teksten kan ikke leses automatisk';

function withScan(language: 'nb' | 'nn' | 'en', code: 'scanned-pdf' | undefined): SubmissionRecord {
  const record = makeRecord({ seq: 3, language, attachments: [{ filename: 'innspill.pdf' }, { filename: 'skannet.pdf', problem: NORWEGIAN }] });
  if (code) record.attachments[1]!.problemCode = code;
  return record;
}

async function receipt(record: SubmissionRecord): Promise<{ text: string; html: string }> {
  const composed = await composeReceipt(record, rules, senderOf({ from: 'postmottak@kmd.dep.no', fromName: null }, rules), '<r@kmd.dep.no>', new Date());
  const mail = await simpleParser(composed.raw);
  return { text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' };
}

describe('the reason an attachment was not read, in the receipt', () => {
  it('is given in English in an English receipt, chosen by its code', async () => {
    const { text, html } = await receipt(withScan('en', 'scanned-pdf'));
    const words = rules.templates.en.reasons!['scanned-pdf'];
    expect(text).toMatch(new RegExp(`skannet\\.pdf \\(\\d+ kB\\) – could not be read: ${words!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(html).toContain(`could not be read: ${words}`);
    expect(text).not.toContain(NORWEGIAN);
  });

  it('falls back to the general words for a record filed before codes', async () => {
    const { text } = await receipt(withScan('en', undefined));
    expect(text).toContain(`could not be read: ${rules.templates.en.reasons!.unreadable}`);
  });

  it('is given in nynorsk in a nynorsk receipt, not in the record\'s bokmål sentence', async () => {
    const { text, html } = await receipt(withScan('nn', 'scanned-pdf'));
    const words = rules.templates.nn.reasons!['scanned-pdf'];
    expect(words).toMatch(/ikkje/);
    expect(text).toContain(`kunne ikkje lesast: ${words}`);
    expect(html).toContain(`kunne ikkje lesast: ${words}`);
    expect(text).not.toContain(NORWEGIAN);
  });

  it('keeps the Norwegian sentence in a bokmål receipt', async () => {
    const { text } = await receipt(withScan('nb', 'scanned-pdf'));
    expect(text).toContain(`kunne ikke leses: ${NORWEGIAN}`);
  });
});
