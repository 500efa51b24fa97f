// Classes that spent-92 and spent-95 (were sealed-92 and -95, read on 2026-12-05) showed, written
// again in our own words: an invited organisation's opinion on procurement that speaks of bidders;
// a proposal put as a question with the subject first ("Kan dere ikke …?"); one mail with a part
// headed for each consultation.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id).sort();

describe('input that looked like other business', () => {
  it('an invited organisation that "mener" something of procurement and speaks of bidders\' offers: input, receipted', async () => {
    const s = await intake(
      mail({
        from: 'Lene Sørli <lene.sorli@nho.no>',
        subject: 'NHO om offentlige anskaffelser',
        body: 'NHO mener den heldigitale anskaffelsesprosessen også må gjøre det enkelt for små leverandører å levere tilbud elektronisk.\n\nLene Sørli\nNHO',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(ids(s)).toEqual(['anskaffelser']);
  });

  it('a proposal put as a question with the subject first ("Kan dere ikke kreve …?"): input, not a question to answer', async () => {
    const s = await intake(
      mail({
        from: 'Rolf Ness <rolf.ness@hotmail.com>',
        subject: 'eInnsyn',
        body: 'Det tar lang tid før dokumentene kommer i eInnsyn. Kan dere ikke kreve en kortere frist? Det ville vært et godt tiltak i handlingsplanen.\n\nRolf',
      }),
      rules,
    );
    // Not left in the inbox as a question for the ordinary handling: filed, for a receipt or a person.
    expect(s.relevance.reasonCodes).not.toContain('correspondence');
    expect(s.relevant).toBe(true);
  });
});

describe('one mail with a part headed for each consultation', () => {
  it('is input to both: receipted, and held for a person to file under each', async () => {
    const s = await intake(
      mail({
        from: 'Tor Lid <tor.lid@gmail.com>',
        subject: 'Innspill',
        body: 'Hei.\n\nTil lovendringen: tolv ukers frist i byggesaker er for lang, kommunen min bruker mye kortere tid.\n\nTil handlingsplanen: algoritmer som brukes i vedtak om sosialhjelp må kunne etterprøves.\n\nTor Lid',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    expect(s.review?.reasons).toContain('consultation-uncertain');
    const named = [s.consultation?.id, ...(s.otherConsultations ?? []).map((o) => o.id)].sort();
    expect(named).toEqual(['ogp-4b', 'pbl-2021']);
  });
});
