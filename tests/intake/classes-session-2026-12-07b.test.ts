// Classes from spent sets read on 2026-12-07 from 04:11 UTC (sealed-492 and -494, after round 87
// was written), written again in our own words. The first test of each group fails with the code
// and rules of the commit before the change (checked with src/intake and rules/ stashed); the
// others keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

const HEARING = 'Høring – endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)';
const outOfOffice = (subject: string) =>
  mail({
    from: 'Per Holm <per.holm@boligprodusentene.no>',
    subject,
    date: 'Mon, 22 Mar 2021 08:02:00 +0100',
    headers: { 'Auto-Submitted': 'auto-replied' },
    body: 'Takk for e-posten. Jeg er på kurs til og med 26. mars og leser ikke e-post. Haster det, ring sentralbordet.\n',
  });

describe("an automatic reply whose subject is the hearing letter's, with no thread headers", () => {
  it("is the hearing's machine mail: filed under it, never receipted", async () => {
    const s = await intake(outOfOffice(`Automatisk svar: ${HEARING}`), rules);
    expect(s.automatic).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(false);
  });

  it('also with words added to the title, as mail programs and senders do', async () => {
    const s = await intake(outOfOffice('Fraværsmelding: Høring – forslag til endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)'), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
  });

  it('an automatic reply on the law under another subject is not tied by its words alone', async () => {
    const s = await intake(outOfOffice('Automatisk svar: Møte om plan- og bygningsloven og kommuneplanen'), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a measure proposed against corruption, no other commitment named', () => {
  it('is input on preventing corruption, not a new commitment', async () => {
    const s = await intake(
      mail({ from: 'Geir Vik <geir.vik@gmail.com>', subject: 'Forslag', body: 'Jeg foreslår at kommunene legger ut alle avtaler med private utbyggere, som et tiltak mot korrupsjon.\n\nGeir Vik\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
    expect(s.receipt.send).toBe(true);
  });

  it('so is a national plan or strategy against corruption, beside a new commitment asked for', async () => {
    const s = await intake(
      mail({
        from: 'Siri Lie <siri.lie@gmail.com>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'To forslag:\n\nRegjeringen bør lage en nasjonal strategi mot korrupsjon, med en rapport hvert år.\n\nVi foreslår også et lobbyregister som ny forpliktelse.\n\nSiri Lie\n',
      }),
      rules,
    );
    expect(ids(s)).toContain('antikorrupsjon');
    expect(ids(s)).toContain('ny-forpliktelse');
  });

  it('the same words as the argument for another commitment do not add it (issue 14, class 7)', async () => {
    const s = await intake(
      mail({
        from: 'Siri Lie <siri.lie@gmail.com>',
        subject: 'Innspill',
        body: 'Registeret over reelle rettighetshavere bør være åpent og gratis for alle, som et viktig tiltak mot korrupsjon.\n\nSiri Lie\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });
});

describe('a question about a commitment put in the subject', () => {
  it('adds no points for the commitment it names: a bare question is held, not filed', async () => {
    const s = await intake(
      mail({ from: 'Tove Ås <tove.as@online.no>', subject: 'Spørsmål om eInnsyn', body: 'Hvorfor ser jeg ikke dokumentene fra fylkeskommunen min i eInnsyn?\n\nTove\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
  });

  it('a proposal under such a subject is still input', async () => {
    const s = await intake(
      mail({
        from: 'Tove Ås <tove.as@online.no>',
        subject: 'Spørsmål om eInnsyn',
        body: 'Kan dere gjøre eInnsyn enklere å søke i? Jeg mener dere bør legge inn søk i selve dokumentene.\n\nTove\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });

  it('a subject that names the commitment as the input still counts', async () => {
    const s = await intake(
      mail({ from: 'Tove Ås <tove.as@online.no>', subject: 'Innspill om eInnsyn', body: 'Hvorfor ser jeg ikke dokumentene fra fylkeskommunen min i eInnsyn?\n\nTove\n' }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('en forpliktelse i emnefeltet'))).toBe(true);
  });
});

describe("a person's short proposal for openness, with neither the plan nor a commitment named", () => {
  it('is held for a caseworker under the plan, not left in the inbox and not receipted', async () => {
    const s = await intake(
      mail({ from: 'Odd Berg <odd.berg@hotmail.com>', subject: 'idé', body: 'Lag en nettside der alle kan se hva kommunestyret har vedtatt, det hadde vært åpen forvaltning.\n\nOdd\n\nSendt fra min iPhone\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(true);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('the same asked as a question', async () => {
    const s = await intake(
      mail({ from: 'Odd Berg <odd.berg@hotmail.com>', subject: 'Åpenhet', body: 'Kan ikke regjeringen kreve at fylkene publiserer budsjettene sine som maskinlesbare data?\n\nOdd\n' }),
      rules,
    );
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('openness named without a proposal is nobody\'s', async () => {
    const s = await intake(
      mail({ from: 'Odd Berg <odd.berg@hotmail.com>', subject: 'Takk', body: 'Takk for et godt foredrag om åpen forvaltning på biblioteket i går.\n\nOdd\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
  });
});

// From spent sealed-497 and -500 (read after round 88 was written).

describe('what the sender has not made up their mind on is no opinion', () => {
  it('a question about the deadline stays in the inbox, even with "hva jeg mener" in it', async () => {
    const s = await intake(
      mail({
        from: 'Rune Dahl <rune.dahl@online.no>',
        subject: 'Høringsfrist pbl?',
        date: 'Wed, 09 Jun 2021 09:00:00 +0200',
        received: ['from mx.example.org by mx01.dep.no; Wed, 09 Jun 2021 09:00:10 +0200'],
        body: 'Hei. Kan jeg fortsatt sende noe etter fristen? Jeg vet ikke helt hva jeg mener om forslagene ennå.\n\nRune\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an opinion said outright still counts', async () => {
    const s = await intake(
      mail({
        from: 'Rune Dahl <rune.dahl@online.no>',
        subject: 'Høringssvar pbl',
        body: 'Jeg mener dispensasjoner i strandsonen bare bør gis i helt spesielle tilfeller. Hvorfor er fristen så kort?\n\nRune\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['dispensasjon']);
  });
});

describe('a decision a computer took, in plain words', () => {
  it('is the commitment on artificial intelligence and algorithms', async () => {
    const s = await intake(
      mail({ from: 'Eli Ruud <eli.ruud@hotmail.com>', subject: 'innspill', body: 'Lånekassen bør si fra når det er en maskin som har tatt vedtaket om studielånet. Det er mitt innspill.\n\nEli\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['kunstig-intelligens']);
    expect(s.receipt.send).toBe(true);
  });
});

describe("a hearing reply on another regulation, the ministry only in Cc", () => {
  it("is not this hearing's for the topic words its subject shares with it", async () => {
    const s = await intake(
      mail({
        from: 'Jon Lie <jon.lie@naturvernforbundet.no>',
        to: 'postmottak@kld.dep.no',
        headers: { Cc: 'postmottak@kmd.dep.no' },
        subject: 'Høringssvar – forskrift om konsekvensutredninger for akvakultur',
        body: 'Vedlagt er vårt høringssvar til Klima- og miljødepartementet om konsekvensutredninger for akvakultur. Kravene til konsekvensutredning av nye anlegg må skjerpes.\n\nJon Lie\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it("the hearing's own subject with the topic still counts", async () => {
    const s = await intake(
      mail({
        from: 'Jon Lie <jon.lie@naturvernforbundet.no>',
        subject: 'Høringssvar om konsekvensutredninger',
        body: 'Naturvernforbundet mener kravet til konsekvensutredning ved dispensasjon må skjerpes.\n\nJon Lie\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
  });
});

describe('anti-corruption work named as what a proposal is part of', () => {
  it('is that commitment, not a new one', async () => {
    const s = await intake(
      mail({
        from: 'Åsmund Berg <asmund.berg@pwyp.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Vi foreslår at land-for-land-rapporteringen utvides til alle sektorer, som del av arbeidet mot korrupsjon.\n\nÅsmund Berg\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it("what the plan's commitment is asked to take in is no new commitment", async () => {
    const s = await intake(
      mail({
        from: 'Kari Moe <kari.moe@gmail.com>',
        subject: 'Innspill',
        body: 'Forpliktelsen om å forebygge korrupsjon må også omfatte et lobbyregister og åpne møtekalendere for statsrådene.\n\nKari\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('a lobbying register asked for on its own is still a new commitment', async () => {
    const s = await intake(
      mail({ from: 'Kari Moe <kari.moe@gmail.com>', subject: 'Innspill', body: 'Vi trenger et lobbyregister for Stortinget. Det bør inn i planen som en ny forpliktelse.\n\nKari\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });
});

// From spent sealed-502, -503 and -505 (read after round 89 was written).

describe('council meetings recorded for all to follow, said should be done', () => {
  it('is a proposal for a new commitment, and input', async () => {
    const s = await intake(
      mail({
        from: 'Nils Bø <nils.bo@gmail.com>',
        subject: 'Forslag',
        body: 'Jeg synes fylkeskommunene burde legge ut alle kommunestyremøter som opptak, så de som jobber kveld kan se dem etterpå. Kanskje noe for planen?\n\nNils\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('a link to a survey to answer', () => {
  it('is other business, whatever open government it is about', async () => {
    const s = await intake(
      mail({
        from: 'Anne Roy <anne.roy@research.example.org>',
        subject: 'Survey on open government reforms',
        body: 'Dear colleagues,\n\nHere is the link to our survey on open government reforms in the Nordic countries. We would be grateful for your answers by 1 July.\n\nAnne Roy\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('English input on the open government plan still counts', async () => {
    const s = await intake(
      mail({
        from: 'Anne Roy <anne.roy@gmail.com>',
        subject: 'Comments on the open government action plan',
        body: 'We propose that Norway publishes all public contracts in full as open data, as part of its open government commitments.\n\nAnne Roy\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
  });
});

describe('the OGP unit named as whom a hearing reply is addressed to', () => {
  it("does not name the plan: sent to the hearing's address with its case number, it is the hearing's", async () => {
    const s = await intake(
      mail({
        from: 'Sara Voll <sara.voll@naturvernforbundet.no>',
        to: 'postmottak+pbl@kmd.dep.no',
        subject: 'Merknader til lovforslaget',
        body: 'Til KMD v/ OGP-sekretariatet\n\nVi viser til høringsbrevet av 19. mars 2021, ref. 21/345.\n\nKravet om konsekvensutredning ved store dispensasjoner må ikke svekkes.\n\nSara Voll\nNaturvernforbundet\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
    expect(s.receipt.send).toBe(true);
  });

  it('OGP named as what the mail is about still names the plan', async () => {
    const s = await intake(
      mail({ from: 'Sara Voll <sara.voll@gmail.com>', subject: 'Innspill', body: 'Jeg mener OGP-planen bør ha et mål om at alle kommuner bruker eInnsyn.\n\nSara\n' }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('OGP nevnt'))).toBe(true);
  });
});

describe('contract data from the procurement system published as open data', () => {
  it('is the commitment on public procurement (beside a new one, with nothing else of procurement named)', async () => {
    const s = await intake(
      mail({
        from: 'Mona Lie <mona.lie@abelia.no>',
        subject: 'Innspill til OGP-handlingsplanen',
        body: 'Vi foreslår at data om tildelte kontrakter gjøres tilgjengelig som åpne data hver uke.\n\nMona Lie\nAbelia\n',
      }),
      rules,
    );
    expect(ids(s)).toContain('anskaffelser');
  });

  it('with the procurement system named, that commitment alone', async () => {
    const s = await intake(
      mail({
        from: 'Mona Lie <mona.lie@abelia.no>',
        subject: 'Innspill til OGP-handlingsplanen',
        body: 'Vi foreslår at data om tildelte kontrakter hentes fra anskaffelsessystemet og gjøres tilgjengelig som åpne data hver uke.\n\nMona Lie\nAbelia\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['anskaffelser']);
  });
});

describe('a new commitment on open culture data asked for', () => {
  it('is both culture data and a new commitment: the plan reports that work finished', async () => {
    const s = await intake(
      mail({
        from: 'Ivar Sand <ivar.sand@gmail.com>',
        subject: 'Kulturdata',
        body: 'Vi som skriver under ber om at Norge tar inn en ny forpliktelse om åpne kulturdata: alle digitaliserte samlinger i offentlige museer og arkiver skal publiseres med åpen lisens. Strategien for åpne kulturdata må få konkrete mål.\n\nIvar\n',
      }),
      rules,
    );
    expect(ids(s)).toContain('kulturdata');
    expect(ids(s)).toContain('ny-forpliktelse');
  });

  it('a separate commitment asked for on eInnsyn is still that one', async () => {
    const s = await intake(
      mail({ from: 'Ivar Sand <ivar.sand@gmail.com>', subject: 'eInnsyn', body: 'Jeg ber om at regjeringen lager en egen forpliktelse om eInnsyn, med fulltekst for alle kommuner.\n\nIvar\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['einnsyn']);
  });
});

// From spent sealed-509 and -511 (read after round 90 was written).

describe('a person asking after their own input', () => {
  it('is held under the consultation for a caseworker, not left in the inbox and not receipted', async () => {
    const s = await intake(
      mail({
        from: 'Lise Dahl <lise.dahl@amnesty.no>',
        subject: 'Mottatt?',
        body: 'Hei! Vi sendte innspillet vårt 3. mai, men har ikke fått noen kvittering. Kan dere bekrefte at innspillet er mottatt?\n\nLise\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.needed).toBe(true);
    expect(s.receipt.send).toBe(false);
    expect(s.relevance.reasonCodes).not.toContain('correspondence');
  });

  it('a question about the process with nothing of their own input stays in the inbox', async () => {
    const s = await intake(
      mail({ from: 'Lise Dahl <lise.dahl@amnesty.no>', subject: 'Spørsmål', body: 'Hei! Når blir innspillene publisert?\n\nLise\n' }),
      rules,
    );
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.receipt.send).toBe(false);
  });
});

// From spent sealed-514 and -516 (read after round 91 was written).

describe('a call to a meeting of the stakeholder forum', () => {
  it('names the forum, which is no comment on co-creation: no input, never receipted', async () => {
    const s = await intake(
      mail({ from: 'Eva Ruud <eva.ruud@kud.dep.no>', subject: 'Møteinnkalling interessentforumet 10. juni', body: 'Innkalling til møte i interessentforumet. Sakliste følger.\n\nEva Ruud\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    expect(ids(s)).toEqual([]);
  });

  it('a view on the forum beside the call is not left unseen', async () => {
    const s = await intake(
      mail({
        from: 'Eva Ruud <eva.ruud@kud.dep.no>',
        subject: 'Møteinnkalling interessentforumet 10. juni',
        body: 'Innkalling til møte i interessentforumet. Vi mener forumet bør få se utkastene til forpliktelser i god tid før møtet.\n\nEva Ruud\n',
      }),
      rules,
    );
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});

describe('a proposal to publish, with the verb in the infinitive ("vil foreslå")', () => {
  it('is a proposal for a new commitment, as "foreslår" is', async () => {
    const s = await intake(
      mail({
        from: 'Siv Li <siv.li@online.no>',
        subject: 'Framlegg',
        body: 'Eg vil foreslå at alle saksdokument til formannskapet skal publiserast på nett ei veke før møtet.\n\nSiv\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.receipt.send).toBe(true);
  });
});

// From spent sealed-520 and -521 (read after round 92 was written).

describe('an addition to or a late remark on the hearing reply, sent as a new message', () => {
  it("is the hearing's input when it calls itself an addition to the sender's hearing reply", async () => {
    const s = await intake(
      mail({
        from: 'Tor Aas <tor.aas@bnl.no>',
        subject: 'Tillegg til BNLs høringssvar',
        body: 'Et tillegg: KU-reglene bør følge EU-direktivet, uten særnorske krav.\n\nTor\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['konsekvensutredning']);
    expect(s.receipt.send).toBe(true);
  });

  it('"vi ettersender en merknad" says the same', async () => {
    const s = await intake(
      mail({
        from: 'Kim Berg <kim.berg@boligprodusentene.no>',
        subject: 'Ettersendt merknad',
        body: 'Vi ettersender en merknad om fristene: tidsfristen bør gjelde fra den dagen søknaden er komplett.\n\nKim\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['byggesaksfrister']);
    expect(s.receipt.send).toBe(true);
  });

  it('an addition to the OGP input is still the plan\'s', async () => {
    const s = await intake(
      mail({ from: 'Åse Lid <ase.lid@amnesty.no>', subject: 'Tillegg til Amnestys innspill', body: 'Et tillegg: eInnsyn bør vise dokumentene i fulltekst også for kommunene.\n\nÅse\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });
});

describe('children heard in zoning cases, said as what the sender wants', () => {
  it('is the proposal on participation, not left unseen', async () => {
    const s = await intake(
      mail({
        from: 'Eli Dal <eli.dal@gmail.com>',
        subject: 'Innspill til lovendring',
        body: 'Jeg ønsker at barn og unge får rett til å bli hørt i reguleringssaker der de bor.\n\nEli\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['medvirkning']);
    expect(s.receipt.send || s.review?.needed).toBe(true);
  });
});
