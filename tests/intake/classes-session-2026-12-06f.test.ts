// Classes from spent sets read on 2026-12-06 from 14:50 UTC (sealed-316, -317), written again in
// our own words. The first test of each group fails with the rules of 69a70eb8 (checked with
// rules/ stashed); the others keep the rule from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('a hearing reply that names neither the law nor the case', () => {
  it('"Innspill til lovendring" from a municipality, commenting on the proposal, is the hearing\'s, and late after 4 June', async () => {
    const s = await intake(
      mail({
        from: 'Marit Sande <marit.sande@oslo.kommune.no>',
        subject: 'Innspill til lovendring',
        date: 'Wed, 09 Jun 2021 13:20:00 +0200',
        received: ['from smtp.oslo.kommune.no by mx01.dep.no; Wed, 09 Jun 2021 13:20:04 +0200'],
        body: 'Til departementet\n\nVi er glade for å kunne uttale oss om forslaget. Medvirkningen må starte før planforslaget er ferdig, ellers blir den en formalitet.\n\nMarit Sande\nOslo kommune',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a law change of another law in the subject is still not the hearing\'s', async () => {
    const s = await intake(
      mail({
        from: 'Marit Sande <marit.sande@oslo.kommune.no>',
        subject: 'Lovendring i kommuneloven',
        body: 'Vi er glade for å kunne uttale oss om forslaget om fjernmøter i kommunestyret.\n\nMarit Sande\nOslo kommune',
      }),
      rules,
    );
    expect(s.consultation?.id ?? null).not.toBe('pbl-2021');
    expect(s.receipt.send).toBe(false);
  });
});

describe("one's own building case as the example of a time limit judged", () => {
  it('"byggesaksfristen på åtte uker er bra, jeg ventet et halvt år på min byggesøknad" is input', async () => {
    const s = await intake(
      mail({
        from: 'Jon Ås <jon.as@hotmail.com>',
        subject: 'frist',
        body: 'Byggesaksfristen på åtte uker er bra. Selv ventet jeg et halvt år på svar på min byggesøknad.\n\nJon',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('byggesaksfrister');
  });

  it('the same wait asked about is still a case of one\'s own', async () => {
    const s = await intake(
      mail({
        from: 'Jon Ås <jon.as@hotmail.com>',
        subject: 'frist',
        body: 'Jeg har ventet et halvt år på svar på min byggesøknad. Kan departementet hjelpe meg?\n\nJon',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an opinion on each consultation, the own case beside it, is held between the two (receipted: it is input to either)', async () => {
    const s = await intake(
      mail({
        from: 'Jon Ås <jon.as@hotmail.com>',
        subject: 'to ting',
        body: 'Hei\n\nAlle kommuner bør ha postjournalen sin i eInnsyn, det har ikke min. Og byggesaksfristen på åtte uker er bra, jeg ventet fem måneder på min byggesøknad.\n\nJon',
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(s.receipt.send).toBe(true);
  });
});

describe('the neighbour as the reason to open building cases to all', () => {
  it('"gjør det mulig å se alle byggesøknader på kart … hva naboen har søkt om" is input to the plan', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Vold <eirik.vold@online.no>',
        subject: 'byggesøknader',
        body: 'Gjør det mulig å se alle byggesøknader i kommunen på kart. I dag får man ikke vite hva naboen har søkt om før det er for sent.\n\nEirik',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('plan-og-bygg');
    expect(s.receipt.send).toBe(true);
  });

  it('a question on what the neighbour has applied for is no input', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Vold <eirik.vold@online.no>',
        subject: 'naboen',
        body: 'Naboen har søkt om å bygge garasje rett ved tomta mi. Hvordan kan jeg se søknaden?\n\nEirik',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('what a measure would do, said as its reason', () => {
  it('"Et register over algoritmene … ville gjort det lettere å klage" from a private address is input', async () => {
    const s = await intake(
      mail({
        from: 'Sara Lid <sara.lid@outlook.com>',
        subject: 'Algoritmer',
        body: 'Et register over algoritmene som brukes i velferdsforvaltningen ville gjort det lettere å klage på vedtak.\n\nSara Lid',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });
});

describe("the consultation's own deadline judged is the co-creation commitment", () => {
  it('"Fristen på fire uker er for kort … lengre frister neste gang" is input on co-creation, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Per Moe <per.moe@unio.no>',
        subject: 'Handlingsplan 4B',
        body: 'Her er våre innspill til handlingsplan 4B.\n\nFristen på fire uker er for kort når styret skal behandle saken. Gi lengre frister neste gang.\n\nPer Moe',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['samskaping']);
    expect(s.receipt.send).toBe(true);
  });

  it('another deadline judged ("Fristen for innsyn er for kort") is not', async () => {
    const s = await intake(
      mail({
        from: 'Per Moe <per.moe@unio.no>',
        subject: 'Handlingsplan 4B',
        body: 'Her er våre innspill til handlingsplan 4B.\n\nFristen for innsyn er for kort i mange kommuner, og postjournalene bør ligge i eInnsyn.\n\nPer Moe',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('samskaping');
    expect(ids(s)).toContain('einnsyn');
  });
});

describe('commitments in words the rules did not know', () => {
  it('"registries of correspondence" in English is eInnsyn', async () => {
    const s = await intake(
      mail({
        from: 'Lea Holm <lea.holm@transparency.org>',
        subject: 'Input to action plan 4B',
        body: 'Dear colleagues,\n\nMaking every municipality publish its registry of correspondence online would be the most useful step in the plan.\n\nLea Holm',
      }),
      rules,
    );
    expect(ids(s)).toContain('einnsyn');
  });

  it('"digitale anbudsverktøy" beside another commitment is procurement', async () => {
    const s = await intake(
      mail({
        from: 'Kari Berg <kari.berg@ikt-norge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Åpne kulturdata må følges opp med penger til museene.\n\nDe digitale anbudsverktøyene er for dyre for små bedrifter.\n\nKari Berg',
      }),
      rules,
    );
    expect(ids(s)).toEqual(expect.arrayContaining(['kulturdata', 'anskaffelser']));
  });

  it('what the sender wrote on eInnsyn last year, named to compare, is not eInnsyn', async () => {
    const s = await intake(
      mail({
        from: 'Kari Berg <kari.berg@wikimedia.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Som vi også skrev om eInnsyn i fjor: det samme gjelder her. Åpne kulturdata må prioriteres, og museene trenger penger til digitalisering.\n\nKari Berg',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['kulturdata']);
  });
});

// From spent sealed-327 (read from 15:01 UTC; round 59 written first). The first test of each
// group fails with the rules of 0088cd9c.
describe('hearing documents behind a log-in with the mailbox password', () => {
  it('"Klikk her for å laste ned høringsdokumentene (krever innlogging med e-post og passord)" with the case number is suspicious, not late input', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportal <dokumenter@hoering-portal.example.com>',
        subject: 'Nye dokumenter i sak 21/345',
        date: 'Mon, 07 Jun 2021 07:12:00 +0200',
        received: ['from hoering-portal.example.com by mx01.dep.no; Mon, 07 Jun 2021 07:12:03 +0200'],
        body: 'Klikk her for å laste ned dokumentene i høringen (krever innlogging med e-post og passord): http://dokumenter.example.com/login',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.late).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a hearing reply that links to its own document is still input', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lund <eva.lund@ks.no>',
        subject: 'Høringssvar 21/345',
        body: 'KS støtter kortere byggesaksfrister. Hele høringssvaret kan lastes ned her: https://www.ks.no/hoeringssvar-pbl.pdf\n\nEva Lund',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a commitment given a paragraph of its own with a request', () => {
  it('"Forpliktelsen om å forebygge korrupsjon er for vag. Vi ber om konkrete milepæler" counts beside a longer point', async () => {
    const s = await intake(
      mail({
        from: 'Arne Lie <arne.lie@transparency.no>',
        subject: 'Innspill til handlingsplan 4B',
        body:
          'Hei,\n\nForpliktelsen om å forebygge korrupsjon er for vag. Vi ber om konkrete milepæler.\n\n' +
          'Heldigitaliseringen av offentlige anskaffelser bør kobles til åpne innkjøpsdata, slik at kontrakter, leverandører og endringer kan følges fra kunngjøring til faktura. Vi ber om at DFØ publiserer anskaffelsesdataene i et åpent format, og at alle offentlige innkjøp over terskelverdien kunngjøres i Doffin.\n\nArne Lie',
      }),
      rules,
    );
    expect(ids(s)).toEqual(expect.arrayContaining(['anskaffelser', 'antikorrupsjon']));
  });

  it('corruption named as what a longer point helps against adds nothing', async () => {
    const s = await intake(
      mail({
        from: 'Arne Lie <arne.lie@transparency.no>',
        subject: 'Innspill til handlingsplan 4B',
        body:
          'Hei,\n\nHeldigitaliseringen av offentlige anskaffelser bør kobles til åpne innkjøpsdata, slik at kontrakter, leverandører og endringer kan følges fra kunngjøring til faktura. Vi ber om at DFØ publiserer anskaffelsesdataene i et åpent format, og at alle offentlige innkjøp over terskelverdien kunngjøres i Doffin. Det gjør det også vanskeligere å skjule korrupsjon.\n\nArne Lie',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['anskaffelser']);
  });
});

// From spent sealed-330 and -331 (read from 15:09 UTC; round 60 written first). The first test of
// each group fails with the rules of acb86e8f.
describe("a help desk's case opened, with no header that says it is a machine", () => {
  it('"Sak HD-4471 opprettet: Høring – …" in the hearing\'s thread, "Din henvendelse er registrert som HD-4471", gets no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Kundeservice <kundeservice@byggenaeringen.example.no>',
        subject: 'Sak HD-4471 opprettet: Høring – endringer i plan- og bygningsloven (byggesaksfrister)',
        headers: { 'In-Reply-To': '<c4e1a9b07d2f4b3e8a6c5d4e3f2a1b0c@EXCH-MBX02.dss.dep.no>' },
        body: 'Din henvendelse er registrert som HD-4471.',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('a person\'s subject that starts with the case number is still a person\'s', async () => {
    const s = await intake(
      mail({
        from: 'Liv Vik <liv.vik@vik.kommune.no>',
        subject: 'Sak 21/345 – høringssvar fra Vik kommune',
        body: 'Vik kommune støtter forslaget om åtte ukers byggesaksfrist.\n\nLiv Vik',
      }),
      rules,
    );
    expect(s.automatic).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

describe('the way the invitation went out, judged', () => {
  it('"invitasjonen burde vært publisert åpent på regjeringen.no" from an invited organisation is input on co-creation', async () => {
    const s = await intake(
      mail({
        from: 'Ola Fjell <ola.fjell@kommunikasjon.no>',
        subject: 'Kommentar',
        body: 'Hei\n\nVi mener invitasjonen burde vært publisert åpent på regjeringen.no, ikke bare sendt til noen få organisasjoner. Bred medvirkning forutsetter at folk vet om den.\n\nOla Fjell',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['samskaping']);
    expect(s.receipt.send).toBe(true);
  });
});

describe('proposals put in a way the rules did not know', () => {
  it('"Forslag fra meg som tidligere saksbehandler: …" with one commitment, from a private address, is input', async () => {
    const s = await intake(
      mail({
        from: 'Kai Berg <kai.berg@online.no>',
        subject: 'Forslag',
        body: 'Hei\n\nForslag fra meg som tidligere saksbehandler: Når Skatteetaten bruker algoritmer til å plukke ut hvem som kontrolleres, skal den kontrollerte få vite det.\n\nKai Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });

  it('"alle lønnstilskudd bør publiseres med navn og beløp" is a new commitment proposed', async () => {
    const s = await intake(
      mail({
        from: 'Siri Dahl <siri.dahl@yahoo.no>',
        subject: 'Forslag',
        body: 'Innspill: alle næringstilskudd bør publiseres med mottaker og beløp.\n\nSiri',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.receipt.send).toBe(true);
  });

  it('"Kan dere ha en åpen søknadsrunde til ungdomspanelet og ikke bare plukke ut folk?" is input', async () => {
    const s = await intake(
      mail({
        from: 'Mia Haug <mia.haug@icloud.com>',
        subject: 'ungdom',
        body: 'Jeg er 16 og har lyst til å være med i ungdomspanelet. Kan dere ha en åpen søknadsrunde og ikke bare velge ut noen få?\n\nMia',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ungdomspanel']);
    expect(s.receipt.send).toBe(true);
  });

  it('the same kind of question with nothing of the plan in it is no input', async () => {
    const s = await intake(
      mail({
        from: 'Mia Haug <mia.haug@icloud.com>',
        subject: 'svar',
        body: 'Kan dere sende svaret til meg på e-post og ikke bare legge det på nettsidene?\n\nMia',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

// From spent sealed-336 and -338 (read from 15:19 UTC; round 61 written first). The first test of
// each group fails with the rules of fff325d2.
describe('bait that asks for a hearing reply to be confirmed, or documents uploaded, behind a link', () => {
  it('"Klikk på lenken for å bekrefte høringssvaret ditt (21/345): http://…" is suspicious, never answered', async () => {
    const s = await intake(
      mail({
        from: 'Høring 21/345 <noreply@hoering-svar.example.net>',
        subject: 'Høringssvaret ditt er mottatt',
        body: 'Bekreft høringssvaret ditt i sak 21/345 her: http://hoering-svar.example.net/bekreft',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"please upload your action plan documents to our secure portal" in the plan\'s words is suspicious', async () => {
    const s = await intake(
      mail({
        from: 'OGP Support <support@ogp-partners.example>',
        subject: 'Action plan 4B: documents due',
        body: 'Dear colleague, please upload the documents for action plan 4B to our secure portal by Friday: https://ogp-partners.example/upload',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('a person who asks to have their hearing reply confirmed, with no link, is not bait', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lund <eva.lund@ks.no>',
        subject: 'Høringssvar 21/345',
        body: 'KS støtter kortere byggesaksfrister. Kan dere bekrefte at høringssvaret er mottatt?\n\nEva Lund',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
  });
});

describe('corruption to be stopped, in everyday words', () => {
  it('"Jeg foreslår at alle møter blir filmet. Det er den eneste måten å stoppe korrupsjon på" is input on anti-corruption', async () => {
    const s = await intake(
      mail({
        from: 'Per Moen <per.moen@outlook.com>',
        subject: 'forslag',
        body: 'Jeg foreslår at alle møter med næringslivet blir filmet. Det er den eneste måten å stoppe korrupsjon på.\n\nPer',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('antikorrupsjon');
    expect(s.receipt.send).toBe(true);
  });
});

// From spent sealed-340 (read from 15:31 UTC; round 62 written first). The first test of each
// group fails with the rules of 54ad7ca9.
describe('input called a hearing reply, its document on a milestone of the plan', () => {
  it('"Høringssvar fra …" with a document that asks for a new milestone on open cultural data is the plan\'s input', async () => {
    const doc = Buffer.from('Innspill\n\nArbeidet med åpne kulturdata er ikke ferdig. Strategien bør videreføres med en ny milepæl om fri lisens for digitaliserte fotografier.\n');
    const s = await intake(
      mail({
        from: 'Ida Holm <ida.holm@wikimedia.no>',
        subject: 'Høringssvar fra Wikimedia Norge',
        body: 'Hei, vedlagt er innspillet vårt.\n\nIda Holm',
        attachments: [{ filename: 'innspill.txt', contentType: 'text/plain; charset=utf-8', content: doc }],
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toEqual(['kulturdata']);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a request to be taken off the mailing list', () => {
  it('"Vi ønsker ikke lenger å motta brev om OGP-forumet. Fjern oss fra adresselisten" is no input', async () => {
    const s = await intake(
      mail({
        from: 'Siv Berg <siv.berg@redcross.no>',
        subject: 'Adresseliste',
        body: 'Vi ønsker ikke lenger å motta brev om OGP-forumet. Vennligst fjern oss fra adresselisten.\n\nSiv Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('hearing replies to be uploaded to "our secure portal"', () => {
  it('"Alle høringssvar må lastes opp via vår sikre portal innen 48 timer: https://…" is suspicious', async () => {
    const s = await intake(
      mail({
        from: 'Kommunal- og moderniseringsdepartementet <post@hoering-portal.example.com>',
        subject: 'Høring 21/345 – opplasting',
        body: 'Alle høringssvar må lastes opp via vår sikre portal innen fredag. Adressen er https://hoering-portal.example.com/login',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

// From spent sealed-346, -349, -350 and -351 (read from 15:42 UTC; round 63 written first). The
// first test of each group fails with the rules of 8adf9827.
describe('another hearing named by its case number straight after the word', () => {
  it('"NHO viser til høring 21/601 om selvkostforskriften …" gets no receipt, though it speaks of building cases', async () => {
    const s = await intake(
      mail({
        from: 'Ola Dahl <ola.dahl@nho.no>',
        subject: 'Høring – gebyrforskriften',
        body: 'NHO viser til høring 21/601 om selvkostforskriften. Vi mener gebyrene for byggesaker bør bli mer transparente.\n\nOla Dahl',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('the hearing\'s own case number so is still its own', async () => {
    const s = await intake(
      mail({
        from: 'Ola Dahl <ola.dahl@nho.no>',
        subject: 'Høringssvar',
        body: 'NHO viser til høring 21/345 og støtter kortere byggesaksfrister.\n\nOla Dahl',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });
});

describe('an opinion on a proposal from a sender innspill does not know', () => {
  it('a residents\' association\'s "Høringssvar" with "barn og unge må høres også i byggesaker" is held, not left unseen', async () => {
    const s = await intake(
      mail({
        from: 'Styret <styret@velforening-lia.example.no>',
        subject: 'Høringssvar fra velforeningen',
        body: 'Lia velforening mener barn og unge må høres også i byggesaker, ikke bare i plansaker.\n\nHilsen styret',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.review?.needed).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal put as a question', () => {
  it('"eInnsyn er vanskelig å søke i. Kan dere lage en enklere søkeside?" from a private address is input', async () => {
    const s = await intake(
      mail({
        from: 'Ali Said <ali.said@gmail.com>',
        subject: 'innspill',
        body: 'Hei, eInnsyn er tungvint å søke i. Kan dere lage en bedre søkeside?\n\nAli',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });

  it('"Kan dere ikke lage en forpliktelse om at alle kommunestyremøter skal strømmes?" is a new commitment proposed', async () => {
    const s = await intake(
      mail({
        from: 'Randi Li <randi.li@online.no>',
        subject: 'forslag',
        body: 'Hei. Kan dere ikke lage en forpliktelse om at alle bystyremøter skal strømmes? Randi',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a time limit asked for building cases, the cases named first', () => {
  it('"byggesaker for mindre tiltak får en frist på tre uker" is the building time limits', async () => {
    const s = await intake(
      mail({
        from: 'Ole Vik <ole.vik@huseierne.no>',
        subject: 'Høringssvar',
        body: 'Huseierne mener forslaget om dispensasjon i strandsonen er for strengt. Vi ber også om at byggesaker for garasjer får en frist på fire uker.\n\nOle Vik',
      }),
      rules,
    );
    expect(ids(s)).toEqual(expect.arrayContaining(['dispensasjon', 'byggesaksfrister']));
  });
});

// From spent sealed-352, -353 and -357 (read from 15:52 UTC; round 64 written first). The first
// test of each group fails with the rules of 46c58937.
describe("one's own building case as the reason for a limit the law must have", () => {
  it('"Kommunen brukte 7 måneder på byggesøknaden min, så frister på åtte uker må innføres" is late input to the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Kim Lien <kim.lien@gmail.com>',
        subject: 'byggesak',
        date: 'Tue, 15 Jun 2021 12:09:15 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Tue, 15 Jun 2021 12:09:19 +0200'],
        body: 'Hei. Kommunen brukte et halvt år på byggesøknaden min, så frister på åtte uker må innføres.\n\nKim',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('every public contract put online', () => {
  it('"Jeg syns alle offentlige kontrakter bør ligge ute på nett" from a private address is input on procurement', async () => {
    const s = await intake(
      mail({
        from: 'Siri Eng <siri.eng@hotmail.com>',
        subject: 'forslag',
        body: 'Jeg synes alle kommunale kontrakter bør publiseres på nett. Takk.\nSiri',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['anskaffelser']);
    expect(s.receipt.send).toBe(true);
  });
});

// From spent sealed-359, -362 and -363 (read from 16:03 UTC; round 65 written first). The first
// test of each group fails with the rules of c7c499ca.
describe("another ministry's status on its commitment for the current plan's report", () => {
  it('"status for energistatistikk-forpliktelsen til sluttrapporten for plan 4" gets no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Are Li <are.li@oed.dep.no>',
        subject: 'Status til OGP-rapport',
        body: 'Hei, her er status for kraftdata-forpliktelsen til sluttrapporten for plan 4: dataene er publisert som planlagt. Ingen endringer foreslås.\n\nAre',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

describe('a commitment asked for, whoever is asked and however it is spelt', () => {
  it('"Vi ber regjeringa ta inn ei ny forplikting om opne kommunestyremøte" from a private address is input', async () => {
    const s = await intake(
      mail({
        from: 'Tor Kvam <tor.kvam@online.no>',
        subject: 'Innspel',
        body: 'Hei,\n\nVi ber regjeringa ta inn ei ny forplikting om opne bystyremøte: alle møte skal strøymast.\n\nHelsing Tor',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.receipt.send).toBe(true);
  });
});

// From spent sealed-364 and -366 (read from 16:48 UTC; round 66 written first). The first test
// fails with the rules of 468dd089.
describe('those concerned called to a meeting early in the planning', () => {
  it('"Jeg ber om at loven krever at kommunen inviterer berørte naboer til møte tidlig i planarbeidet" is input on participation', async () => {
    const s = await intake(
      mail({
        from: 'Sol Heggem <sol.heggem@gmail.com>',
        subject: 'Planer',
        body: 'Hei\n\nVi naboer fikk vite om reguleringen gjennom avisen. Jeg ber om at loven krever at kommunen inviterer berørte naboer til møte tidlig i planarbeidet.\n\nSol',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['medvirkning']);
    expect(s.receipt.send).toBe(true);
  });
});
