// Issue 14, second round: the development examples written before the rules were read
// (fixtures/messages/case-b-*.eml, scripts/fixtures/other/classes-2.ts and classes-machine.ts),
// class by class: what must hold for each whatever the scores — no receipt to a machine or to
// unrelated mail, input either receipted or held for a person, imitations marked — and the two
// structural changes: an answer to one of our receipts is in the thread, and an imitation is
// marked whichever consultation it imitates.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { intake, type Submission } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { receiptConsultation } from '../../src/intake/follow-up.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
interface Label {
  file: string;
  relevant: boolean;
  automatic: boolean;
  automaticKind: string | null;
  receipt: boolean;
  receiptHeld?: boolean;
  suspicious?: boolean;
  noComments?: boolean;
  organisation: string | null;
}
const labels = (parse(readFileSync(`${fixtures}labels/other.yaml`, 'utf8')) as Label[]).filter((l) => l.file.startsWith('case-b-'));
const of = (prefix: string) => labels.filter((l) => l.file.startsWith(`case-b-${prefix}`));
const run = async (l: Label): Promise<Submission> => intake(readFileSync(`${fixtures}messages/${l.file}`), rules);
const held = (s: Submission) => reviewHoldsMessage(s.review) && !s.receipt.send;

it('the examples are there: at least 40, each class present', () => {
  expect(labels.length).toBeGreaterThanOrEqual(40);
  for (const prefix of ['private', 'abroad', 'machine', 'lookalike', 'phishing', 'forged', 'context', 'no-comments']) expect(of(prefix).length).toBeGreaterThan(0);
});

describe.each([
  ['1: private addresses', 'private'],
  ['2: sister organisations abroad', 'abroad'],
  ['7: context words', 'context'],
])('%s', (_name, prefix) => {
  it.each(of(prefix).map((l) => [l.file, l] as const))('%s is input: receipted or held for a person, never ignored; never a listed organisation by its signature', async (_f, l) => {
    const s = await run(l);
    expect(s.automatic).toBe(false);
    expect(s.receipt.send || held(s)).toBe(true);
    expect(s.sender.organisation).toBe(l.organisation);
  });
});

describe('3: machine mail', () => {
  it.each(of('machine').map((l) => [l.file, l] as const))('%s is automatic of its kind and gets no receipt', async (_f, l) => {
    const s = await run(l);
    expect(s.automatic).toBe(true);
    expect(s.automaticKind).toBe(l.automaticKind);
    expect(s.receipt.send).toBe(false);
    if (l.relevant) expect(s.relevant).toBe(true);
  });
});

describe('4: look-alikes that are not input', () => {
  it.each(of('lookalike').map((l) => [l.file, l] as const))('%s gets no receipt and is not filed as input', async (_f, l) => {
    const s = await run(l);
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

describe('5: imitations of the ministry or the consultation', () => {
  it.each(of('phishing').map((l) => [l.file, l] as const))('%s is marked suspicious, held, never answered', async (_f, l) => {
    const s = await run(l);
    expect(s.receipt.send).toBe(false);
    expect(s.review!.reasons).toContain('suspicious');
  });
});

describe('6: forged senders and spam flags', () => {
  it.each(of('forged').concat(of('spam')).map((l) => [l.file, l] as const))('%s: filed, its receipt held with the reason', async (_f, l) => {
    const s = await run(l);
    expect(held(s)).toBe(true);
    expect(s.review!.reasons.some((r) => r === 'sender-forged' || r === 'spam-flagged')).toBe(true);
  });

  it('SPF failing while DKIM and DMARC pass (a forwarding list) is no forgery', async () => {
    const s = await run(labels.find((l) => l.file === 'case-b-spf-fail-dkim-pass-list-forward.eml')!);
    expect(s.review!.reasons).not.toContain('sender-forged');
    expect(s.sender.organisation).not.toBeNull();
    expect(s.receipt.send || held(s)).toBe(true);
  });
});

describe('"no comments" in other wordings', () => {
  it.each(of('no-comments').map((l) => [l.file, l] as const))('%s keeps the finding and gets its receipt', async (_f, l) => {
    const s = await run(l);
    expect(s.noComments).toBe(true);
    expect(s.commitments).toEqual([]);
    expect(s.receipt.send).toBe(true);
  });
});

describe('an answer to one of our receipts', () => {
  it('knows our receipt Message-IDs and the consultation by the record id prefix; nobody else’s', () => {
    expect(receiptConsultation('<kvittering.2021-0042.a1b2c3d4e5f6@kmd.dep.no>', rules)).toBe('ogp-4b');
    expect(receiptConsultation('<kvittering.pbl-2021-0007.a1b2c3@kmd.dep.no>', rules)).toBe('pbl-2021');
    expect(receiptConsultation('<kvittering.2021-0042.a1b2c3@example.org>', rules)).toBeUndefined();
    expect(receiptConsultation('<invitasjon.2021-0042.a1b2c3@kmd.dep.no>', rules)).toBeUndefined();
  });

  it('an out-of-office reply to a receipt, its subject without the consultation’s words, belongs to the case', async () => {
    const s = await intake(
      mail({
        from: 'Ola Dahl <ola.dahl@gmail.com>',
        subject: 'Re: Kvittering: tanker',
        headers: { 'In-Reply-To': '<kvittering.2021-0051.0f3c2a91bb7e@kmd.dep.no>', 'Auto-Submitted': 'auto-replied' },
        body: 'Jeg er på ferie og svarer når jeg er tilbake.\n',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('out-of-office');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

it('bait that asks for a password with one consultation’s words is marked, even when routed elsewhere or nowhere', async () => {
  const s = await intake(
    mail({
      from: 'Varsel <varsel@offentlig-svar.example>',
      subject: 'Svar på innspillet ditt',
      body: 'Du har fått et svar på innspillet ditt til handlingsplanen for åpen forvaltning. Oppgi fødselsnummer og BankID-passord for å lese det: https://svar.example/\n',
    }),
    rules,
  );
  expect(s.review!.reasons).toContain('suspicious');
  expect(s.receipt.send).toBe(false);
});
