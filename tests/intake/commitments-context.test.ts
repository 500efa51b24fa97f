// Which commitments a reply names without commenting on them, and which it sets apart as its own
// points (issue 14, class 7): a sentence saying there are no comments on something, the letter's
// title the reply refers to, a source cited, and a point the sender names as its topic beside a
// long text on another commitment. Our own examples, in bokmål, nynorsk and English.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail, type TestMail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const INVITATION_ID = '<5d6b1f8e2a3c4e7f9b0a1c2d3e4f5a6b@EXCH-MBX01.dss.dep.no>';
const SUBJECT = 'SV: OGP - Open Government Partnership - Interessentforumet - Invitasjon til innspill til Handlingsplan 4 B';
const reply = (body: string, m: Partial<TestMail> = {}) =>
  intake(mail({ from: 'Ola Dal <ola.dal@ks.no>', subject: SUBJECT, headers: { 'In-Reply-To': INVITATION_ID }, body, ...m }), rules);
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

const LONG_AI =
  'Vi er opptatt av kunstig intelligens i forvaltningen. Hver algoritme som brukes i saksbehandlingen, må kunne etterprøves. ' +
  'Maskinlæring i offentlig sektor må bygge på data som er dokumentert. Automatiserte vedtak må begrunnes for den det gjelder. ' +
  'Den regulatoriske sandkassen bør ta inn flere kommuner.';

describe('a sentence that says there are no comments on a commitment', () => {
  it.each([
    ['nb', 'Til punktet om åpne kulturdata har vi ingen nye merknader.'],
    ['nn', 'Når det gjeld opne kulturdata har vi inga fleire merknader.'],
    ['en', 'We have no further comments on open cultural data.'],
  ])('%s: does not add that commitment', async (_lang, sentence) => {
    const s = await reply(`Arkivverket må gjøre veiledningen om journalføring ferdig i år, og den må omfatte e-post og SMS.\n\n${sentence}`);
    expect(ids(s)).toEqual(['journalforing']);
    expect(s.noComments).toBe(false);
  });

  it('what follows "men" in that sentence is input again', async () => {
    const s = await reply('Vi har ingen merknader til eInnsyn, men hver algoritme i saksbehandlingen må kunne etterprøves av dem det gjelder.');
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });

  it('a comment on one commitment and "no comments on the rest" is a comment, not a no-comments reply', async () => {
    const s = await reply('eInnsyn må bli obligatorisk for kommunene, og postlistene må vise dokumentene i fulltekst.\n\nVi har ikke merknader til de andre forpliktelsene.');
    expect(s.noComments).toBe(false);
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it.each([
    ['nb', 'Departementet har gått gjennom utkastet og har ingen ytterligere merknader.'],
    ['nn', 'Vi har ingenting å leggje til.'],
    ['en', 'We have read the draft and have nothing further to add.'],
  ])('%s: "no comments" in other words is kept as the finding', async (_lang, body) => {
    const s = await reply(body);
    expect(s.noComments).toBe(true);
    expect(s.commitments).toEqual([]);
  });
});

describe('what the reply refers to', () => {
  it('the letter named by its title ("viser til brevet om Interessentforumet …") is no comment on co-creation', async () => {
    const s = await reply('Vi viser til brevet om Interessentforumet og handlingsplan 4B.\n\nOffentlige anskaffelser bør være heldigitale, også for små leverandører.');
    expect(ids(s)).toEqual(['anskaffelser']);
  });

  it('a comment in the same sentence after "og mener …" still counts', async () => {
    const s = await reply('Vi viser til brevet og mener at samskapingen må starte med et fysisk møte i interessentforumet.\n\nOffentlige anskaffelser bør være heldigitale.');
    expect(ids(s).sort()).toEqual(['anskaffelser', 'samskaping']);
  });

  it.each([
    ['nb', 'Algoritmer i saksbehandlingen må kunne etterprøves, på samme måte som for eInnsyn bør kildene være åpne.'],
    ['en', 'Every algorithm used in case handling must be open to scrutiny, as was done with eInnsyn for the records.'],
  ])('%s: a commitment named in a comparison is not added, the point after it counts', async (_lang, body) => {
    const s = await reply(body);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });

  it('another submission of the sender\'s, named by what it is about, is not this reply\'s comment', async () => {
    const s = await reply('Vi har sendt eget høringssvar om plan- og bygningsloven. Til handlingsplanen: eInnsyn må gjelde alle kommuner.');
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it.each([
    ['nb', 'eInnsyn må vise alle dokumenter i fulltekst.\n\nVi deltar gjerne i et møte i interessentforumet.'],
    ['en', 'eInnsyn must show every document in full text.\n\nWe would be happy to take part in a meeting of the stakeholder forum.'],
  ])('%s: an offer to take part in a meeting is no comment on co-creation', async (_lang, body) => {
    const s = await reply(body);
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it('… but a comment after "men" in the same sentence is', async () => {
    const s = await reply('eInnsyn må vise alle dokumenter i fulltekst.\n\nVi deltar gjerne, men samskapingen må starte før utkastet skrives.');
    expect(ids(s).sort()).toEqual(['einnsyn', 'samskaping']);
  });

  it('a body cited as the source of a recommendation does not add its commitment', async () => {
    const s = await reply('Vi foreslår en ny forpliktelse om et åpent lobbyregister for departementene. Det vil følge opp anbefalingene fra GRECO.');
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });

  it('the commitment named in other words than its title counts ("forebygging av korrupsjon")', async () => {
    const s = await reply('eInnsyn må vise alle postjournaler.\n\nForpliktelsen om forebygging av korrupsjon bør få en milepæl om risikovurdering.');
    expect(ids(s).sort()).toEqual(['antikorrupsjon', 'einnsyn']);
  });
});

describe('a point the sender sets apart beside a long text on another commitment', () => {
  it('a passing mention is left out (the long text decides)', async () => {
    const s = await reply(`${LONG_AI}\n\nDet samme gjelder løsninger som eInnsyn.`);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });

  it.each([
    ['"Når det gjelder …"', 'Når det gjelder eInnsyn, ber vi om en frist for kommunene.'],
    ['"As regards …"', 'As regards eInnsyn, the municipalities need a deadline.'],
    ['a numbered heading', '4. eInnsyn\n\nKommunene trenger en frist.'],
    ['a proposal', 'Vi foreslår også en ny forpliktelse om åpne møtekalendere i departementene.'],
  ])('%s counts too', async (_what, point) => {
    const s = await reply(`${LONG_AI}\n\n${point}`);
    expect(ids(s)[0]).toBe('kunstig-intelligens');
    expect(ids(s)).toHaveLength(2);
  });
});

describe('a paragraph of its own that argues for one commitment (rules: paragraphPoints)', () => {
  it('"Vi mener også at … bør …" after a long text on another commitment counts', async () => {
    const s = await reply(`${LONG_AI}\n\nVi mener også at eInnsyn bør ta med alle kommunene innen 2023.`);
    expect(ids(s)[0]).toBe('kunstig-intelligens');
    expect(ids(s)).toContain('einnsyn');
  });

  it('a paragraph that only sets the scene does not', async () => {
    const s = await reply(`${LONG_AI}\n\nI fjor brukte redaksjonen vår eInnsyn nesten hver dag.`);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });

  it('nynorsk, in the hearing: a paragraph on impact assessments beside two on dispensations', async () => {
    const body =
      'Vi stør at vilkåra for dispensasjon i strandsona vert strengare. Dispensasjon frå byggjeforbodet har vore regelen meir enn unntaket i mange kommunar.\n\n' +
      'Dispensasjonar bit for bit har gjeve mange nye hytter i strandsona, og dispensasjonspraksisen må strammast inn.\n\n' +
      'Vi meiner òg at konsekvensutgreiingar må gjerast på nytt når eit planforslag vert endra mykje.';
    const s = await intake(mail({ from: 'Kari Vik <kari.vik@naturvern.example>', subject: 'Høyringsfråsegn 21/345', body }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s).sort()).toEqual(['dispensasjon', 'konsekvensutredning']);
  });
});

describe('"så snart de er journalfort" (no ø on the keyboard) says when documents are published', () => {
  it('is eInnsyn, not the journalling guidance, as it is when written with ø', async () => {
    const s = await reply('Dokumentene bør ligge i eInnsyn så snart de er journalfort.');
    expect(ids(s)).toEqual(['einnsyn']);
  });
});

describe('"vi er opptatt av …" (we care about) in a reply', () => {
  it('is input, not an out-of-office reply', async () => {
    const s = await reply(LONG_AI);
    expect(s.automatic).toBe(false);
    expect(ids(s)).toEqual(['kunstig-intelligens']);
  });
});

describe('the planning hearing', () => {
  const hearing = (body: string) => intake(mail({ from: 'Siri Lund <siri.lund@ffo.no>', subject: 'Høringssvar 21/345', body }), rules);

  it('"ingen merknader til forslagene, men …" is other remarks, and a proposal only cited there is not added', async () => {
    const s = await hearing('Vi har ingen merknader til de fem forslagene i høringsnotatet, men vil minne om at kortere byggesaksfrister ikke må svekke kravene til universell utforming.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['andre-merknader']);
  });

  it.each([['En 8 ukers frist er bra, men den må gjelde fra søknaden er komplett.'], ['Tolvukersfristen bør bli åtte veker for alle søknader.'], ['12-ukersfristen bør kortast ned.']])(
    'the deadlines proposal by its number of weeks: %s',
    async (body) => {
      const s = await hearing(body);
      expect(ids(s)).toEqual(['byggesaksfrister']);
    },
  );

  it('the deadlines proposal named in other words ("frister i byggesaker") counts beside another', async () => {
    const s = await hearing('Digital planbehandling må bygge på nasjonale standarder for plandata.\n\nKortere frister i byggesaker er bra, men fristen må regnes fra søknaden kom inn.');
    expect(ids(s).sort()).toEqual(['byggesaksfrister', 'digital-planbehandling']);
  });
});
