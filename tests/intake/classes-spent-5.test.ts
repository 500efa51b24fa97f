// Classes that the spent set spent-5 (was sealed-5, read on 2026-12-02) showed receipted as input
// or left unanswered, written again in our own words: questions to the ministry about a
// consultation (left in the inbox), press enquiries, meeting requests, an event invitation in English, phishing that
// asks for a BankID signature, and hearing replies in nynorsk or under a bare "Høringssvar" subject.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

describe('questions to the ministry: left in the inbox for the ordinary handling, never receipted', () => {
  it.each([
    ['a question about the attachments', 'Lise Dahl <lise.dahl@norskfolkehjelp.no>', 'OGP 4B – dokumentene', 'Hei. Vi finner ikke utkastet til handlingsplan 4B som invitasjonen viser til. Kan dere legge det ut på regjeringen.no? Lise Dahl'],
    ['a question about publication', 'Knut Aas <knut.aas@online.no>', 'Høringen om plan- og bygningsloven', 'Hei. Blir høringssvarene om plan- og bygningsloven publisert med navn? Jeg vurderer å skrive et svar. Knut'],
  ])('%s', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
  });

  it('a question beside real input is input', async () => {
    const s = await run('Knut Aas <knut.aas@online.no>', 'Høringssvar – plan- og bygningsloven', 'Hei. Jeg støtter forslaget om medvirkningsplan for alle områdereguleringer, men den bør også gjelde detaljreguleringer. Blir svaret publisert? Knut');
    expect(s.receipt.send).toBe(true);
  });
});

describe('other business: no receipt', () => {
  it.each([
    ['a journalist asks for figures', 'Mia Berg <mia.berg@avisa.example>', 'OGP-innspillene', 'Hei, jeg er journalist i Avisa. Hvor mange innspill til handlingsplan 4B har dere fått så langt? Mia'],
    ['an organisation asks for a meeting about a commitment', 'Ole Ask <ole.ask@nho.no>', 'Anskaffelser', 'NHO ber om et møte med departementet om åpenhet i offentlige anskaffelser i juni. Ole Ask, NHO'],
    ['an English invitation to a forum', 'Events <events@opengov-forum.example>', 'Invitation: Open Government Days', 'Dear colleagues, we are pleased to invite ministries and civil society to the Open Government Days on co-creation and beneficial ownership. Registration is free.'],
  ])('%s', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.receipt.send).toBe(false);
  });

  it('a look-alike asking for a BankID signature on a hearing reply: suspicious', async () => {
    const s = await run('Saksbehandler <saksbehandler@kmd-signering.example>', 'Høringssvar 21/345 – signatur kreves', 'Ditt høringssvar i sak 21/345 må signeres digitalt. Klikk her for å signere med BankID.');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('hearing replies that name neither the law nor the case', () => {
  it('in nynorsk, for a participation plan', async () => {
    const s = await run('Ragna Li <ragna.li@gmail.com>', 'Medverknad i planar', 'Eg stør at det skal lagast ein medverknadsplan for alle områdereguleringar. Ragna');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });

  it('under a bare "Høringssvar" subject, on the shore-zone dispensations', async () => {
    const s = await run('Per Vik <per.vik@kystlaget.example>', 'Høringssvar fra Kystlaget', 'Kystlaget er imot at dispensasjonsreglene i strandsonen skjerpes. Kommunene trenger heller bedre veiledning.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });
});

describe('a delivery report for one of our receipts, known without the store', () => {
  // The receipt's subject in the returned headers is in encoded words, folded over two lines: the
  // case number is only seen once they are decoded.
  const subject = `=?utf-8?B?${Buffer.from('Kvittering for innspill – 17/1886 OGP').toString('base64')}?=\r\n =?utf-8?B?${Buffer.from(' handlingsplan 4B').toString('base64')}?=`;
  const bounce = (returnedSubject: string) =>
    Buffer.from(
      [
        'From: Mail Delivery System <mailer-daemon@mx.example.org>',
        'To: postmottak@kmd.dep.no',
        'Subject: Undelivered Mail Returned to Sender',
        'Date: Tue, 18 May 2021 08:02:04 +0200',
        'Message-ID: <dsn-1@mx.example.org>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Your message could not be delivered to kari@example.org: user unknown.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        'Final-Recipient: rfc822; kari@example.org',
        'Action: failed',
        'Status: 5.1.1',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        'From: Postmottak KMD <postmottak@kmd.dep.no>',
        'To: <kari@example.org>',
        `Subject: ${returnedSubject}`,
        'Message-ID: <kvittering-unknown-1@EXCH-MBX01.dss.dep.no>',
        '--b1--',
        '',
      ].join('\r\n'),
    );

  it('its case number, in the returned subject’s encoded words, files it under its consultation as automatic', async () => {
    const s = await intake(bounce(subject), rules);
    expect(s.automaticKind).toBe('bounce');
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(false);
  });

  it('a returned letter that names no case of ours is no one’s', async () => {
    const other = `=?utf-8?B?${Buffer.from('Svar på søknad om tilskudd – 21/999').toString('base64')}?=`;
    const s = await intake(bounce(other), rules);
    expect(s.automaticKind).toBe('bounce');
    expect(s.relevant).toBe(false);
  });
});

describe('a person’s short note whose document could not be read', () => {
  const broken = { contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog') };
  const send = (subject: string, body: string, filename: string) =>
    intake(mail({ from: 'Johanne Lund <johanne.lund@online.no>', subject, body, attachments: [{ filename, ...broken }] }), rules);

  it('held for a caseworker when the note says it is input to a hearing, the file and the word named', async () => {
    const s = await send('Brev', 'Hei. Sønnen min har skannet brevet mitt om høringen. Hilsen Johanne Lund', 'skann0001.pdf');
    expect(s.attachments[0]!.problem).not.toBeNull();
    expect(s.review?.reasons).toContain('relevance-uncertain');
    const note = s.review?.notes.find((n) => n.code === 'relevance-uncertain')?.text ?? '';
    expect(note).toMatch(/vedlegg som ikke kunne leses \(«skann0001\.pdf»: .*avsenderen skriver «.*høringen/);
    expect(s.receipt).toMatchObject({ send: false, code: 'held-for-review' });
  });

  it('not held when nothing says it is input (a scanned receipt for a refund)', async () => {
    const s = await send('Refusjon', 'Hei. Her er den skannede kvitteringen for reisen i april. Hilsen Johanne Lund', 'skann0002.pdf');
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });

  it('not held when the note is a long text of its own (its words are judged as they are)', async () => {
    const long = `Hei. ${'Jeg skriver om en nabotvist om en gjerdegrense som kommunen ikke vil behandle, og lurer på hvem jeg skal kontakte. '.repeat(3)}Brevet mitt om høringen i kommunen ligger ved. Johanne`;
    const s = await send('Nabotvist', long, 'brev.pdf');
    expect(s.review?.reasons ?? []).not.toContain('relevance-uncertain');
  });
});

describe('other mail in a consultation’s words, left alone and not held', () => {
  it.each([
    ['a job application that names OGP', 'Mia Sand <mia.sand@web.example>', 'Application – senior adviser, open government', 'Dear hiring team, please find attached my application for the senior adviser position. I have worked on the OGP action plan in Denmark for three years. Kind regards, Mia Sand'],
    ['a request to be heard in future hearings', 'Per Dal <per.dal@hytteforening.example>', 'Høringsinstans', 'Hei! Hytteforeningen ønsker å bli satt opp som høringsinstans i fremtidige høringer om plan- og bygningsloven. Per Dal'],
    ['a student’s interview request on the hearing’s matter', 'Eva Li <eva.li@student.uib.example>', 'Intervju om strandsonen', 'Hei, jeg skriver masteroppgave om dispensasjoner i strandsonen. Kan jeg få intervjue en saksbehandler som arbeider med høringen? Eva Li'],
  ])('%s', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
