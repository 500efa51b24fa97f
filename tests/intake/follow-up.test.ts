// Follow-ups are decided in one place (src/intake/follow-up.ts): whether a message is in a known
// thread (stage 7), and which earlier record it follows up (ThreadIndex, kept by the store).
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { baseSubject, ThreadIndex, type ThreadEntry } from '../../src/intake/follow-up.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION = rules.consultation.invitationMessageIds[0]!;

function entry(id: string, seq: number, over: Partial<ThreadEntry> = {}): ThreadEntry {
  return { id, seq, messageId: `<${id}@ks.no>`, receiptMessageId: null, from: { address: 'kari@ks.no' }, subject: 'Innspill fra KS', automatic: false, ...over };
}
const reply = (over: Partial<{ inReplyTo: string | null; references: string[]; automatic: boolean; from: { address: string } | null; subject: string }> = {}) => ({
  inReplyTo: null,
  references: [],
  automatic: false,
  from: { address: 'per@ks.no' },
  subject: 'SV: Innspill fra KS',
  ...over,
});

describe('follow-ups', () => {
  it('counts a reply to the invitation or to a known message as in the thread, and nothing else', async () => {
    const inThread = async (headers: Record<string, string>, known: string[] = []) =>
      (await intake(mail({ from: 'Kari <kari@ks.no>', headers }), rules, { knownThreadIds: new Set(known) })).relevance.reasons.some((r) => r.startsWith('svar i tråden'));
    expect(await inThread({ 'In-Reply-To': INVITATION })).toBe(true);
    expect(await inThread({ References: `<a@x.no> ${INVITATION}` })).toBe(true);
    expect(await inThread({ 'In-Reply-To': '<earlier@ks.no>' }, ['<earlier@ks.no>'])).toBe(true);
    expect(await inThread({ 'In-Reply-To': '<earlier@ks.no>' })).toBe(false);
    expect(await inThread({})).toBe(false);
  });

  it('follows thread headers first: In-Reply-To, then the newest reference; a receipt we sent counts', () => {
    const index = new ThreadIndex();
    index.add(entry('0001', 1));
    index.add(entry('0002', 2, { receiptMessageId: '<receipt-2@innspill>' }));
    expect(index.followUpOf(reply({ inReplyTo: '<0001@ks.no>', subject: 'anything else' }))).toBe('0001');
    expect(index.followUpOf(reply({ references: ['<0002@ks.no>', '<0001@ks.no>'], subject: 'x' }))).toBe('0001');
    expect(index.followUpOf(reply({ inReplyTo: '<receipt-2@innspill>', subject: 'x', automatic: true }))).toBe('0002');
    expect(index.has('<receipt-2@innspill>')).toBe(true);
    expect(index.has('<unknown@ks.no>')).toBe(false);
  });

  it('else takes the newest record from the same domain with the same subject, for a person\'s mail only', () => {
    const index = new ThreadIndex();
    index.add(entry('0003', 3));
    index.add(entry('0001', 1));
    index.add(entry('0004', 4, { from: { address: 'ola@nho.no' } }));
    index.add(entry('0005', 5, { automatic: true }));
    expect(index.followUpOf(reply())).toBe('0003');
    expect(index.followUpOf(reply({ subject: 'Korrigert: Innspill fra KS' }))).toBe('0003');
    expect(index.followUpOf(reply({ automatic: true }))).toBeNull();
    expect(index.followUpOf(reply({ from: null }))).toBeNull();
    expect(index.followUpOf(reply({ subject: 'SV: KS' }))).toBeNull();
    expect(index.followUpOf(reply({ from: { address: 'kari@nho.no' } }))).toBe('0004');
  });

  it('moves a record indexed again (reclassified as automatic, or a new subject)', () => {
    const index = new ThreadIndex();
    index.add(entry('0001', 1));
    index.add(entry('0002', 2));
    index.add(entry('0002', 2, { automatic: true }));
    expect(index.followUpOf(reply())).toBe('0001');
    index.add(entry('0001', 1, { subject: 'Noe annet' }));
    expect(index.followUpOf(reply())).toBeNull();
    index.clear();
    expect(index.has('<0001@ks.no>')).toBe(false);
  });

  it('sees "SV: VS: Innspill" and "Innspill" as one conversation', () => {
    expect(baseSubject('SV: VS: Innspill fra  KS')).toBe('innspill fra ks');
    expect(baseSubject('[EXTERNAL] Re[2]: Tillegg: Innspill fra KS')).toBe('innspill fra ks');
  });
});
