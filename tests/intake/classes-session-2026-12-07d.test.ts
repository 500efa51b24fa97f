// Classes from spent sets read on 2026-12-07 from 10:58 UTC (sealed-553 and -561, after round 98
// was written; then sealed-563, -565, -566 and -567, after round 99; sealed-571 after round 100;
// sealed-575 and -578 after round 101; sealed-580, -581 and -582 after round 102), written again
// in our own
// words. The first test of each group fails with the rules (and code) of the commit before the
// change (checked with rules/ and src/ stashed); the others keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);
const HEARING = 'SV: Høring – endringer i plan- og bygningsloven – 21/345';

describe('meetings sent live on the net, proposed by a private person', () => {
  it('is a proposal for a new commitment, and input', async () => {
    const s = await intake(
      mail({ from: 'Trond Vik <trond.vik@gmail.com>', subject: 'forslag', body: 'Hei. Jeg foreslår at alle fylkesting og statlige utvalg sender møtene direkte på nett. Hilsen Trond\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });

  it('a seminar sent live on the net is not a meeting of a public body proposed to be opened', async () => {
    const s = await intake(
      mail({ from: 'Trond Vik <trond.vik@gmail.com>', subject: 'Seminar', body: 'Hei. Seminaret vårt om lokalhistorie 3. juni sendes direkte på nett. Hilsen Trond\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(ids(s)).toEqual([]);
  });
});

describe("one's own building case given as the reason for a sanction on the municipalities", () => {
  const body = (rest: string) => `Hei. Jeg har ventet elleve uker på svar på byggesøknaden min. ${rest} Hilsen Per\n`;

  it('is input to the hearing when sent to its address', async () => {
    const s = await intake(
      mail({ from: 'Per Lie <per.lie@gmail.com>', to: 'postmottak+pbl@kmd.dep.no', subject: 'Byggesak', body: body('Åtte uker er mer enn nok, og kommunene bør få bot når de ikke klarer det.') }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toContain('byggesaksfrister');
  });

  it('the own case alone, asking for help, is still no input', async () => {
    const s = await intake(
      mail({ from: 'Per Lie <per.lie@gmail.com>', to: 'postmottak+pbl@kmd.dep.no', subject: 'Byggesak', body: body('Kan departementet hjelpe meg å få fortgang i saken?') }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('work-life crime on building sites, a remark outside the five proposals', () => {
  it('is the hearing’s other remarks, not the time limits', async () => {
    const s = await intake(
      mail({
        from: 'Siri Holm <siri.holm@lo.no>',
        subject: HEARING,
        body: 'LO ber om at lovforslaget får krav om seriøsitetsbestemmelser i byggesaker, slik at kommunen kan stanse arbeid der det brukes ulovlig arbeidskraft.\n\nSiri Holm\nLO\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['andre-merknader']);
  });

  it('the time limits named beside it are still the time limits', async () => {
    const s = await intake(
      mail({
        from: 'Siri Holm <siri.holm@lo.no>',
        subject: HEARING,
        body: 'LO støtter fristen på åtte uker for byggesaker.\n\nVi ber også om seriøsitetsbestemmelser i loven, slik at kommunen kan stanse arbeid der det brukes ulovlig arbeidskraft.\n\nSiri Holm\nLO\n',
      }),
      rules,
    );
    expect(ids(s).sort()).toEqual(['andre-merknader', 'byggesaksfrister']);
  });
});

describe('the day a document is registered, named as when it is to be published', () => {
  const reply = (text: string) =>
    mail({ from: 'Eva Lund <eva.lund@mediebedriftene.no>', subject: 'SV: OGP - Invitasjon til innspill til Handlingsplan 4 B', body: `${text}\n\nEva Lund\n` });

  it('adds no comment on how documents are registered', async () => {
    const s = await intake(reply('Vi vil ha krav om at dokumenter publiseres i fulltekst i eInnsyn samme dag som de journalføres.'), rules);
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it('a demand on the registering itself is the commitment on registering', async () => {
    const s = await intake(reply('Vi vil ha krav om at alle dokumenter journalføres samme dag som de kommer inn, også e-post til saksbehandlere.'), rules);
    expect(ids(s)).toContain('journalforing');
  });
});

describe('a newsletter telling, by the sender’s name, of the reply it sent to the ministry', () => {
  const news = (text: string, date = 'Sun, 06 Jun 2021 09:59:35 +0200') =>
    mail({
      from: 'Kystlaget <nyheter@kystlaget.no>',
      subject: 'Kystnytt: Vi har sagt ja til strengere regler',
      date,
      received: [`from mail.kystlaget.no by mx01.dep.no; ${date}`],
      headers: { Precedence: 'bulk', 'List-Unsubscribe': '<mailto:avmeld@kystlaget.no>' },
      body: `${text}\n\nLes mer på nettsiden.\n\nAvmelding: klikk her\n`,
    });

  it('belongs to the hearing (late after its deadline), never receipted', async () => {
    const s = await intake(news('Denne uka sendte Kystlaget høringssvar til KMD om plan- og bygningsloven. Vi støtter strengere regler for dispensasjon i strandsonen.'), rules);
    expect(s.automatic).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('a newsletter telling of the hearing as news is not the hearing’s', async () => {
    const s = await intake(news('KMD har sendt forslag til endringer i plan- og bygningsloven på høring. Fristen er 4. juni.'), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a bid on work the ministry may put out', () => {
  const offer = (text: string) => mail({ from: 'Analysehuset <post@analysehuset.no>', subject: 'Tilbud: evaluering av OGP-arbeidet', body: `${text}\n\nAnalysehuset AS\n` });

  it('is no input: not filed as the consultation’s, no receipt', async () => {
    const s = await intake(offer('Analysehuset ønsker å gi tilbud på en evaluering av Norges deltakelse i Open Government Partnership dersom dette lyses ut.'), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a bid beside a proposal for the plan is input', async () => {
    const s = await intake(
      offer('Vi foreslår at handlingsplan 4B får en forpliktelse om uavhengig evaluering av alle forpliktelsene. Vi gir gjerne tilbud på en slik evaluering dersom den lyses ut.'),
      rules,
    );
    expect(s.relevant).toBe(true);
  });
});

describe('"ingen merknader ut over følgende": a comment follows', () => {
  const reply = (text: string) => mail({ from: 'LMD <postmottak@lmd.dep.no>', subject: HEARING, body: `${text}\n\nMed hilsen\nLandbruks- og matdepartementet\n` });

  it('the point after it counts, and the reply is not "no comments"', async () => {
    const s = await intake(reply('Departementet har ingen merknader ut over følgende: Vi støtter at dispensasjon fra arealformålet i LNF-områder bare gis når særlige grunner foreligger.'), rules);
    expect(ids(s)).toEqual(['dispensasjon']);
    expect(s.noComments).toBe(false);
  });

  it('"ingen merknader ut over det X har sendt" is still no comments', async () => {
    const s = await intake(reply('Departementet har ingen merknader ut over det Kommunesektorens organisasjon har sendt.'), rules);
    expect(s.noComments).toBe(true);
  });

  it('"ingen merknader" alone is still no comments', async () => {
    const s = await intake(reply('Departementet har ingen merknader til høringen.'), rules);
    expect(s.noComments).toBe(true);
    expect(ids(s)).toEqual([]);
  });
});

describe("a help desk's receipt, registered with a number", () => {
  it('is automatic mail, never receipted', async () => {
    const s = await intake(
      mail({ from: 'Byggenæringen support <support@bnl.no>', subject: 'Re: [#2021-0422] Kvittering – høring 21/345', body: 'Takk! Din henvendelse er registrert med nummer 2021-0422.\n' }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('a person telling that their case was registered with a number writes no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Ole Bakke <ole.bakke@gmail.com>',
        to: 'postmottak+pbl@kmd.dep.no',
        subject: 'Innspill til høringen',
        body: 'Hei. Klagen min til kommunen er registrert med nummer 21/1234, men det er ikke poenget: fristen på åtte uker for byggesaker må gjelde også klagesaker.\n\nOle Bakke\n',
      }),
      rules,
    );
    expect(s.automatic).toBe(false);
  });
});

describe('the planning law hearing named in English beside the OGP plan', () => {
  it('is held between the two consultations', async () => {
    const s = await intake(
      mail({
        from: 'Ella Berg <ella.berg@gmail.com>',
        subject: 'Youth participation',
        body: 'Hello, two thoughts: the OGP youth panel should include international students, and in the planning law hearing, children and young people should be heard through schools.\n\nElla\n',
      }),
      rules,
    );
    expect(s.consultation?.reason.code).toBe('uncertain');
  });
});

describe('a request for a meeting with a week proposed for it', () => {
  it('is no input, however clearly it names a commitment: no receipt', async () => {
    const s = await intake(
      mail({ from: 'Berit Lie <berit.lie@transparency.no>', subject: 'Møte om antikorrupsjon i høst?', body: 'Hei, kan vi avtale et møte i oktober om antikorrupsjonsarbeidet? Foreslår uke 41.\n\nBerit\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('a proposal on anti-corruption beside the meeting is input', async () => {
    const s = await intake(
      mail({
        from: 'Berit Lie <berit.lie@transparency.no>',
        subject: 'Møte og innspill',
        body: 'Hei, kan vi avtale et møte i oktober? Vi foreslår at handlingsplanen får et tiltak mot korrupsjon i kommunale anskaffelser.\n\nBerit\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
  });
});

describe('an answer to a call to a meeting', () => {
  it('"SV: Innkalling til møte …" with a yes is no input', async () => {
    const s = await intake(mail({ from: 'Tone Aas <tone.aas@kud.dep.no>', subject: 'SV: Innkalling til møte i OGP-rådet 3. juni', body: 'Takk, jeg kommer.\n\nTone\n' }), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an answer with a proposal for the plan is input', async () => {
    const s = await intake(
      mail({ from: 'Tone Aas <tone.aas@kud.dep.no>', subject: 'SV: Innkalling til møte i OGP-rådet 3. juni', body: 'Jeg kommer. Vi foreslår at planen får en forpliktelse om åpne kulturdata fra museene.\n\nTone\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
  });
});

describe("what the state buys, and the contracts it makes, in a citizen's words", () => {
  it('is the commitment on public procurement', async () => {
    const s = await intake(mail({ from: 'Gro Moe <gro.moe@gmail.com>', subject: 'Innspill åpenhet', body: 'Hei! Lag en nettside der alle kan se hva staten kjøper inn og fra hvem. Hilsen Gro\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['anskaffelser']);
  });

  it('"kontrakter staten inngår" too', async () => {
    const s = await intake(mail({ from: 'Gro Moe <gro.moe@gmail.com>', subject: 'Forslag', body: 'Alle kontrakter staten inngår må legges ut på nett samme dag. Hilsen Gro\n' }), rules);
    expect(ids(s)).toEqual(['anskaffelser']);
  });

  it('what a person buys is not the state’s', async () => {
    const s = await intake(mail({ from: 'Gro Moe <gro.moe@gmail.com>', subject: 'Spørsmål', body: 'Hva kjøper man inn til en dugnad? Hilsen Gro\n' }), rules);
    expect(ids(s)).toEqual([]);
  });
});

describe('a measure asked for in the imperative, in numbered points', () => {
  it("a citizen's two points, the first on the register of owners, are input to the plan", async () => {
    const s = await intake(
      mail({ from: 'Remi Dahl <remi.dahl@gmail.com>', subject: 'to forslag', body: 'Hei. To ting: 1) Lag et åpent register over hvem som eier hva (reelle\neiere). 2) Flere benker i parken.\n\nRemi\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });

  it('an imperative on something else is no input', async () => {
    const s = await intake(mail({ from: 'Remi Dahl <remi.dahl@gmail.com>', subject: 'parken', body: 'Hei. Lag en ny benk i parken.\n\nRemi\n' }), rules);
    expect(s.relevant).toBe(false);
  });
});

describe('children heard when plans are made', () => {
  it('is participation in the hearing', async () => {
    const s = await intake(mail({ from: 'Åse Holm <aase.holm@gmail.com>', to: 'hoering-pbl@kmd.dep.no', subject: 'Innspill', body: 'Barn må høres når det lages planer for nabolaget deres.\n\nÅse\n' }), rules);
    expect(ids(s)).toEqual(['medvirkning']);
  });
});

describe("one's own cabin named in the subject, the hearing's proposal judged in the text", () => {
  it('is input to the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Ane Vik <ane.vik@gmail.com>',
        subject: 'Hytta vår og dispensasjon',
        body: 'Hei\n\nForslaget om strengere dispensasjonsregler i strandsonen er urimelig for oss som har hatt hytte der lenge. Små tilbygg bør fortsatt kunne godkjennes.\n\nAne\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['dispensasjon']);
  });

  it('a question about the cabin alone is not', async () => {
    const s = await intake(mail({ from: 'Ane Vik <ane.vik@gmail.com>', subject: 'Hytta vår og dispensasjon', body: 'Hei\n\nMå jeg søke dispensasjon for å bygge en ny terrasse på hytta vår?\n\nAne\n' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a sentence of the letter quoted over two lines, as mail programs wrap it', () => {
  const body = (wrapped: string) => `${wrapped} Vi ber om at forumets referater publiseres.\n\nMed vennlig hilsen\nEli Berg\nFrivillighet Norge\n`;

  it('counts as the letter quoted, and the forum’s minutes as co-creation', async () => {
    const s = await intake(
      mail({
        from: 'Eli Berg <eli.berg@frivillighetnorge.no>',
        subject: 'Kommentar til invitasjonen',
        body: body('Invitasjonen sier at «Det overordnede målet med OGP er å bidra til økt\nvelstand for befolkningen.» Vi savner frivilligheten som likeverdig part.'),
      }),
      rules,
    );
    expect(s.relevance.reasonCodes).toContain('quoted-letter-sentence');
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['samskaping']);
  });

  it('a quotation never closed is left as the sender wrote it', async () => {
    const s = await intake(
      mail({
        from: 'Eli Berg <eli.berg@frivillighetnorge.no>',
        subject: 'Kommentar til invitasjonen',
        body: body('Vi skriver «om målet\nmed OGP og\nvelstand\nfor befolkningen\nog mer'),
      }),
      rules,
    );
    expect(s.relevance.reasonCodes).not.toContain('quoted-letter-sentence');
  });
});

describe('plan proposals received by the national standards', () => {
  it('is the digital planning proposal of the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Liv Haug <postmottak@dalbygd.kommune.example>',
        subject: 'Høyringsfråsegn frå Dalbygd kommune',
        body: 'Dalbygd kommune har ikkje system for å ta imot planforslag etter dei nasjonale standardane. Vi ber om overgangstid.\n\nLiv Haug\nplansjef\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });

  it('a standard for something else is not', async () => {
    const s = await intake(
      mail({ from: 'Liv Haug <postmottak@dalbygd.kommune.example>', subject: 'Spørsmål', body: 'Gjeld dei nasjonale standardane for skilt også kommunale vegar?\n\nLiv Haug\n' }),
      rules,
    );
    expect(ids(s)).toEqual([]);
  });
});

describe('a complaint about a refused request for documents in another case', () => {
  it('is no input to the plan, however much it says about access to documents', async () => {
    const s = await intake(
      mail({ from: 'Eva Dahl <eva.dahl@nored.no>', subject: 'Klage på avslag på innsyn', body: 'Redaktørforeningen klager på avslag på innsynskrav i sak 20/4412. Vi mener merinnsyn må vurderes.\n\nEva Dahl\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('a proposal on eInnsyn is still input', async () => {
    const s = await intake(
      mail({ from: 'Eva Dahl <eva.dahl@nored.no>', subject: 'Innspill om innsyn', body: 'Vi foreslår at eInnsyn viser hvor lang tid det tar å behandle innsynskrav i hvert departement.\n\nEva Dahl\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(true);
  });
});

describe('tacit approval named in a correction to a hearing reply', () => {
  it('is the time limits proposal, and the correction is input to the hearing', async () => {
    const s = await intake(
      mail({ from: 'Tor Lie <tor.lie@nho.no>', subject: 'Rettelse til NHOs høringssvar', body: 'I vårt høringssvar sendt i dag sto det «stilltiende avslag». Det skal være «stilltiende godkjenning».\n\nTor Lie\nNHO\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });
});

describe('what the municipality spends its money on, made visible', () => {
  it('is a proposal for a new commitment', async () => {
    const s = await intake(mail({ from: 'Jon Berg <jon.berg@gmail.com>', subject: 'Åpenhet', body: 'Forslag: lag en nettside der man kan se hva kommunen bruker penger på.\n\nHilsen Jon\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });

  it('a question about what the money went to is not', async () => {
    const s = await intake(mail({ from: 'Jon Berg <jon.berg@gmail.com>', subject: 'Spørsmål', body: 'Hva bruker kommunen penger på i år?\n\nJon\n' }), rules);
    expect(ids(s)).toEqual([]);
  });
});

describe('a newsletter telling what its sender has sent the ministry', () => {
  it('belongs to the hearing, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Huseierne <nyhetsbrev@huseierne.no>',
        subject: 'Nyhetsbrev: Vårt syn på dispensasjoner i plan- og bygningsloven',
        headers: { Precedence: 'bulk', 'List-Unsubscribe': '<mailto:avmeld@huseierne.no>' },
        body: 'Dispensasjoner i plan- og bygningsloven\n\nI dette nummeret forteller vi om hva vi har sendt departementet, og hvorfor.\n\nDu mottar dette nyhetsbrevet fordi du er abonnent. Avmeld her.\n',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(false);
  });
});

describe('a log-in with BankID the sender argues against', () => {
  const reply = (text: string) =>
    mail({
      from: 'Gro Lid <gro.lid@ffo.no>',
      to: 'hoering-pbl@kmd.dep.no',
      subject: 'SV: Høring – endringer i plan- og bygningsloven – 21/345',
      body: `Høringssvar fra FFO.\n\nEn felles nasjonal plandialog er positivt. ${text}\n\nGro Lid\nFFO\n`,
    });

  it('is input, not an imitation of the ministry', async () => {
    const s = await intake(reply('Det må også være mulig å sende merknader uten å logge inn med BankID.'), rules);
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a lure that asks the reader to log in with BankID is still bait', async () => {
    const s = await intake(
      mail({
        from: 'Høringer <post@regjeringen-horing.example.net>',
        subject: 'Ditt høringssvar 21/345',
        body: 'Ditt høringssvar er mottatt. Logg inn med BankID for å se saken: https://regjeringen-horing.example.net/\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('your identity to be confirmed behind a link', () => {
  it('is bait: marked suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Høringer <horinger@regjeringen-horinger.example.net>',
        subject: 'Ditt høringssvar 21/345 – bekreft identitet',
        body: 'Ditt høringssvar til sak 21/345 kan ikke publiseres før du har bekreftet identiteten din med BankID.\n\nBekreft her: https://regjeringen-horinger.example.net/id\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('input on how people prove who they are is not', async () => {
    const s = await intake(
      mail({
        from: 'Ola Moen <ola.moen@ikt-norge.no>',
        subject: 'SV: OGP - Invitasjon til innspill til Handlingsplan 4 B',
        body: 'Vi mener innbyggere må kunne bekrefte identiteten sin med MinID når de sender innsynskrav i eInnsyn.\n\nOla Moen\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

describe("a machine's answer, and a person to talk to", () => {
  it('is the commitment on artificial intelligence, and input from a citizen', async () => {
    const s = await intake(
      mail({ from: 'Kai Lund <kai.lund@hotmail.com>', subject: 'forslag', body: 'Forslag: alle som får svar fra en datamaskin i Lånekassen må få vite det, og få snakke med et menneske.\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });
});

describe('"la … få" as a proposal', () => {
  it('a citizen\'s line on the youth panel is input', async () => {
    const s = await intake(mail({ from: 'Per Kleiv <per.kleiv@gmail.com>', subject: 'Ungdom', body: 'La ungdomspanelet få møte statsråden to ganger i året.\n\nSendt fra min iPhone\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ungdomspanel']);
  });

  it('"la oss" about a meeting is not', async () => {
    const s = await intake(mail({ from: 'Per Kleiv <per.kleiv@gmail.com>', subject: 'Kaffe', body: 'La oss få tatt en kaffe neste uke.\n\nPer\n' }), rules);
    expect(s.relevant).toBe(false);
  });
});
