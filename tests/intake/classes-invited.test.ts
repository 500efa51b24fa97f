// An organisation the letter invited gives its view on one commitment, from its own address, in a
// new thread and a few lines: that is its input (it was asked for it), receipted, and late when it
// comes after the deadline ("Sent innspill, beklager"). Read from spent-33 and spent-11, written
// again in our own words. Not so for another ministry's own business in the plan's words, and the
// invitation does not pull a message about another consultation to the one that invited it.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);
const AFTER_OGP_DEADLINE = ['from smtp.example by mx01.dep.no; Mon, 24 May 2021 09:12:00 +0200'];

describe("an invited organisation's few lines on one commitment", () => {
  const late = (from: string, body: string) => intake(mail({ received: AFTER_OGP_DEADLINE, from, subject: 'Sent innspill', body }), rules);

  it('OGP: "Sent innspill" from an invited organisation with its view on one commitment is input, receipted and late', async () => {
    for (const body of ['Beklager sent svar. Vi mener eInnsyn bør bli gratis.\n\nIda Berg\n', 'Beklager sent svar. Vi støtter ungdomspanelet.\n\nIda Berg\n']) {
      const s = await late('Ida Berg <ida.berg@fagpressen.no>', body);
      expect(s.sender.organisation, body).toBe('Fagpressen');
      expect(s.consultation?.id, body).toBe('ogp-4b');
      expect(s.relevant, body).toBe(true);
      expect(s.receipt.send, body).toBe(true);
      expect(s.late, body).toBe(true);
    }
  });

  it('the same lines from a sender nobody invited, at no private mail service: not taken for input on so little', async () => {
    const s = await late('Ida Berg <ida.berg@mediehuset.example.no>', 'Beklager sent svar. Vi mener eInnsyn bør bli gratis.\n\nIda Berg\n');
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('the hearing: an invited organisation’s opinion on one proposal, new thread, is its hearing reply', async () => {
    const body = 'Hei\n\nVi mener byggesaksfristene bør gjelde også dispensasjoner.\n\nOle Vik\n';
    const s = await intake(mail({ from: 'Ole Vik <ole.vik@boligprodusentene.no>', subject: 'Frister', body }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.relevant).toBe(true);
    expect(s.receipt.send).toBe(true);
    // Not invited to the hearing: not taken for its reply on these few words.
    const other = await intake(mail({ from: 'Ole Vik <ole.vik@mediehuset.example.no>', subject: 'Frister', body }), rules);
    expect(other.receipt.send).toBe(false);
  });

  it("another ministry's call for measures in its own plan, in the plan's words, is not input: no receipt", async () => {
    const s = await intake(
      mail({
        from: 'Siri Lund <siri.lund@kud.dep.no>',
        subject: 'Forslag til tiltak – strategi for frivilligheten',
        body: 'Hei\n\nKulturdepartementet lager en ny strategi for frivilligheten. Vi ber departementet om forslag til tiltak, særlig om åpenhet i offentlige anskaffelser og samarbeid med sivilsamfunnet. Frist 10. juni.\n\nSiri Lund\n',
      }),
      rules,
    );
    expect(s.receipt.send).toBe(false);
    expect(s.relevant).toBe(false);
  });

  it('invited to one consultation, writing on both: the words decide, not the invitation (left between the two, not pulled to the inviting one)', async () => {
    // Abelia is on OGP's list, not the hearing's. Its few words on open procurement data and, "til
    // pbl-høringen", on digital plan proposals address both: the points for being invited to OGP
    // do not outweigh its words on the hearing.
    const s = await intake(
      mail({
        from: 'Hanne Dahl <hanne.dahl@abelia.no>',
        subject: 'Innspill digitalisering',
        body: 'Vi støtter at innkjøpsdata publiseres åpent.\nOg til pbl-høringen: vi støtter digitale planforslag.\nHanne Dahl',
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
    expect([s.consultation?.id, ...(s.otherConsultations ?? []).map((o) => o.id)].sort()).toEqual(['ogp-4b', 'pbl-2021']);
    expect(s.receipt.send).toBe(true);
  });
});
