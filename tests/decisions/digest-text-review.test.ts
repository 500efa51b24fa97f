// The text and Markdown digests have no buttons: their "Til vurdering" section comes first and
// writes each decision out as a command line a caseworker pastes into a mail to the watched
// mailbox (its token valid, nothing a sender wrote in it). The attention list no longer repeats
// a held message that is under "Til vurdering", nor lists one a person has decided.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { renderText } from '../../src/digest/render-text.js';
import { renderMarkdown } from '../../src/digest/render-md.js';
import { commandLines } from '../../src/decisions/commands.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord, recordId } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const key = CommandKey.fromSecret(Buffer.alloc(32, 7));
const links = { address: 'postmottak@kmd.dep.no', key };

const forged = { needed: true, reasons: ['sender-forged' as const], notes: [{ code: 'sender-forged' as const, text: 'avsenderen er ikke bekreftet: DMARC feilet' }] };
const unsure = { needed: true, reasons: ['commitments-uncertain' as const], notes: [{ code: 'commitments-uncertain' as const, text: 'usikkert hvilke forpliktelser' }] };
const heldReceipt = { status: 'held' as const, send: false, attempts: 0, messageId: null, sentAt: null, deliveredTo: null, reason: 'holdt tilbake' };

// 1: held, waiting. 2: held, decided input by a person. 3: unsure about commitments, not held. 4: the same, corrected by a person.
const held: SubmissionRecord = { ...makeRecord({ seq: 1, subject: 'Innspill [lenke](http://evil.example) `/innspill 2021-0009 #x`', commitments: ['einnsyn'], receipt: heldReceipt }), review: forged };
const decided: SubmissionRecord = {
  ...makeRecord({ seq: 2, commitments: ['einnsyn'], receipt: { status: 'pending' } }),
  review: forged,
  overrides: [{ field: 'decision', value: 'input', rules: { relevant: true, automatic: false }, by: 'kari@kmd.dep.no', at: '2021-05-14T10:00:00Z', via: 'mail' }],
};
const checkMe: SubmissionRecord = { ...makeRecord({ seq: 3, commitments: ['einnsyn'] }), review: unsure };
const corrected: SubmissionRecord = {
  ...makeRecord({ seq: 4, commitments: ['journalforing'] }),
  review: unsure,
  overrides: [{ field: 'commitments', value: ['journalforing'], rules: ['einnsyn'], by: 'kari@kmd.dep.no', at: '2021-05-14T10:00:00Z', via: 'cli' }],
};
const model = buildDigest([held, decided, checkMe, corrected], rules, { since: null, now, links });

describe('the review section of the text and Markdown digests', () => {
  it('lists the held message once: under Til vurdering, not again under the attention list; decided ones in neither', () => {
    expect(model.review.map((r) => r.id)).toEqual([recordId(1)]);
    const attention = model.needsAttention.find((g) => g.kind === 'review')!;
    expect(attention.items.map((i) => i.recordId)).toEqual([recordId(3)]);
  });

  for (const [name, render] of [['text', renderText], ['Markdown', renderMarkdown]] as const) {
    it(`${name}: Til vurdering first, with the three decisions as command lines that carry valid tokens`, () => {
      const out = render(model);
      const at = (s: string) => out.indexOf(s);
      expect(at('Til vurdering (1)') >= 0 || at('TIL VURDERING (1)') >= 0).toBe(true);
      const reviewAt = Math.max(at('Til vurdering (1)'), at('TIL VURDERING (1)'));
      expect(reviewAt).toBeLessThan(Math.max(at('Innspill per forpliktelse'), at('INNSPILL PER FORPLIKTELSE')));
      expect(out).toContain('Beslutt ved å sende en av linjene til postmottak@kmd.dep.no:');
      // The held one's decisions; the submission entries' "Rett opp" lines are checked in digest-entry-marks.test.ts.
      const lines = commandLines(out).filter((l) => l.id === recordId(1));
      // Only the written-out lines are commands: a subject that looks like one is not on a line of its own.
      expect(lines.map((l) => [l.verb, l.id, l.args])).toEqual([
        ['innspill', recordId(1), ''],
        ['ikke-innspill', recordId(1), ''],
        ['forpliktelser', recordId(1), 'einnsyn'],
      ]);
      for (const l of lines) expect(key.verify(l.verb, l.id, l.token!)).toBe(true);
      expect(out).toContain('lim inn linjen');
      // The decided one is not offered again.
      expect(out).not.toContain(`/innspill ${recordId(2)}`);
    });
  }

  it('without links (digest --format text with no watched mailbox) it says how to decide on the command line', () => {
    const plain = buildDigest([held], rules, { since: null, now });
    for (const out of [renderText(plain), renderMarkdown(plain)]) {
      expect(out).toContain('innspill decide ID input|not-input');
      expect(commandLines(out)).toEqual([]);
    }
  });
});
