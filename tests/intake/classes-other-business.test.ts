// Other business that shares every consultation's words (rules/signals.yaml): questions about
// how to take part, students' and researchers' requests, requests to interpret the law in a case of
// one's own, sales offers, invitations with registration, a person's own case. Written in our own
// words on 2026-12-02, each beside real input that uses the same words and does propose something.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

describe('not input: no receipt, whichever consultation’s words it uses', () => {
  it.each([
    ['a citizen asks how to take part', 'Ola Berg <ola.berg@gmail.com>', 'Spørsmål om OGP', 'Hei. Jeg har lest om handlingsplanen for åpenhet. Hvordan kan jeg som privatperson delta i arbeidet med handlingsplan 4B, og hvem kan jeg kontakte? Mvh Ola'],
    ['a student asks for an interview', 'Ingrid Moe <ingrid.moe@student.uio.no>', 'Masteroppgave om åpenhet i forvaltningen', 'Hei, jeg skriver masteroppgave om Open Government Partnership og eInnsyn. Kan jeg få intervjue en saksbehandler om hvordan handlingsplanene lages? Hilsen Ingrid'],
    ['a municipality asks for the law’s interpretation in a case', 'Per Lie <per.lie@askoy.kommune.no>', 'Tolkning av § 19-2 – dispensasjon', 'Hei. Askøy kommune ber om departementets tolkning av § 19-2 i en konkret sak om dispensasjon fra kommuneplanens arealformål i strandsonen. Kan departementet gi en uttalelse? Med hilsen Per Lie, Askøy kommune'],
    ['a supplier offers its products', 'Salg <post@plankonsult.example>', 'Digital planbehandling – vi kan hjelpe kommunen', 'Hei! Plankonsult leverer løsninger for digital planbehandling og plandialog. Vi tilbyr et gratis webinar for kommuner om nye krav til digitale planforslag. Ta kontakt for et møte. Hilsen Plankonsult'],
    ['an invitation with registration', 'Kari Dahl <kari.dahl@dibk.no>', 'Invitasjon: Byggesaksdagene 2021', 'Direktoratet for byggkvalitet inviterer til Byggesaksdagene 2021 med temaene digital byggesøknad, dispensasjoner og nye frister. Påmelding innen 1. juni. Velkommen!'],
    ['a person asks for documents in their own building case', 'Tor Vik <tor.vik@online.no>', 'Innsyn i min byggesak', 'Jeg ber om innsyn i alle dokumenter i min byggesak hos kommunen, og lurer på hvorfor kommunen ikke har publisert dem i eInnsyn. Tor Vik'],
  ])('%s', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.receipt.send).toBe(false);
    // Not filed as input: unrelated, or at most held for a caseworker (a question naming the plan).
    expect(s.relevant && s.review?.needed !== true).toBe(false);
  });
});

describe('input with the same words that proposes something: a receipt', () => {
  it.each([
    ['a question beside a proposal', 'Ola Berg <ola.berg@gmail.com>', 'Innspill til OGP handlingsplan 4B', 'Hei. Hvordan kan jeg delta videre i arbeidet? Jeg mener handlingsplan 4B bør ha en forpliktelse om et åpent lobbyregister som viser møter med statsråder. Mvh Ola'],
    ['a researcher’s hearing reply that proposes', 'Ingrid Moe <ingrid.moe@uio.no>', 'Høringssvar – plan- og bygningsloven', 'Som del av et forskningsprosjekt om planlegging har vi sett på medvirkning. Vi foreslår at medvirkningsplanen skal gjelde også for detaljreguleringer, og at barn og unge høres særskilt. Hilsen Ingrid Moe'],
    ['a municipality’s hearing reply on the dispensation rules', 'Per Lie <per.lie@askoy.kommune.no>', 'Høringssvar 21/345 – dispensasjon', 'Askøy kommune viser til høringsnotatet. Vi støtter forslaget om strengere vilkår for dispensasjon i strandsonen, men ber om at departementets tolkning av «særlige grunner» presiseres i loven. Med hilsen Per Lie'],
  ])('%s', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a person’s mail about a consultation that is no input: left in the inbox for the ordinary handling', () => {
  it.each([
    ['a request for more time', 'Siv Berg <siv.berg@naturvernforbundet.no>', 'Utsatt frist – høring plan- og bygningsloven', 'Hei. Naturvernforbundet ber om utsatt frist til 18. juni for å gi høringssvar, fordi styret først møtes 10. juni. Hilsen Siv Berg'],
    ['word that input will come', 'Lars Moen <lars.moen@amnesty.no>', 'RE: OGP - Interessentforumet - Invitasjon til innspill', 'Takk for invitasjonen. Amnesty vil sende innspill innen fristen 18. mai. Mvh Lars'],
    ['a question about how to take part in the plan', 'Ola Berg <ola.berg@gmail.com>', 'Spørsmål om OGP', 'Hei. Jeg har lest om handlingsplanen for åpenhet. Hvordan kan jeg som privatperson delta i arbeidet med handlingsplan 4B, og hvem kan jeg kontakte? Mvh Ola'],
  ])('%s: not the consultation’s, no receipt, the reason in words', async (_what, from, subject, body) => {
    const s = await run(from, subject, body);
    expect(s.relevant).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.relevance.reasons.join(' ')).toMatch(/henvendelse om innspillsrunden, ikke et innspill .*blir liggende i innboksen/);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.reasons ?? []).not.toContain('not-input');
  });

  it('a question whose words are clearly about a commitment is kept under the consultation and held for a caseworker', async () => {
    const s = await run(
      'Kari Holm <kari.holm@online.no>',
      'Reelle rettighetshavere',
      'Hei. Når blir registeret over reelle rettighetshavere åpent for allmennheten, og vil opplysningene om reelle rettighetshavere i Brønnøysundregistrene bli kontrollert? Mvh Kari',
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.reasons).toContain('not-input');
    expect(s.review?.notes.find((n) => n.code === 'not-input')?.text).toMatch(/henvendelse om innspillsrunden, ikke et innspill/);
    expect(s.receipt).toMatchObject({ send: false, code: 'held-for-review' });
  });

  it('the same words beside a proposal are input with a receipt', async () => {
    const s = await run(
      'Lars Moen <lars.moen@amnesty.no>',
      'RE: OGP - Interessentforumet - Invitasjon til innspill',
      'Takk for invitasjonen. Vi mener handlingsplan 4B bør ha en forpliktelse om et åpent lobbyregister. Amnesty vil sende utfyllende innspill innen fristen 18. mai. Mvh Lars',
    );
    expect(s.review?.reasons ?? []).not.toContain('not-input');
    expect(s.receipt.send).toBe(true);
  });

  it('an invoice that names the hearing’s documents is no one’s input', async () => {
    const s = await run('Faktura <faktura@oversett.example>', 'Oversettelse av høringsnotat', 'Vedlagt faktura nr. 2021-118 for oversettelse av høringsnotatet om plan- og bygningsloven. Forfallsdato 15.06.2021. Kontonummer 1234.56.78901. Hilsen Oversett AS');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('short opinions and other documents’ input', () => {
  it('input to another strategy named in the subject is that strategy’s, whatever commitment words it has', async () => {
    const s = await run(
      'Silje Vik <silje.vik@abelia.no>',
      'Abelias innspill til ny strategi for kunstig intelligens',
      'Takk for møtet. Våre hovedpunkter:\n\n1. Kunstig intelligens i offentlig sektor bør få egne midler til utprøving.\n2. Deling av data mellom etater må forenkles.\n\nHilsen Silje Vik',
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a short opinion that argues for a commitment’s matter, with it in the subject, is input (receipted or held, never left)', async () => {
    const s = await run('Åse Lunde <ase.lunde@online.no>', 'Algoritmer i forvaltningen', 'Hei! Algoritmer som fatter vedtak om folk må være åpne og kunne etterprøves. Åse');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });

  it('the same words as a question only are not input', async () => {
    const s = await run('Åse Lunde <ase.lunde@online.no>', 'Algoritmer i forvaltningen', 'Hei! Hvilke algoritmer bruker forvaltningen i dag? Åse');
    expect(s.receipt.send).toBe(false);
  });
});
