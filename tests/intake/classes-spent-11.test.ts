// Classes that the spent set spent-11 (was sealed-11, read on 2026-12-03 02:12 UTC) showed
// misjudged, written again in our own words: an organiser's invitation to a conference whose name
// is a compound ("Bygglovkonferansen") and which names the law under hearing, and another
// ministry inviting input to its own action plan "med tiltak mot …", and one message with input
// to both consultations, each part clearly about one of their commitments or proposals; remarks
// outside the hearing's proposals put as "Utover de fem temaene …" or "Lovforslaget bør også …",
// and digital submission of plan proposals; a one-sentence reply from an invited organisation
// under a bare "Forsinket høringssvar", on one of the hearing's proposals; an invited
// organisation's newsletter whose subject names a commitment, outside any thread (no close call);
// a short opinion in a new thread put as support ("Eg stør …", "supports …"); machine mail's kind
// from "Out of office until …" and from a help desk's "opprettet sak <number>"; the language of
// input whose mail says only "Sjå vedlegg." is its attachment's.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { reviewHoldsMessage } from '../../src/intake/review.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, headers: Record<string, string> = {}) => intake(mail({ from, subject, body, headers }), rules);
const ids = (s: Awaited<ReturnType<typeof run>>) => s.commitments.map((c) => c.id).sort();
// The hearing letter's Message-ID, as its consultation.yaml has it.
const PBL_LETTER = rules.consultations.find((v) => v.consultation.id === 'pbl-2021')!.consultation.invitationMessageIds[0]!;

describe('mail that is not input, whatever it names', () => {
  it('an invited organisation’s conference on the law under hearing, its name a compound: not input, no receipt', async () => {
    const s = await run(
      'Kurs og arrangement <arrangement@huseierne.no>',
      'Bygglovkonferansen 2021 – program',
      'Velkommen til Bygglovkonferansen i Trondheim 9. november. Vi går gjennom plan- og bygningsloven slik den praktiseres i kommunene i dag.',
    );
    expect(s.relevant).toBe(false);
    expect(s.consultation).toBeNull();
    expect(s.receipt.send).toBe(false);
  });

  it('the same organisation’s reply to the hearing is still its input (the subject names no event)', async () => {
    const s = await run(
      'Juridisk avdeling <jus@huseierne.no>',
      'Høringssvar – plan- og bygningsloven',
      'Huseiernes Landsforbund støtter forslaget om kortere saksbehandlingsfrister i byggesaker, men fristene må gjelde også for dispensasjonssøknader.',
    );
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.receipt.send).toBe(true);
  });

  it('another ministry inviting input to its own action plan "med tiltak mot …": not input to the OGP plan', async () => {
    const s = await run(
      'Seniorrådgiver <postmottak@kud.dep.no>',
      'Invitasjon til innspill',
      'Kulturdepartementet inviterer til innspill til en ny handlingsplan med tiltak mot ensomhet blant eldre. Svar innen 15. juni.',
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('input to two consultations in one message', () => {
  it('one paragraph on an OGP commitment, one on a proposal of the hearing: receipted, left in the inbox between the two, not filed under one', async () => {
    const s = await run(
      'Ellen Dahl <ellen.dahl@ungdomsrad.example>',
      'Innspill',
      'Ungdomspanelet bør få faste møter med departementene, og ungdomsrådene i kommunene må kunne melde inn saker til panelet.\n\nTil høringen: Kravet om medvirkningsplan for store reguleringsplaner støtter vi, og barn og unge må høres før planen legges ut.',
    );
    expect(s.consultation?.reason.code).toBe('uncertain');
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect(reviewHoldsMessage(s.review)).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a reply on the hearing’s proposal alone stays the hearing’s', async () => {
    const s = await run(
      'Ellen Dahl <ellen.dahl@ungdomsrad.example>',
      'Innspill',
      'Kravet om medvirkningsplan for store reguleringsplaner støtter vi, og barn og unge må høres før planen legges ut.',
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.review?.reasons ?? []).not.toContain('consultation-uncertain');
  });
});

describe('the hearing’s topics', () => {
  const reply = (body: string) => run('Jurist <post@eiendomsjus.example>', 'SV: Høring – endringer i plan- og bygningsloven', body, { 'In-Reply-To': PBL_LETTER });

  it('"Utover de fem temaene savner vi …" is a remark outside the proposals', async () => {
    const s = await reply('Vi støtter kortere saksbehandlingsfrister.\n\nUtover de fem temaene savner vi en drøfting av hva endringene koster for små kommuner.');
    expect(ids(s)).toEqual(['andre-merknader', 'byggesaksfrister']);
  });

  it('"Lovforslaget bør også ta opp …" is a remark outside the proposals', async () => {
    const s = await reply('Lovforslaget bør også ta opp overvann og flomveier i eksisterende boligområder.');
    expect(ids(s)).toEqual(['andre-merknader']);
  });

  it('digital submission of plan proposals is the proposal on digital planning', async () => {
    const s = await reply('Vi er positive til digital innlevering av reguleringsplaner, men små kommuner trenger tid til å bytte plansystem.');
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });
});

describe('a bare "høringssvar" subject over one sentence on a proposal of the hearing', () => {
  it('from an organisation invited to the hearing: its hearing reply, receipted under the hearing (an invited organisation’s opinion on one proposal; until 2026-12-05 held as a close call)', async () => {
    const s = await run('Rådgiver <radgiver@huseierne.no>', 'Forsinket høringssvar', 'Medvirkning må også sikre at eldre uten nett kan delta i planprosessene.\n\nHuseiernes Landsforbund');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a subject naming another regulation stays that regulation’s, words on a proposal or not', async () => {
    const s = await run('Rådgiver <radgiver@huseierne.no>', 'Høringssvar – endringer i byggteknisk forskrift (TEK17)', 'Vi støtter tydeligere krav til dokumentasjon av energibruk. Medvirkning fra brukerne bør sikres.');
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons ?? []).not.toContain('relevance-uncertain');
  });
});

describe('machine mail with nothing that ties it to a consultation', () => {
  it('an invited organisation’s newsletter naming a commitment in its subject is no close call: not held, not filed', async () => {
    const s = await run('KS Nyheter <nyhetsbrev@ks.no>', 'KS-nytt: Kunstig intelligens i kommunene', 'Denne uken: KI, rekruttering og økonomi.', {
      'List-Unsubscribe': '<mailto:avmelding@ks.no>',
      Precedence: 'bulk',
    });
    expect(s.automatic).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons ?? []).not.toContain('relevance-uncertain');
    expect(s.relevance.reasonCodes).toContain('automatic-outside-thread');
  });
});

describe('a short opinion in a new thread, put as support', () => {
  it('nynorsk: "Eg stør …" on a commitment is input, receipted', async () => {
    const s = await run('Synnøve Aase <synnove.aase@gmail.com>', 'Postlister', 'Eg stør at alle kommunar skal publisere postjournalen sin i eInnsyn.\n\nSynnøve');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('English: "supports … please consider" on a commitment is input, receipted', async () => {
    const s = await run('Mikko Laine <mikko.laine@opendata-fi.example>', 'Comment on 4B', 'Our network supports the commitment on beneficial ownership. Please consider making the register free to search for everyone.\n\nMikko');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });
});

describe('what kind of machine mail', () => {
  const auto = (subject: string, body: string) => run('Post <post@forening.example>', subject, body, { 'Auto-Submitted': 'auto-replied' });

  it('"Away until …" is an out-of-office reply', async () => {
    const s = await auto('Automatic reply: Comments on the action plan', 'Away until Monday 17 May.');
    expect(s.automaticKind).toBe('out-of-office');
  });

  it('a few words of English from a machine are English ("Out of office until 7 April.", "550 User unknown")', async () => {
    expect((await auto('Automatic reply: Innspill', 'Out of office until 7 April.')).language).toBe('en');
    expect((await auto('Undelivered Mail Returned to Sender', '550 User unknown.')).language).toBe('en');
  });

  it('"fraværende til …" is an out-of-office reply', async () => {
    const s = await auto('Automatisk svar: Innspill', 'Fraværende til og med 20. mai.');
    expect(s.automaticKind).toBe('out-of-office');
  });

  it('a help desk that opened a case with a number is a ticket', async () => {
    const s = await auto('Mottatt henvendelse', 'Takk. Vi har opprettet sak HD-2021-0815 og svarer innen to dager.');
    expect(s.automaticKind).toBe('ticket');
  });

  it('"we have received your e-mail", with no case, stays an auto-reply', async () => {
    const s = await auto('Automatisk svar: Innspill', 'Vi har mottatt e-posten din og svarer så snart vi kan.');
    expect(s.automaticKind).toBe('auto-reply');
  });
});

describe('the language of input that is all in its attachment', () => {
  it('"Sjå vedlegg." over a nynorsk document is nynorsk', async () => {
    const text = 'Eg meiner at alle kommunane bør publisere postjournalen sin i eInnsyn, og at dei ikkje skal ta betalt for innsyn.';
    const s = await intake(
      mail({ from: 'Idun Rakvåg <idun@lokallag.example>', subject: 'Innspel', body: 'Sjå vedlegg.\n\nIdun', attachments: [{ filename: 'innspel.txt', contentType: 'text/plain; charset=utf-8', content: Buffer.from(text, 'utf8') }] }),
      rules,
    );
    expect(s.language).toBe('nn');
  });
});
