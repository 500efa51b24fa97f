// Classes from spent sets read on 2026-12-07 from 20:16 UTC (sealed-640, -641, -643 and -647, after
// round 113 was written), written again in our own words. The first test of each group fails with
// the rules (and code) of the commit before the change (checked in a worktree of that commit); the
// others keep the change from reaching too far.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => [...s.commitments.map((c) => c.id)].sort();
const text = (filename: string, body: string) => ({ filename, contentType: 'text/plain; charset=utf-8', content: Buffer.from(body, 'utf8') });
// After the plan's deadline (18 May 2021), before the hearing's.
const BETWEEN = { date: 'Sat, 22 May 2021 14:05:00 +0200', received: ['from mx.example.org by mx01.dep.no; Sat, 22 May 2021 14:05:40 +0200'] };
// After both deadlines.
const AFTER_BOTH = { date: 'Wed, 9 Jun 2021 09:59:00 +0200', received: ['from mx.example.org by mx01.dep.no; Wed, 9 Jun 2021 10:00:00 +0200'] };

describe('a report of the sender\'s own sent for information', () => {
  it('is no input even when the report recommends something: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Torgeir Vik <torgeir.vik@pwyp.no>',
        subject: 'Ny rapport om land-for-land-rapportering',
        body: 'Hei, vi har gitt ut en ny rapport om land-for-land-rapportering i fiskeoppdrett. Den er vedlagt til orientering.\n\nHilsen\nTorgeir Vik\n',
        attachments: [text('rapport.txt', 'Land-for-land-rapportering i fiskeoppdrett\nFunn og anbefalinger\n')],
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a report the mail itself asks the plan to act on is input', async () => {
    const s = await intake(
      mail({
        from: 'Torgeir Vik <torgeir.vik@pwyp.no>',
        subject: 'Innspill OGP 4B',
        body: 'Vedlagt er vår nye rapport til orientering. Vi mener handlingsplanen bør ha en forpliktelse om et lobbyregister.\n\nHilsen\nTorgeir Vik\n',
        attachments: [text('rapport.txt', 'Lobbyvirksomhet i Norge\nFunn og anbefalinger\n')],
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('input sent on "til orientering" (no report named) is still input', async () => {
    const s = await intake(
      mail({
        from: 'Kari Li <kari.li@ks.no>',
        subject: 'Innspill til OGP handlingsplan 4B',
        body: 'Til orientering videresender vi innspill fra en av medlemskommunene våre:\n\nKommunene bør få bedre støtte til å publisere postjournalen i eInnsyn.\n\nKari Li\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
  });
});

describe('the building act by its old name', () => {
  it('"høringen om bygningsloven" is the hearing, and after its deadline late', async () => {
    const s = await intake(
      mail({ ...AFTER_BOTH, from: 'Arne Vold <arne.vold@gmail.com>', subject: 'innspill til høringen om bygningsloven', body: 'Jeg vet fristen har gått ut. Barn må høres i saker om ballbinger, det skjer for sjelden.\n\nArne\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.late).toBe(true);
    expect(ids(s)).toEqual(['medvirkning']);
  });

  it('in nynorsk', async () => {
    const s = await intake(mail({ from: 'Arne Vold <arne.vold@gmail.com>', subject: 'Bygningslova', body: 'Born skal høyrast når kommunen planlegg nye bustadfelt.\n\nArne\n' }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['medvirkning']);
  });

  it('children to be heard, written to the plan about its youth panel, stays the plan\'s', async () => {
    const s = await intake(
      mail({ from: 'Arne Vold <arne.vold@gmail.com>', subject: 'Innspill til OGP-handlingsplanen', body: 'Ungdomspanelet er bra. Barn må også høres, så panelet bør ha med elever fra ungdomsskolen.\n\nArne\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(ids(s)).toContain('ungdomspanel');
  });
});

describe('a law change named in the subject, words that could be either', () => {
  it('goes to the hearing, and is not late between the two deadlines', async () => {
    const s = await intake(
      mail({
        ...BETWEEN,
        from: 'Synnøve Aune <synnove.aune@hotmail.com>',
        subject: 'Innspel til lovendring',
        body: 'Eg meiner at alle planforslag må liggje digitalt tilgjengeleg med kart, slik at folk i bygda kan seie si meining før vedtak. Medverknad i dag er mest eit skjema.\n\nSynnøve\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.review?.reasons).not.toContain('consultation-uncertain');
    expect(s.late).toBe(false);
  });

  it('"en lovendring" in the words of a reply on the plan names no hearing', async () => {
    const s = await intake(
      mail({
        from: 'Eirik Lund <eirik.lund@advokatforeningen.no>',
        subject: 'Innspill OGP 4B',
        body: 'Registeret over reelle rettighetshavere krever en lovendring før det kan bli åpent for alle. Vi mener dette må prioriteres i handlingsplan 4B.\n\nEirik Lund\n',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.reasons).not.toContain('consultation-uncertain');
  });

  it('a subject naming the plan is no law change', async () => {
    const s = await intake(
      mail({ from: 'Synnøve Aune <synnove.aune@hotmail.com>', subject: 'Innspel til handlingsplanen: lovendring?', body: 'Eg meiner eInnsyn må omfatte alle kommunar, og at det bør lovfestast.\n\nSynnøve\n' }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
  });
});

describe('a citizen\'s short proposal for a register the plan does not have', () => {
  it('a register of lobby meetings is a new commitment: input, receipted', async () => {
    const s = await intake(mail({ from: 'Odd Sæther <odd.saether@online.no>', subject: 'forslag', body: 'Hei. Synes dere bør lage et register over alle lobbymøter i departementene. Mvh Odd\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });

  it('an overview of lobbyists\' meetings beside quarantine rules argues for the work against corruption', async () => {
    const s = await intake(
      mail({ from: 'Odd Sæther <odd.saether@online.no>', subject: 'Innspill OGP 4B', body: 'Arbeidet mot korrupsjon må styrkes med karantene for politiske rådgivere og en åpen oversikt over møter mellom lobbyister og departementene.\n\nOdd\n' }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('grants to be published, in nynorsk with "vert": input, receipted', async () => {
    const s = await intake(
      mail({ from: 'Gro Lie <gro.lie@icloud.com>', subject: 'Innspel', body: 'Hei. Eg føreslår at alle statlege tilskot til idrettslag vert publiserte med namn og sum.\n\nGro\n\nSendt fra min iPhone\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });

  it('a grant the sender got, told of, is no proposal', async () => {
    const s = await intake(mail({ from: 'Gro Lie <gro.lie@icloud.com>', subject: 'Tilskot', body: 'Hei. Tilskotet til laget vårt vert utbetalt i juni, står det i brevet. Stemmer det?\n\nGro\n' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a proposal put as "let them"', () => {
  it('"La alle ungdomsråd i kommunene få …" after a question is input on the youth panel', async () => {
    const s = await intake(
      mail({ from: 'Randi Moe <randimoe61@hotmail.com>', subject: 'Handlingsplan', body: 'Jeg har lest om ungdomspanelet. Fint! Men hvorfor bare tolv ungdommer? La alle elevråd i fylket få sende inn forslag også.\n\nRandi Moe\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['ungdomspanel']);
  });

  it('a question alone is still a question', async () => {
    const s = await intake(mail({ from: 'Randi Moe <randimoe61@hotmail.com>', subject: 'Handlingsplan', body: 'Jeg har lest om ungdomspanelet. Hvorfor bare tolv ungdommer?\n\nRandi Moe\n' }), rules);
    expect(s.receipt.send).toBe(false);
  });
});

describe('an automatic reply from someone "på permisjon"', () => {
  it('is an out-of-office reply', async () => {
    const s = await intake(
      mail({ from: 'Siv Berg <siv.berg@ks.no>', subject: 'Automatisk svar: Kvittering for innspill', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'Jeg er på permisjon til 2. juni og har begrenset tilgang til e-post. Ved hastesaker, ring sentralbordet.\n' }),
      rules,
    );
    expect(s.automatic).toBe(true);
    expect(s.automaticKind).toBe('out-of-office');
  });

  it('"Jeg er på permisjon." with where to write instead is out of office', async () => {
    const s = await intake(
      mail({ from: 'Siv Berg <siv.berg@ks.no>', subject: 'Automatisk svar: Innspill', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'Eg er på permisjon. Send e-post til post@ks.no.\n' }),
      rules,
    );
    expect(s.automaticKind).toBe('out-of-office');
  });

  it('a person on leave who sends input is a person', async () => {
    const s = await intake(
      mail({ from: 'Siv Berg <siv.berg@gmail.com>', subject: 'Innspill OGP 4B', body: 'Siden jeg er på permisjon skriver jeg fra privat adresse. Ungdomspanelet bør få møte statsråden to ganger i året.\n\nSiv Berg\n' }),
      rules,
    );
    expect(s.automatic).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});

// From sealed-653 and -655 (round 113), read after round 114 was written.
describe('a question from someone who wants to propose something', () => {
  it('asks, proposes nothing: no input, and not late after the deadline', async () => {
    const s = await intake(
      mail({ ...AFTER_BOTH, from: 'Arve Holm <arve.holm@online.no>', subject: 'Fristen', body: 'Hei, er fristen ute også for folk som vil foreslå noe til OGP-planen? Mvh Arve\n' }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.late).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"Vi vil foreslå at …" is a proposal', async () => {
    const s = await intake(mail({ from: 'Arve Holm <arve.holm@online.no>', subject: 'OGP-planen', body: 'Vi vil foreslå at alle kommuner publiserer postjournalen i eInnsyn.\n\nArve\n' }), rules);
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
  });
});

describe('something asked to be made possible, as a question', () => {
  it('"Kan dere gjøre det mulig å søke i eInnsyn på fritekst?" is input on eInnsyn', async () => {
    const s = await intake(
      mail({ from: 'Sara Lunde <sara.lunde@gmail.com>', subject: 'Innspill handlingsplan', body: 'Kan dere gjøre det mulig å laste ned alle dokumentene i en sak i eInnsyn på en gang? Det hadde spart meg mye tid.\n\nSara\n' }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
  });
});

describe('how the next round should be made known', () => {
  it('"Neste gang bør dere annonsere bredere" is on the process (samskaping): input', async () => {
    const s = await intake(
      mail({ from: 'Elin Moe <elin.moe@gmail.com>', subject: 'OGP', body: 'Jeg ville bare si at jeg fant invitasjonen helt tilfeldig. Neste gang bør dere annonsere innspillsrunden bredere.\n\nElin\n' }),
      rules,
    );
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['samskaping']);
  });
});

// From sealed-361, whose F1 fell below the target with d7bda1a4's rules (read after round 115).
describe('a register of lobby meetings asked for beside words against corruption', () => {
  it('is the measure of the work against corruption, not a new commitment', async () => {
    const s = await intake(
      mail({
        from: 'Tone Aas <tone.aas@frivillighetnorge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Forpliktelsen om å forebygge korrupsjon er for svak. Vi foreslår at kommunene får plikt til å ha\nvarslingskanaler, og at det innføres et åpent register over lobbymøter med statsråder.\n\nTone Aas\n',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['antikorrupsjon']);
  });

  it('on its own it is still a new commitment', async () => {
    const s = await intake(mail({ from: 'Tone Aas <tone.aas@gmail.com>', subject: 'Forslag', body: 'Lag et offentlig register over lobbymøter i departementene.\n\nTone\n' }), rules);
    expect(ids(s)).toEqual(['ny-forpliktelse']);
    expect(s.receipt.send).toBe(true);
  });
});
