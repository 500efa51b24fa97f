// Classes that the spent set spent-16 (was sealed-16, read on 2026-12-03) showed left neither
// receipted nor held, written again in our own words: an invited organisation whose answer is a
// document nobody can read, under a short note that does not say "innspill" or "høringssvar", or
// under a bare "Høringssvar fra …" subject that names no law.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const damaged = { contentType: 'application/pdf', content: Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<< /Length 5120 /Filter /FlateDecode >>\nstream\n') };
const send = (from: string, subject: string, body: string, filename: string) => intake(mail({ from, subject, body, attachments: [{ filename, ...damaged }] }), rules);

describe('an invited organisation’s document that cannot be read', () => {
  it('held for a caseworker, the invitation named, when the note only says a letter is attached', async () => {
    const s = await send('Trine Aas <trine.aas@fagpressen.no>', 'Fra oss', 'Hei, se vedlagte brev fra styret vårt. Mvh Trine', 'dok20210514.pdf');
    expect(s.attachments[0]!.problem).not.toBeNull();
    expect(s.relevant).toBe(false);
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.review?.notes.find((n) => n.code === 'relevance-uncertain')?.text).toMatch(/«dok20210514\.pdf»: .*Fagpressen er invitert til/);
    expect(s.receipt).toMatchObject({ send: false, code: 'held-for-review' });
  });

  it('held too under "Høringssvar fra …", which alone cannot tell which of the ministry’s hearings', async () => {
    const s = await send('Norsk Eiendom <post@norskeiendom.no>', 'Høringssvar fra Norsk Eiendom', 'Vedlagt.', 'NE_svar.pdf');
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('the same note and file from an organisation nobody invited stay untouched', async () => {
    const s = await send('Trine Aas <trine.aas@ukjent-forening.example>', 'Fra oss', 'Hei, se vedlagte brev fra styret vårt. Mvh Trine', 'dok20210514.pdf');
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('mail about a consultation that is no input', () => {
  const run = (from: string, subject: string, body: string) => intake(mail({ from, subject, body }), rules);

  it('a look-alike asking to "verify" a hearing reply within hours or lose it: suspicious, never receipted', async () => {
    const s = await run('Høringsportalen <varsel@hoeringer-regjeringen.example.org>', 'Høringssvar 21/345 må bekreftes', 'Høringssvaret ditt er mottatt. Bekreft svaret ditt innen 48 timer, ellers blir det slettet: https://bekreft-svar.example.org');
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a reply that signs up for the hearing meeting: no input, no receipt', async () => {
    const s = await run('Eva Moe <eva.moe@norskeiendom.no>', 'SV: Innspillsmøte om plan- og bygningsloven', 'Hei, vi stiller med to personer på innspillsmøtet 12. mai. Eva');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
    const t = await run('Eva Moe <eva.moe@norskeiendom.no>', 'Re: Høringsmøte plan- og bygningsloven', 'Jeg melder meg på møtet. Mvh Eva Moe');
    expect(t.relevant).toBe(false);
    expect(t.receipt.send).toBe(false);
  });

  it('signing up beside a proposal is input', async () => {
    const s = await run('Eva Moe <eva.moe@norskeiendom.no>', 'SV: Innspillsmøte om plan- og bygningsloven', 'Vi stiller med to personer på innspillsmøtet. Vi foreslår at fristen for byggesaksbehandling ikke forkortes, fordi kommunene mangler folk.');
    expect(s.relevant).toBe(true);
  });
});

describe('machine mail told by its kind', () => {
  const run = (from: string, subject: string, body: string, headers: Record<string, string> = {}) => intake(mail({ from, subject, body, headers }), rules);

  it.each([
    ['Warning: message delayed – Høringssvar plan- og bygningsloven', 'Your message has not been delivered yet and will be retried.'],
    ['Delayed: Innspill til handlingsplan 4B', 'Delivery of your message is delayed. No action is required.'],
  ])('a server’s delay notice under "%s"', async (subject, body) => {
    const s = await run('Postmaster <postmaster@eksempel-org.no>', subject, body);
    expect(s.automaticKind).toBe('delay');
    expect(s.receipt.send).toBe(false);
  });

  it('a service desk’s notice under its record number in brackets is a ticket', async () => {
    const s = await run('Brukerstøtte <servicedesk@dfo.example.no>', '[REQ0042117] Tilgangen din er gitt', 'Forespørselen din om tilgang til fellesområdet er behandlet.', { 'Auto-Submitted': 'auto-generated' });
    expect(s.automaticKind).toBe('ticket');
  });

  it('a person on leave who writes input from home is a person, not an out-of-office notice', async () => {
    const s = await run('Mona Dahl <mona.dahl@gmail.com>', 'Innspill om postjournaler', 'Hei, jeg er på permisjon, men skriver for lokallaget vårt: eInnsyn bør ha krav om publisering innen fem virkedager i alle kommuner. Mona');
    expect(s.automatic).toBe(false);
    expect(s.receipt.send).toBe(true);
  });
});
