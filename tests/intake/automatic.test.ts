import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION = 'OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
const kind = async (m: Parameters<typeof mail>[0]) => {
  const s = await intake(mail(m), rules);
  return { kind: s.automaticKind, send: s.receipt.send, reason: s.receipt.reason, relevant: s.relevant, bounced: s.bouncedRecipients };
};

describe('automatic mail never gets a receipt', () => {
  it('RFC 3834 Auto-Submitted, but "no" is a person', async () => {
    const auto = await kind({ subject: `Automatisk svar: ${INVITATION}`, headers: { 'Auto-Submitted': 'auto-replied' }, body: 'Jeg er på ferie til 20. mai.' });
    expect(auto.kind).toBe('out-of-office');
    expect(auto.relevant).toBe(true);
    expect(auto.send).toBe(false);
    const human = await kind({ subject: `SV: ${INVITATION}`, headers: { 'Auto-Submitted': 'no' }, body: 'Vi har innspill om eInnsyn.' });
    expect(human.kind).toBeNull();
    expect(human.send).toBe(true);
  });

  it.each([
    ['X-Autoreply', 'yes'],
    ['X-Autorespond', 'Vacation'],
    ['X-Auto-Response-Suppress', 'All'],
    ['Precedence', 'auto_reply'],
  ])('vendor header %s', async (name, value) => {
    const r = await kind({ subject: `RE: ${INVITATION}`, headers: { [name]: value }, body: 'Takk for henvendelsen.' });
    expect(r.kind).not.toBeNull();
    expect(r.send).toBe(false);
  });

  it('a vacation reply with a plain "Re:" subject and no marker header, in nb, nn and en', async () => {
    for (const body of [
      'Hei! Jeg er på ferie til 25. mai og har begrenset tilgang til e-post. Ta kontakt med sentralbordet.',
      'Eg er ikkje på kontoret før 20. mai. Saker som hastar kan sendast til post@ks.no.',
      'Thank you for your email. I am out of the office until 25 May with limited access to email.',
    ]) {
      const r = await kind({ subject: `Re: ${INVITATION}`, body });
      expect(r.kind, body).toBe('out-of-office');
      expect(r.send).toBe(false);
    }
  });

  it('an out-of-office reply known only by its subject (no marker header, nothing in the body says so)', async () => {
    for (const subject of [`Ferie: ${INVITATION}`, 'Ferie', 'On leave until 25 May', `Vacation - ${INVITATION}`]) {
      const r = await kind({ subject, body: 'Saker om OGP handlingsplan 4B kan sendes til Kari Nordmann, kari.nordmann@ks.no.' });
      expect(r.kind, subject).toBe('out-of-office');
      expect(r.send, subject).toBe(false);
    }
  });

  it('the Notes style: "<name> er ikke til stede" and "jeg vil være fraværende" are out-of-office, not a general auto-reply', async () => {
    const r = await kind({
      subject: 'Ola Haugen er ikke til stede.',
      headers: { 'Auto-Submitted': 'auto-replied' },
      body: 'Jeg vil være fraværende fra 03.05.2021 og vil ikke være tilbake før 10.05.2021.\n\nSaker som haster kan sendes til postmottak.',
    });
    expect(r.kind).toBe('out-of-office');
    const body = await kind({ subject: `Re: ${INVITATION}`, body: 'Jeg vil være fraværende i hele mai. Henvendelser om OGP kan sendes til postmottak.' });
    expect(body.kind).toBe('out-of-office');
    expect(body.send).toBe(false);
  });

  it('a real reply that mentions a holiday is still a person', async () => {
    const body = `Jeg er på ferie fra neste uke, så her er våre innspill allerede nå.\n\n${'Vi mener forpliktelsen om offentlige anskaffelser bør omfatte åpne innkjøpsdata og kunngjøring av alle kontrakter. '.repeat(12)}`;
    const r = await kind({ subject: `SV: ${INVITATION}`, body });
    expect(r.kind).toBeNull();
    expect(r.send).toBe(true);
  });

  it('bounces of the invitation: DSN, MAILER-DAEMON, empty Return-Path — with the recipients that were not reached', async () => {
    const dsn = await kind({
      from: 'Mail Delivery System <MAILER-DAEMON@mx01.dep.no>',
      subject: 'Undelivered Mail Returned to Sender',
      headers: { 'Return-Path': '<>' },
      contentType: 'multipart/report; report-type=delivery-status; boundary="x"',
      body: `--x\nContent-Type: text/plain\n\nI'm sorry to have to inform you that your message could not be delivered.\n\n--x\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx01.dep.no\n\nFinal-Recipient: rfc822; post@amnesty.no\nAction: failed\nStatus: 5.1.1\n\n--x\nContent-Type: text/rfc822-headers\n\nSubject: ${INVITATION}\n\n--x--\n`,
    });
    expect(dsn.kind).toBe('bounce');
    expect(dsn.bounced).toEqual(['post@amnesty.no']);
    expect(dsn.relevant).toBe(true);
    expect(dsn.send).toBe(false);
    const delay = await kind({ from: 'postmaster@mx.example.no', subject: 'Delayed Mail (still being retried)', headers: { 'Return-Path': '<>' }, body: `Action: delayed\nStatus: 4.4.7\nFinal-Recipient: rfc822; post@wwf.no\nSubject: ${INVITATION}` });
    expect(delay.kind).toBe('delay');
  });

  it('read receipts, lists, noreply senders, ticket systems and our own receipts', async () => {
    expect((await kind({ subject: `Lest: ${INVITATION}` })).kind).toBe('read-receipt');
    expect((await kind({ subject: 'Nyhetsbrev om åpenhet', headers: { 'List-Unsubscribe': '<mailto:u@x.no>' } })).kind).toBe('list');
    expect((await kind({ from: 'Altinn <noreply@altinn.no>', subject: 'Ny melding' })).kind).toBe('noreply');
    expect((await kind({ subject: `[Sak #12345] ${INVITATION}`, body: 'Vi har mottatt din henvendelse og vil svare så snart vi kan.' })).kind).toBe('ticket');
    const back = await kind({ from: 'postmottak@kmd.dep.no', subject: `Kvittering: SV: ${INVITATION}`, headers: { 'X-Innspill-Receipt': '2021-0007' } });
    expect(back.kind).toBe('own-receipt');
    expect(back.send).toBe(false);
  });

  it('unrelated mail gets no receipt either', async () => {
    const r = await kind({ from: 'Ola <ola@gmail.com>', subject: 'Spørsmål om eiendomsskatt', body: 'Hei, hvorfor har eiendomsskatten økt i min kommune?' });
    expect(r.relevant).toBe(false);
    expect(r.send).toBe(false);
  });
});
