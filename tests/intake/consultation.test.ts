// Routing a message to one of several consultations (intake/consultation.ts), in the order of
// certainty, with the project's two consultations (OGP 4B and the Planning and Building Act hearing).
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { reviewHoldsMessage, reviewHoldsReceipt } from '../../src/intake/review.js';
import { routeConsultation } from '../../src/intake/consultation.js';
import { rulesFor } from '../../src/rules/views.js';
import type { Rules } from '../../src/rules/types.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const PBL_INVITATION = rulesFor(rules, 'pbl-2021').consultation.invitationMessageIds[0]!;
const OGP_INVITATION = rulesFor(rules, 'ogp-4b').consultation.invitationMessageIds[0]!;

const HEARING_TEXT = 'Vi støtter forslaget om å korte ned saksbehandlingsfristen for byggesaker til åtte uker, og en felles løsning for nabovarsling.\n\nHilsen\nKari\n';
const OGP_TEXT = 'Vi har innspill til OGP handlingsplan 4B: forpliktelsen om eInnsyn bør omfatte kommunene.\n\nHilsen\nKari\n';

/** A view of the project's rules with one consultation changed (archived, deadline …). */
function withConsultation(id: string, change: (c: Rules['consultation']) => Partial<Rules['consultation']>): Rules {
  const consultations: Rules[] = [];
  for (const v of rules.consultations) consultations.push(v.consultation.id === id ? { ...v, consultation: { ...v.consultation, ...change(v.consultation) }, consultations } : { ...v, consultations });
  return consultations.find((v) => v.consultation.id === rules.routing.default)!;
}

describe('routing to a consultation', () => {
  it('a reply in the thread of the hearing’s invitation is the hearing’s, whatever its words', async () => {
    const s = await intake(mail({ subject: 'SV: Høring', headers: { 'In-Reply-To': PBL_INVITATION }, body: OGP_TEXT }), rules);
    expect(s.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'thread' } });
    const o = await intake(mail({ subject: 'SV: OGP', headers: { 'In-Reply-To': OGP_INVITATION }, body: HEARING_TEXT }), rules);
    expect(o.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'thread' } });
  });

  it('a reply to a filed submission goes with that submission’s consultation; one filed before several is the default one’s', async () => {
    const known = new Map([
      ['<a@ks.no>', 'pbl-2021'],
      ['<b@ks.no>', ''],
    ]);
    const knownThreadIds = { has: (id: string) => known.has(id), consultationOf: (id: string) => known.get(id) ?? null };
    const s = await intake(mail({ subject: 'SV: vårt innspill', headers: { 'In-Reply-To': '<a@ks.no>' }, body: 'Et tillegg til innspillet vårt om plan- og bygningsloven.\n' }), rules, { knownThreadIds });
    expect(s.consultation?.id).toBe('pbl-2021');
    const o = await intake(mail({ subject: 'SV: vårt innspill', headers: { 'In-Reply-To': '<b@ks.no>' }, body: 'Et tillegg til innspillet vårt om eInnsyn i OGP-planen.\n' }), rules, { knownThreadIds });
    expect(o.consultation?.id).toBe('ogp-4b');
  });

  it('the case number in the subject, then in the text, decides before the words do', async () => {
    const s = await intake(mail({ subject: 'Høringssvar 21/345', body: OGP_TEXT.replace('OGP handlingsplan 4B', 'planen') }), rules);
    expect(s.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'case-number' } });
    const t = await intake(mail({ subject: 'Innspill', body: `Vår ref. 2017/1886.\n\n${HEARING_TEXT}` }), rules);
    expect(t.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'case-number' } });
  });

  it('mail to the hearing’s own address, or to postmottak+pbl, is the hearing’s', async () => {
    for (const to of ['hoering-pbl@kmd.dep.no', 'Postmottak <postmottak+pbl@kmd.dep.no>']) {
      const s = await intake(mail({ to, subject: 'Uttalelse', body: 'Kommunen støtter forslaget om digital planbehandling og en nasjonal plandialog.\n' }), rules);
      expect(s.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'address' } });
      expect(s.relevant).toBe(true);
    }
  });

  it('by content alone, the consultation whose terms the message uses', async () => {
    const s = await intake(mail({ subject: 'Høringssvar – plan- og bygningsloven', body: HEARING_TEXT }), rules);
    expect(s.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'content' } });
    expect(s.commitments.map((c) => c.id)).toContain('byggesaksfrister');
    const o = await intake(mail({ subject: 'Innspill til OGP', body: OGP_TEXT }), rules);
    expect(o.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'content' } });
  });

  it('input that could be either is receipted and left in the inbox with consultation-uncertain, under one consultation only', async () => {
    const s = await intake(mail({ subject: 'Innspill til sakene 17/1886 og 21/345', body: 'Digitale plan- og byggesaksprosesser må bygge på åpne standarder for plandata.\n' }), rules);
    expect(s.review?.reasons).toContain('consultation-uncertain');
    // A receipt is due whichever consultation it is; only where it is filed waits for a person.
    expect(s.receipt).toMatchObject({ send: true, code: 'send' });
    expect(reviewHoldsMessage(s.review)).toBe(true);
    expect(reviewHoldsReceipt(s.review)).toBe(false);
    expect(typeof s.consultation?.id).toBe('string');
    expect(s.consultation?.reason.code).toBe('uncertain');
  });

  it('input to both, held: the record names the other consultation with what its words address there, and the reason names both', async () => {
    const s = await intake(
      mail({
        subject: 'Innspill til OGP handlingsplan 4B og høringen om plan- og bygningsloven',
        body: 'Til OGP handlingsplan 4B: forpliktelsen om eInnsyn bør omfatte kommunene, med fulltekst i offentlig journal.\n\nTil høringen om plan- og bygningsloven: vi støtter at fristen for byggesaker kortes ned til åtte uker.\n\nHilsen\nKari\n',
      }),
      rules,
    );
    expect(s.review?.reasons).toContain('consultation-uncertain');
    const chosen = s.consultation!.id;
    const other = chosen === 'ogp-4b' ? 'pbl-2021' : 'ogp-4b';
    expect(s.otherConsultations?.map((o) => o.id)).toEqual([other]);
    const ids = [...s.commitments, ...s.otherConsultations!.flatMap((o) => o.commitments)].map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['einnsyn', 'byggesaksfrister']));
    expect(s.consultation!.reason.text).toMatch(/einnsyn/);
    expect(s.consultation!.reason.text).toMatch(/byggesaksfrister/);
  });

  it('a message routed to one consultation names no other', async () => {
    const s = await intake(mail({ subject: 'Innspill til OGP handlingsplan 4B', body: OGP_TEXT }), rules);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.otherConsultations).toBeUndefined();
  });

  it('mail for neither stays unrelated, with no consultation', async () => {
    const s = await intake(mail({ subject: 'Faktura 1234', body: 'Vedlagt faktura for kurs i plan- og bygningsloven.\n' }), rules);
    expect(s.relevant).toBe(false);
    expect(s.consultation).toBeNull();
    expect(s.receipt.code).toBe('unrelated');
  });

  it('judges by the chosen consultation: its commitments, its deadline', async () => {
    // 1 June: after OGP's deadline (18 May), before the hearing's (4 June).
    const received = ['from mx.example.org by mx01.dep.no; Tue, 1 Jun 2021 10:00:00 +0200'];
    const s = await intake(mail({ subject: 'Høringssvar 21/345', received, date: 'Tue, 1 Jun 2021 09:59:00 +0200', body: HEARING_TEXT }), rules);
    expect(s.consultation?.id).toBe('pbl-2021');
    expect(s.late).toBe(false);
    const o = await intake(mail({ subject: 'Innspill 17/1886', received, date: 'Tue, 1 Jun 2021 09:59:00 +0200', body: OGP_TEXT }), rules);
    expect(o.consultation?.id).toBe('ogp-4b');
    expect(o.late).toBe(true);
  });

  it('an archived consultation is switched off: its mail belongs to none', async () => {
    const archived = withConsultation('pbl-2021', () => ({ archived: true }));
    const s = await intake(mail({ subject: 'Høringssvar 21/345 – plan- og bygningsloven', body: HEARING_TEXT }), archived);
    expect(s.consultation?.id).not.toBe('pbl-2021');
    expect(s.relevant).toBe(false);
  });

  it('a closed consultation still takes its certain mail (marked late), but gives way to an open one on content alone', async () => {
    // OGP closed long before this message; the hearing is open.
    const received = ['from mx.example.org by mx01.dep.no; Tue, 1 Jun 2021 10:00:00 +0200'];
    const closed = withConsultation('ogp-4b', (c) => ({ closesAt: new Date(c.deadlineAt.getTime()) }));
    const byCase = await intake(mail({ subject: 'Innspill 17/1886', received, body: OGP_TEXT }), closed);
    expect(byCase).toMatchObject({ consultation: { id: 'ogp-4b' }, late: true, relevant: true });
    const view = routeConsultation({
      message: { isMail: true, headers: new Map(), inReplyTo: null, references: [], subject: 'Digitale plan- og byggesaksprosesser', text: '', reportText: '', forwarded: [], receivedDates: [new Date('2021-06-01T08:00:00Z')], date: null } as never,
      own: { text: '', letterLines: 0, letterLinesBy: {}, letterQuotesBy: {}, signature: null, forwardedFrom: null },
      texts: { mail: null, segments: [], whole: [] } as never,
      automatic: { kind: null } as never,
      sender: { sender: { organisation: null }, problems: [] } as never,
      thread: { inThread: false, consultation: null },
      rules: closed,
      options: {},
    });
    expect(view.rules.consultation.id).toBe('pbl-2021');
  });

  it('mail that no open consultation takes is judged against the closed ones: a late reply is filed as late, not left unread', async () => {
    // OGP closed before this message; the hearing is open but the words are not its.
    const received = ['from mx.example.org by mx01.dep.no; Wed, 2 Jun 2021 09:30:00 +0200'];
    const closed = withConsultation('ogp-4b', (c) => ({ closesAt: new Date(c.deadlineAt.getTime()) }));
    const body = 'Hei,\n\nVi er litt sent ute, men her er våre innspill: veiledningen om journalføring bør si tydelig at beskjeder i Teams og på SMS som gjelder en sak, skal journalføres.\n\nHilsen\nKari\n';
    const s = await intake(mail({ subject: 'Sent innspill', received, date: 'Wed, 2 Jun 2021 09:29:00 +0200', body }), closed);
    expect(s).toMatchObject({ consultation: { id: 'ogp-4b', reason: { code: 'content' } }, late: true, relevant: true });
    expect(s.commitments.map((c) => c.id)).toEqual(['journalforing']);
    // Mail for neither stays unrelated, closed consultations judged or not.
    const none = await intake(mail({ subject: 'Faktura 4411', received, body: 'Vedlagt faktura for kurset i mai.\n' }), closed);
    expect(none.consultation).toBeNull();
    expect(none.relevant).toBe(false);
  });

  it('input to both, each named in words of the sender’s own ("åpenhetsplanen", "lovhøringen"), is held between them', async () => {
    for (const body of [
      'Hei,\n\nVi har to innspill. Til handlingsplan 4B: eInnsyn bør bli obligatorisk for alle kommuner, også de minste. Til lovhøringen: vi støtter en felles digital løsning for nabovarsling.\n\nHilsen\nKari\n',
      'Hei,\n\nVi har to innspill. Til åpenhetsplanen: eInnsyn bør bli obligatorisk for alle kommuner, også de minste. Til høringen om plan- og bygningsloven: vi støtter en felles digital løsning for nabovarsling.\n\nHilsen\nKari\n',
    ]) {
      const s = await intake(mail({ subject: 'To innspill', body }), rules);
      expect(s.consultation?.reason.code, body).toBe('uncertain');
      expect(s.review?.reasons).toContain('consultation-uncertain');
    }
    // One of those words alone names nothing: a single consultation's input goes where its content says.
    const one = await intake(mail({ subject: 'Innspill', body: 'Hei,\n\nTil lovhøringen: vi støtter en felles digital løsning for nabovarsling og kortere frister i byggesaker.\n\nHilsen\nKari\n' }), rules);
    expect(one.consultation).toMatchObject({ id: 'pbl-2021', reason: { code: 'content' } });
  });

  it('with one consultation, everything routes to it as before (no choice to make)', async () => {
    const one: Rules[] = [];
    const ogp = { ...rulesFor(rules, 'ogp-4b'), consultations: one };
    one.push(ogp);
    const o = await intake(mail({ subject: 'Innspill til OGP', body: OGP_TEXT }), ogp);
    expect(o.consultation).toMatchObject({ id: 'ogp-4b', reason: { code: 'content' } });
    const s = await intake(mail({ subject: 'Faktura 1234', body: 'Vedlagt faktura.\n' }), ogp);
    expect(s.consultation).toBeNull();
    expect(s.receipt.reason).toBe('ingen kvittering: meldingen gjelder ikke innspillsrunden til OGP handlingsplan 4B');
  });
});
