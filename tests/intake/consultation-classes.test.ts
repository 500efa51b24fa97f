// Routing classes read on unseen mail (issue 13): a message whose own words name two
// consultations is held between them whatever its address or case number says; a bounce is the
// consultation of the letter it returns, and no one's when that letter is none of ours.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { rulesFor } from '../../src/rules/views.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const PBL_INVITATION = rulesFor(rules, 'pbl-2021').consultation.invitationMessageIds[0]!;
const OGP_INVITATION = rulesFor(rules, 'ogp-4b').consultation.invitationMessageIds[0]!;

const BOTH = `Vi svarer på to saker i én e-post.

Plan- og bygningsloven: vi støtter at planforslag skal leveres digitalt etter nasjonale standarder.

OGP-handlingsplanen: forpliktelsen om eInnsyn bør også gjelde kommunene.

Hilsen
Kari
`;

const BOUNCE_TEXT = (messageId: string, subject: string) => `This is the mail system at host mx.example.no.

Your message could not be delivered to one or more recipients.

<plan@example.kommune.no>: mailbox unavailable

------ Original message headers ------
From: Postmottak KMD <postmottak@kmd.dep.no>
To: plan@example.kommune.no
Subject: ${subject}
Date: Fri, 19 Mar 2021 10:31:44 +0100
Message-ID: ${messageId}
`;

describe('routing: input to two consultations in one message', () => {
  it('own words that name both are left between them for a person (the receipt goes), also when sent to the hearing’s address or with its case number in the subject', async () => {
    for (const m of [
      { subject: 'Innspill', to: 'hoering-pbl@kmd.dep.no' },
      { subject: 'Høringssvar 21/345 og innspill til handlingsplanen', to: 'postmottak@kmd.dep.no' },
      { subject: 'To innspill', to: 'postmottak@kmd.dep.no' },
    ]) {
      const s = await intake(mail({ ...m, body: BOTH }), rules);
      expect(s.consultation?.reason.code, m.subject).toBe('uncertain');
      expect(s.review?.reasons, m.subject).toContain('consultation-uncertain');
      expect(reviewHoldsMessage(s.review), m.subject).toBe(true);
      expect(s.receipt.send, m.subject).toBe(true);
    }
  });

  it('the thread still decides: a reply to OGP’s invitation that names the law too is OGP’s', async () => {
    const s = await intake(mail({ subject: 'SV: Invitasjon', headers: { 'In-Reply-To': OGP_INVITATION }, body: BOTH }), rules);
    expect(s.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'thread' } });
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });

  it('naming the other consultation only as the subject of a separate reply is no input to it', async () => {
    const body = 'KS har sendt eget høringssvar om plan- og bygningsloven.\n\nTil OGP-handlingsplanen: forpliktelsen om eInnsyn må følges av opplæring i kommunene.\n\nHilsen\nKari\n';
    const s = await intake(mail({ subject: 'Innspill fra KS', body }), rules);
    expect(s.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'content' } });
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });

  it('naming one consultation is no reason to hold: the hearing’s input that names only the law is the hearing’s', async () => {
    const s = await intake(mail({ subject: 'Høringssvar', body: 'Vi støtter endringene i plan- og bygningsloven om digital planbehandling.\n' }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });
});

describe('routing: bounces', () => {
  const bounce = (messageId: string, subject: string) =>
    mail({ from: 'Mail Delivery System <MAILER-DAEMON@mx.example.no>', subject: 'Undelivered Mail Returned to Sender', body: BOUNCE_TEXT(messageId, subject) });

  it('a bounce of the hearing letter is the hearing’s, by the returned Message-ID (inline or in a report part)', async () => {
    const s = await intake(bounce(PBL_INVITATION, '=?utf-8?Q?H=C3=B8ring?='), rules);
    expect(s).toMatchObject({ automatic: true, automaticKind: 'bounce', relevant: true, consultation: { id: 'pbl-2021', reason: { code: 'thread' } } });
    const part = await intake(
      mail({
        from: 'MAILER-DAEMON@mx.example.no',
        subject: 'Undelivered Mail Returned to Sender',
        body: 'Your message could not be delivered.\n',
        attachments: [{ filename: 'headers.txt', contentType: 'text/rfc822-headers', content: Buffer.from(`From: postmottak@kmd.dep.no\r\nMessage-ID: ${PBL_INVITATION}\r\n`) }],
      }),
      rules,
    );
    expect(part).toMatchObject({ relevant: true, consultation: { id: 'pbl-2021', reason: { code: 'thread' } } });
  });

  it('a bounce of another letter that names the law is no one’s', async () => {
    const s = await intake(bounce('<rundskriv-1@EXCH-MBX02.dss.dep.no>', 'Rundskriv om plan- og bygningsloven'), rules);
    expect(s.automaticKind).toBe('bounce');
    expect(s.relevant).toBe(false);
    expect(s.consultation).toBeNull();
    expect(s.relevance.reasonCodes).toContain('returned-other-letter');
  });
});
