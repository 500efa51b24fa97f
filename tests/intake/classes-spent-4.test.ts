// Classes that the spent set spent-4 (was sealed-4, read on 2026-12-03 07:00 UTC) showed
// misjudged, written again in our own words: a person's short input from a private address that
// says in passing that they are travelling ("jeg er på reise"), which the out-of-office words took
// for an automatic reply, so the input was neither receipted nor held; and a journalist's question
// about one of the hearing's proposals that ends by asking whether the minister can "stille til
// intervju", held as if it might be input; a youth council inviting the minister to its meeting,
// and an international body's "registration … is now open", held as close calls.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const run = (from: string, subject: string, body: string, headers: Record<string, string> = {}) => intake(mail({ from, subject, body, headers }), rules);

describe('an out-of-office phrase in a person’s input', () => {
  it('input on a commitment that says the sender is travelling: held for a caseworker, not dropped as an automatic reply', async () => {
    const s = await run(
      'Ingrid Solheim <ingrid.solheim@gmail.com>',
      'Innspill om eInnsyn',
      'Hei, jeg er på reise denne uka og skriver derfor fra privat e-post.\n\nVi i Norsk Presseforbund mener eInnsyn må vise alle dokumenter i postjournalen, også de som er unntatt offentlighet, med hjemmelen for unntaket, slik at innsynskrav kan rettes mot dem.\n\nHilsen Ingrid Solheim',
    );
    expect(s.automaticKind).toBe('out-of-office');
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.review?.reasons).toContain('automatic-uncertain');
    expect(s.review?.notes.find((n) => n.code === 'automatic-uncertain')?.text).toContain('handler tydelig om en av forpliktelsene');
    expect(s.receipt.send).toBe(false);
    expect(s.receipt.code).toBe('held-for-review');
  });

  it('a real out-of-office reply that names no commitment stays machine mail, untouched', async () => {
    const s = await run(
      'Ingrid Solheim <ingrid.solheim@presse.no>',
      'Møte neste uke',
      'Jeg er på reise og leser ikke e-post før mandag 17. mai. Haster det, ring sentralbordet.',
    );
    expect(s.automaticKind).toBe('out-of-office');
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('a journalist’s question about a proposal', () => {
  it('asking for figures and whether the minister can "stille til intervju": a press enquiry, left for the ordinary handling', async () => {
    const s = await run(
      'Tor Bakke <tor.bakke@lokalavisa.no>',
      'Spørsmål om byggesaksfrister',
      'Hei,\n\nHøringen gjelder blant annet fristene for byggesaksbehandling i kommunene. Hvor mange kommuner brøt fristene i fjor? Kan statsråden stille til intervju om dette på torsdag?\n\nMvh Tor',
    );
    expect(s.relevant).toBe(false);
    expect(s.consultation).toBeNull();
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('invitations that are no input', () => {
  it('a youth council that would like to invite the minister to its meeting (nynorsk): not input, no close call', async () => {
    const s = await run(
      'Ungdomsrådet <ungdomsradet@volda.kommune.no>',
      'Invitasjon',
      'Hei!\n\nUngdomsrådet i Volda vil gjerne invitere statsråden til møtet vårt i september. Vi vil snakke om korleis unge kan få vere med og påverke politikken, og om eit ungdomspanel.',
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"registration for the forum is now open" about open government: an event, not input', async () => {
    const s = await run(
      'Events <events@opengov-forum.example>',
      'Nordic Transparency Forum 2021',
      'Dear colleagues,\n\nRegistration for the Nordic Transparency Forum is now open. Civil society and public servants will discuss transparency, beneficial ownership registers and open data.\n\nBest regards,\nThe organisers',
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
