// Code acts on codes, people read texts: every problem, relevance reason and attachment problem
// carries a stable code beside its words, and whether a file was mail is known by code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { PROBLEM_CODES, readAsMail } from '../../src/intake/problems.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/messages/${name}`, import.meta.url));

describe('codes beside texts', () => {
  it('gives each problem a code, in the order of the problems', async () => {
    const s = await intake(Buffer.from('Subject: hei\r\n\r\nhei\r\n'), rules);
    expect(s.problemCodes).toEqual(['from-missing', 'message-id-missing', 'received-unknown']);
    expect(s.problems).toHaveLength(3);
    for (const code of s.problemCodes!) expect(PROBLEM_CODES).toContain(code);
  });

  it('knows a file that is not mail, or is empty, by its code', async () => {
    const empty = await intake(Buffer.alloc(0), rules);
    expect(empty.problemCodes).toEqual(['empty-file']);
    expect(readAsMail(empty)).toBe(false);
    const pdf = await intake(fixture('hostile-not-mail-pdf.eml'), rules);
    expect(pdf.problemCodes).toEqual(['not-mail']);
    expect(readAsMail(pdf)).toBe(false);
    expect(readAsMail(await intake(mail({ from: 'Kari <kari@ks.no>' }), rules))).toBe(true);
    expect(readAsMail({ problemCodes: ['intake-failed'] })).toBe(false);
  });

  it('gives an unread attachment a code, and its problem in the message the code attachment-unreadable', async () => {
    const s = await intake(fixture('hostile-att-photo-jpg.eml'), rules);
    expect(s.attachments.map((a) => a.problemCode)).toEqual(['image', 'image']);
    expect(s.problemCodes!.filter((c) => c === 'attachment-unreadable')).toHaveLength(2);
    const read = await intake(fixture('hostile-att-png-screenshot.eml'), rules);
    expect(read.attachments[0]!.problemCode).toBe('image');
  });

  it('gives each relevance reason a code, in the order of the reasons', async () => {
    const s = await intake(mail({ from: 'Kari <kari@ks.no>', headers: { 'In-Reply-To': rules.consultation.invitationMessageIds[0]! } }), rules);
    expect(s.relevance.reasonCodes).toHaveLength(s.relevance.reasons.length);
    expect(s.relevance.reasonCodes![0]).toBe('thread');
    expect(s.relevance.reasons[0]).toMatch(/^svar i tråden/);
  });
});
