// Classes from spent sets read on 2026-12-06 (sealed-234, -236, -239, -240, -243 from 09:25 UTC;
// sealed-244 and -246 from 09:41 UTC; sealed-252 and -255 from 09:53 UTC; sealed-256 from 10:08 UTC; sealed-262, -266 and -271 from
// 10:28 UTC; sealed-171 from 10:43 UTC), written again in our own words. The first test of each pair fails with the rules of
// the commit before its own (036ae5ff, 8987b4b7, 82ef1075, 0406526f, ca9231b9,
// 56be8d6d); the second, where there is one, keeps the rule from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('an opinion with a word between the verb and "at"', () => {
  it('a short message that "ønsker derfor at" the youth panel changes is input', async () => {
    const s = await intake(
      mail({
        from: 'Ivar Brekke <ivar.brekke@gmail.com>',
        subject: 'Ungdomspanelet',
        body: 'Jeg ønsker derfor at ungdomspanelet får med lærlinger.\n\nIvar Brekke',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toEqual(['ungdomspanel']);
    expect(s.receipt.send).toBe(true);
  });

  it('the panel named with nothing wished for is no input', async () => {
    const s = await intake(
      mail({
        from: 'Ivar Brekke <ivar.brekke@gmail.com>',
        subject: 'Ungdomspanelet',
        body: 'Ungdomspanelet hadde møte i Bodø i går.\n\nIvar Brekke',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal put as "make it searchable"', () => {
  it('"Gjør møtebøkene i fylket mitt søkbare i eInnsyn" is input', async () => {
    const s = await intake(
      mail({
        from: 'Gunn Haug <gunn.haug@hotmail.com>',
        subject: 'tips',
        body: 'Hei! Gjør postlistene i fylket mitt søkbare i eInnsyn. I dag må man sende e-post for alt.\n\nGunn',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });
});

describe('the planning hearing: what the municipality is told to do', () => {
  it('"Kommunene må holde …" from a private address, on participation, is input', async () => {
    const s = await intake(
      mail({
        from: 'Terje Moen <terje.moen@gmail.com>',
        subject: 'innspill',
        body: 'Folk med vanlige jobber rekker aldri møtene om reguleringsplaner. Kommunene må holde møtene om kvelden, ellers blir medvirkningen bare på papiret.\n\nTerje',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toContain('medvirkning');
    expect(s.receipt.send).toBe(true);
  });
});

describe('one\'s own building case told as an argument', () => {
  it('a judgement of the proposal beside one\'s own application is input', async () => {
    const s = await intake(
      mail({
        from: 'Åse Lien <ase.lien@online.no>',
        subject: 'høringen',
        body: 'Forslaget om åtte ukers frist for byggesaker er fornuftig. Byggesøknaden min lå hos kommunen i fire måneder.\n\nÅse Lien',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });

  it('a question about one\'s own case ("jeg har en byggesak i kommunen") is no input', async () => {
    const s = await intake(
      mail({
        from: 'Åse Lien <ase.lien@online.no>',
        subject: 'Spørsmål om fristen',
        body: 'Vil forslaget om åtte ukers saksbehandlingsfrist også gjelde byggesøknader som ligger inne nå? Jeg har en byggesak hos kommunen.\n\nÅse Lien',
      }),
      rules,
    );
    // (held as no input before; now not the hearing's at all: it stays in the inbox)
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal that someone else invites civil society, in a hard-wrapped mail', () => {
  it('is a proposal, not an invitation, when the sentence runs over a line break', async () => {
    const s = await intake(
      mail({
        from: 'Kari Sand <kari.sand@yahoo.no>',
        subject: 'Korrupsjon',
        body: 'Hei,\n\nJeg ønsker at Justisdepartementet publiserer risiko- og trusselvurderinger om korrupsjon hvert år\nog inviterer sivilsamfunnet til å kommentere den.\n\nKari Sand',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['antikorrupsjon']);
    expect(s.receipt.send).toBe(true);
  });

  it('an organisation that invites others itself is still no input', async () => {
    const s = await intake(
      mail({
        from: 'Kari Sand <kari.sand@yahoo.no>',
        subject: 'Møte om korrupsjon',
        body: 'Hei,\n\nVi inviterer sivilsamfunnet til et åpent møte om korrupsjon i kommunene\ntorsdag 10. juni.\n\nKari Sand',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('a journalist', () => {
  it('who ordered documents in our case through eInnsyn: the innsynskrav is the case\'s', async () => {
    const s = await intake(
      mail({
        from: 'eInnsyn <noreply@einnsyn.no>',
        subject: 'Innsynskrav i sak 17/1886',
        headers: { 'Auto-Submitted': 'auto-generated' },
        body: 'Nytt innsynskrav\n\nBestiller: journalist i Bygdeposten\nSak: 17/1886\nDokument: 17/1886-120 Innspill fra Norsk Presseforbund\n',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(false);
  });

  it('who signs "journalist" under the name and asks for figures for a story: a press enquiry', async () => {
    const s = await intake(
      mail({
        from: 'Per Dal <per.dal@bygdeposten.example>',
        subject: 'Spørsmål om eInnsyn',
        body: 'Hei,\n\nHvor mange statlige virksomheter publiserer postjournalen i eInnsyn i dag? Vi trenger tallene til en sak.\n\nPer Dal\njournalist\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('an action plan against corruption', () => {
  it('is the commitment on preventing corruption\'s own matter, in a ministry\'s updated text', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lund <eva.lund@jd.dep.no>',
        subject: 'Forebygge korrupsjon – revidert tekst',
        body: 'Hei,\n\nJD vil i 2021 lage en ny handlingsplan mot korrupsjon og oppdatere veilederen om gaver i staten. Korrupsjon i kommunene skal også med i risikovurderingene. Dette er vår reviderte tekst til forpliktelsen.\n\nEva Lund',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('another ministry asking for input to such a plan is still another process', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lund <eva.lund@jd.dep.no>',
        subject: 'Innspill til ny handlingsplan',
        body: 'Justisdepartementet ber om innspill til handlingsplan mot korrupsjon innen 1. september.\n\nEva Lund',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a holiday named as the reason for a private address', () => {
  it('"… fordi jeg har ferie" before a proposal is a person\'s input, not an out-of-office reply', async () => {
    const s = await intake(
      mail({
        from: 'Siri Berg <siri.berg@online.no>',
        subject: 'Innspill om journalføring',
        body: 'Hei,\n\nJeg skriver fra privat e-post fordi jeg har ferie.\n\nVeilederen om journalføring bør si tydelig at meldinger i Teams kan være saksdokumenter.\n\nSiri Berg\nrådgiver, Norsk arkivråd',
      }),
      rules,
    );
    expect(s.automatic).toBe(false);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['journalforing']);
    expect(s.receipt.send).toBe(true);
  });

  it('an out-of-office reply that says "jeg har ferie" is still one', async () => {
    const s = await intake(
      mail({
        from: 'Siri Berg <siri.berg@arkivrad.no>',
        subject: 'Fravær',
        body: 'Jeg har ferie til 2. august og leser ikke e-post.\n\nSiri Berg',
      }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('the letter\'s own new commitments named in English', () => {
  it('"the new AI commitment" is the commitment on AI, not a proposal of a new one', async () => {
    const s = await intake(
      mail({
        from: 'Jan Vos <jan.vos@open-state.example.org>',
        subject: 'Input on algorithms',
        body: 'Dear Ministry,\n\nWe suggest that the new AI commitment includes impact assessments published before any algorithm is used in casework.\n\nJan Vos',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });
});

describe('journalling in the sense of eInnsyn and culture', () => {
  it('when documents are journalled, said of eInnsyn, is no comment on the journalling guidance', async () => {
    const s = await intake(
      mail({
        from: 'Nils Bø <nils.bo@gmail.com>',
        subject: 'Innspill eInnsyn',
        body: 'eInnsyn bør sende varsel når nye brev i en sak jeg følger blir journalført, og det bør ikke gå mer enn to dager fra journalføring til publisering.\n\nNils Bø',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it('Arkivverket beside the National Library is a holder of cultural data', async () => {
    const s = await intake(
      mail({
        from: 'Mona Vik <mona.vik@kud.dep.no>',
        subject: 'Kulturdata',
        body: 'Hei,\n\nKUD foreslår at planen sier at Arkivverket og Nasjonalbiblioteket fortsetter å legge ut kulturdata som åpne data etter at strategien er avsluttet.\n\nMona Vik',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['kulturdata']);
  });

  it('Arkivverket named on its own, on the guidance, is still journalling', async () => {
    const s = await intake(
      mail({
        from: 'Mona Vik <mona.vik@gmail.com>',
        subject: 'Innspill',
        body: 'Arkivverket bør oppdatere veilederen om journalføring av e-post.\n\nMona Vik',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['journalforing']);
  });
});

describe('co-creation said as an adjective or a verb', () => {
  it('"prosessen må bli mer samskapende" is about co-creation', async () => {
    const s = await intake(
      mail({
        from: 'Hege Aas <hege.aas@gmail.com>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei,\n\nArbeidet med neste handlingsplan bør være samskapende fra første dag: sivilsamfunnet må få skrive forslag, ikke bare kommentere dem.\n\nHege Aas',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['samskaping']);
  });
});

describe('the planning hearing: taking part said with the verb', () => {
  it('"alle må kunne medvirke" is on participation; digital tools that must not replace meetings are too', async () => {
    const s = await intake(
      mail({
        from: 'Liv Holm <liv.holm@gmail.com>',
        subject: 'Høringsuttalelse plan- og bygningsloven',
        body: 'Hei,\n\nEn digital plandialog kan aldri erstatte møter ansikt til ansikt. Folk uten datakunnskap må kunne medvirke like godt som andre.\n\nLiv Holm',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['medvirkning']);
  });

  it('digital submission of plan proposals is still the digital process', async () => {
    const s = await intake(
      mail({
        from: 'Liv Holm <liv.holm@gmail.com>',
        subject: 'Høringsuttalelse plan- og bygningsloven',
        body: 'Hei,\n\nVi støtter at planforslag skal leveres digitalt etter en nasjonal standard, men små kommuner trenger hjelp.\n\nLiv Holm',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });
});

describe('an event the sender wants to hold', () => {
  it('"we would like to co-host an open government event" is correspondence, not input', async () => {
    const s = await intake(
      mail({
        from: 'Tom Berge <tom.berge@example.org>',
        subject: 'Partnership',
        body: 'Our network would like to co-host an open government event in Bergen this autumn. Please tell us whom to contact.\n\nTom Berge',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('mail that says it is not about the consultation', () => {
  it('"Dette gjelder ikke OGP" from a ministry is not the plan\'s', async () => {
    const s = await intake(
      mail({
        from: 'Are Lie <are.lie@kld.dep.no>',
        subject: 'Frist for tiltak til klimastrategien',
        body: 'Hei,\n\nEn påminnelse om fristen for å sende tiltak til klimastrategien. Dette gjelder ikke OGP.\n\nAre Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('input that names OGP without such a denial is still input', async () => {
    const s = await intake(
      mail({
        from: 'Are Lie <are.lie@kld.dep.no>',
        subject: 'Innspill til OGP',
        body: 'Hei,\n\nKLD foreslår at miljøinformasjon publiseres som åpne data, som en ny forpliktelse i OGP-planen.\n\nAre Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a decision made by a machine, said in plain words', () => {
  it('a person who saw the invitation and asks to be told when a decision was made automatically gives input on AI', async () => {
    const s = await intake(
      mail({
        from: 'Kari Nilsen <kari.nilsen@gmail.com>',
        subject: 'Skatteetaten',
        body: 'Hei, jeg så invitasjonen på nettet. Jeg mener Skatteetaten må si fra i hvert vedtak om det er fattet delvis automatisk, og hvilke regler programmet bruker.\n\nKari',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toEqual(['kunstig-intelligens']);
    expect(s.receipt.send).toBe(true);
  });

  it('a correction on training data and model descriptions is on AI', async () => {
    const s = await intake(
      mail({
        from: 'Berit Ness <berit.ness@abelia.no>',
        subject: 'SV: Abelias innspill til OGP 4B',
        body: 'En presisering: vi ber også om at treningsdata og modellbeskrivelser publiseres.\n\nBerit Ness\nAbelia',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });
});

describe('a log-in to "our portal" to confirm the organisation', () => {
  it('is bait: marked suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'OGP Forum <post@ogp-forum-norge.example.net>',
        subject: 'OGP 4B: your input',
        body: 'Dear participant,\n\nYour input to OGP action plan 4B is pending. Please log in to our portal and confirm your organization.\n\nOGP Forum',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('an organisation that confirms its own input is no bait', async () => {
    const s = await intake(
      mail({
        from: 'Berit Ness <berit.ness@abelia.no>',
        subject: 'Innspill til OGP 4B',
        body: 'Hei,\n\nVi bekrefter at innspillet vårt gjelder hele organisasjonen. Vi foreslår at algoritmer i offentlig sektor registreres i et åpent register.\n\nBerit Ness',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

describe('another ministry asking for input to its white paper', () => {
  it('"ber om innspill fra departementene til integreringsmeldingen" is no input, whatever commitment words it has', async () => {
    const s = await intake(
      mail({
        from: 'Siv Berg <siv.berg@kd.dep.no>',
        subject: 'Innspill til integreringsmelding',
        body: 'KD ber om innspill fra departementene til integreringsmeldingen innen 1. juni, blant annet om ungdomsråd og medvirkning for unge.\n\nSiv Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a service desk\'s ticket with its number first', () => {
  it('"Saken din HD-4471 er registrert" is a ticket, not a person', async () => {
    const s = await intake(
      mail({
        from: 'Servicedesk <servicedesk@it-leverandor.example>',
        subject: '[HD-4471] Passord til fagsystem',
        body: 'Saken din HD-4471 er registrert. Svar på denne e-posten hvis du har mer informasjon.',
      }),
      rules,
    );
    expect(s.automaticKind).toBe('ticket');
    expect(s.receipt.send).toBe(false);
  });
});

describe('a confirmation of one\'s taking part behind a link', () => {
  it('"Bekreft din påmelding … her: https://…" with "Passord kreves" is bait: suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Forum for åpenhet <post@apenhet-forum-norge.example.org>',
        subject: 'Handlingsplan 4B – bekreft påmelding til interessentforumet',
        body: 'Hei,\n\nBekreft din påmelding til interessentforumet for handlingsplan 4B her: https://apenhet-forum-norge.example.org/bekreft\n\nPassord kreves for å åpne dokumentene.',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal put as a question to the ministry', () => {
  it('"Mitt forslag: kan dere lage en forpliktelse om at …?" is input, not a question', async () => {
    const s = await intake(
      mail({
        from: 'Ola Lie <ola.lie@gmail.com>',
        subject: 'idé',
        body: 'Hei! Mitt forslag: kan dere lage en forpliktelse om at møtene i alle bystyrer strømmes på nett?\n\nOla Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a colleague asking postmottak to journal the inputs ("Kan dere sørge for at …") proposes nothing', async () => {
    const s = await intake(
      mail({
        from: 'Tove Dahl <tove.dahl@kmd.dep.no>',
        subject: 'VS: Innspill OGP',
        body: 'Hei postmottak,\n\nKan dere sørge for at innspillene til OGP-planen blir journalført i sak 17/1886 før helgen?\n\nTove',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('a question with nothing proposed is still a question', async () => {
    const s = await intake(
      mail({
        from: 'Ola Lie <ola.lie@gmail.com>',
        subject: 'spørsmål',
        body: 'Hei! Når kommer den nye handlingsplanen for åpen forvaltning?\n\nOla Lie',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('what the ministry does, judged, beside a question', () => {
  it('"Det er riktig at dere vil stramme inn … Men hvem skal følge med?" is input on the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Ragnhild Bø <ragnhild.bo@gmail.com>',
        subject: 'Strandsonen',
        body: 'Hei\n\nDet er riktig at dere vil stramme inn dispensasjonene i strandsonen. Men hvem skal følge med på at kommunene gjør det?\n\nRagnhild Bø',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['dispensasjon']);
    expect(s.receipt.send).toBe(true);
  });
});
