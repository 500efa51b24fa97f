// Classes that spent-88, -89 and -90 (were sealed-88, -89 and -90, read on 2026-12-05) showed,
// written again in our own words: a petition's demand of a thing ("Vi krever et åpent register");
// one's own case as the reason for an opinion on how strict the rules are; a BankID log-in behind
// a link in the hearing's name; employees' involvement in new systems; a report sent "for your
// information"; the youth panel "taken in as a commitment of its own".
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id).sort();

describe('input in a few plain words', () => {
  it('a private person demanding a thing of the plan ("Vi krever et …"), new thread: input, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Unni Lie <unni.lie@gmail.com>',
        subject: 'Eierskap',
        body: 'Vi krever et gratis og åpent register over reelle rettighetshavere, uten innlogging.\n\nUnni Lie',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['reelle-rettighetshavere']);
  });

  it('one\'s own refused application as the reason the rules must not get stricter: the hearing\'s input', async () => {
    const s = await intake(
      mail({
        from: 'Arvid Sæther <arvid.saether@gmail.com>',
        subject: 'naust ved sjøen',
        body: 'Kommunen sa nei til dispensasjon for naustet vårt ved sjøen. Etter mitt syn er reglene altfor strenge allerede, så ikke gjør dem strengere.\n\nArvid',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['dispensasjon']);
  });
});

describe('mail that is no input', () => {
  it('hearing documents behind a BankID log-in, from a domain that poses as the government: suspicious, never receipted', async () => {
    const s = await intake(
      mail({
        from: 'Regjeringen <varsel@regjeringen-dokumenter.example>',
        subject: 'Høring 21/345 – dokumentene er klare',
        body: 'Dokumentene i høringen er klare. Åpne dem med BankID-innlogging her: https://regjeringen-dokumenter.example/inn',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('an invited union asking that employees be involved when the state brings in new systems: not the plan\'s co-creation', async () => {
    const s = await intake(
      mail({
        from: 'Hans Dal <hans.dal@ys.no>',
        subject: 'Innspill om samarbeid med de ansatte ved digitalisering',
        body: 'Vi ber om at de tillitsvalgte involveres tidlig i prosessen når departementene tar i bruk ny teknologi.\n\nHans Dal',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(ids(s)).toEqual([]);
  });

  it('a report on the partnership sent "for your information": no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Anna Berg <anna.berg@policylab.example>',
        subject: 'New report: OGP action plans in Europe',
        body: 'Attached is our new comparison of OGP action plans in twelve European countries, for your information.\n\nAnna Berg',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });
});

describe('the youth panel taken in as a commitment of its own', () => {
  it('is the youth panel, no new commitment', async () => {
    const s = await intake(
      mail({
        from: 'Eva Moe <eva.moe@ungdom.example>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Det er riktig at ungdommens distriktspanel tas inn som egen forpliktelse, og panelet må få skriftlige svar.\n\nEva Moe',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['ungdomspanel']);
  });
});
