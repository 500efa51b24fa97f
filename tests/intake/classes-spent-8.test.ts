// Classes that the spent set spent-8 (was sealed-8, read on 2026-12-02 18:24 UTC) showed misjudged,
// written again in our own words: a reply to the hearing's own address with the mailbox in Cc,
// minutes sent for information, "no further comments beyond what was sent", shorter time limits
// and impact assessments named the way people write them, an English comment on "the planning act",
// and short nynorsk replies.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, extra: { to?: string; headers?: Record<string, string> } = {}) => intake(mail({ from, subject, body, ...extra }), rules);
const ids = (s: Awaited<ReturnType<typeof run>>) => s.commitments.map((c) => c.id).sort();
// The hearing letter's Message-ID, as its consultation.yaml has it.
const PBL_LETTER = rules.consultations.find((v) => v.consultation.id === 'pbl-2021')!.consultation.invitationMessageIds[0]!;

describe('a reply sent to the hearing’s own address, the mailbox in Cc', () => {
  it('is the hearing’s reply, receipted: neither "only a copy" nor "a reply in another case"', async () => {
    const s = await run('Ola Berg <ola.berg@arkitektkontor.example>', 'Uttalelse fra Berg Arkitekter – høringssvar', 'Vi støtter digital innlevering av planforslag, men kommunene trenger en overgangsperiode på minst to år.', {
      to: 'hoering-pbl@kmd.dep.no',
      headers: { Cc: 'postmottak@kmd.dep.no' },
    });
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.relevance.reasonCodes).not.toContain('copy-only');
    expect(s.receipt.send).toBe(true);
  });

  it('the same reply addressed to another ministry with KMD in Cc is still only a copy', async () => {
    const s = await run('Ola Berg <ola.berg@arkitektkontor.example>', 'Høringssvar – jordlova', 'Vi støtter at konsesjonsgrensen for jordbruksareal senkes.', {
      to: 'postmottak@lmd.dep.no',
      headers: { Cc: 'postmottak@kmd.dep.no' },
    });
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('minutes or a document sent for information', () => {
  it('minutes of a council that mention the action plan are no input: left in the inbox, no receipt', async () => {
    const s = await run('Sekretariatet <post@demokratiforum.example>', 'Møtereferat – arbeidsutvalget i OGP-nettverket', 'Her er referatet fra møtet 3. mai til orientering. Utvalget gikk gjennom fremdriften for handlingsplan 4B.');
    expect(s.relevant).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.receipt.send).toBe(false);
  });

  it('minutes sent with a proposal of the sender’s own are input', async () => {
    const s = await run('Sekretariatet <post@demokratiforum.example>', 'Innspill til handlingsplan 4B', 'Vedlagt referat fra møtet i nettverket. Vi foreslår at eInnsyn utvides til alle kommuner og fylkeskommuner innen 2023.');
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('einnsyn');
  });
});

describe('"no further comments beyond what we have sent"', () => {
  it('is an "ingen merknader" reply, not a comment', async () => {
    const s = await run('Postmottak <postmottak@fin.dep.no>', 'SV: OGP – invitasjon til innspill til handlingsplan 4B', 'Finansdepartementet har ingen ytterligere merknader utover det som allerede er oversendt.');
    expect(s.noComments).toBe(true);
    expect(s.commitments).toEqual([]);
  });

  it('"no comments beyond the following" still goes on with input', async () => {
    const s = await run('Postmottak <postmottak@fin.dep.no>', 'SV: OGP – invitasjon til innspill til handlingsplan 4B', 'Finansdepartementet har ingen merknader utover at registeret over reelle rettighetshavere bør være gratis å søke i.');
    expect(s.noComments).toBe(false);
    expect(ids(s)).toContain('reelle-rettighetshavere');
  });
});

describe('the hearing’s proposals in the words people use', () => {
  it('"kortere frister" and "krav om oppdatert KU" are the time limits and impact assessments', async () => {
    const s = await run('Post <post@ingeniorforening.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Foreningen er for kortere frister, men fristen bør starte når søknaden er komplett. Kravet om oppdatert KU bør avgrenses til vesentlige endringer.', {
      headers: { 'In-Reply-To': PBL_LETTER },
    });
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['byggesaksfrister', 'konsekvensutredning']);
  });

  it('a cow in a farming text is no impact assessment', async () => {
    const s = await run('Post <post@ingeniorforening.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Dispensasjon for driftsbygning i LNF-område må være enkelt når bonden skal ha plass til en ku til.', {
      headers: { 'In-Reply-To': PBL_LETTER },
    });
    expect(ids(s)).toEqual(['dispensasjon']);
  });

  it('a remark outside the five proposals is "andre merknader"', async () => {
    const s = await run('Post <post@fagforbund.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Forbundet har én kommentar utenfor de fem forslagene: loven bør kreve at utbyggingsavtaler offentliggjøres.', {
      headers: { 'In-Reply-To': PBL_LETTER },
    });
    expect(ids(s)).toContain('andre-merknader');
  });

  it('an English comment on "the planning act" hearing about participation plans is the hearing’s, on participation', async () => {
    const s = await run('Tomas Nowak <tomas.nowak@gmail.com>', 'About the planning act hearing', 'Dear ministry, participation plans must say how people who do not speak Norwegian can take part in planning, for example with interpreters at public meetings. Tomas');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant || s.review?.needed === true).toBe(true);
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
    if (s.relevant) expect(ids(s)).toContain('medvirkning');
  });
});

describe('short replies in nynorsk', () => {
  it.each([
    ['a county’s remarks', 'Fylkeskommunen har følgjande merknader: Regionalt planmynde må få same tilgang til plandialogen. Ungdomsrådet bør høyrast.'],
    ['a one-line support of a law change', 'Kommunen støttar endringane i lova om digitale planar.'],
  ])('%s: nynorsk', async (_what, body) => {
    const s = await run('Post <post@fylke.example>', 'SV: Høring – endringer i plan- og bygningsloven', body);
    expect(s.language).toBe('nn');
  });

  it('a short bokmål reply with the same subject stays bokmål', async () => {
    const s = await run('Post <post@fylke.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Fylkeskommunen har følgende merknader: Kommunene må få samme tilgang til plandialogen.');
    expect(s.language).toBe('nb');
  });
});
