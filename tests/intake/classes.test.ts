// The classes of mail issue 14 found failing, each with examples of our own (not the fixtures'
// texts): what innspill must decide, and that no receipt goes where none is due.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { summarise } from '../../src/commands/inspect.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { mail, type TestMail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION_ID = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
const SUBJECT = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
const run = (m: TestMail) => intake(mail(m), rules);

describe('1: input from private addresses, new thread, the organisation only in the signature', () => {
  it('is input: filed with a receipt (or held for a person), never ignored; the organisation stays null, the signature a hint', async () => {
    const s = await run({
      from: 'Jonas Eik <jonas.eik@hotmail.com>',
      subject: 'Åpne kulturdata',
      body: 'Hei\n\nMuseene bør legge ut bildene sine med fri lisens, slik at åpne kulturdata faktisk kan brukes i Wikipedia og i skolen. Kulturdata som ligger bak betalingsmur, hjelper ingen.\n\nHilsen Jonas Eik\nWikimedia Norge\n\nSendt fra min iPhone',
    });
    expect(s.relevant || reviewHoldsMessage(s.review)).toBe(true);
    expect(s.sender.organisation).toBeNull();
    expect(s.sender.hints.signature ?? '').toContain('Wikimedia Norge');
    expect(s.commitments.map((c) => c.id)).toEqual(s.relevant ? ['kulturdata'] : []);
  });

  it('a proposal for a new commitment in a few lines from gmail gets its receipt', async () => {
    const s = await run({
      from: 'Eli Berg <eli.berg.1990@gmail.com>',
      subject: 'Innspill til OGP-planen',
      body: 'Jeg vil foreslå en ny forpliktelse: et åpent lobbyregister for departementene.\n\nEli Berg\nTransparency International Norge',
    });
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('ny-forpliktelse');
  });
});

describe('2: a sister organisation abroad, in English, on a domain not in the register', () => {
  it('is input', async () => {
    const s = await run({
      from: 'Anna Schmidt <aschmidt@transparency.org>',
      subject: 'Beneficial ownership in Norway',
      body: "Dear colleagues,\n\nAs input to Norway's OGP action plan we urge you to open the register of beneficial owners to the public, free of charge and as open data.\n\nBest regards\nAnna Schmidt\nTransparency International Secretariat, Berlin",
    });
    expect(s.relevant).toBe(true);
    expect(s.receipt.send || reviewHoldsMessage(s.review)).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['reelle-rettighetshavere']);
  });
});

describe('3: machine mail that belongs to the case', () => {
  it('an eInnsyn request for documents in case 17/1886 is filed as automatic, without a receipt', async () => {
    const s = await run({
      from: 'eInnsyn <noreply@einnsyn.no>',
      subject: 'Innsynskrav',
      headers: { 'Auto-Submitted': 'auto-generated' },
      body: 'Innsynskrav fra: Kari Holm\n\nSaksnr: 17/1886 Open Government Partnership\nDokumentnr: 17/1886-121 Innspill fra Amnesty International Norge\n',
    });
    expect(s.relevant).toBe(true);
    expect(s.automatic).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('an innsynskrav for another case stays out', async () => {
    const s = await run({ from: 'eInnsyn <noreply@einnsyn.no>', subject: 'Innsynskrav', body: 'Saksnr: 21/3310 Kommunereform\nDokumentnr: 21/3310-4 Brev\n' });
    expect(s.relevant).toBe(false);
  });

  it("a newsletter leading with the organisation's own input to plan 4B belongs to the case; OGP news in general does not", async () => {
    const own = await run({
      from: 'Fagpressen <nyhetsbrev@fagpressen.no>',
      subject: 'Nytt fra Fagpressen',
      headers: { 'List-Id': '<nyhetsbrev.fagpressen.no>', 'List-Unsubscribe': '<https://fagpressen.no/avmeld>' },
      body: 'Vi har sendt innspill til handlingsplan 4B i OGP: journalføringen i departementene må bli bedre.\n\nMeld deg av nyhetsbrevet her.',
    });
    expect(own).toMatchObject({ relevant: true, automatic: true });
    expect(own.receipt.send).toBe(false);
    const general = await run({
      from: 'OGP <news@opengovpartnership.org>',
      subject: 'OGP newsletter',
      headers: { 'List-Id': '<news.opengovpartnership.org>' },
      body: 'Open Government Partnership news: members co-create new action plans this year. Unsubscribe.',
    });
    expect(general.relevant).toBe(false);
  });
});

describe('4: look-alikes that are not input', () => {
  it("another ministry's invitation to propose measures for a different action plan gets no receipt, even from a listed sender", async () => {
    const s = await run({
      from: 'Postmottak KLD <postmottak@kld.dep.no>',
      subject: 'Invitasjon til innspill – handlingsplan for grønn omstilling',
      body: 'Klima- og miljødepartementet inviterer departementene til å foreslå tiltak til en ny handlingsplan for grønn omstilling. Sivilsamfunnet skal involveres. Innspill sendes innen 10. juni.\n',
    });
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a hearing reply on another law with KMD only in Cc gets no receipt', async () => {
    const s = await run({
      from: 'LO <post@lo.no>',
      to: 'postmottak@fin.dep.no',
      headers: { Cc: 'postmottak@kmd.dep.no' },
      subject: 'Høringssvar – endringer i hvitvaskingsloven',
      body: 'Vi viser til høringsbrev av 3. mars. LO støtter et åpent register over reelle rettighetshavere og mener eInnsyn og journalføring må gjelde tilsynet.\n',
    });
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('5: mail that imitates the ministry or the consultation', () => {
  it('is no input, gets no receipt, and is marked suspicious and held for a person to see', async () => {
    for (const m of [
      {
        from: 'KMD <innspill@kmd-dep.no>',
        subject: 'Innspill til handlingsplan 4B – dokumenter venter',
        body: 'Logg inn for å lese dokumentene i innspillsrunden: https://kmd-dep.example.net',
      },
      {
        from: 'OGP Secretariat <docs@ogp-files.example.com>',
        subject: 'OGP action plan 4B: secure document',
        body: 'A secure document about the OGP action plan 4B has been shared with you. Sign in to view it.',
      },
    ]) {
      const s = await run(m);
      expect(s.relevant, m.from).toBe(false);
      expect(s.receipt.send, m.from).toBe(false);
      expect(s.suspicious, m.from).toBe(true);
      expect(s.review?.reasons, m.from).toContain('suspicious');
    }
  });

  it('ordinary spam without the consultation is not marked (it is simply not ours)', async () => {
    const s = await run({ from: 'Admin <admin@mailbox-service.example>', subject: 'Your mailbox is full', body: 'Your mailbox is full. Verify your account now.' });
    expect(s.relevant).toBe(false);
    expect(s.suspicious).toBe(false);
  });
});

describe('6: forged senders and spam flags', () => {
  const reply = (headers: Record<string, string>) =>
    run({ from: 'Kari <kari@nho.no>', subject: SUBJECT, headers: { 'In-Reply-To': INVITATION_ID, ...headers }, body: 'Offentlige anskaffelser må bli heldigitale.' });

  it('DMARC failed, or SPF failed with no passing DKIM: filed as input, receipt held with the reason', async () => {
    for (const ar of [
      'mx01.dep.no; spf=fail smtp.mailfrom=nho.no; dkim=none; dmarc=fail header.from=nho.no',
      'mx01.dep.no; spf=fail smtp.mailfrom=nho.no; dkim=fail header.d=nho.no',
    ]) {
      const s = await reply({ 'Authentication-Results': ar });
      expect(s.relevant, ar).toBe(true);
      expect(s.review, ar).toMatchObject({ needed: true, reasons: ['sender-forged'] });
      expect(s.receipt, ar).toMatchObject({ send: false, code: 'held-for-review' });
      expect(s.receipt.reason, ar).toMatch(/holdes tilbake.*(DMARC|SPF)/);
    }
  });

  it('a From that failed DMARC is never taken for its organisation; what it claims is shown as a claim', async () => {
    const s = await reply({ 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=nho.no; dkim=none; dmarc=fail header.from=nho.no' });
    expect(s.sender.organisation).toBeNull();
    expect(s.sender.hints.unconfirmed?.organisation).toBe('Næringslivets hovedorganisasjon');
    expect(summarise('x.eml', s, rules)).toContain('ukjent organisasjon (Fra-adressen oppgir Næringslivets hovedorganisasjon, ikke bekreftet)');
  });

  it('SPF failed but a DKIM signature passed (a forwarder): the receipt goes', async () => {
    const s = await reply({ 'Authentication-Results': 'mx01.dep.no; spf=fail smtp.mailfrom=nho.no; dkim=pass header.d=nho.no; dmarc=pass' });
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(true);
  });

  it('only the topmost Authentication-Results counts (the one our server added)', async () => {
    const raw = mail({ from: 'Kari <kari@nho.no>', subject: SUBJECT, headers: { 'In-Reply-To': INVITATION_ID }, body: 'Offentlige anskaffelser må bli heldigitale.' })
      .toString('utf8')
      .replace(/^Received:/m, 'Authentication-Results: mx01.dep.no; spf=pass smtp.mailfrom=nho.no; dkim=pass; dmarc=pass\r\nReceived:')
      .replace(/^MIME-Version:/m, 'Authentication-Results: evil.example; dmarc=fail\r\nMIME-Version:');
    const s = await intake(Buffer.from(raw), rules);
    expect(s.receipt.send).toBe(true);
  });

  it('a spam flag holds the receipt of input too', async () => {
    const s = await reply({ 'X-Spam-Flag': 'YES' });
    expect(s.review?.reasons).toEqual(['spam-flagged']);
    expect(s.receipt.send).toBe(false);
  });
});

describe('7: words of another commitment used only as context', () => {
  it.each([
    ['reelle-rettighetshavere', 'Et åpent register over reelle rettighetshavere er det viktigste tiltaket mot korrupsjon og hvitvasking.'],
    ['kunstig-intelligens', 'Kunstig intelligens i forvaltningen må være etterprøvbar; en algoritme som sorterer ungdom til tiltak, må kunne forklares.'],
    ['einnsyn', 'eInnsyn må publisere dokumentene i fulltekst, også dem som ligger i arkiv hos kommunene.'],
  ])('a reply about %s stays there', async (id, body) => {
    const s = await run({ from: 'Ola <ola@ks.no>', subject: SUBJECT, headers: { 'In-Reply-To': INVITATION_ID }, body });
    expect(s.commitments.map((c) => c.id)).toEqual([id]);
  });
});
