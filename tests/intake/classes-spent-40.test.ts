// Classes that the spent set spent-40 (was sealed-40, read on 2026-12-04) showed, written again in
// our own words: a colleague's working mail on the input that has come in is no input (and gets no
// receipt); the stakeholder forum named only as the place to take something up is no comment on
// co-creation.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('working mail on the input received', () => {
  it('a colleague: "Sammenstillingen av innspillene til OGP-planen er klar" — no input, no receipt', async () => {
    const s = await intake(
      mail({
        from: 'Tone Vik <tone.vik@kmd.dep.no>',
        subject: 'OGP 4B – sammenstilling',
        body: 'Hei\n\nSammenstillingen av innspillene til OGP-planen er klar til gjennomlesing. Den ligger i saksmappen.\n\nTone\n',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('the stakeholder forum as the place to take something up', () => {
  const input = (body: string) => intake(mail({ from: 'Nils Aas <nils.aas@nfd.dep.no>', subject: 'Innspill til handlingsplan 4B', body }), rules);

  it('"… og vi ønsker at forslaget tas opp i interessentforumet": the proposal\'s commitment, not samskaping', async () => {
    const s = await input('Hei\n\nVi foreslår at alle statlige virksomheter publiserer postjournalen sin i eInnsyn, og vi ønsker at forslaget tas opp i interessentforumet.\n\nNils Aas\n');
    expect(ids(s)).toContain('einnsyn');
    expect(ids(s)).not.toContain('samskaping');
  });

  it('a comment on the forum itself is still samskaping', async () => {
    const s = await input('Hei\n\nInteressentforumet bør møtes oftere og få reell innflytelse på hvilke forpliktelser som kommer med i planen.\n\nNils Aas\n');
    expect(ids(s)).toContain('samskaping');
  });
});
