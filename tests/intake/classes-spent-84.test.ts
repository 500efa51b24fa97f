// Classes that spent-84 and spent-85 (were sealed-84 and -85, read on 2026-12-05) showed, written
// again in our own words: the letter quoted inside a sentence of one's own; the youth panel
// welcomed as a commitment of its own; a researcher's survey; a question put as what one wants to
// know; input to other work named by its case number; digital plan proposals in a longer phrase;
// whether input is answered and followed up.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id).sort();

describe('the letter quoted inside a sentence is not the sender\'s words', () => {
  it('a sentence of the letter in quotation marks adds nothing; the sender\'s own point counts', async () => {
    const s = await intake(
      mail({
        from: 'Tone Berg <tone.berg@gmail.com>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Dere skriver i brevet: "Vi ber nå Interessentforumet supplere oppdateringen og fremme forslag om nye forpliktelser hvor det skulle være ønskelig." Mitt innspill gjelder eInnsyn: alle kommuner må publisere postjournalen sin der.\n\nTone Berg',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toEqual(['einnsyn']);
  });

  it('a quotation that is not the letter stays the sender\'s', async () => {
    const s = await intake(
      mail({
        from: 'Tone Berg <tone.berg@gmail.com>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Vi har et motto i foreningen: «Vi foreslår en ny forpliktelse om et åpent lobbyregister for Stortinget.» Det mener vi fortsatt.\n\nTone Berg',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['ny-forpliktelse']);
  });
});

describe('the youth panel welcomed as a commitment of its own', () => {
  it.each([
    ['nb', 'Vi er glade for at ungdomspanelet blir en egen forpliktelse, men ungdommene må få svar på rådene de gir.'],
    ['nn', 'Det er bra at ungdomspanelet vert ei eiga forplikting, men ungdommane må få svar på råda dei gjev.'],
  ])('%s: the youth panel, no new commitment', async (_lang, body) => {
    const s = await intake(mail({ from: 'Ola Rø <ola.ro@ungdom.example>', subject: 'Innspill til 4B', body: `${body}\n\nOla` }), rules);
    expect(ids(s)).toEqual(['ungdomspanel']);
  });
});

describe('mail that is no input', () => {
  it('a researcher asking the ministry to answer a survey on open government: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Mia Strand <mia.strand@uni.example>',
        subject: 'Questionnaire on open government',
        body: 'Dear ministry,\nWe are conducting a comparative survey of open government in Europe and would be grateful for 20 minutes of your time.\n\nMia Strand',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('a question put as what the sender wants to know, nothing proposed: no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Knut Ås <knut.as@online.no>',
        subject: 'Høringen om plan- og bygningsloven',
        body: 'Hei. Jeg tenker å sende et høringssvar om plan- og bygningsloven og vil vite om det blir publisert med navnet mitt.\n\nKnut',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('input to other work named by its own case number: not either consultation\'s', async () => {
    const s = await intake(
      mail({
        from: 'Eli Sande <eli.sande@naturvern.example>',
        subject: 'Innspel',
        body: 'Vi sender eit innspel til arbeidet med fjellmeldinga (21/118): ungdom må få vere med og seie si meining om fjellet.\n\nEli Sande',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('commitments in longer phrases', () => {
  it('plan proposals "delivered and handled digitally": the hearing\'s digital planning', async () => {
    const s = await intake(
      mail({
        from: 'Siri Holm <siri.holm@gmail.com>',
        subject: 'Høringssvar',
        body: 'Jeg støtter at reguleringsplaner skal sendes inn og behandles digitalt, men papir må fortsatt være mulig for dem som trenger det.\n\nSiri Holm',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(ids(s)).toEqual(['digital-planbehandling']);
  });

  it('whether civil society\'s input is answered and followed up: co-creation', async () => {
    const s = await intake(
      mail({
        from: 'Per Vik <per.vik@frivillig.example>',
        subject: 'Innspill til handlingsplan 4 B',
        body: 'Innspillene fra sivilsamfunnet blir sjelden fulgt opp på en synlig måte. Departementet bør fortelle hva som skjedde med hvert forslag.\n\nPer Vik',
      }),
      rules,
    );
    expect(ids(s)).toEqual(['samskaping']);
  });
});
