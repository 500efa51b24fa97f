// Classes that spent-78, spent-81 and spent-82 (were sealed-78, -81 and -82, read on 2026-12-05)
// showed, written again in our own words: hearing replies in other cases (another case number,
// another ministry's hearing by its short name, a regulation's hearing answered with "SV:"); the
// sender's own archive number, which names no case; a proposal that a ministry invite others to
// comment; a commitment asked for inside one of the plan's own; the planning act's participation
// and neighbour notice in everyday words.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a hearing reply in another case is no input to either consultation', () => {
  it.each([
    [
      'another case number after the hearing, in the text',
      'Høringssvar – dispensasjoner i strandsonen langs Mjøsa',
      'Trysil kommune viser til høringen om dispensasjonspraksis i strandsonen langs Mjøsa, sak 20/4711. Vi mener dispensasjoner fra byggeforbudet må bli sjeldnere.\n\nMed hilsen\nArne Moen\nTrysil kommune',
      'postmottak@kmd.dep.no',
      undefined,
    ],
    [
      'another case number in brackets',
      'SV: Høring – forskrift om konsekvensutredninger for havvind',
      'Våre merknader til høringen om havvind (20/5120): konsekvensutredningene må ta med fiskeriene.\n\nArne Moen',
      'postmottak@kmd.dep.no',
      undefined,
    ],
    [
      'a regulation\'s own hearing, answered with "SV:"',
      'SV: Høring – forskrift om konsekvensutredninger for solkraftverk',
      'Våre merknader: konsekvensutredningene må ta med fuglelivet og landskapet.\n\nArne Moen',
      'postmottak@kmd.dep.no',
      undefined,
    ],
    [
      'another ministry\'s hearing by its short name, the ministry only in copy',
      'Høringssvar – konsekvensutredning for kraftlinjer',
      'Vi viser til OEDs høring om konsekvensutredning for nye kraftlinjer. Vi mener utredningene må se på samlet belastning for reindrifta.\n\nKopi til KMD.\n\nArne Moen',
      'postmottak@oed.dep.no',
      'postmottak@kmd.dep.no',
    ],
  ])('%s: not relevant, no receipt', async (_what, subject, body, to, cc) => {
    const s = await intake(mail({ from: 'Arne Moen <arne.moen@trysil.kommune.no>', to, ...(cc ? { headers: { Cc: cc } } : {}), subject, body }), rules);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('the hearing\'s own case number after the hearing is this hearing\'s', async () => {
    const s = await intake(
      mail({
        from: 'Arne Moen <arne.moen@trysil.kommune.no>',
        subject: 'Høringssvar',
        body: 'Trysil kommune viser til høringen om endringer i plan- og bygningsloven, sak 21/345. Vi støtter kortere saksbehandlingsfrister i byggesaker.\n\nArne Moen',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('the sender\'s own archive number names no case', () => {
  it('"Vår ref." over a municipality\'s reply on the hearing\'s time limits: input, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Liv Haugen <liv.haugen@alver.kommune.no>',
        subject: 'Høringssvar frå Alver kommune',
        body: 'Vår ref.: 21/2290\n\nAlver kommune støttar kortare saksbehandlingsfristar i byggjesaker, men kommunane må få pengar til fleire sakshandsamarar.\n\nLiv Haugen\nAlver kommune',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['byggesaksfrister']);
  });
});

describe('a proposal that a ministry invite others to comment', () => {
  it('is input on the commitment, not an invitation by the sender', async () => {
    const s = await intake(
      mail({
        from: 'Per Lunde <per.lunde@gmail.com>',
        subject: 'Innspill om korrupsjon',
        body: 'Arbeidet mot korrupsjon i staten må bli mer åpent. Vi ber om at Justisdepartementet publiserer en årlig risikovurdering av korrupsjon og inviterer organisasjonene til å kommentere den.\n\nPer Lunde',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.commitments.map((c) => c.id)).toEqual(['antikorrupsjon']);
  });
});

describe('a commitment asked for inside one of the plan\'s own', () => {
  it('"Norge bør forplikte seg til en dato" for the open register is no new commitment', async () => {
    const s = await intake(
      mail({
        from: 'Hege Rud <hege.rud@online.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Registeret over reelle rettighetshavere må åpnes for alle uten innlogging. Norge bør forplikte seg til en fast dato for når det skjer.\n\nHege Rud',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toEqual(['reelle-rettighetshavere']);
  });

  it('… while the same words about something the plan does not have still propose a new one', async () => {
    const s = await intake(
      mail({
        from: 'Hege Rud <hege.rud@online.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Norge bør forplikte seg til å publisere statsrådenes møtekalendere hver uke.\n\nHege Rud',
      }),
      rules,
    );
    expect(s.commitments.map((c) => c.id)).toEqual(['ny-forpliktelse']);
  });
});

describe('the planning act in everyday words', () => {
  it('neighbours told by letter, a residents\' association heard on zoning plans: the hearing\'s, on both proposals', async () => {
    const s = await intake(
      mail({
        from: 'Bjørg Vik <bjorg.vik@hotmail.com>',
        subject: 'Innspill fra Nordre Åsen vel',
        body: 'Nordre Åsen vel mener at naboene må varsles med brev og ikke bare digitalt. Vellene bør også være høringspart når kommunen lager en ny reguleringsplan for området.\n\nBjørg Vik',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.commitments.map((c) => c.id).sort()).toEqual(['byggesaksfrister', 'medvirkning']);
  });
});
