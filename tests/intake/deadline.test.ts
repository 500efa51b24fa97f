import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const at = async (received: string[], date = 'Tue, 18 May 2021 12:00:00 +0200') => intake(mail({ received, date }), rules);

describe('received time and the deadline (18 May 2021, end of day in Oslo)', () => {
  it('uses the topmost Received header, with its own offset', async () => {
    const s = await at(['from a by mx01.dep.no; Tue, 18 May 2021 21:59:00 +0000', 'from b by c; Mon, 17 May 2021 10:00:00 +0000']);
    expect(s.receivedAt).toBe('2021-05-18T21:59:00.000Z');
    expect(s.receivedFrom).toBe('received');
    expect(s.late).toBe(false);
  });

  it('is late one second into 19 May in Oslo, also when the header is stamped in UTC', async () => {
    expect((await at(['from a by mx; Tue, 18 May 2021 22:00:30 +0000'])).late).toBe(true);
    expect((await at(['from a by mx; Wed, 19 May 2021 00:00:00 +0200'])).late).toBe(true);
    expect((await at(['from a by mx; Tue, 18 May 2021 23:59:59 +0200'])).late).toBe(false);
  });

  it('follows Received, not a Date header written by the sender', async () => {
    const s = await at(['from a by mx; Wed, 19 May 2021 00:10:00 +0200'], 'Tue, 18 May 2021 23:50:00 +0200');
    expect(s.late).toBe(true);
  });

  it('falls back to Date when there is no Received header, and says when there is neither', async () => {
    const s = await intake(mail({ received: [], date: 'Mon, 17 May 2021 10:00:00 +0200' }), rules);
    expect(s.receivedFrom).toBe('date');
    expect(s.late).toBe(false);
    const none = await intake(mail({ received: [], date: 'not a date' }), rules);
    expect(none.receivedAt).toBeNull();
    expect(none.problems.join(' ')).toContain('mottakstidspunktet er ukjent');
  });

  it('is not fooled by a Date in 1970 or 2100', async () => {
    const old = await at(['from a by mx; Mon, 10 May 2021 10:00:00 +0200'], 'Thu, 01 Jan 1970 00:00:00 +0000');
    expect(old.late).toBe(false);
    expect(old.problems.join(' ')).toContain('Date-feltet');
    const future = await at(['from a by mx; Mon, 10 May 2021 10:00:00 +0200'], 'Fri, 01 Jan 2100 00:00:00 +0000');
    expect(future.late).toBe(false);
    expect(future.receivedAt).toBe('2021-05-10T08:00:00.000Z');
  });

  it('says late of input only: a message held while a caseworker decides whether it is input at all is late for nothing yet', async () => {
    // A new thread whose content is in a PDF that cannot be read, a week after the OGP deadline:
    // held under the consultation its file's name names for a person to see whether it is input at
    // all (a decision judges it again by its consultation's deadline); its received time is kept.
    const held = await intake(
      mail({
        received: ['from a by mx01.dep.no; Wed, 26 May 2021 10:00:00 +0200'],
        subject: 'Innspill fra oss',
        from: 'Per Olsen <per.olsen@gmail.com>',
        body: 'Hei\n\nVedlagt er vårt innspill.\n\nPer',
        attachments: [{ filename: 'innspill OGP 4B.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj <<>> cut off') }],
      }),
      rules,
    );
    expect(held.review?.reasons).toContain('relevance-uncertain');
    expect(held.consultation?.id).toBe('ogp-4b');
    expect(held.receivedAt).toBe('2021-05-26T08:00:00.000Z');
    expect(held.late).toBe(false);
    // The same day on input the rules recognise: late.
    const input = await at(['from a by mx01.dep.no; Wed, 26 May 2021 10:00:00 +0200']);
    expect(input.relevant).toBe(true);
    expect(input.late).toBe(true);
  });

  it('uses the mailbox time when the message has no dates at all', async () => {
    const s = await intake(mail({ received: [], date: 'garbage' }), rules, { mailboxDate: new Date('2021-05-19T06:00:00Z') });
    expect(s.receivedFrom).toBe('mailbox');
    expect(s.late).toBe(true);
  });
});
