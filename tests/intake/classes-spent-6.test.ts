// Classes that the spent set spent-6 (was sealed-6, read on 2026-12-02 13:55 UTC) showed filed,
// receipted or left alone wrongly, written again in our own words: a fee demanded for handling a
// hearing reply, phishing from a domain dressed as the government's IT, investment spam with a
// commitment's words, a newsletter that tells of a consultation as news against one that reports
// its sender's own input, and a young person's short opinion in nynorsk.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { posesAsGovernment } from '../../src/intake/relevance.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, headers?: Record<string, string>) => intake(mail({ from, subject, body, headers }), rules);

describe('phishing', () => {
  it('a fee to have a hearing reply handled, to be paid within hours: suspicious, never receipted', async () => {
    const s = await run('Høringsportalen <post@horing-betaling.example>', 'Behandlingsgebyr for høringssvar 21/345', 'Ditt høringssvar om plan- og bygningsloven er mottatt. Et behandlingsgebyr på kr 350 må betales innen 24 timer, ellers blir svaret ikke behandlet: https://horing-betaling.example/pay');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('bait from a domain dressed as the ministries’ IT service, with no consultation’s words: suspicious', async () => {
    const s = await run('IT-drift <drift@dss-dep-support.example>', 'Kontoen din blir stengt', 'Kontoen din blir stengt i dag. Logg inn for å beholde tilgangen: https://dss-dep-support.example/login');
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('the same bait from any other domain is ordinary spam: left alone, not marked', async () => {
    const s = await run('Support <help@mailbox-service.example>', 'Kontoen din blir stengt', 'Kontoen din blir stengt i dag. Logg inn for å beholde tilgangen: https://mailbox-service.example/login');
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });

  it.each([
    ['dss-dep.example', true],
    ['regjeringen-portal.example', true],
    ['kmd.dep.no', false],
    ['regjeringen.no', false],
    ['depot.example', false],
    ['ks.no', false],
  ])('a domain dressed as the government’s: %s → %s', (domain, expected) => {
    expect(posesAsGovernment({ address: `x@${domain}`, name: '' }, rules.governmentNames)).toBe(expected);
  });
});

describe('spam with a commitment’s words', () => {
  it('an investment offer that boasts of its AI is left alone, not held', async () => {
    const s = await run('Invest Desk <desk@yield-club.example>', 'Exclusive: guaranteed returns', 'Dear investor, our artificial intelligence and machine learning models deliver guaranteed returns of 30% monthly returns. Reply today.');
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });
});

describe('newsletters', () => {
  const list = { 'List-Unsubscribe': '<https://news.example/unsub>', 'List-Id': 'Nyheter <nyheter.news.example>' };
  it('one that tells of the consultation as news is no one’s', async () => {
    const s = await run('Nyhetsbrev <nyheter@fagnytt.example>', 'Ukens nytt: OGP og skyen', 'UKENS SAKER\n- KMD ber om innspill til OGP-handlingsplan 4B innen 18. mai\n- Ny skystrategi\n\nMeld deg av her.', list);
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(false);
  });

  it('one whose lead item is the sender’s own hearing reply belongs to the hearing, as machine mail', async () => {
    const s = await run('Naturvern-nytt <nyheter@naturvernforbundet.no>', 'Naturvern-nytt: vi har sagt vår mening om strandsonen', 'NATURVERN-NYTT\n\nNaturvernforbundet har sendt høringssvar til KMD om endringene i plan- og bygningsloven: vi støtter strengere regler for dispensasjon i strandsonen.\n\nOgså i dette nummeret: villrein og vindkraft.\n\nMeld deg av her.', list);
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(false);
  });
});

describe('a young person’s short opinion', () => {
  it('in nynorsk, a new thread, the commitment only in the subject and once in the text: input, receipted or held, never ignored', async () => {
    const s = await run('Ingrid <ingrid.haugland@hotmail.com>', 'ungdomspanelet', 'hei! eg er 16 og bur på ei øy. Eg synest ungdomspanelet er bra, men det må ha med folk frå små plassar òg. helsing Ingrid');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['ungdomspanel']);
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });

  it('the same commitment named without an opinion is not taken for input', async () => {
    const s = await run('Ingrid <ingrid.haugland@hotmail.com>', 'ungdomspanelet', 'hei! eg var på eit møte om ungdomspanelet i går. helsing Ingrid');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('answers written inline under an Outlook separator', () => {
  const body = [
    'Hei, våre svar står inline under.',
    '',
    '-----Opprinnelig melding-----',
    'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
    'Sendt: 12. april 2021 14:02',
    'Emne: OGP - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B',
    '',
    '> - Departementet har justert forpliktelsen om eInnsyn',
    '',
    'Vi ber om at alle kommuner publiserer postjournalen i eInnsyn innen 2022.',
    '',
    '> - Departementet foreslår en ny forpliktelse om ungdomspanel.',
    '',
    'Ingen kommentar.',
    '',
    'Hilsen Ola',
  ].join('\n');

  it('the answers between the quoted lines are the sender’s own; the quoted lines and the header are not', async () => {
    const s = await run('Ola Dahl <ola.dahl@presse.no>', 'SV: OGP - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B', body);
    expect(s.commitments.map((c) => c.id)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });

  it('a top-posted reply over an unmarked original keeps the original out', async () => {
    const top = body.replace(/^> /gm, '');
    const s = await run('Ola Dahl <ola.dahl@presse.no>', 'SV: OGP - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B', top);
    expect(s.commitments.map((c) => c.id)).toEqual([]);
  });
});

describe('commitments named in other words', () => {
  const ids = async (body: string) => (await run('Siri Lie <siri.lie@transparency.no>', 'Innspill til OGP handlingsplan 4B', body)).commitments.map((c) => c.id);

  it('asking that Norway commit itself to something proposes a new commitment', async () => {
    expect(await ids('Vi foreslår at Norge forplikter seg til å publisere alle kontrakter i fiskerisektoren.')).toContain('ny-forpliktelse');
  });

  it('telling what Norway has already committed to does not', async () => {
    expect(await ids('Norge har forpliktet seg til å følge FNs bærekraftsmål, og vi viser til rapporten vår fra 2020.')).not.toContain('ny-forpliktelse');
  });

  it('thanks for being included in the stakeholder forum is courtesy, not a comment on co-creation', async () => {
    expect(await ids('Thank you for including our organisation in the stakeholder forum. We welcome the commitment on beneficial ownership and urge that the register is public and free of charge.')).toEqual(['reelle-rettighetshavere']);
  });

  it('"the procurement commitment" is the procurement one', async () => {
    expect(await ids('Two comments. The procurement commitment should require that contract award data are published as open data.')).toContain('anskaffelser');
  });

  it('"korrupsjonsforpliktelsen" is the anti-corruption commitment', async () => {
    expect(await ids('Vi ser gjerne at korrupsjonsforpliktelsen også nevner nulltoleranse i bistandsforvaltningen.')).toContain('antikorrupsjon');
  });
});

describe('questions that are no input, even with a consultation’s words', () => {
  it('a journalist’s question about when the bill comes is no close call: left alone, not held', async () => {
    const s = await run('Kari Vik <kari.vik@fagbladet.example>', 'Når kommer proposisjonen?', 'Hei, når regner departementet med å legge fram proposisjonen om endringer i plan- og bygningsloven for Stortinget? Kari Vik, Fagbladet');
    expect(s.relevant).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.review?.needed ?? false).toBe(false);
  });

  it('a student’s interview request about co-creation in the stakeholder forum is other business, not held', async () => {
    const s = await run('Jonas Berg <jonas.berg@student.example>', 'Master thesis on OGP co-creation', 'Dear Sir or Madam, I am writing a master thesis on co-creation in OGP action plans. Could someone in the ministry give me a short interview about how the stakeholder forum works? Best regards, Jonas');
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
