// Classes from spent sets read on 2026-12-07 (sealed-430, -438, -445 and -447, after round 79 was
// written), written again in our own words. The first test of each group fails with the code and
// rules of the commit before the change (checked with src/intake and rules/ stashed); the others
// keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

// An old Word file (its OLE signature and nothing readable after it): its text cannot be read.
const OLD_WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

const note = (from: string, subject: string, body: string, filename = 'innspill.doc') =>
  mail({ from, subject, body, attachments: [{ filename, contentType: 'application/msword', content: OLD_WORD }] });

describe("an invited organisation's input in a document that cannot be read", () => {
  it('is filed as input to the one consultation it is invited to, and its receipt asks for the document again', async () => {
    // Amnesty is on OGP 4B's list only.
    const s = await intake(note('Åse Lid <ase.lid@amnesty.no>', 'Innspill fra Amnesty', 'Hei,\n\nVedlagt vårt innspill.\n\nÅse Lid\nAmnesty'), rules);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.relevance.reasonCodes).toContain('unreadable-input');
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(true);
    expect(s.attachments[0]?.problem).not.toBeNull();
  });

  it('the same for the hearing, from an organisation on its list only', async () => {
    const s = await intake(note('Bente Moe <bente.moe@huseierne.no>', 'Innspill fra Huseiernes Landsforbund', 'Vedlagt våre innspill.\n\nBente Moe', 'innspill.doc'), rules);
    expect(s.relevance.reasonCodes).toContain('unreadable-input');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a reply on another law from the same organisation stays out: its subject names other business', async () => {
    const s = await intake(
      note('Bente Moe <bente.moe@huseierne.no>', 'Høringssvar – husleieloven', 'Vedlagt høringssvar fra oss om husleieloven.', 'Høringssvar husleieloven.pdf'),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an unknown sender is held for a person: nothing says whose input it is or to what', async () => {
    const s = await intake(note('Åse Lid <ase.lid@gmail.com>', 'Innspill', 'Hei,\n\nVedlagt mitt innspill.\n\nÅse'), rules);
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('an organisation invited to both consultations is held: the unread document is what would tell which', async () => {
    const s = await intake(note('Jon Vik <jon.vik@advokatforeningen.no>', 'Innspill', 'Vedlagt innspill fra Advokatforeningen.\n\nJon Vik'), rules);
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('without a word that it is input, an invited organisation\'s unreadable letter is held, not filed', async () => {
    const s = await intake(note('Åse Lid <ase.lid@amnesty.no>', 'Brev', 'Hei,\n\nSe vedlagt brev fra styret.\n\nÅse Lid', 'brev.doc'), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a private person asking the government to open the register, in their own words', () => {
  it('"Eg ber regjeringa opne registeret …" (nynorsk, the verb straight after) is input on the register', async () => {
    const s = await intake(
      mail({
        from: 'Torgeir Ramsli <torgeir.ramsli@hotmail.com>',
        subject: 'Ope eigarskap',
        body: 'Til departementet\n\nEg ber regjeringa opne registeret over reelle rettshavarar for alle, utan krav om å vise berettiga interesse.\n\nHelsing\nTorgeir Ramsli',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
    expect(s.receipt.send).toBe(true);
  });

  it('… and with the government\'s name mistyped ("regjerngen")', async () => {
    const s = await intake(
      mail({
        from: 'Eline Grøtte <eline.grotte@live.no>',
        subject: 'Åpent eierskap',
        body: 'God dag,\n\nJeg ber regjerngen om å åpne registeret over reelle rettighetshavere for alle.\n\nVennlig hilsen\nEline Grøtte',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"Gjør registeret … åpent og gratis for alle" is a demand, and input', async () => {
    const s = await intake(
      mail({
        from: 'Hedda Grav <hedda.grav@outlook.com>',
        subject: 'Innspill',
        body: 'Hei. Gjør registeret over reelle rettighetshavere åpent og gratis for alle. Mvh\n\nHedda Grav\n\nSendt fra min iPhone',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
    expect(s.receipt.send).toBe(true);
  });

  it('a bank asking for access to the register for its own checks is no input', async () => {
    const s = await intake(
      mail({
        from: 'Kari Berg <kari.berg@bank.example>',
        subject: 'Tilgang til registeret',
        body: 'Hei\n\nVi ber dere om å gi oss tilgang til registeret over reelle rettighetshavere for vår kundekontroll. Se vedlagt søknad.\n\nKari Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a separate commitment asked for on what the plan already has a commitment on', () => {
  it('"Norge bør ta inn en egen forpliktelse mot korrupsjon" is the commitment on corruption, not a new one', async () => {
    const s = await intake(
      mail({
        from: 'Randi Holm <randi.holm@transparency.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei,\n\nRegisteret over reelle rettighetshavere må bli åpent for alle, og Norge bør ta inn en egen forpliktelse mot korrupsjon i handlingsplan 4B.\n\nRandi Holm',
      }),
      rules,
    );
    expect(ids(s)).toContain('antikorrupsjon');
    expect(ids(s)).not.toContain('ny-forpliktelse');
  });

  it('a new commitment in the field of another ("om avskogingsfrie offentlige anskaffelser") is still a new one', async () => {
    const s = await intake(
      mail({
        from: 'Vilde Eng <vilde.eng@regnskog.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Regnskogfondet foreslår en ny forpliktelse om avskogingsfrie offentlige anskaffelser: staten må stille krav om at produkter ikke bidrar til avskoging.\n\nVilde Eng',
      }),
      rules,
    );
    expect(ids(s)).toContain('ny-forpliktelse');
  });
});

describe('short input from private addresses, in the words people use', () => {
  it('"Når NAV bruker algoritmer må jeg få vite det" claims a right: input on algorithms', async () => {
    const s = await intake(
      mail({ from: 'Lise Dal <lise_dal@hotmail.com>', subject: 'Handlingsplan', body: 'Når NAV bruker algoritmer må jeg få vite det og få klage til et menneske.\n\nSendt fra min iPhone' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
    expect(s.receipt.send).toBe(true);
  });

  it('"eInsyn" with one n is eInnsyn', async () => {
    const s = await intake(
      mail({ from: 'Ingvild Hove <ingvild.hove@hotmail.com>', subject: 'Åpenhet nå!', body: 'hei\n\nAlle komuner bør være med i eInsyn innen 2022.\n\nmvh Ingvild' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it('a correction of what stood in one\'s input ("i innspillet vårt sto det …") is the consultation\'s, held for a person', async () => {
    const s = await intake(
      mail({
        from: 'Tonje Ref <tonje.ref@nj.no>',
        subject: 'Rettelse',
        body: 'Beklager, i innspillet vårt sto det "NJ og NR". Det skal bare stå Norsk Journalistlag. Innholdet er ellers uendret.\n\nTonje Ref',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.review?.needed).toBe(true);
  });

  it('a citizen who only asks for an answer about their own case is not input ("må jeg få svar")', async () => {
    const s = await intake(
      mail({ from: 'Odd Lie <odd.lie@online.no>', subject: 'Søknaden min', body: 'Hei\n\nNå må jeg få svar på byggesøknaden min, den har ligget hos kommunen i et halvt år.\n\nOdd Lie' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('round 80\'s spent sets, in our own words', () => {
  it('a reply to another hearing titled "Høring – <its matter>" stays out, though it names participation', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Hol <eirik.hol@ffo.no>',
        subject: 'SV: Høring – universell utforming av IKT',
        body: 'Hei,\n\nFFO støtter at kravene til universell utforming av IKT utvides til å omfatte apper. Medvirkning fra brukerorganisasjonene må sikres.\n\nEirik Hol',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a reply to the hearing under its own letter\'s title is still its input', async () => {
    const s = await intake(
      mail({
        from: 'Anne Berg <anne.berg@ks.no>',
        subject: 'SV: Høring – forslag til endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)',
        body: 'Hei\n\nKS støtter forslaget om kortere byggesaksfrister, men kommunene trenger mer ressurser.\n\nAnne Berg',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });

  it('"Kan dere sørge for at eInnsyn blir enklere å søke i?" asks for something better: input, not a question', async () => {
    const s = await intake(
      mail({
        from: 'Lars Ulv <lars.ulv61@hotmail.com>',
        subject: 'innspill',
        body: 'Hei! Kan dere sørge for at eInnsyn blir enklere å søke i? Jeg finner aldri dokumentene jeg leter etter.\n\nLars',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });

  it('a colleague\'s "Kan dere sørge for at innspillene journalføres?" asks for nothing better, and is no input', async () => {
    const s = await intake(mail({ from: 'Kari Li <kari.li@kmd.dep.no>', subject: 'Innspill OGP', body: 'Hei\n\nKan dere sørge for at innspillene journalføres?\n\nKari' }), rules);
    expect(s.receipt.send).toBe(false);
  });

  it('"Mitt innspill: … vil jeg ha rett til å få vite …" is input on algorithms', async () => {
    const s = await intake(
      mail({
        from: 'Liv Grøn <liv.gron79@hotmail.com>',
        subject: 'innspill',
        body: 'Mitt innspill: når NAV eller Skatteetaten bruker algoritmer som påvirker meg, vil jeg ha rett til å få vite hvordan beslutningen ble tatt.\n\nLiv',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
    expect(s.receipt.send).toBe(true);
  });

  it('"registret over reele rettighetshavere", the double l slipped, is the register', async () => {
    const s = await intake(
      mail({
        from: 'Solveig Hov <solveig.hov@gmail.com>',
        subject: 'Åpenhet nå',
        body: 'hei\n\nVi ber om at registret over reele rettighetshavere åpnes for alle, gratis og som åpne data.\n\nmvh Solveig',
      }),
      rules,
    );
    expect(ids(s)).toContain('reelle-rettighetshavere');
  });

  it('"en egen forpliktelse om å forebygge korrupsjon" is the commitment on corruption', async () => {
    const s = await intake(
      mail({
        from: 'Per Dahl <per.dahl@jd.dep.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei,\n\nVi har en justering til egen forpliktelse om å forebygge korrupsjon: tiltakene bør følges opp årlig.\n\nPer Dahl',
      }),
      rules,
    );
    expect(ids(s)).toContain('antikorrupsjon');
    expect(ids(s)).not.toContain('ny-forpliktelse');
  });
});

describe("round 81's spent sets, in our own words", () => {
  it('"… Jeg vil vite når en maskin har vurdert saken min. Ta det med i planen." is a proposal, not a question', async () => {
    const s = await intake(
      mail({
        from: 'Kjetil Tang <kjetil72@online.no>',
        subject: 'forslag',
        body: 'Hei\nNAV og Skatteetaten bruker algoritmer. Jeg vil vite når en maskin har vurdert saken min. Ta det med i planen.\nKjetil',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
    expect(s.receipt.send).toBe(true);
  });

  it('"Registeret over reelle rettighetshavere må åpnes for alle" is a demand, and input', async () => {
    const s = await intake(
      mail({
        from: 'Henning Foss <henning.foss3@gmail.com>',
        subject: 'Åpent eierskap nå',
        body: 'Hei!\n\nRegisteret over reelle rettighetshavere må åpnes for alle, gratis og som åpne data.\n\nVennlig hilsen Henning Foss',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
    expect(s.receipt.send).toBe(true);
  });

  it("a ministry's notice of a new contact person for the register is no input, and not receipted", async () => {
    const s = await intake(
      mail({
        from: 'Jon Høy <jon.hoy@fin.dep.no>',
        subject: 'Oppdatert kontaktliste for reelle rettighetshavere',
        body: 'Til orientering: ny kontaktperson for registeret over reelle rettighetshavere i FIN er undertegnede.\nJon Høy',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe("round 82's spent sets, in our own words (its two receipts to mail that was no input)", () => {
  it('a municipality applying for discretionary funds ("Søknad om skjønnsmidler") for a planning project is no input', async () => {
    const s = await intake(
      mail({
        from: 'Nora Bjerk <nora.bjerk@oslo.kommune.no>',
        subject: 'Søknad om skjønnsmidler 2021',
        body: 'Oslo kommune søker om skjønnsmidler til et prosjekt for digital planbehandling i bydelene. Søknaden er vedlagt.\n\nNora Bjerk',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('the plan\'s documents "behind an Office 365 log-in" from a look-alike domain are an imitation, never answered', async () => {
    const s = await intake(
      mail({
        from: 'OGP Interessentforum <ogp@regjeringen-horing.example.com>',
        subject: 'OGP Handlingsplan 4B – last ned dokumenter',
        body: 'Dokumentene til handlingsplan 4B er klare. Last ned via Office 365-innlogging: http://regjeringen-horing.example.com/o365\n\nInteressentforumet',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('"gebyrreduksjon ved fristoverskridelse må videreføres" is on the time limits of building cases', async () => {
    const s = await intake(
      mail({ from: 'Ola Grim <ola.grim@bnl.no>', subject: 'Frister – BNL', body: 'BNL vil også peke på at gebyrreduksjon ved fristoverskridelse må videreføres.\n\nOla Grim' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['byggesaksfrister']);
    expect(s.receipt.send).toBe(true);
  });
});

describe("round 83's spent sets, in our own words (its two receipts to mail that was no input)", () => {
  it('"jeg så at dere foreslår en nasjonal plandialog. Når blir den tilgjengelig?" is a question: the proposal is the ministry\'s', async () => {
    const s = await intake(
      mail({
        from: 'Lars Hauge <lars.hauge@gmail.com>',
        subject: 'Kommer det en digital plandialog?',
        body: 'Hei,\n\njeg så at dere foreslår en nasjonal plandialog. Når blir den tilgjengelig for innbyggere?\n\nVennlig hilsen\nLars Hauge',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('"… vi foreslår at planene blir tilgjengelige" is still the sender\'s proposal', async () => {
    const s = await intake(
      mail({
        from: 'Lars Hauge <lars.hauge@gmail.com>',
        subject: 'Digital plandialog',
        body: 'Hei,\n\nJeg foreslår at plandialogen også viser alle dispensasjonssøknader i kommunen. Når kommer den?\n\nLars Hauge',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
  });

  it('a reply to another hearing named by its own case number stays out, though its matter is the shore zone', async () => {
    const s = await intake(
      mail({
        from: 'Tor Ulv <tor.ulv@naturvernforbundet.no>',
        subject: 'Høring – statlige planretningslinjer for differensiert forvaltning av strandsonen (20/6120)',
        body: 'Hei,\n\nNaturvernforbundet mener retningslinjene må strammes inn i sone 2 og 3, og at kommunene må rapportere på dispensasjoner i strandsonen.\n\nTor Ulv\nNaturvernforbundet',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a reply under the hearing\'s own case number is its input, whatever else the subject names', async () => {
    const s = await intake(
      mail({
        from: 'Tor Ulv <tor.ulv@naturvernforbundet.no>',
        subject: 'Høringssvar – dispensasjoner i strandsonen (21/345)',
        body: 'Hei,\n\nNaturvernforbundet mener dispensasjonsadgangen i strandsonen ikke må utvides.\n\nTor Ulv',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });
});

describe("round 84's spent sets, in our own words (its receipt to mail that was no input)", () => {
  it('a meeting asked for ("Kan vi få et møte …? Foreslår 8. eller 10. juni.") is no input: the dates proposed are no proposal', async () => {
    const s = await intake(
      mail({
        from: 'Siri Lund <siri.lund@transparency.no>',
        subject: 'Møte om lobbyregister?',
        body: 'Hei,\n\nKan vi få et møte med avdelingen i juni for å snakke om Stortingets arbeid med lobbyregister? Foreslår 8. eller 10. juni.\n\nSiri Lund',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"Kunne dere gjort kartene over reguleringsplaner tilgjengelige på mobil?" asks for the digital plans: input', async () => {
    const s = await intake(
      mail({
        from: 'Guro Berg <guro.berg@online.no>',
        subject: 'Innspill',
        body: 'Hei. Kunne dere gjort kartene over reguleringsplaner tilgjengelige på mobil? Det er helt umulig å finne ut hva som skal bygges i nabolaget mitt.\n\nGuro',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toEqual(['plan-og-bygg']);
    expect(s.receipt.send).toBe(true);
  });

  it('"ALLE tilskudd fra staten blir lagt ut på nett, med mottaker og beløp" is a new commitment, held for the spam flag', async () => {
    const s = await intake(
      mail({
        from: 'Bjørnar Lund <bjornar.lund@gmail.com>',
        subject: 'GRATIS ÅPENHET!!! innspill',
        headers: { 'X-Spam-Flag': 'YES' },
        body: 'Hei!!! Jeg vil foreslå at ALLE tilskudd fra staten blir lagt ut på nett, med mottaker og beløp. Se min blogg.\n\nBjørnar',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.review?.reasons).toContain('spam-flagged');
    expect(s.receipt.send).toBe(false);
  });
});
