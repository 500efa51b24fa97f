// Classes that the spent set spent-9 (was sealed-9, read on 2026-12-02 18:35 UTC) showed misjudged,
// written again in our own words: another ministry asking for input to its own plan (the plan's
// name wrapped onto the next line), a call for speakers, a press enquiry said in the subject,
// "no comments, but sorry for the late answer", a ministry whose name holds "sosi", inline answers
// under a header block whose subject wrapped, plan data in English, and "innspill til 4B".
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, headers: Record<string, string> = {}) => intake(mail({ from, subject, body, headers }), rules);
const ids = (s: Awaited<ReturnType<typeof run>>) => s.commitments.map((c) => c.id).sort();
// The hearing letter's Message-ID, as its consultation.yaml has it.
const PBL_LETTER = rules.consultations.find((v) => v.consultation.id === 'pbl-2021')!.consultation.invitationMessageIds[0]!;

describe('mail that is not input, whatever commitment it names', () => {
  it('another ministry asking for input to its own plan, the plan’s name on the next line: no receipt', async () => {
    const s = await run('Postmottak NFD <postmottak@nfd.dep.no>', 'Innspill til handlingsplan for digital næringsutvikling', 'Nærings- og fiskeridepartementet ber om innspill til handlingsplanen for\ndigital næringsutvikling, blant annet om kunstig intelligens og åpne data. Frist 10. juni.\n\nNFD');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a call for speakers at an OGP event: no receipt', async () => {
    const s = await run('Events <events@opengov-network.example>', 'Nordic OGP exchange – call for speakers', 'Dear colleagues, we are planning an online exchange on co-creation in September and would welcome a speaker from your ministry on the national action plan.');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a press enquiry said in the subject, asking for an interview: no receipt', async () => {
    const s = await run('Kari Vik <kari.vik@lokalavisa.example>', 'Pressehenvendelse – dispensasjoner i strandsonen', 'Hei, hvor mange har svart på forslaget om dispensasjoner i strandsonen, og kan vi få et intervju med statsråden denne uka? Kari');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('replies that say they have no comments', () => {
  it('"ingen merknader, men beklager at svaret kommer sent" says no comments', async () => {
    const s = await run('Post <post@arbeidsgiver.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Foreningen har ingen merknader til høringen, men beklager at svaret kommer sent.', { 'In-Reply-To': PBL_LETTER });
    expect(s.noComments).toBe(true);
    expect(s.commitments).toEqual([]);
  });

});

describe('words inside other words', () => {
  it('a ministry whose name holds "sosi" says nothing of the SOSI standard', async () => {
    const s = await run('Post <postmottak@asd.dep.no>', 'SV: Høring – endringer i plan- og bygningsloven', 'Arbeids- og sosialdepartementet støtter forslaget om saksbehandlingsfrister i byggesaker.', { 'In-Reply-To': PBL_LETTER });
    expect(ids(s)).toEqual(['byggesaksfrister']);
  });

  it('the SOSI standard itself is plan data', async () => {
    const s = await run('Post <post@geoforum.example>', 'SV: Høring – endringer i plan- og bygningsloven', 'Planforslag bør leveres i SOSI-format, og SOSI må være den nasjonale standarden.', { 'In-Reply-To': PBL_LETTER });
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });
});

describe('the sender’s own words', () => {
  it('answers written between quoted headings, under a header block whose subject wrapped onto two lines', async () => {
    const body = [
      'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
      'Sendt: fredag 19. mars 2021 10:02',
      'Emne: Høring – forslag til endringer i plan- og bygningsloven (digital',
      'planbehandling, byggesaksfrister og dispensasjoner)',
      '',
      '> 3. Dispensasjoner',
      '',
      'Forbundet mener dispensasjonsreglene i strandsonen må skjerpes, ikke lempes.',
      '',
      '> 5. Medvirkning i planleggingen',
      '',
      'Barn og unge må høres før planforslag sendes på høring.',
      '',
      'Ola Vik',
    ].join('\n');
    const s = await run('Ola Vik <ola.vik@friluftsforbund.example>', 'SV: Høring – forslag til endringer i plan- og bygningsloven', body, { 'In-Reply-To': PBL_LETTER });
    expect(s.ownWords).toContain('dispensasjonsreglene i strandsonen må skjerpes');
    expect(ids(s)).toEqual(['dispensasjon', 'medvirkning']);
  });
});

describe('naming the hearing’s proposals and the plan', () => {
  it('English on plan data and digital plans, with the case number: digital plan processing', async () => {
    const s = await run('Eva Berg <eva.berg@planning-agency.example>', 'Comments on the planning bill (ref 21/345)', 'Dear colleagues, in our experience national standards for plan data and digital detailed plans work best with a transition period of three years.');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });

  it('"innspill til 4B" names the OGP plan: not held between the two, even when plan data is mentioned', async () => {
    const s = await run('Siri Lund <siri.lund@ikt-norge.no>', 'Innspill til 4B', 'Vi ber om at KI-forpliktelsen får en plan for en regulatorisk sandkasse, og at plandata gjøres tilgjengelig gjennom åpne API-er.');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });
});

// spent-10 (was sealed-10, read on 2026-12-02 18:43 UTC): an addition to one's own input, one
// sentence that asks for something with "må" and a verb the opinion words lacked.
describe('an addition to the sender’s own input', () => {
  it('"Et tillegg til innspillet vi sendte: … må stille krav om …" is input on that commitment', async () => {
    const s = await run('Eva Lie <eva.lie@ffo.no>', 'Tillegg til vårt innspill', 'Hei igjen. Et tillegg til innspillet vi sendte i går: veiledningen om algoritmer i forvaltningen må stille krav om at forklaringene er universelt utformet.');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant || s.review?.needed === true).toBe(true);
    expect(s.receipt.send || s.review?.needed === true).toBe(true);
  });
});

describe('a petition sent with a cover note', () => {
  it('"Se vedlegg" and a petition that demands something of a commitment is input on it', async () => {
    const petition = 'Opprop: Åpne postlister nå!\nVi krever at alle kommuner publiserer postjournalen sin i eInnsyn innen 2022.';
    const s = await intake(
      mail({ from: 'Kari Dal <kari.dal@online.no>', subject: 'Opprop: Åpne postlister', body: 'Se vedlegg.\n\nKari Dal', attachments: [{ filename: 'opprop.txt', contentType: 'text/plain; charset=utf-8', content: Buffer.from(petition) }] }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
    expect(s.receipt.send).toBe(true);
  });
});
