// Classes that the spent set spent-12 (was sealed-12, read on 2026-12-03 09:36 UTC) showed
// misjudged, written again in our own words: a teenager's two lines on the youth panel, said as
// "en god idé" and "dere må …", ignored as if they were no opinion; phishing that sends the sender
// to a "sikker pålogging" from a look-alike of the ministry, filed as input; a hearing answer with
// "ingen merknader, med ett unntak: …", whose exception was read as part of "no comments"; and a
// delay notice in plain text taken for a bounce, because a rule term "(delay)" could never match;
// a plan proposal to be delivered "digitalt" a few words later, and a remark on the bill's
// economic and administrative consequences (outside its proposals), not sorted under their topics;
// input on eInnsyn and on digital building-case processes held between OGP and the hearing, though
// every word that spoke for the hearing ("byggesaker") spoke as much for OGP's commitment.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, to?: string) => intake(mail({ from, subject, body, to }), rules);

describe('a young person’s short opinion on a commitment, from a private address', () => {
  it('"… er en god idé": input to OGP 4B, receipted or held, never ignored', async () => {
    const s = await run('Sara Nilsen <sara.nilsen2005@hotmail.com>', 'Ungdomspanelet', 'Ungdomspanelet er en god idé. Hilsen Sara, 15 år, Vesterålen');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['ungdomspanel']);
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });

  it('"dere må …" told to the ministry: input too', async () => {
    const s = await run('Jonas <jonas.b@gmail.com>', 'Ungdomspanelet', 'Til ungdomspanelet: dere må dekke reisen for dem som bor langt unna, ellers kommer bare de fra byene.');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});

describe('phishing that asks for a log-in', () => {
  it('from a look-alike of the ministry, with the consultation’s words and a "sikker pålogging": suspicious, not input, no receipt', async () => {
    const s = await run(
      'Innspillsportalen <varsel@kmd-portal.example.org>',
      'Innspillet ditt til handlingsplan 4B mangler signatur',
      'Vi har mottatt innspillet ditt til OGP handlingsplan 4B, men det mangler signatur. Fullfør innsendingen via sikker pålogging innen fredag: https://kmd-portal.example.org/innlogging',
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('"ingen merknader" with an exception', () => {
  it('"… med ett unntak: …": the exception is input on its proposal, and the reply is no "no comments"', async () => {
    const s = await run(
      'Anne Lie <anne.lie@fiskeridir.no>',
      'Høring – endringer i plan- og bygningsloven',
      'Fiskeridirektoratet har ingen merknader til høringen om plan- og bygningsloven, med ett unntak: dispensasjonsreglene i strandsonen må ikke stenge for nye kaianlegg til fiskerinæringen.',
      'hoering-pbl@kmd.dep.no',
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.noComments).toBe(false);
    expect(s.commitments.map((c) => c.id)).toContain('dispensasjon');
  });
});

describe('a delay notice in plain text', () => {
  it('subject "Delivery Status Notification (Delay)" from the mail system: a delay, not a bounce', async () => {
    const s = await run(
      'Mail Delivery System <mailer-daemon@mx.kommune.example>',
      'Delivery Status Notification (Delay)',
      'This is an automatically generated message.\n\nDelivery to the following recipient is delayed:\n\n  postmottak@kommune.example\n\nThe server will keep trying for two more days.',
    );
    expect(s.automaticKind).toBe('delay');
    expect(s.receipt.send).toBe(false);
  });
});

describe('hearing answers on what the proposals say and on what they leave out', () => {
  const hearing = (body: string) => run('Per Dahl <per.dahl@fjellbygd.kommune.no>', 'Høringssvar 21/345', body, 'hoering-pbl@kmd.dep.no');

  it('a plan proposal to be delivered digitally, the words a few apart: digital plan processing', async () => {
    const s = await hearing('Fjellbygd kommune mener reguleringsplaner bør leveres digitalt, men ber om et statlig tilskudd til nye fagsystemer.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.commitments.map((c) => c.id)).toContain('digital-planbehandling');
  });

  it('the bill’s economic and administrative consequences: another remark, beside the proposal it is about', async () => {
    const s = await hearing('Vi støtter kortere frister i byggesaker.\n\nVi savner likevel en drøfting av de økonomiske og administrative konsekvensene for små kommuner.');
    expect(s.commitments.map((c) => c.id)).toEqual(expect.arrayContaining(['byggesaksfrister', 'andre-merknader']));
  });
});

describe('two consultations close on content', () => {
  it('the words that speak for the hearing all speak for OGP as well, and OGP has words of its own: OGP, not held', async () => {
    const s = await run(
      'Eva Berg <eva.berg@fjellbygd.kommune.no>',
      'Innspill om åpenhet i kommunene',
      'Fjellbygd kommune støtter at flere kommuner tar i bruk eInnsyn. Vi mener også at de digitale plan- og byggesaksprosessene må gi innbyggerne innsyn i egne byggesaker.',
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.consultation?.reason.code).toBe('content');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });

  it('each has words of its own (eInnsyn; the deadline for building applications): still held between the two', async () => {
    const s = await run(
      'Eva Berg <eva.berg@fjellbygd.kommune.no>',
      'Innspill om åpenhet i kommunene',
      'Fjellbygd kommune støtter at flere kommuner tar i bruk eInnsyn. Vi mener også at fristen for å behandle byggesøknader ikke bør kortes ned fra tolv til åtte uker.',
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
  });
});
