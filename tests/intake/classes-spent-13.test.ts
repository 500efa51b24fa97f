// Classes that the spent set spent-13 (was sealed-13, read on 2026-12-03 10:03 UTC) showed
// misjudged, written again in our own words: a citizen's two lines from a webmail address in a new
// thread, an opinion on one commitment named once ("Staten må ha et register over algoritmer"),
// left unread because one strong term and an opinion are not enough for the consultation; the same
// for the hearing. A private person writing so is input (or a close call for a caseworker); the same
// lines from an address innspill does not know may be that sender's own business: a close call,
// never thanked. And
// delivery reports returning the invitation under a Message-ID the rules do not know (another
// send-out of the letter): known by the returned sender, the ministry, and the letter's subject.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { atPrivateService } from '../../src/intake/relevance.js';
import { loadRules } from '../../src/rules/load.js';
import { rulesWith } from '../helpers/broken-rules.js';
import { mail } from '../helpers/mail.js';
import { OGP, projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

const ALGORITHMS = 'Hei. Det offentlige bør ha et åpent register over algoritmer som brukes når staten avgjør saker om folk. Hilsen Per';

describe('a private person’s short opinion on one commitment, in a new thread', () => {
  it('from a webmail address: OGP’s, a close call held for a caseworker at least, never left unread', async () => {
    const s = await run('Per Holm <per.holm71@gmail.com>', 'Et forslag', ALGORITHMS);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });

  it('the same lines from a company’s own address: not taken for input on their own', async () => {
    const s = await run('Per Holm <per@holm-konsult.example>', 'Et forslag', ALGORITHMS);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    // a sender innspill does not know, with a proposal on one commitment: a close call a
    // caseworker sees (since 2026-12-06; before, it was left as it was)
    expect(s.review?.reasons).toEqual(['relevance-uncertain']);
  });

  it('on one of the hearing’s proposals, from a webmail address: the hearing’s, held for a caseworker at least', async () => {
    const s = await run('Kari Foss <kari.foss@online.no>', 'Naust', 'Jeg mener kommunene gir altfor lett dispensasjon til å sette opp naust og hytter ved sjøen.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});

describe('a private mail service', () => {
  it('is known by its domain or a subdomain of it, lower or upper case, and nothing else', () => {
    const domains = new Set(['gmail.com', 'online.no']);
    expect(atPrivateService('a@gmail.com', domains)).toBe(true);
    expect(atPrivateService('a@Mail.Online.NO', domains)).toBe(true);
    expect(atPrivateService('a@gmail.com.example', domains)).toBe(false);
    expect(atPrivateService('a@ks.no', domains)).toBe(false);
    expect(atPrivateService(undefined, domains)).toBe(false);
  });
});

/** A delivery report (multipart/report) returning the headers of a message from `from` with `subject`. */
function deliveryReport(from: string, subject: string): Buffer {
  const b = 'dsn-boundary-1';
  return Buffer.from(
    [
      'Received: from mx.example.org by mx01.dep.no; Wed, 21 Apr 2021 10:00:00 +0200',
      'From: Mail Delivery System <mailer-daemon@mx.lokallag.example>',
      'To: postmottak@kmd.dep.no',
      'Subject: Undelivered Mail Returned to Sender',
      'Date: Wed, 21 Apr 2021 09:59:00 +0200',
      'Message-ID: <dsn.4411@mx.lokallag.example>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your message could not be delivered to leder@lokallag.example: no such user.',
      `--${b}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.lokallag.example',
      '',
      'Final-Recipient: rfc822; leder@lokallag.example',
      'Action: failed',
      'Status: 5.1.1',
      `--${b}`,
      'Content-Type: text/rfc822-headers',
      '',
      `From: ${from}`,
      'To: leder@lokallag.example',
      `Subject: ${subject}`,
      'Message-ID: <utsending-2.9912@kmd.dep.no>',
      `--${b}--`,
      '',
    ].join('\r\n'),
  );
}

describe('a delivery report returning the invitation under a Message-ID the rules do not know', () => {
  const title = rules.consultations.find((v) => v.consultation.id === 'ogp-4b')!.consultation.title;

  it('from the ministry’s address with the letter’s subject: machine mail in the OGP case, filed, no receipt', async () => {
    const s = await intake(deliveryReport('Postmottak KMD <postmottak@kmd.dep.no>', title), rules);
    expect(s.automaticKind).toBe('bounce');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('another letter of the ministry’s, or the letter sent on by someone else: none of the consultations’', async () => {
    for (const [from, subject] of [
      ['Postmottak KMD <postmottak@kmd.dep.no>', 'Invitasjon til frokostmøte om tillitsreform'],
      ['Styret <styret@lokallag.example>', title],
    ] as const) {
      const s = await intake(deliveryReport(from, subject), rules);
      expect(s.automaticKind).toBe('bounce');
      expect(s.relevant, `${from} / ${subject}`).toBe(false);
    }
  });

  it('another subject the letter was sent with, listed as invitationSubjects: the same', async () => {
    const subject = 'Påminnelse: innspill til Norges handlingsplan 4B for åpenhet';
    const dir = rulesWith(`${OGP}/consultation.yaml`, (t) => t.replace(/^invitationSubjects: \[\]$/m, `invitationSubjects:\n  - "${subject}"`));
    const withSubject = loadRules(dir);
    expect(withSubject.consultations.find((v) => v.consultation.id === 'ogp-4b')!.consultation.invitationSubjects).toEqual([subject]);
    expect((await intake(deliveryReport('postmottak@kmd.dep.no', subject), withSubject)).consultation?.id).toBe('ogp-4b');
    expect((await intake(deliveryReport('postmottak@kmd.dep.no', subject), rules)).relevant).toBe(false);
  });
});
