// Classes that the spent set spent-30 (was sealed-30, read on 2026-12-04) showed, written again in
// our own words: a delivery report whose returned headers are written into its text, for a letter
// whose subject had words added to the consultation's title, is that consultation's bounce; a read
// notice known only by its "Lest:" subject, whose text is the notice and the read letter's header
// fields, is machine mail without doubt.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { isLetterSubject } from '../../src/intake/follow-up.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const PBL_TITLE = 'Høring – endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)';

describe('a letter subject with words added', () => {
  it('is the letter when every word of its subject is there in order; not when words are missing or moved', () => {
    expect(isLetterSubject(PBL_TITLE, PBL_TITLE)).toBe(true);
    expect(isLetterSubject('VS: Høring - forslag til endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)', PBL_TITLE)).toBe(true);
    expect(isLetterSubject('Høring – endringer i plan- og bygningsloven', PBL_TITLE)).toBe(false);
    expect(isLetterSubject('Plan- og bygningsloven: høring om endringer (digital planbehandling, byggesaksfrister og dispensasjoner)', PBL_TITLE)).toBe(false);
    // A short subject is known only as it is: three words with others added could be anything.
    expect(isLetterSubject('Svar på høring om innspill', 'Høring om innspill')).toBe(false);
  });
});

describe('a delivery report with the returned headers in its text', () => {
  const report = (subject: string, from = 'Postmottak KMD <postmottak@kmd.dep.no>') =>
    intake(
      mail({
        from: 'Mail Delivery System <MAILER-DAEMON@mx01.dep.no>',
        subject: 'Undelivered Mail Returned to Sender',
        messageId: '<20210504081500.7F3A2@mx01.dep.no>',
        body: `This is the mail system at host mx01.dep.no.\n\nYour message could not be delivered to one or more recipients.\n\n<post@nedlagt-kommune.example>: host mx.nedlagt-kommune.example said: 550 5.1.1 Mailbox does not exist\n\n--- Original message headers ---\nFrom: ${from}\nTo: post@nedlagt-kommune.example\nSubject: ${subject}\n`,
      }),
      rules,
    );

  it('for the hearing letter sent with "forslag til" in its subject: the hearing\'s bounce, filed without doubt', async () => {
    const s = await report('Høring – forslag til endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)');
    expect(s.automaticKind).toBe('bounce');
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.review?.needed).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('not when the returned letter was sent by someone else', async () => {
    const s = await report('Høring – forslag til endringer i plan- og bygningsloven (digital planbehandling, byggesaksfrister og dispensasjoner)', 'Ola Nordmann <ola@ks.no>');
    expect(s.relevance.reasons.some((r) => r.startsWith('svar i tråden'))).toBe(false);
  });
});

describe('a read notice known only by its subject', () => {
  const notice = (body: string) =>
    intake(
      mail({
        from: 'Siri Lunde <siri.lunde@frivillighetnorge.no>',
        subject: `Lest: ${PBL_TITLE}`,
        body,
      }),
      rules,
    );

  it('whose text is the notice and the letter\'s header fields: machine mail without doubt, no receipt, nothing held', async () => {
    const s = await notice(`Meldingen\n\n  Til: postmottak@kmd.dep.no\n  Emne: ${PBL_TITLE}\n  Sendt: 3. mai 2021 09:12\n\nble lest 4. mai 2021 08:40.\n`);
    expect(s.automaticKind).toBe('read-receipt');
    expect(s.review?.reasons ?? []).not.toContain('automatic-uncertain');
    expect(s.receipt.send).toBe(false);
  });

  it('with a person\'s own words under it: still judged as a person\'s, held for a caseworker', async () => {
    const s = await notice(
      'Vi har lest høringsnotatet og vil gjerne si noe om forslaget om digital planbehandling: kommunene trenger en felles løsning for planregister og innsyn før fristene strammes inn, ellers blir det ulik praksis.\n\nSiri Lunde\nFrivillighet Norge\n',
    );
    expect(s.review?.reasons).toContain('automatic-uncertain');
  });
});

describe('a question about the consultation with nothing proposed, close to the threshold', () => {
  it('"Blir innspillene publisert?" from a private address: correspondence, left in the inbox, not held', async () => {
    const s = await intake(
      mail({
        from: 'Trude Vik <trude.vik@gmail.com>',
        subject: 'Spørsmål om innspillene til handlingsplanen',
        body: 'Hei!\n\nKommer innspillene til handlingsplanen til å bli lagt ut på nettsidene deres? Jeg er nysgjerrig på hva andre har skrevet.\n\nHilsen Trude\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.relevance.reasonCodes).toContain('correspondence');
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a question whose words are clearly about a commitment is still held for a caseworker (input may be put as questions)', async () => {
    const s = await intake(
      mail({
        from: 'Per Aas <per.aas@lla.no>',
        subject: 'Spørsmål om eInnsyn',
        body: 'Hei,\n\nHar departementet tall på hvor mange kommuner som publiserer postjournalen sin i eInnsyn i dag?\n\nPer Aas\n',
      }),
      rules,
    );
    expect(s.review?.needed).toBe(true);
    expect(s.receipt).toMatchObject({ send: false, code: 'held-for-review' });
  });
});

describe('"journalføring" as a topic, and as a request to file', () => {
  it('an invitation to days of talks on journalføring of chat: an invitation, not input, not held', async () => {
    const s = await intake(
      mail({
        from: 'Hanne Rud <hanne.rud@arkivrad.no>',
        subject: 'Fagdagene 2021 – invitasjon',
        body: 'Norsk arkivråd inviterer til Fagdagene i Trondheim 14.–15. oktober. Årets tema er journalføring av meldinger i Teams og chat.\n\nHanne Rud\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a forwarded input with "Kan dere journalføre det?" is still input, not a question to the ministry ("journalføre" no longer counts as a proposal; the forward does)', async () => {
    const s = await intake(
      mail({
        from: 'Kari Berg <kari.berg@ks.no>',
        subject: 'VS: Innspill til OGP-handlingsplanen',
        body: 'Hei, vi fikk dette innspillet fra en innbygger. Kan dere journalføre det?\n\nKari\n\n-----Opprinnelig melding-----\nFra: Ola Dahl <ola.dahl@gmail.com>\nSendt: 3. mai 2021 10:12\nTil: Kari Berg <kari.berg@ks.no>\nEmne: Innspill til OGP-handlingsplanen\n\nPostjournalen til kommunen vår ligger ikke i eInnsyn. Da kan ikke lokalavisa følge med på hva som skjer i plansakene.\n\nOla Dahl\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.relevance.reasonCodes).not.toContain('correspondence');
  });
});

describe('a proposal announced as one', () => {
  const from = (announce: string) =>
    intake(
      mail({
        from: 'Gunnar Lie <gunnar.lie@online.no>',
        subject: 'Postjournaler',
        body: `Hei,\n\n${announce} postjournalen til alle kommuner i eInnsyn, også til de minste.\n\nGunnar Lie\n`,
      }),
      rules,
    );

  it('"Et lite forslag fra en pensjonist: …" on one commitment from a private address, in a new thread: input, receipt sent', async () => {
    const s = await from('Et lite forslag fra en pensjonist:');
    expect(s.relevant).toBe(true);
    expect(s.review?.needed ?? false).toBe(false);
    expect(s.receipt.send).toBe(true);
  });

  it('the same words without saying it is a proposal: held for a caseworker, as before', async () => {
    const s = await from('Fra en pensjonist:');
    expect(s.review?.reasons).toContain('relevance-uncertain');
    expect(s.receipt.send).toBe(false);
  });
});
