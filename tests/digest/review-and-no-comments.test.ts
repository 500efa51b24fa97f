// "ingen merknader" is a finding, listed as such, not under "not placed under any commitment";
// a message held for review is listed under "Til vurdering" with the reasons in words.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { renderText } from '../../src/digest/render-text.js';
import { makeRecord, recordId } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');

describe('ingen merknader and Til vurdering in the digest', () => {
  const noComments = { ...makeRecord({ seq: 1, subject: 'SV: Invitasjon til innspill', commitments: [] }), noComments: true };
  const unclassified = makeRecord({ seq: 2, subject: 'Innspill om noe annet', commitments: [] });
  const held = {
    ...makeRecord({ seq: 3, subject: 'Innspill til OGP', commitments: ['einnsyn'] }),
    review: {
      needed: true,
      reasons: ['sender-forged' as const],
      notes: [{ code: 'sender-forged' as const, text: 'avsenderen er ikke bekreftet: DMARC feilet for avsenderdomenet' }],
    },
  };
  const m = buildDigest([noComments, unclassified, held], rules, { since: null, now });

  it('lists a "no comments" reply under Ingen merknader, not as unclassified', () => {
    expect(m.sections.find((s) => s.id === 'ingen-merknader')!.entries.map((e) => e.id)).toEqual([recordId(1)]);
    expect(m.sections.find((s) => s.id === 'uklassifisert')!.entries.map((e) => e.id)).toEqual([recordId(2)]);
    const unplaced = m.needsAttention.find((g) => g.kind === 'unclassified')!;
    expect(unplaced.items.map((i) => i.recordId)).toEqual([recordId(2)]);
    expect(m.totals.perCommitment.find((r) => r.id === 'ingen-merknader')).toMatchObject({ title: 'Ingen merknader', total: 1 });
  });

  it('lists a message held for review under Til vurdering, with why', () => {
    const review = m.needsAttention.find((g) => g.kind === 'review')!;
    expect(review.items.map((i) => i.recordId)).toEqual([recordId(3)]);
    expect(review.items[0]!.detail).toContain('DMARC feilet');
    expect(review.items[0]!.detail).toContain('kvitteringen er holdt tilbake');
    const text = renderText(m);
    // Its receipt went out (it is not held): listed as unsure in the attention list, not under "Til vurdering".
    expect(text).toContain('Usikkert (en saksbehandler bør se på meldingen)');
    expect(text).not.toContain('TIL VURDERING');
    expect(text).toContain('Ingen merknader');
  });
});
