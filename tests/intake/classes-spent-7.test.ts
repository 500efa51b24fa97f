// Classes that the spent set spent-7 (was sealed-7, read on 2026-12-02 14:21 UTC) showed left
// neither receipted nor held, written again in our own words: short hearing replies that name
// neither the law nor the case, under a bare "Høringssvar frå …" subject or none, and a subject
// that names two case numbers.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

describe('hearing replies that name neither the law nor the case', () => {
  it.each([
    ['an organisation’s short opinion on a proposal', 'Kari Moe <kari.moe@bondelag.example>', 'Jordvern', 'Bondelaget i Trøndelag støtter strengere dispensasjonsregler i landbruksområder. Dispensasjoner fra arealformål har latt for mye matjord bli bygd ned.'],
    ['a municipality’s reply under a bare hearing-reply subject, in nynorsk', 'Postmottak <postmottak@voss.kommune.example>', 'Høyringssvar frå Voss kommune', 'Voss kommune går imot å korte ned fristen for byggjesaker til åtte veker. Vi har ikkje kapasitet til det.'],
    ['a child ombud’s reply on participation', 'Post <post@ombud.example>', 'Vårt høringssvar', 'Vi støtter at barn og unge skal høres særskilt i planleggingen, og ber om at kommunene må dokumentere hvordan barnas synspunkter er vektlagt i detaljreguleringer.'],
  ])('%s: the hearing’s input, receipted or held, never ignored', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant || s.review?.needed === true).toBe(true);
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });

  it('a person’s own building case in the same words is not a reply', async () => {
    const s = await run('Per Li <per.li@online.no>', 'Dispensasjon', 'Hei. Naboen min har fått dispensasjon til å bygge brygge i strandsonen, og jeg mener kommunen må se på saken igjen. Per');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('words about a proposal without an opinion do not make a reply', async () => {
    const s = await run('Per Li <per.li@online.no>', 'Avisartikkel', 'Hei. I avisen i dag sto det om byggesaksfrister på åtte uker og om dispensasjoner fra arealformål. Per');
    expect(s.relevant).toBe(false);
  });
});

describe('two case numbers in the subject', () => {
  it('left between the two consultations for a person, never decided by how many words each has; the receipt goes', async () => {
    const s = await run('Siv Dahl <siv.dahl@abelia.no>', 'Innspill i sak 17/1886 og 21/345', 'Abelia har ett innspill til begge sakene: plandata må være åpne og maskinlesbare, og byggesøknader bør kunne sendes digitalt i alle kommuner innen 2023.');
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(reviewHoldsMessage(s.review)).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('phishing dressed as the government', () => {
  it('a "mailbox full" notice from a domain spelling regjeringen.no, with the hearing’s words: suspicious, never receipted', async () => {
    const s = await run('IT <it@regjeringen-no.example>', 'Postmottaket er fullt – høringssvar avvises', 'Postmottaket har nådd 98 % av kvoten. Høringssvar til plan- og bygningsloven blir avvist. Øke lagringsplassen her: http://regjeringen-no.example/q');
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an unpaid "invoice" with a payment link from a domain dressed as DFØ: suspicious', async () => {
    const s = await run('Faktura <faktura@dfo-innkreving.example>', 'Ubetalt faktura', 'Vedlagt faktura må betales i dag. Åpne betalingslenken: http://dfo-innkreving.example/pay');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('an imitation held for caseworkers is late for nothing, even after the deadline', async () => {
    const s = await intake(
      mail({
        from: 'IT <it@regjeringen-no.example>',
        subject: 'Postmottaket er fullt – høringssvar avvises',
        body: 'Postmottaket har nådd 98 % av kvoten. Høringssvar til plan- og bygningsloven blir avvist. Øke lagringsplassen her: http://regjeringen-no.example/q',
        received: ['from mx.example.org by mx01.dep.no; Mon, 20 Sep 2021 10:00:00 +0200'],
        date: 'Mon, 20 Sep 2021 09:59:00 +0200',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.late).toBe(false);
  });
});

describe('out-of-office replies', () => {
  const ooo = (subject: string) =>
    intake(mail({ from: 'Anne Berg <anne.berg@uni.example>', subject, body: 'I am away from the office until 1 June.', headers: { 'Auto-Submitted': 'auto-replied' } }), rules);

  it('to someone else’s mail about OGP: no one’s', async () => {
    const s = await ooo('Out of office: RE: Request for data on Norway’s OGP commitments');
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(false);
  });

  it('to the invitation: the consultation’s machine mail', async () => {
    const s = await ooo('Fraværsmelding: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B');
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

// Read again on 2026-12-04: an angry opinion with a question mark in it, and one's own case given
// as the example of an opinion on a proposal, are input to the hearing.
describe('an opinion on the hearing with a question or one’s own case in it', () => {
  it('"Jeg er helt imot punkt 2. Hvorfor skal vi ikke få bygge et uthus?" is input, not a question', async () => {
    const s = await intake(
      mail({
        from: 'Odd Lien <odd.lien61@gmail.com>',
        subject: 'Protest mot nye dispensasjonsregler',
        body: 'Jeg er helt imot punkt 2. Hvorfor skal vi ikke få bygge et uthus ved hytta? Dispensasjon må fortsatt kunne gis av kommunen.\n\nOdd Lien',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"Åtte vekers frist er bra, eg venta seks månader på hytta mi" is an opinion on the deadlines, not a question about a case', async () => {
    const s = await intake(
      mail({ from: 'Nils Vik <nils.vik@online.no>', subject: 'Innspel', body: 'Åtte vekers frist for byggjesøknader er bra. Eg venta seks månader på løyve til hytta mi.\n\nNils Vik' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
  });
});
