// Classes from spent sets read on 2026-12-06 03:30–04:00 UTC (sealed-134, -152, -158, -159), written
// again in our own words. The first test of each pair fails with the rules of the session's start
// (60242b2); the second, where there is one, keeps the rule from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('thanks for a receipt, signed by a person whose first name is a verb ("Endre")', () => {
  // "Endre" at the start of a line is no order to change something when it is a name on a line of
  // its own: the thanks is courtesy and gets no receipt of its own.
  it('is no input: no receipt, whichever consultation its subject names', async () => {
    const s = await intake(
      mail({
        from: 'Endre Fossum <endre.fossum@naturvernforbundet.no>',
        subject: 'SV: Kvittering for høringssvar – sak 21/345',
        body: 'Tusen takk for kvitteringa!\n\nEndre Fossum',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('"Endre" that asks for a change is still a proposal: thanks followed by input is input', async () => {
    const s = await intake(
      mail({
        from: 'Kari Lunde <kari.lunde@gmail.com>',
        subject: 'SV: Kvittering for høringssvar – sak 21/345',
        body: 'Takk for kvitteringen! Endre fristen for byggesøknader til fire uker, det er for lang ventetid i dag.\n\nKari Lunde',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a campaign letter addressed to another ministry and this one together', () => {
  it('"Til Nærings- og fiskeridepartementet og KMD" is written to both: input to the plan, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Sindre Vik <sindre.vik@outlook.com>',
        subject: 'Åpne eierskapsdata',
        body:
          'Til Nærings- og fiskeridepartementet og KMD\n\nJeg slutter meg til oppropet om åpne eierskapsdata. Registeret over reelle rettighetshavere må være gratis og åpent for alle, ellers kan skjult eierskap brukes til å hvitvaske penger.\n\nHilsen Sindre Vik',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('reelle-rettighetshavere');
    expect(s.receipt.send).toBe(true);
  });

  it('addressed to another ministry alone it is that ministry\'s letter: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Sindre Vik <sindre.vik@outlook.com>',
        subject: 'Åpne eierskapsdata',
        body:
          'Til Nærings- og fiskeridepartementet\n\nJeg slutter meg til oppropet om åpne eierskapsdata. Registeret over reelle rettighetshavere må være gratis og åpent for alle, ellers kan skjult eierskap brukes til å hvitvaske penger.\n\nHilsen Sindre Vik',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('the plan read of on the government\'s web pages ("handlingsplanen for åpenhet på regjeringen.no")', () => {
  it('is this plan, not another sector\'s: a citizen\'s proposal is input', async () => {
    const s = await intake(
      mail({
        from: 'Hallvard Sæther <hallvard.saether@online.no>',
        subject: 'et forslag',
        body:
          'Hei\n\nSå handlingsplanen for åpenhet på regjeringen.no. Mitt forslag: publiser alle statlige tilskudd som åpne data, med mottaker og beløp, så alle kan se hvor pengene går.\n\nHallvard Sæther',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a plan for openness in one sector is still another plan', async () => {
    const s = await intake(
      mail({
        from: 'Hallvard Sæther <hallvard.saether@online.no>',
        subject: 'et forslag',
        body: 'Hei\n\nSå handlingsplanen for åpenhet i sykehusene. Den er for svak.\n\nHallvard Sæther',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('a citizen asking to be told when a plan starts, not only by a notice in the paper', () => {
  it('is input to the hearing on participation, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Gunn Eide <gunn.eide@hotmail.com>',
        subject: 'reguleringer',
        body:
          'Hei. Hyttefeltet bak oss ble regulert om uten at noen av oss visste det. Kommunene må pålegges å varsle alle naboer med brev før en reguleringsplan settes i gang, ikke bare kunngjøre det i\nlokalavisa.\n\nGunn Eide',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('medvirkning');
    expect(s.receipt.send).toBe(true);
  });

  it('a notice in the paper about something else is no participation', async () => {
    const s = await intake(
      mail({
        from: 'Gunn Eide <gunn.eide@hotmail.com>',
        subject: 'loppemarked',
        body: 'Hei. Vi skal annonsere loppemarkedet i avisen neste uke.\n\nGunn Eide',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('medvirkning');
    expect(s.receipt.send).toBe(false);
  });
});

describe('the practical side of a meeting of the plan\'s forum', () => {
  it('a colleague\'s room booking for the OGP council gets no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Siri Haugen <siri.haugen@kmd.dep.no>',
        subject: 'Rom til interessentforumet',
        body: 'Hei, jeg har reservert møterom 2.14 til interessentforumets møte 3. juni, med lunsj.\n\nSiri',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('input sent after such a meeting, proposing something, is input', async () => {
    const s = await intake(
      mail({
        from: 'Siri Haugen <siri.haugen@gmail.com>',
        subject: 'Etter møtet i interessentforumet',
        body:
          'Hei, møterom 2.14 var for lite i går. Vi foreslår at interessentforumet får et eget arbeidsutvalg som følger opp samskapingen gjennom hele planperioden.\n\nSiri Haugen',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a consultancy offering to evaluate the plan, in English, with its rates', () => {
  it('is a sales offer, no input: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Hannah Berg <hannah.berg@nordicpolicy.example>',
        subject: 'Evaluation services',
        body: 'Dear colleagues, Nordic Policy Partners would be pleased to offer a review of the OGP action plan and its commitments. Our daily rate is attached.\n\nBest regards\nHannah Berg',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

// Round 28 (sealed-165, -166, -167), read 03:36–04:00 UTC.

describe('imitations of the hearing or the forum that ask for a click, a log-in or a signature', () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'a new deadline and documents "i vår trygge portal" behind a link',
      'Høringssekretariatet <post@hoering-regjeringen.example.com>',
      'Endret frist i høringen 21/345',
      'Fristen for høringen er flyttet. Hent det nye høringsnotatet i vår trygge portal: https://hoering-regjeringen.example.com/d',
    ],
    [
      'a re-registration for the forum with "bruk din BankID"',
      'Interessentforum OGP <forum@ogp-norge.example.org>',
      'Påmelding til interessentforumet',
      'Alle i interessentforumet må melde seg på igjen. Bruk din BankID på lenken under.',
    ],
    [
      'a hearing reply "not valid until it is signed"',
      'Høring <noreply@hoering-portal.example.net>',
      'Høringssvaret ditt til sak 21/345',
      'Høringssvaret ditt er ikke gyldig før det er signert. Signer her: https://hoering-portal.example.net/s',
    ],
  ];
  for (const [what, from, subject, body] of cases) {
    it(`${what}: suspicious, held, no receipt`, async () => {
      const s = await intake(mail({ from, subject, body }), rules);
      expect(s.suspicious).toBe(true);
      expect(s.receipt.send).toBe(false);
    });
  }

  it('a sender who says their own documents lie behind a secure portal, with no link, is not marked', async () => {
    const s = await intake(
      mail({
        from: 'Kjersti Dahl <kjersti.dahl@gmail.com>',
        subject: 'Innspill til OGP-handlingsplanen',
        body: 'Hei. Kommunene bør publisere postjournalen på eInnsyn i stedet for i sin egen sikre portal som bare ansatte kan bruke.\n\nKjersti Dahl',
      }),
      rules,
    );
    expect(s.suspicious).not.toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('an addition to an organisation\'s own input, by its name in the genitive', () => {
  it('"Tillegg til Naturvernforbundets innspill" is input, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Bakke <eirik.bakke@naturvernforbundet.no>',
        subject: 'Tillegg',
        body: 'Tillegg til Naturvernforbundets innspill fra i går: vi foreslår også at miljødata fra statlige tilsyn publiseres fortløpende.\n\nEirik Bakke',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });
});

describe('a sister organisation abroad, in English, naming the plan as "Norway 4B"', () => {
  it('asking to consider a commitment the plan lacks: input, a new commitment', async () => {
    const s = await intake(
      mail({
        from: 'Lotta Berg <lotta.berg@transparency.fi.example>',
        subject: 'Input on Norway 4B',
        body: 'Dear all,\n\nWe would suggest a commitment on whistleblower protection in state-owned companies, as Finland has done.\n\nBest\nLotta Berg',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });

  it('asking to include a commitment on a topic the plan has is that commitment, not a new one', async () => {
    const s = await intake(
      mail({
        from: 'Lotta Berg <lotta.berg@transparency.fi.example>',
        subject: 'Input on Norway 4B',
        body: 'Dear all,\n\nWe would suggest a commitment on beneficial ownership that makes the register free and searchable for everyone.\n\nBest\nLotta Berg',
      }),
      rules,
    );
    expect(ids(s)).toContain('reelle-rettighetshavere');
    expect(ids(s)).not.toContain('ny-forpliktelse');
  });
});

describe('the hearing\'s proposals judged in nynorsk', () => {
  it('"Åtte veker er ei god frist" from a private address is input to the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Torunn Hovland <torunn.hovland@gmail.com>',
        subject: 'Høyring',
        body: 'Hei\n\nHer tek byggjesaker over eit halvt år. Tolv veker er ei rimeleg frist, men då må kommunane få fleire folk.\n\nHelsing Torunn',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('byggesaksfrister');
    expect(s.receipt.send).toBe(true);
  });

  it('a municipality\'s "Uttale frå …" that agrees with one proposal and not another is input', async () => {
    const s = await intake(
      mail({
        from: 'Arne Viken <arne.viken@kommune.example.no>',
        subject: 'Uttale frå Nordvik kommune',
        body: 'Nordvik kommune er samd i at planforslag skal sendast inn digitalt.\n\nKommunen er usamd i at det skal krevjast medverknadsplan i alle saker.\n\nHelsing\nArne Viken',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(expect.arrayContaining(['digital-planbehandling', 'medvirkning']));
  });

  it('a statement on something else is no hearing reply', async () => {
    const s = await intake(
      mail({
        from: 'Arne Viken <arne.viken@kommune.example.no>',
        subject: 'Uttale frå Nordvik kommune',
        body: 'Nordvik kommune er samd i at fylkesvegen bør få gang- og sykkelveg.\n\nHelsing\nArne Viken',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

// Round 29 (sealed-168), read 03:45–03:55 UTC.

describe('an imitation of the plan\'s secretariat asking for a log-in named after a service', () => {
  it('"Sign in using your Google Workspace password" to submit input again: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'OGP Secretariat Norway <secretariat@ogp-norge.example.com>',
        subject: 'Resubmission needed: OGP action plan 4B',
        body: 'All input to action plan 4B must be sent again through our new page. Sign in using your Google Workspace password: https://ogp-norge.example.com/login',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('a person writing about their own password in input on eInnsyn is not marked', async () => {
    const s = await intake(
      mail({
        from: 'Geir Moe <geir.moe@gmail.com>',
        subject: 'Innspill eInnsyn',
        body: 'Hei. Innsynskrav i eInnsyn bør kunne sendes uten at jeg må opprette konto og huske enda et passord. Det stopper mange.\n\nGeir Moe',
      }),
      rules,
    );
    expect(s.suspicious).not.toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a standing forum of government and civil society asked for', () => {
  it('is the commitment on co-creation, beside the one the input is mainly about', async () => {
    const s = await intake(
      mail({
        from: 'Marte Lie <marte.lie@frivillighetnorge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body:
          'Vi mener innsynsretten i eInnsyn må gjelde alle kommuner.\n\nVi foreslår også et permanent samarbeidsforum der forvaltningen og sivilsamfunnet møtes jevnlig gjennom hele planperioden.\n\nMarte Lie',
      }),
      rules,
    );
    expect(ids(s)).toEqual(expect.arrayContaining(['einnsyn', 'samskaping']));
  });

  it('a forum of the municipalities alone is not it', async () => {
    const s = await intake(
      mail({
        from: 'Marte Lie <marte.lie@frivillighetnorge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Vi mener innsynsretten i eInnsyn må gjelde alle kommuner, og at kommunene bør ha et fast forum for arkivlederne.\n\nMarte Lie',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('samskaping');
  });
});

// Round 30 (sealed-173, -174), read 03:53–04:05 UTC.

describe('a citizen\'s one-line proposal on one commitment, from a private address', () => {
  it('announced as "Forslag:" with a demand to explain: input', async () => {
    const s = await intake(
      mail({
        from: 'Kristoffer Ness <kness88@icloud.com>',
        subject: 'innsyn',
        body: 'Forslag: Skatteetaten må forklare hvilke algoritmer som velger ut hvem som blir kontrollert.\n\nKristoffer',
      }),
      rules,
    );
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });

  it('"Lag et ungdomspanel …" as a sentence of its own: input', async () => {
    const s = await intake(
      mail({
        from: 'Ida Berg <idaberg07@hotmail.com>',
        subject: 'ungdom',
        body: 'Lag et ungdomspanel i hvert fylke som møter politikerne to ganger i året. Jeg er 16.\n\nIda',
      }),
      rules,
    );
    expect(ids(s)).toContain('ungdomspanel');
    expect(s.receipt.send).toBe(true);
  });

  it('the same words in a question about something else make no proposal', async () => {
    const s = await intake(
      mail({
        from: 'Kristoffer Ness <kness88@icloud.com>',
        subject: 'spørsmål',
        body: 'Hei, hvor finner jeg skjemaet for å søke om parkeringstillatelse?\n\nKristoffer',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('"jeg har to innspill": one to each consultation in one short mail', () => {
  it('is held for a person to file under both, with its receipt', async () => {
    const s = await intake(
      mail({
        from: 'Sunniva Dahl <sunniva.dahl@gmail.com>',
        subject: 'Innspill',
        body:
          'Hei, jeg har to innspill: Ungdomspanelet bør få si sin mening om forslag som angår unge. Og i plan- og bygningsloven bør barn og unge høres i alle reguleringsplaner.\n\nSunniva',
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(s.receipt.send).toBe(true);
  });

  it('two points to the same consultation are filed under it', async () => {
    const s = await intake(
      mail({
        from: 'Sunniva Dahl <sunniva.dahl@gmail.com>',
        subject: 'Innspill',
        body: 'Hei, jeg har to innspill: Ungdomspanelet bør møte statsråden. Og registeret over reelle rettighetshavere bør være gratis.\n\nSunniva',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });
});

// Round 31 (sealed-177, -178), read 04:00–04:08 UTC.

describe('another ministry sending its own hearing on a commitment\'s topic to the ministries', () => {
  it('"Nærings- og fiskeridepartementet sender … på høring" is that ministry\'s invitation: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Postmottak NFD <postmottak@nfd.dep.no>',
        subject: 'Høring – endringer i reglene om offentlige anskaffelser',
        body: 'Nærings- og fiskeridepartementet sender med dette forslag til endringer i anskaffelsesforskriften om åpne kontraktsdata på høring. Høringsfrist 15. september 2021.',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('a ministry\'s input that tells of its own hearing beside the plan is still input', async () => {
    const s = await intake(
      mail({
        from: 'Postmottak NFD <postmottak@nfd.dep.no>',
        subject: 'Innspill til OGP handlingsplan 4B',
        body: 'Nærings- og fiskeridepartementet foreslår at forpliktelsen om anskaffelser får en milepæl for åpne kontraktsdata i 2022. Vi sender samtidig forslag til endringer i anskaffelsesforskriften på høring.',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });
});

describe('open meetings before plans are adopted, asked for in nynorsk', () => {
  it('is the hearing\'s proposal on participation', async () => {
    const s = await intake(
      mail({
        from: 'Aslak Hovde <aslak.hovde@gmail.com>',
        subject: 'Høyring plan og bygg',
        body: 'Eg meiner kommunen skal halde opne møte om alle reguleringsplanar, ikkje berre kunngjere dei.\n\nAslak Hovde',
      }),
      rules,
    );
    expect(ids(s)).toContain('medvirkning');
  });

  it('an open meeting about something other than a plan is not', async () => {
    const s = await intake(
      mail({
        from: 'Aslak Hovde <aslak.hovde@gmail.com>',
        subject: 'Høyring plan og bygg',
        body: 'Eg meiner byggjesaker tek for lang tid. Kommunen hadde eit ope møte om skulen i går.\n\nAslak Hovde',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('medvirkning');
  });
});

// Round 32 (sealed-180), read 04:09–04:16 UTC.

describe('a person\'s request for documents about the plan\'s council', () => {
  it('is a request for access, no input: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Petter Hauge <petter.hauge@nj.no>',
        subject: 'Innsynskrav – referater fra OGP-rådet',
        body: 'Hei,\n\nVi ber om innsyn i referatene fra OGP-rådets møter i 2021, jf. offentleglova § 3.\n\nPetter Hauge',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

describe('an invitation for the ministry to attend a meeting abroad', () => {
  it('"would be glad if someone from the ministry could join" gets no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Mikkel Sørensen <mikkel.sorensen@opengov.dk.example>',
        subject: 'Nordic OGP network meeting',
        body: 'Hi all, the Nordic OGP civil society networks meet in Copenhagen in October, and we would be happy if a representative from KMD could join us for a panel. Best, Mikkel',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('input that also invites the ministry is input', async () => {
    const s = await intake(
      mail({
        from: 'Mikkel Sørensen <mikkel.sorensen@opengov.dk.example>',
        subject: 'Input on Norway 4B',
        body: 'Hi all, we recommend a new commitment on lobbying transparency. We would be happy if a representative from KMD could join our panel on it in October. Best, Mikkel',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(true);
  });
});

describe('the time limit asked for the certificate of completion too', () => {
  it('is the proposal on building-case time limits', async () => {
    const s = await intake(
      mail({
        from: 'Liv Berg <liv.berg@gmail.com>',
        subject: 'Høringssvar plan- og bygningsloven',
        body: 'Fristen bør også gjelde søknader om ferdigattest, der venter mange i månedsvis.\n\nLiv Berg',
      }),
      rules,
    );
    expect(ids(s)).toContain('byggesaksfrister');
  });
});

// Round 33 (sealed-184, -186, -187), read 04:21–04:35 UTC.

describe('a mail program\'s notice that the sender wants a message back ("Tilbakekall: …")', () => {
  const OGP_LETTER = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
  it('in the invitation\'s thread: machine mail of the case, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Per Olsen <per.olsen@ikt-norge.no>',
        subject: 'Tilbakekall: SV: Invitasjon til innspill til Handlingsplan 4 B',
        headers: { 'In-Reply-To': OGP_LETTER, References: OGP_LETTER },
        body: 'Per Olsen ønsker å tilbakekalle meldingen «SV: Invitasjon til innspill til Handlingsplan 4 B».',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('recall');
    expect(s.receipt.send).toBe(false);
  });

  it('outside any thread, of a message about something else: nobody\'s, left untouched', async () => {
    const s = await intake(
      mail({
        from: 'Per Olsen <per.olsen@ikt-norge.no>',
        subject: 'Recall: Lunch meeting on Friday',
        body: 'Per Olsen would like to recall the message, "Lunch meeting on Friday".',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('recall');
    expect(s.relevant).toBe(false);
  });

  it('however long the subject it names in quotes', async () => {
    const subject = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B - våre kommentarer til forpliktelsene om åpenhet';
    const s = await intake(
      mail({
        from: 'Per Olsen <per.olsen@ikt-norge.no>',
        subject: `Tilbakekall: ${subject}`,
        headers: { 'In-Reply-To': OGP_LETTER, References: OGP_LETTER },
        body: `Per Olsen ønsker å tilbakekalle meldingen «${subject}».`,
      }),
      rules,
    );
    expect(s.automaticKind).toBe('recall');
    expect(s.receipt.send).toBe(false);
  });

  it('a subject that starts so over a person\'s own words is a person\'s mail', async () => {
    const s = await intake(
      mail({
        from: 'Per Olsen <per.olsen@ikt-norge.no>',
        subject: 'Tilbakekall: forrige innspill',
        body: 'Hei, se bort fra forrige e-post. Vårt innspill er dette: IKT-Norge mener algoritmer i offentlig forvaltning må registreres i et åpent register, og at innbyggerne skal få vite når en algoritme har vært med på et vedtak om dem.\n\nPer Olsen\nIKT-Norge',
      }),
      rules,
    );
    expect(s.automaticKind).toBeNull();
    expect(s.receipt.send).toBe(true);
  });
});

describe('a citizen\'s own experience told beside a proposal on the plan', () => {
  it('"et automatisk vedtak" is the commitment on algorithms in the state', async () => {
    const s = await intake(
      mail({
        from: 'Randi Moen <randi.moen51@gmail.com>',
        subject: 'Lånekassen',
        body: 'Hei. Jeg fikk et automatisk vedtak fra Lånekassen som ingen kunne forklare. Jeg foreslår at alle automatiske avgjørelser i staten skal kunne forklares på vanlig norsk.\n\nRandi Moen',
      }),
      rules,
    );
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.receipt.send).toBe(true);
  });

  it('"som journalist trenger jeg …" and a neighbour\'s opinion are no building case of one\'s own', async () => {
    const s = await intake(
      mail({
        from: 'Ola Fjeld <ola.fjeld@gmail.com>',
        subject: 'Eierskap',
        body: 'Registeret over reelle rettighetshavere må bli gratis og åpent. Som frilansjournalist trenger jeg å se hvem som eier selskapene. Naboen min forstår heller ikke hvorfor det koster penger.\n\nOla Fjeld',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });

  it('a neighbour\'s building permit in one\'s own case still is one', async () => {
    const s = await intake(
      mail({
        from: 'Ola Fjeld <ola.fjeld@gmail.com>',
        subject: 'Eierskap',
        body: 'Hei. Naboen min har fått byggetillatelse til en garasje rett foran vinduet mitt. Kan departementet se på saken?\n\nOla Fjeld',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('"Jeg ber regjeringen om å …" with a commitment\'s words is input', async () => {
    const s = await intake(
      mail({
        from: 'Tone Vik <tone.vik@outlook.com>',
        subject: 'Åpent eierskap',
        body: 'Hei,\n\nJeg ber regjeringen om å gjøre registeret over reelle rettighetshavere gratis for alle.\n\nMvh\nTone Vik',
      }),
      rules,
    );
    expect(ids(s)).toContain('reelle-rettighetshavere');
    expect(s.receipt.send).toBe(true);
  });
});

// Round 34 (sealed-189, -190), read 04:28–04:40 UTC.

describe('another ministry telling it will send input to a white paper that names a commitment\'s topic', () => {
  it('"vi sender innspill til museumsmeldingen" is that document\'s business: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Jon Rud <jon.rud@kud.dep.no>',
        subject: 'SV: Arbeidet med kulturmeldingen',
        body: 'Takk, vi sender innspill til kulturmeldingen før fristen. Åpne kulturdata omtales i kapittel 3.\n\nJon Rud',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('an improvement asked for as a question', () => {
  it('"Kunne dere gjort eInnsyn enklere å bruke på mobil?" is input, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Hanne Lie <hanne.lie@hotmail.com>',
        subject: 'OGP',
        body: 'Hei! Kunne dere gjort eInnsyn enklere å bruke på mobil? Søket fungerer nesten ikke der. Hilsen Hanne',
      }),
      rules,
    );
    expect(ids(s)).toContain('einnsyn');
    expect(s.receipt.send).toBe(true);
  });
});

describe('a commitment against corruption asked for by name', () => {
  it('"en egen forpliktelse mot korrupsjon" with rules on quarantine is the anti-corruption commitment', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lund <eva.lund@fagpressen.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Fagpressen mener planen trenger en tydeligere forpliktelse mot korrupsjon, med regler om karantene for statsråder som går over til næringslivet.\n\nEva Lund',
      }),
      rules,
    );
    expect(ids(s)).toContain('antikorrupsjon');
  });
});

// Round 35 (sealed-192, -193, -194), read 04:43–04:52 UTC.

describe('a researcher asking in English when a report will be published', () => {
  it('"would like to know when …" is a question, no input: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Tomas Berg <tomas.berg@uni.example.org>',
        subject: 'Question on Norway OGP',
        body: 'Dear colleagues, for my thesis I would like to know when the IRM results report on Norway will be out. Best regards, Tomas Berg',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('imitations saying the input could not be registered, with a link to put it right', () => {
  it('in English, "please log in to verify": suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'OGP Helpdesk <help@ogp-support.example.com>',
        subject: 'Action plan 4B: submission failed',
        body: 'Your comments on the OGP action plan 4B were not processed. Please sign in to confirm them: https://ogp-support.example.com/c',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('in Norwegian, "oppdater kontoen din her": suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportalen <post@hoeringsportal.example.net>',
        subject: 'Høring 21/345: uttalelsen din mangler',
        body: 'Høringsuttalelsen din ble ikke registrert. Oppdater kontoen din: https://hoeringsportal.example.net/konto',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('what must be assessed before large land use', () => {
  it('"… alltid utredes ved store arealinngrep" is the proposal on impact assessments', async () => {
    const s = await intake(
      mail({
        from: 'Kjell Ruud <kjell.ruud@naturvernforbundet.no>',
        subject: 'Høringssvar fra Naturvernforbundet',
        body: 'Vi mener at tap av natur alltid må utredes før store utbygginger vedtas, og støtter at kravene skjerpes.\n\nKjell Ruud',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('konsekvensutredning');
    expect(s.receipt.send).toBe(true);
  });
});
