// Classes from spent sets read on 2026-12-06, written again in our own words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a late nynorsk hearing reply that only says children must have their say before plans are adopted', () => {
  it('is input to the hearing on participation, late, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        date: 'Wed, 16 Jun 2021 20:10:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Wed, 16 Jun 2021 20:10:05 +0200'],
        body: 'Hei\n\nBeklagar at dette kjem etter fristen. Ungdomen i bygda må få seie si meining om gang- og sykkelvegar før reguleringsplanane blir vedtekne.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('medvirkning');
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('the same words about an opinion with no plan in the sentence add nothing', async () => {
    const s = await intake(
      mail({
        from: 'Åse Myklebust <aase.myklebust@gmail.com>',
        subject: 'Høyringssvar, litt seint',
        body: 'Hei\n\nUngdomen må få seie si meining om kantina på skulen.\n\nHelsing Åse Myklebust',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).not.toContain('medvirkning');
    expect(s.receipt.send).toBe(false);
  });
});

// An old Word file (its OLE signature and nothing readable after it): its text cannot be read.
const OLD_WORD = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);

describe('a short note whose document cannot be read, held for a person: under the consultation it is most likely for', () => {
  const note = (body: string, subject: string, filename: string, date = 'Thu, 13 May 2021 10:00:00 +0200', from = 'Liv Aas <liv.aas@gmail.com>') =>
    mail({
      from,
      subject,
      date,
      received: [`from mail.gmail.com by mx01.dep.no; ${date}`],
      body,
      attachments: [{ filename, contentType: 'application/msword', content: OLD_WORD }],
    });

  it('the one whose commitments its few words touch', async () => {
    // (the words are too few for either consultation: the other one was put first for the words it
    // might have had, before its commitments were scored)
    // (from a private address: an invited organisation's note is filed as its input at once,
    // classes-session-2026-12-07.test.ts)
    const body = 'Et par ord om eInnsyn fra oss, resten står i vedlegget.\n\nPer Lie';
    const s = await intake(note(body, 'Innspill', 'innspill.doc', undefined, 'Per Lie <per.lie@online.no>'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
    expect(s.consultation?.id).toBe('ogp-4b');
  });

  it('the one its file name names', async () => {
    const s = await intake(note('Hei, se vedlegg.\n\nLiv Aas', 'Innspill', 'Innspill OGP handlingsplan.doc'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.consultation?.id).toBe('ogp-4b');
  });

  it('with nothing to tell them apart, after one deadline: the one still collecting input', async () => {
    const s = await intake(note('Hei, brevet mitt ligger ved.\n\nLiv Aas', 'Innspill', 'brev.doc', 'Tue, 25 May 2021 11:00:00 +0200'), rules);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.consultation?.id).toBe('pbl-2021');
  });
});

describe('mail that is no input, though it names a consultation or a proposal (spent-120, -128, -129)', () => {
  it('a journalist asking the ministry for a comment on a proposal: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Mona Berg <mona.berg@fjordavisa.example.no>',
        subject: 'Strandsonen',
        body: 'Hei, Fjordavisa her. Vi skriver om dispensasjoner i strandsonen og ønsker en kommentar fra departementet om forslaget om strengere dispensasjonsregler.\n\nMona Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('… and one that says so in its subject is no close call', async () => {
    const s = await intake(
      mail({
        from: 'Mona Berg <mona.berg@fjordavisa.example.no>',
        subject: 'Spørsmål fra journalist: dispensasjoner',
        body: 'Hei. Hvor mange høringssvar om dispensasjoner i strandsonen har dere fått så langt?\n\nMona Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.relevance.reasons.some((r) => r.startsWith('en pressehenvendelse i emnefeltet'))).toBe(true);
  });

  it('a firm offering to carry out a survey of the OGP work: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Stig Lunde <stig.lunde@analysehuset.example.no>',
        subject: 'Tilbud om kartlegging av OGP-arbeidet',
        body: 'Hei,\n\nAnalysehuset tilbyr å gjennomføre en kartlegging av hvordan OGP-arbeidet er kjent i kommunene. Se vårt tilbud i lenken.\n\nStig Lunde',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a researcher asking for an interview on open government: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Anna Sweet <a.sweet@univ.example.ac.uk>',
        subject: 'Interview request: open government in Norway',
        body: 'Dear colleagues,\n\nI am researching open government reforms in small states and would welcome a brief interview with someone who works on the OGP action plan.\n\nAnna Sweet',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('thanks for the answer to a question about OGP: no receipt, not filed', async () => {
    const s = await intake(
      mail({ from: 'Ivar Lie <ivar.lie@gmail.com>', subject: 'Takk', body: 'Hei,\n\nTakk for svar på e-posten min om OGP!\n\nIvar' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('input said briefly (spent-125, -131)', () => {
  it('an English hearing reply recommending something on impact assessment and the EU directive is input to the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Tom Hale <tom.hale@gmail.com>',
        subject: 'Hearing reply',
        date: 'Tue, 25 May 2021 12:00:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Tue, 25 May 2021 12:00:05 +0200'],
        body: 'Following the EU directive on impact assessment is right; we recommend that effects on wetlands are always assessed.\n\nTom Hale',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('konsekvensutredning');
    expect(s.receipt.send).toBe(true);
  });

  it('"Flott med X, men la dem …": an opinion on a commitment, input', async () => {
    const s = await intake(
      mail({ from: 'Kari Dahl <kari.dahl@icloud.com>', subject: 'Distriktspanelet', body: 'Flott med distriktspanel, men la dem styre møtene sjølv.\n\nSendt fra min iPhone' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
  });

  it('a question that says it would be an improvement is a proposal, not a question to the ministry', async () => {
    const s = await intake(
      mail({
        from: 'Geir Moe <geir.moe@hotmail.com>',
        subject: 'eInnsyn',
        body: 'Kan eInnsyn vise når et dokument sist ble endret? Det hadde vært en stor forbedring for oss som følger saker.\n\nGeir Moe',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant || s.review?.reasons.includes('relevance-uncertain')).toBe(true);
    expect(s.relevance.reasonCodes).not.toContain('correspondence');
  });
});

describe('late input (spent-135)', () => {
  it('"Rakk det?" over an imperative is input, late by the hearing\'s deadline in Norwegian time', async () => {
    const s = await intake(
      mail({
        from: 'Odd Rise <odd.rise@gmail.com>',
        to: 'postmottak@kmd.dep.no',
        subject: 'Høringssvar strandsonen',
        date: 'Sat, 05 Jun 2021 00:02:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Sat, 05 Jun 2021 00:02:10 +0200'],
        body: 'Hei, kom dette fram i tide? Stopp nye hytter i strandsonen, dispensasjonene er alt for mange.\n\nOdd Rise',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"X må inn i eInnsyn": a demand, input with a receipt', async () => {
    const s = await intake(mail({ from: 'Siv Nes <siv.nes@gmail.com>', subject: 'Kommunen', body: 'Hei. Kommunen vår må inn i eInnsyn, vi finner aldri dokumentene.\n\nSiv' }), rules);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('one point for each consultation, after the earlier deadline: held between both, and late', async () => {
    const s = await intake(
      mail({
        from: 'Siv Nes <siv.nes@gmail.com>',
        subject: 'To innspill',
        date: 'Fri, 21 May 2021 09:00:00 +0200',
        received: ['from mail.gmail.com by mx01.dep.no; Fri, 21 May 2021 09:00:05 +0200'],
        body: 'Hei. 1) Fylkeskommunen må inn i eInnsyn snart. 2) Til høringen om plan- og bygningsloven: vi som bor her må få reell medvirkning i planene.\n\nSiv',
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(s.late).toBe(true);
  });
});

describe('spent-136 and -138, in our own words', () => {
  it('an addition to the input "we sent last week", asking for measures against corruption: input on anti-corruption', async () => {
    const s = await intake(
      mail({
        from: 'Eva Krog <eva.krog@transparency.no>',
        subject: 'Tillegg',
        body: 'Hei,\n\nEt lite tillegg til innspillet vi sendte forrige uke: vi etterlyser tiltak mot korrupsjon i kommunene.\n\nEva Krog',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.commitments.map((c) => c.id)).toContain('antikorrupsjon');
  });

  it('the quarantine rules for politicians are anti-corruption words; a pandemic quarantine is not', async () => {
    const rulesFor = await intake(
      mail({ from: 'Eva Krog <eva.krog@gmail.com>', subject: 'Innspill', body: 'Karantenereglene og saksforbudet for toppledere i staten bør skjerpes, og brudd må få følger.\n\nEva' }),
      rules,
    );
    expect(rulesFor.commitments.map((c) => c.id)).toContain('antikorrupsjon');
    const pandemic = await intake(
      mail({ from: 'Eva Krog <eva.krog@gmail.com>', subject: 'Innspill', body: 'Jeg sitter i karantene og rakk ikke å lese planen. Kan jeg sende innspill neste uke?\n\nEva' }),
      rules,
    );
    expect(pandemic.commitments.map((c) => c.id)).not.toContain('antikorrupsjon');
  });

  it('a reply in the invitation\'s thread from someone who got it forwarded and asks what it is: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Tor Berg <tor.berg@online.no>',
        subject: 'Re: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B',
        headers: { 'In-Reply-To': '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>' },
        body: 'Hei, jeg fikk dette videresendt fra en kollega. Hva betyr handlingsplan 4B for oss i kommunen?\n\nTor',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
  });

  it('a forwarded invitation answered with two requests, the second "og om at …": input, with a receipt', async () => {
    const s = await intake(
      mail({
        from: 'Tor Berg <tor.berg@transparency.no>',
        subject: 'Re: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B',
        headers: { 'In-Reply-To': '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>' },
        body: 'Vi fikk invitasjonen videresendt. Vi ber om å få delta i interessentforumet og om at møtereferatene legges ut på nett.\n\nTor Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a late reply that calls a proposal unfair is input, late', async () => {
    const s = await intake(
      mail({
        from: 'Anne Vik <anne.vik@outlook.com>',
        subject: 'Hytta',
        date: 'Mon, 07 Jun 2021 18:00:00 +0200',
        received: ['from outlook.com by mx01.dep.no; Mon, 07 Jun 2021 18:00:04 +0200'],
        body: 'Fristen er nok ute. Strengere regler for dispensasjon er urettferdig mot dem som har hatt hytte ved sjøen i generasjoner.\n\nAnne Vik',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.late).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a scanned letter "about the action plan" that cannot be read is held for a person, not left', async () => {
    const s = await intake(
      mail({
        from: 'Per Dal <per.dal@online.no>',
        subject: 'Brev',
        body: 'Hei\n\nVedlagt et brev fra meg om handlingsplanen.\n\nPer Dal',
        attachments: [{ filename: 'scan001.doc', contentType: 'application/msword', content: OLD_WORD }],
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });
});

describe('spent-140 and -142, in our own words', () => {
  it('a meeting asked for, the ministry asked to propose a time: no input, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Ola Rye <ola.rye@transparency.no>',
        subject: 'Møte om eierskapsregisteret',
        body: 'Hei,\n\nVi ønsker et møte med departementet om registeret over reelle rettighetshavere. Kan dere foreslå et par datoer i juni?\n\nOla Rye',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"må sikre dokumentasjonen" is a demand on records, not the bait of a phishing mail', async () => {
    const s = await intake(
      mail({
        from: 'Kari Lie <kari.lie@arkivrad.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Vi mener kommunene må sikre dokumentasjonsforvaltningen i alle sine selskaper, og at journalføringen der må følges opp.\n\nKari Lie',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
  });

  it('a correction to "our e-mail of a moment ago" is input', async () => {
    const s = await intake(
      mail({
        from: 'Siri Holm <siri.holm@ks.no>',
        subject: 'Rettelse',
        body: 'Rettelse til min e-post i formiddag: aldersgrensen vi foreslo for panelet skal være 15 år, ikke 16.\n\nSiri Holm',
      }),
      rules,
    );
    expect(s.relevant || s.review?.reasons.includes('relevance-uncertain')).toBe(true);
    expect(s.relevance.reasons.some((r) => r.startsWith('en rettelse eller et tillegg til eget innspill'))).toBe(true);
  });
});

describe('spent-149, -150 and -151, in our own words', () => {
  it('a reply to another ministry\'s hearing, addressed to it, with a copy here for the OGP work: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Per Vold <per.vold@finansnorge.no>',
        to: 'Postmottak JD <postmottak@jd.dep.no>',
        headers: { Cc: 'Postmottak KMD <postmottak@kmd.dep.no>' },
        subject: 'Høring – endringer i hvitvaskingsforskriften',
        body: 'Til Justis- og beredskapsdepartementet\n\nVi støtter at kravene til kundekontroll presiseres. Kopi til KMD, siden registeret over reelle rettighetshavere er en del av OGP-arbeidet.\n\nPer Vold',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('another ministry asking this one for input to its own measures: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Eli Sand <eli.sand@nfd.dep.no>',
        subject: 'Innspill til handlingsplan for offentlige anskaffelser',
        body: 'Hei,\n\nNFD lager en handlingsplan for digitale innkjøp i offentlige anskaffelser. Vi ber KMD om innspill til tiltak for kommunene innen 15. juni.\n\nEli Sand',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"Last ned med din BankID" behind a hearing\'s number is bait: marked suspicious', async () => {
    const s = await intake(
      mail({
        from: 'Høringer <noreply@regjeringen-dokumenter.example.net>',
        subject: 'Høring 21/345 – nye dokumenter',
        body: 'Det er lagt ut nye dokumenter i høringen. Last ned dokumentene med din BankID her: http://regjeringen-dokumenter.example.net/logg',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('"Lag en forpliktelse om …" is a proposal of a new commitment, with a receipt', async () => {
    const s = await intake(
      mail({ from: 'Ida Moe <ida.moe@hotmail.com>', subject: 'idé', body: 'Hei. Lag en forpliktelse om at alle kommunale utvalg skal strømme møtene sine. Hilsen Ida' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.commitments.map((c) => c.id)).toContain('ny-forpliktelse');
    expect(s.receipt.send).toBe(true);
  });

  it('"Tillegg til NN sitt innspill" with a demand after a clause is input', async () => {
    const s = await intake(
      mail({
        from: 'Knut Lie <knut.lie@ys.no>',
        subject: 'Tillegg til YS sitt innspill',
        body: 'Hei,\n\nNår staten tar i bruk algoritmer i saksbehandlingen, må innbyggerne få vite hvilke data som brukes.\n\nKnut Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('"… må ikke gjelde …" is a demand on a proposal of the hearing', async () => {
    const s = await intake(
      mail({
        from: 'Rune Dahl <rune.dahl@gmail.com>',
        subject: 'Byggesak',
        body: 'De nye fristene for byggesaker må ikke gjelde saker som allerede er sendt inn.\n\nRune',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});
