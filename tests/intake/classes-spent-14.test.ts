// Classes that the spent set spent-14 (was sealed-14, read on 2026-12-03 at 17:00 UTC) showed,
// written again in our own words: a "secure portal" log-in to confirm what was sent is bait; a sales
// offer is no input.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a log-in through a "secure portal" to confirm one’s input is bait', () => {
  it('from a look-alike of the ministry, with the case number: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'KMD Postmottak <post@kmd-dep-portal.example>',
        subject: 'Innspill 17/1886 – bekreftelse mangler',
        body: 'Hei,\n\nInnspillet ditt i sak 17/1886 er ikke ferdig registrert. Logg inn via vår sikre portal innen 48 timer for å fullføre:\n\nhttps://kmd-dep-portal.example/innlogging\n\nDepartementet',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('"innen 24 timer for å bekrefte" is the same bait in another order', async () => {
    const s = await intake(
      mail({ from: 'Høring <noreply@horing-portal.example>', subject: 'Høringssvar 21/345', body: 'Høringssvaret ditt må bekreftes. Gjør det innen 24 timer for å bekrefte at det skal behandles: https://horing-portal.example/login\n' }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a sales offer is no input', () => {
  it('"vi tilbyr gjerne en evaluering av OGP-arbeidet": not filed as input, no receipt', async () => {
    const s = await intake(
      mail({ from: 'Eva Lunde <eva@analysebyraa.example>', subject: 'Tilbud om evaluering', body: 'Hei,\n\nVårt firma tilbyr gjerne en uavhengig evaluering av Norges OGP-arbeid, med erfaring fra flere land. Ta kontakt for et uforpliktende tilbud.\n\nEva Lunde' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    const third = await intake(
      mail({ from: 'Eva Lunde <eva@analysebyraa.example>', subject: 'Evaluering av OGP', body: 'Hei,\n\nAnalysebyrået har gjort mange studier av åpenhet i forvaltningen og tilbyr gjerne en ekstern evaluering av Norges OGP-arbeid.\n\nEva Lunde' }),
      rules,
    );
    expect(third.relevant).toBe(false);
    expect(third.receipt.send).toBe(false);
  });

  it('an organisation that offers its help beside a proposal is still input', async () => {
    const s = await intake(
      mail({ from: 'Eva Lunde <eva@analysebyraa.example>', subject: 'Innspill til handlingsplan 4B', body: 'Hei,\n\nVi foreslår at forpliktelsen om eInnsyn får en klar frist for kommunene. Vi tilbyr gjerne en kartlegging av hvor langt kommunene har kommet.\n\nEva Lunde' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('einnsyn');
  });
});

describe('answers written into the quoted letter without "> " marks, when the sender says so', () => {
  const quoted = (answer: string) =>
    [
      'Hei, kommentarene våre står inne i teksten nedenfor, merket KF:',
      '',
      'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
      'Sendt: tirsdag 13. april 2021 09:14',
      'Emne: Invitasjon til innspill til handlingsplan 4B',
      '',
      'Kommunal- og moderniseringsdepartementet har oppdatert / justert forpliktelsen om eInnsyn',
      '',
      answer,
      '',
      'Med hilsen',
      'Kari Fjeld',
    ].join('\n');

  it('the answer between the letter’s lines is the sender’s, the letter’s own lines are not', async () => {
    const s = await intake(mail({ from: 'Kari Fjeld <kari@frivillig.example>', subject: 'SV: Invitasjon til innspill', body: quoted('KF: Forpliktelsen om eInnsyn bør gi alle kommuner en frist for å publisere postjournalen i fulltekst.') }), rules);
    expect(s.ownWords).toContain('frist for å publisere postjournalen');
    expect(s.ownWords).not.toContain('har oppdatert / justert forpliktelsen');
    expect(s.ownWords).not.toContain('Sendt: tirsdag');
    expect(s.commitments.map((c) => c.id)).toEqual(['einnsyn']);
  });

  it('without the sender’s word, a quote with no "> " marks stays quoted, as before', async () => {
    const body = quoted('KF: Forpliktelsen om eInnsyn bør gi alle kommuner en frist for å publisere postjournalen i fulltekst.').replace('kommentarene våre står inne i teksten nedenfor, merket KF:', 'se vedlagt brev.');
    const s = await intake(mail({ from: 'Kari Fjeld <kari@frivillig.example>', subject: 'SV: Invitasjon til innspill', body }), rules);
    expect(s.ownWords).not.toContain('postjournalen');
  });
});

describe('a demand on the one who decides is input, though a question stands beside it', () => {
  it('a forwarded note ("kan du sende dette til departementet?") over "departementet må lage en mal": the hearing’s input', async () => {
    const body = [
      'Sendt fra min iPhone',
      '',
      'Start på videresendt melding:',
      '',
      'Fra: Siv Dahl <siv@arealplan.example>',
      'Dato: 20. mai 2021 kl. 14:02:11 CEST',
      'Til: Ola Vik <ola@arealplan.example>',
      'Emne: medvirkning',
      '',
      'Ola, kan du sende dette videre til departementet?',
      '',
      'Kravet om medvirkningsplan i alle reguleringssaker er bra, men departementet må lage en felles mal, ellers praktiserer kommunene kravet ulikt.',
      '',
      'Siv',
    ].join('\n');
    const s = await intake(mail({ from: 'Ola Vik <ola@arealplan.example>', subject: 'Fwd: medvirkning', body }), rules);
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.commitments.map((c) => c.id)).toEqual(['medvirkning']);
  });

  it('a question with nothing demanded stays a question', async () => {
    const s = await intake(mail({ from: 'Ola Vik <ola@arealplan.example>', subject: 'Spørsmål om høringen', body: 'Hei, gjelder kravet om medvirkningsplan også for små reguleringssaker?\n\nOla' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});

describe('one’s own case given as the reason for changing the law', () => {
  it('"gjør varmepumper søknadsfrie … nå må vi søke dispensasjon": the hearing’s input', async () => {
    const s = await intake(
      mail({ from: 'Tone Berg <tone.berg@online.no>', to: 'hoering-pbl@kmd.dep.no', subject: 'Endring i loven', body: 'Hei,\n\nNår dere likevel endrer plan- og bygningsloven: gjør varmepumper på fasaden søknadsfrie for vanlige boliger. Nå må vi søke dispensasjon for noe helt ukomplisert.\n\nTone' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a question about one’s own application stays no input', async () => {
    const s = await intake(
      mail({ from: 'Tone Berg <tone.berg@online.no>', to: 'hoering-pbl@kmd.dep.no', subject: 'Byggesak', body: 'Hei,\n\nMå jeg søke dispensasjon for en varmepumpe på fasaden? Kommunen har ikke svart meg på tre måneder.\n\nTone' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('shorter time limits named in one word', () => {
  it('"kortere byggesaksfrister" is the time-limit proposal, beside a dispensation it mentions', async () => {
    const s = await intake(
      mail({ from: 'Per Holm <per@eiendom.example>', to: 'hoering-pbl@kmd.dep.no', subject: 'Høringssvar', body: 'Vi støtter kortere byggesaksfrister, men fristene må også gjelde når kommunen behandler dispensasjoner, ellers flyttes sakene dit.\n\nVi er skeptiske til at dispensasjonsadgangen strammes inn uten at planene oppdateres.\n\nPer Holm' }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toContain('byggesaksfrister');
  });

  it('only cited ("at kortere byggesaksfrister ikke gir unntak fra …"), it is no comment on them', async () => {
    const s = await intake(
      mail({ from: 'Per Holm <per@eiendom.example>', to: 'hoering-pbl@kmd.dep.no', subject: 'Høringssvar', body: 'Vi har ingen merknader til forslagene, men vil understreke at kortere byggesaksfrister ikke må gi unntak fra kravene om universell utforming.\n\nPer Holm' }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).not.toContain('byggesaksfrister');
  });
});

describe('"den nye forpliktelsen deres" is one of the letter’s own new commitments, not a new one', () => {
  it('a citizen on algorithms in decisions: artificial intelligence only', async () => {
    const s = await intake(
      mail({ from: 'Odd Ruud <odd.ruud@gmail.com>', subject: 'Innspill', body: 'Jeg fikk et vedtak fra NAV og vet ikke om en saksbehandler eller en algoritme avgjorde det. Når staten bruker kunstig intelligens, må vedtaket si det. Dette bør stå i den nye forpliktelsen deres.\n\nOdd Ruud' }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toEqual(['kunstig-intelligens']);
  });

  it('a new commitment proposed in the indefinite still is one', async () => {
    const s = await intake(mail({ from: 'Odd Ruud <odd.ruud@gmail.com>', subject: 'Innspill', body: 'Jeg foreslår en ny forpliktelse om åpne møtekalendere for alle statsråder.\n\nOdd Ruud' }), rules);
    expect(s.commitments.map((c) => c.id)).toContain('ny-forpliktelse');
  });
});

describe('a proposal of the sender’s own that matches no commitment of the plan', () => {
  it('"Mitt forslag: alle statsråder bør …" is a new commitment', async () => {
    const s = await intake(mail({ from: 'Odd Ruud <odd.ruud@gmail.com>', subject: 'Forslag', body: 'Hei!\n\nDere ber om forslag til handlingsplanen. Mitt forslag: Alle statsråder bør legge ut en oversikt over reisene sine og hvem de møter, hver uke.\n\nOdd' }), rules);
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['ny-forpliktelse']);
  });

  it('"mitt forslag" about a commitment of the plan adds no new one', async () => {
    const s = await intake(mail({ from: 'Odd Ruud <odd.ruud@gmail.com>', subject: 'Forslag', body: 'Hei!\n\nMitt forslag til forpliktelsen om eInnsyn: alle kommuner bør publisere postjournalen der innen ett år.\n\nOdd' }), rules);
    expect(s.commitments.map((c) => c.id)).toEqual(['einnsyn']);
  });
});
