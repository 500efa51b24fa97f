// Classes that the spent set spent-31 (was sealed-31, read on 2026-12-04) showed, written again in
// our own words: automated decisions and co-creation said in a citizen's plain words name their
// commitments ("en maskin har avgjort søknaden min", "organisasjonene bør være med og utforme
// tiltakene").
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('commitments in plain words', () => {
  it('"en maskin har avgjort søknaden min" under a subject naming the topic, from a private address: kunstig-intelligens, input, receipt', async () => {
    const s = await intake(
      mail({
        from: 'Lars Hovde <lars.hovde@online.no>',
        subject: 'Algoritmer i Lånekassen',
        body: 'Hei\n\nJeg fikk vite at en maskin har avgjort søknaden min om stipend. Det bør stå i vedtaket når det skjer, og man bør kunne be om at et menneske ser på saken igjen.\n\nLars Hovde\n',
      }),
      rules,
    );
    expect(ids(s)).toContain('kunstig-intelligens');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
  });

  it('a machine that decided nothing is no automated decision ("maskinen på kontoret er gammel")', async () => {
    const s = await intake(
      mail({
        from: 'Lars Hovde <lars.hovde@online.no>',
        subject: 'Innspill',
        body: 'Hei\n\nKopimaskinen på servicekontoret er gammel, og køen er lang. Det bør dere gjøre noe med.\n\nLars\n',
      }),
      rules,
    );
    expect(ids(s)).not.toContain('kunstig-intelligens');
  });

  it('"organisasjonene bør være med og utforme tiltakene i planen": samskaping', async () => {
    const s = await intake(
      mail({
        from: 'Eva Brekke <eva.brekke@frivillighetnorge.no>',
        subject: 'Innspill til handlingsplan 4B',
        body: 'Hei,\n\nVi mener organisasjonene bør være med og utforme tiltakene i planen fra starten av, ikke bare få et utkast på høring til slutt.\n\nMed vennlig hilsen\nEva Brekke\nFrivillighet Norge\n',
      }),
      rules,
    );
    expect(ids(s)).toContain('samskaping');
  });
});
