// Classes that the spent set spent-33 (was sealed-33, read on 2026-12-04) showed, written again in
// our own words: BankID asked for behind a link to "the hearing documents" is bait, and with the
// hearing's case number it is an imitation of the consultation — no receipt, marked suspicious; an
// answer written below the quoted invitation, whose attribution and header fields stand above the
// "> " lines, is the sender's own words; so is an answer written below the ministry's letter quoted
// at the very top without marks (spent-34, read the same day).
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { ownWordsOf } from '../../src/intake/own-words.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('BankID behind a link', () => {
  it('"Tast inn BankID for å åpne høringsnotatet" with the case number, from a made-up government address: suspicious, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Høringsportalen <varsel@horingsportal-regjeringen.example.net>',
        subject: 'Sak 21/345 – nye dokumenter',
        body: 'Det er lagt ut nye dokumenter i saken. Tast inn BankID her for å åpne høringsnotatet: http://horingsportal-regjeringen.example.net/sak\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an organisation that says it signed its reply with BankID is still input', async () => {
    const s = await intake(
      mail({
        from: 'Liv Moen <liv.moen@ks.no>',
        subject: 'Høringssvar fra KS – plan- og bygningsloven',
        body: 'Vedlagt er høringssvaret fra KS om byggesaksfrister, signert av styreleder med BankID i saksbehandlingssystemet vårt. Vi støtter forslaget om kortere frister når kommunene får en felles digital løsning.\n\nLiv Moen\nKS\n',
      }),
      rules,
    );
    expect(s.suspicious).toBe(false);
    expect(s.relevant).toBe(true);
  });
});

describe('an answer below the quoted invitation', () => {
  const body = (marks: string) =>
    [
      'På 16.04.2021 kl. 09:30 skrev Postmottak KMD:',
      'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
      'Emne: Invitasjon til å komme med innspill',
      '',
      `${marks}Departementet ber om innspill til tiltak i handlingsplanen.`,
      `${marks}Svar innen 18. mai.`,
      '',
      'Hei! Vi i Norsk Friluftsliv vil at kommunenes postjournaler skal ligge i eInnsyn, også for de minste kommunene.',
      '',
      'Vennlig hilsen',
      'Tone Viken',
    ].join('\n');

  it('with "> " marks under the attribution and the header fields: the lines below the quote are the sender\'s', () => {
    const own = ownWordsOf(body('> '), 'SV: Invitasjon til å komme med innspill', [], rules);
    expect(own.text).toContain('postjournaler skal ligge i eInnsyn');
    expect(own.text).not.toContain('Departementet ber om innspill');
    expect(own.text).not.toContain('Fra: Postmottak');
  });

  it('without marks everything under the attribution is the quote, as before', () => {
    const own = ownWordsOf(body(''), 'SV: Invitasjon til å komme med innspill', [], rules);
    expect(own.text).not.toContain('postjournaler');
  });
});

describe('an answer below the ministry\'s letter quoted at the top without marks', () => {
  const body = (answer: string) =>
    [
      'Fra: Postmottak KMD <postmottak@kmd.dep.no>',
      'Sendt: tirsdag 13. april 2021 09:12',
      'Emne: OGP - Open Government Partnership - Interessentforumet – Invitasjon til innspill til Handlingsplan 4 B',
      '',
      'Handlingsplanene er grunnleggende i OGP-arbeidet. Disse forplikter Norge til å oppfylle fastsatte mål i et samarbeid mellom forvaltningen og sivilsamfunnet.',
      '',
      answer,
    ].join('\n');

  it('the lines below the letter are the sender\'s; the letter\'s own lines are not', () => {
    const own = ownWordsOf(body('Hei,\n\nVi i Naturvernforbundet mener at kommunene må publisere alle planvedtak i fulltekst.\n\nMed vennlig hilsen\nAnne Bru'), 'SV: OGP - Invitasjon til innspill', [], rules);
    expect(own.text).toContain('publisere alle planvedtak i fulltekst');
    expect(own.text).not.toContain('Handlingsplanene er grunnleggende');
    expect(own.text).not.toContain('Anne Bru');
  });

  it('the letter alone under its header block (an empty reply) leaves no own words', () => {
    expect(ownWordsOf(body(''), 'SV: OGP - Invitasjon til innspill', [], rules).text).toBe('');
  });
});
