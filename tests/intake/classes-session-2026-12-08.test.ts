// Classes from spent sets read on 2026-12-08 from 23:41 UTC (sealed-661, -663 and -664, after round
// 116 was written and measured), written again in our own words. The first test of each group fails
// with the rules of the commit before the change (checked in a worktree of that commit); the others
// keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => [...s.commitments.map((c) => c.id)].sort();
// After the hearing's deadline (4 June 2021, 23:59 Oslo time): 00:20 Oslo time on 5 June.
const HEARING_LATE = { date: 'Sat, 5 Jun 2021 00:19:00 +0200', received: ['from mx.example.org by mx01.dep.no; Fri, 4 Jun 2021 22:20:00 +0000'] };

describe('a journalist asking who has proposed something', () => {
  it('is a press enquiry, not input: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Per Kvam <per.kvam@dagsavisen.example>',
        subject: 'Spørsmål om innspillene',
        body: 'Hei, jeg er journalist og vil gjerne vite hvor mange organisasjoner som har foreslått åpne algoritmer i innspillene til OGP-planen. Kan dere svare i dag?\n\nPer Kvam\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('nynorsk: "kven som har føreslått"', async () => {
    const s = await intake(
      mail({
        from: 'Per Kvam <per.kvam@dagsavisen.example>',
        subject: 'Spørsmål om OGP-innspela',
        body: 'Hei, eg er journalist og lurer på kven som har føreslått eit lobbyregister til OGP-planen.\n\nPer Kvam\n',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('a sender who proposes, beside such a question, still gives input', async () => {
    const s = await intake(
      mail({
        from: 'Per Kvam <per.kvam@gmail.com>',
        subject: 'Innspill til OGP handlingsplan 4B',
        body: 'Jeg vet ikke hvor mange som har foreslått det før, men jeg foreslår et åpent lobbyregister for departementene.\n\nPer Kvam\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a time limit judged, beside a question', () => {
  it('is input to the hearing, receipted, and late after its deadline', async () => {
    const s = await intake(
      mail({
        ...HEARING_LATE,
        from: 'Mari Holte <mari.holte@gmail.com>',
        subject: 'Høring – endringer i plan- og bygningsloven',
        body: 'Hei, kom dette fram før fristen? Åtte uker er greit, vi ventet et halvt år på svar på et tilbygg.\n\nMari\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.late).toBe(true);
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('a question about the time limit alone is still a question', async () => {
    const s = await intake(
      mail({
        from: 'Mari Holte <mari.holte@gmail.com>',
        subject: 'Høring – endringer i plan- og bygningsloven',
        body: 'Hei, hvor mange uker skal fristen for byggesaker være etter forslaget? Jeg finner det ikke i høringsnotatet.\n\nMari\n',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });
});

describe('a log-in with one\'s own mailbox asked for', () => {
  it('is phishing: suspicious, no receipt, never late', async () => {
    const s = await intake(
      mail({
        ...HEARING_LATE,
        from: 'Kommunal- og moderniseringsdepartementet <horing@regjeringen-dokumenter.example.net>',
        subject: 'Høring 21/345 – oppdatert høringsnotat',
        body: 'Det oppdaterte høringsnotatet ligger klart. Du må logge inn med din e-postkonto for å lese det.\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
    expect(s.late).toBe(false);
  });

  it('in English', async () => {
    const s = await intake(
      mail({
        from: 'OGP Support <support@ogp-docs.example.net>',
        subject: 'Action plan 4B – draft commitments',
        body: 'The draft commitments for Norway\'s OGP action plan 4B are ready. Sign in with your Microsoft account to read them.\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('asking that one need not log in with BankID is input', async () => {
    const s = await intake(
      mail({
        from: 'Gunn Aas <gunn.aas@online.no>',
        subject: 'Høringssvar plan- og bygningsloven',
        body: 'Digital nabovarsling er bra, men det må være mulig å sende merknader uten å logge inn med BankID.\n\nGunn Aas\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.suspicious).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

describe('corruption named as what another measure helps against', () => {
  it('"et av de viktigste tiltakene mot korrupsjon" adds no anti-corruption label', async () => {
    const s = await intake(
      mail({
        from: 'Leif Ruud <leif.ruud@online.no>',
        subject: 'Åpne eierskapsdata',
        body: 'Registeret over reelle rettighetshavere må bli åpent for alle. Å vite hvem som eier selskapene er et av de viktigste tiltakene mot korrupsjon vi har.\n\nLeif Ruud\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });

  it('the measures against corruption as what the sender writes about still count', async () => {
    const s = await intake(
      mail({
        from: 'Leif Ruud <leif.ruud@online.no>',
        subject: 'Innspill OGP 4B',
        body: 'Tiltakene mot korrupsjon bør også omfatte kommunene, der risikoen er størst.\n\nLeif Ruud\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });
});

describe('"no comments" with the verb between', () => {
  it('"meddeler at vi ikke har merknader" is no comments, for the plan', async () => {
    const s = await intake(
      mail({
        from: 'Ola Brekke <ola.brekke@lmd.dep.no>',
        subject: 'SV: OGP handlingsplan 4B – invitasjon til innspill',
        body: 'Hei,\n\nLandbruks- og matdepartementet viser til brevet og meddeler at vi ikke har merknader.\n\nOla Brekke\n',
      }),
      rules,
    );
    expect(s.noComments).toBe(true);
    expect(ids(s)).toEqual([]);
  });

  it('and for the hearing, in nynorsk', async () => {
    const s = await intake(
      mail({
        from: 'Ola Brekke <ola.brekke@lmd.dep.no>',
        subject: 'Høyring – endringar i plan- og bygningslova',
        body: 'Departementet viser til høyringa og meddeler at vi ikkje har nokon merknader.\n\nOla Brekke\n',
      }),
      rules,
    );
    expect(s.noComments).toBe(true);
  });

  it('"we said we had none, but …" is comments', async () => {
    const s = await intake(
      mail({
        from: 'Ola Brekke <ola.brekke@lo.no>',
        subject: 'Innspill OGP 4B',
        body: 'Vi svarte tidligere at vi ikke hadde merknader, men vil likevel be om at eInnsyn utvides til alle kommuner.\n\nOla Brekke\n',
      }),
      rules,
    );
    expect(s.noComments).toBe(false);
    expect(ids(s)).toContain('einnsyn');
  });
});

describe('the hearing\'s time limits in a builder\'s words', () => {
  it('"fristene må gjelde også for rammetillatelser" is the time-limit proposal', async () => {
    const s = await intake(
      mail({
        from: 'Nils Ask <nils.ask@boligprodusentene.no>',
        subject: 'Høringssvar 21/345',
        body: 'Vårt viktigste poeng: fristene må gjelde også for rammetillatelser.\n\nNils Ask\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('waiting "altfor lenge" for an answer to building applications is the same proposal', async () => {
    const s = await intake(
      mail({
        from: 'Nils Ask <nils.ask@gmail.com>',
        subject: 'Høringssvar plan- og bygningsloven',
        body: 'Vi støtter forslaget. Folk venter i dag altfor lenge på svar på byggesøknader for garasjer.\n\nNils Ask\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('the deadline to complain about a permission is not the time limit', async () => {
    const s = await intake(
      mail({
        from: 'Nils Ask <nils.ask@gmail.com>',
        subject: 'Høringssvar plan- og bygningsloven',
        body: 'Medvirkningen må bli bedre. I dag oppdager mange for sent at fristen for å klage på rammetillatelsen har gått ut.\n\nNils Ask\n',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('byggesaksfrister');
  });
});

// From sealed-673 (after round 117) and sealed-678, -679 and -680 (after round 118 was written).
describe('a short proposal from a private address, naming no plan', () => {
  it('a place to see every public contract is the procurement commitment: input', async () => {
    const s = await intake(
      mail({ from: 'Eli Fjeld <eli.fjeld@online.no>', subject: 'Et forslag', body: 'Lag en app der en kan se alle offentlige kontrakter i fylket mitt. Det ville vært ekte åpenhet.\n\nEli Fjeld\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['anskaffelser']);
  });

  it('the owners of the companies that win public contracts are the register\'s matter', async () => {
    const s = await intake(
      mail({
        from: 'Eli Fjeld <eli.fjeld@online.no>',
        subject: 'Innspill OGP 4B',
        body: 'Registeret over reelle rettighetshavere må bli åpent, så vi kan se hvem som eier selskapene som vinner offentlige kontrakter.\n\nEli Fjeld\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });

  it('politicians\' gifts and trips in an open register is the anti-corruption commitment: input', async () => {
    const s = await intake(
      mail({ from: 'Eli Fjeld <eli.fjeld@hotmail.com>', subject: 'forslag', body: 'Alle folkevalgte bør måtte registrere gaver og reiser de får, i et åpent register.\n\nEli\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('decisions "som er laget av datamaskin", some words apart, are the AI commitment: input', async () => {
    const s = await intake(
      mail({ from: 'Eli Fjeld <eli.fjeld@online.no>', subject: 'Forslag', body: 'Jeg foreslår at alle vedtak fra Nav som er laget av datamaskin skal merkes tydelig.\n\nEli Fjeld\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });
});

describe('mail that says it is no input', () => {
  it('"Dette er ikke et høringssvar" beside a request for interpretation: no receipt, not late', async () => {
    const s = await intake(
      mail({
        ...HEARING_LATE,
        from: 'Tone Lie <tone.lie@statsforvalteren.example.no>',
        subject: 'Tolkning av § 19-2',
        body: 'Vi har en klagesak om dispensasjon for en brygge i strandsonen, og ber om departementets tolkning av gjeldende § 19-2. Dette er ikke et høringssvar.\n\nTone Lie\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.late).toBe(false);
  });

  it('in English', async () => {
    const s = await intake(
      mail({
        from: 'Tom Hale <tom.hale@example.org>',
        subject: 'Question on the OGP action plan',
        body: 'This is not a submission. When will the new commitments on beneficial ownership be published?\n\nTom Hale\n',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('a hearing reply that asks for an interpretation as well is still input', async () => {
    const s = await intake(
      mail({
        from: 'Tone Lie <tone.lie@ks.no>',
        subject: 'Høringssvar plan- og bygningsloven',
        body: 'Vedlagt følger vårt høringssvar. Vi støtter en strengere praksis for dispensasjon i strandsonen, og ber om departementets tolkning av forslaget i veilederen.\n\nTone Lie\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a reply to be confirmed or signed through a link', () => {
  it('"Bekreft via lenken" without the address is phishing: suspicious, not late', async () => {
    const s = await intake(
      mail({
        ...HEARING_LATE,
        from: 'Høringsportalen <post@horing-kmd.example.com>',
        subject: 'Høring 21/345 – høringssvaret må bekreftes',
        body: 'Vi har registrert et høringssvar fra deg. Bekreft det via lenken innen fristen.\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.suspicious).toBe(true);
    expect(s.late).toBe(false);
  });

  it('"må signeres. Klikk: https://…" is phishing', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportalen <no-reply@horing-kmd.example.com>',
        subject: 'Høringssvaret ditt 21/345',
        body: 'Høringssvaret ditt om plan- og bygningsloven er registrert, men må signeres. Klikk: https://horing-kmd.example.com/signer\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('input that links to its own report is still input', async () => {
    const s = await intake(
      mail({
        from: 'Tone Lie <tone.lie@transparency.no>',
        subject: 'Innspill til OGP handlingsplan 4B',
        body: 'Vi foreslår at registeret over reelle rettighetshavere blir åpent. Les rapporten vår her: https://transparency.no/rapport\n\nTone Lie\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

// From sealed-683, -684 and -687 (after round 119 was written).
describe('a meeting called or proposed', () => {
  it('"Innkalling: koordineringsmøte …" from another ministry is no input: no receipt', async () => {
    const s = await intake(
      mail({ from: 'Siv Dale <siv.dale@kud.dep.no>', subject: 'Innkalling: koordineringsmøte kulturdata', body: 'Vi foreslår møte om oppfølgingen av kulturdatastrategien onsdag kl. 13.\n\nSiv Dale\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
  });

  it('a proposal about the strategy beside a meeting is still input', async () => {
    const s = await intake(
      mail({
        from: 'Siv Dale <siv.dale@kulturradet.no>',
        subject: 'Innspill til OGP handlingsplan 4B: kulturdata',
        body: 'Vi foreslår at arbeidet med åpne kulturdata fortsetter, og at museene får midler til å publisere samlingene med åpne lisenser. Vi tar gjerne et møte om dette.\n\nSiv Dale\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('an account to be closed unless one logs in', () => {
  it('is phishing, whatever forum it names: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'OGP Secretariat <secretariat@opengov-partnership.example>',
        subject: 'Action required: OGP stakeholder forum password reset',
        body: 'Dear stakeholder,\n\nYour account for the OGP stakeholder forum will be deactivated. Secure\nlog-in here to keep your access: https://ogp-forum.example/login\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('in Norwegian', async () => {
    const s = await intake(
      mail({
        from: 'Interessentforumet <post@ogp-forum.example>',
        subject: 'Interessentforumet for OGP',
        body: 'Kontoen din i interessentforumet vil bli deaktivert. Logg inn her for å beholde tilgangen.\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });
});

describe('another body asking the ministry into its own working group', () => {
  it('is no input to the hearing, whatever proposal\'s words it uses', async () => {
    const s = await intake(
      mail({
        from: 'Eva Rud <eva.rud@oed.dep.no>',
        subject: 'Konsekvensutredninger for havvind',
        body: 'OED viser til arbeidet med konsekvensutredninger for havvind og ber om at KMD deltar i arbeidsgruppen.\n\nEva Rud\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('asking the plan for a working group with civil society is input', async () => {
    const s = await intake(
      mail({
        from: 'Eva Rud <eva.rud@frivillighetnorge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Vi ber om at departementet deltar i en arbeidsgruppe med sivilsamfunnet om samskaping av neste handlingsplan.\n\nEva Rud\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a hearing reply that says what must be done in the passive, or fears a change', () => {
  it('is input, and late after the deadline', async () => {
    const s = await intake(
      mail({
        ...HEARING_LATE,
        from: 'Per Moe <per.moe@boligprodusentene.no>',
        subject: 'Høringssvar – for sent',
        body: 'Beklager at svaret kommer etter fristen.\n\nForeningen er bekymret for at strengere dispensasjonsregler vil stoppe boligprosjekter. Fristene i byggesaker må kortes ned.\n\nPer Moe\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('the case documents searchable in one place', () => {
  it('is eInnsyn, from a private address naming no plan: input', async () => {
    const s = await intake(
      mail({ from: 'Lars Lie <lars.lie@outlook.com>', subject: 'Forslag', body: 'Forslag: gjør alle saksdokumenter i kommunene søkbare på ett sted.\n\nLars\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
  });
});

describe('"not a hearing reply" said of an informal one', () => {
  it('"ikke et formelt høringssvar" with an opinion is input', async () => {
    const s = await intake(
      mail({
        from: 'Rune Aas <rune.aas@naturvernforbundet.no>',
        subject: 'Plan- og bygningsloven – noen synspunkter',
        body: 'Dette er ikke et formelt høringssvar, men vi mener dispensasjonspraksisen i strandsonen må strammes inn.\n\nRune Aas\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"Dette er ikke et høringssvar, men vi vil peke på …" is input', async () => {
    const s = await intake(
      mail({
        from: 'Rune Aas <rune.aas@naturvernforbundet.no>',
        subject: 'Plan- og bygningsloven',
        body: 'Dette er ikke et høringssvar, men vi vil peke på at fristene i byggesaker må gjelde også for rammetillatelser.\n\nRune Aas\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
  });
});
