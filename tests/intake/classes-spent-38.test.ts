// Classes that spent-38 and spent-43 (were sealed-38 and sealed-43, read on 2026-12-05) showed,
// written again in our own words: a question put without a question mark ("lurer på når …") is a
// question; a newsletter that says "this month we sent input to the OGP action plan" reports the
// sender's own input, and the plan named "OGP-handlingsplanen om åpne …" is this plan, not another;
// a citizen's "decisions made by a machine" is the commitment on artificial intelligence; a
// download or log-in under a deadline of hours, from a domain that poses as the government, is bait.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const afterDeadline = ['from mx.example.org by mx01.dep.no; Mon, 31 May 2021 21:40:00 +0200'];

describe('a question without a question mark', () => {
  it.each([
    ['nb', 'Ny plan?', 'Lurer på når OGP-planen er ferdig og blir lagt ut. Mvh Knut'],
    ['en', 'OGP', 'I was wondering when the new OGP action plan will be published. Best, Knut'],
  ])('%s: no receipt, and not late though it came after the deadline', async (_lang, subject, body) => {
    const s = await intake(mail({ from: 'Knut Lie <knut.lie@hotmail.com>', subject, body, received: afterDeadline, date: 'Mon, 31 May 2021 21:39:00 +0200' }), rules);
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.late).toBe(false);
  });
});

describe("a newsletter that reports the sender's own input to the plan", () => {
  it('is the consultation\'s, as automatic mail, without a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Norsk Folkehjelp <nyhetsbrev@lists.folkehjelp.no>',
        subject: 'Nyhetsbrev mai: innspill om åpne data til OGP',
        headers: { 'List-Id': '<nyhetsbrev.lists.folkehjelp.no>', 'List-Unsubscribe': '<https://lists.folkehjelp.no/u>' },
        body: 'Kjære medlemmer\n\nI mai har vi sendt innspill til OGP-handlingsplanen om åpne data i kommunene.\n\nDessuten: sommerleir i juli.\n\nHilsen sekretariatet',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('list');
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasons.join(' ')).not.toContain('en annen handlingsplan');
  });
});

describe("a citizen's words for automated decisions", () => {
  it.each([
    ['Alle avgjørelser som tas av en maskin bør kunne sjekkes av et menneske etterpå.'],
    ['Jeg synes man skal få vite det når vedtaket er laget av en datamaskin, og kunne klage til en person.'],
  ])('«%s»: kunstig-intelligens, receipted', async (body) => {
    const s = await intake(mail({ from: 'Siv Eide <siv.eide@online.no>', subject: 'forslag', body: `Hei. ${body} Hilsen Siv` }), rules);
    expect(s.commitments.map((c) => c.id)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });
});

describe('a download or log-in under a deadline of hours', () => {
  it('from a domain posing as the government, naming a hearing: suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportalen <noreply@regjeringen-dokument.example.org>',
        subject: 'Høring 21/345 – dokumenter klare',
        body: 'Dokumentene i høringen ligger klare i portalen. Logg inn og last ned innen 48 timer.',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});
