// Classes that spent-116, -117 and -119 (were sealed-116, -117 and -119, read on 2026-12-05)
// showed, written again in our own words: a hearing reply sent to another ministry with this one
// told it has a copy; "Forslag til ny forpliktelse:" and an imperative; a newspaper asking; a
// journalist asking why something "foreslås" (the ministry's proposal, not the sender's).
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();

describe('a hearing reply to another ministry, with a copy to this one', () => {
  it('is that ministry\'s case: no receipt, not filed', async () => {
    const s = await intake(
      mail({
        from: 'Eva Lid <eva.lid@arkivforeningen.no>',
        to: 'postmottak@kmd.dep.no',
        subject: 'Høring – endringer i arkivloven',
        body: 'Vi sender med dette vår høringsuttalelse til Kulturdepartementet om endringer i arkivloven. Dere får kopi siden endringene berører journalføringen i forvaltningen.\n\nVi støtter at e-post skal journalføres, men reglene må bli klarere.\n\nEva Lid',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});

describe('"Forslag til ny forpliktelse:" with an imperative', () => {
  it('is a proposal of a new commitment, not left unanswered', async () => {
    const s = await intake(
      mail({
        from: 'Kari Holm <kari.holm@gmail.com>',
        subject: 'Forslag!!',
        body: 'Hei!\n\nForslag til ny forpliktelse: Publiser alle statlige tilskudd i en åpen database, med mottaker og beløp.\n\nKari Holm',
      }),
      rules,
    );
    expect(s.relevant || s.review?.reasons.includes('relevance-uncertain')).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
  });
});

describe('the press', () => {
  it('a newspaper asking how many replies came in is a press enquiry', async () => {
    const s = await intake(
      mail({
        from: 'Ola Vik <ola.vik@bygdeposten.example.no>',
        subject: 'Spørsmål om strandsonen',
        body: 'Hei! Lokalavisa lurer på om dere har fått mange høringssvar om dispensasjoner i strandsonen. Kan noen ringe meg?\n\nOla Vik, Bygdeposten',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('"why is it proposed" asks about the ministry\'s proposal: the journalist proposes nothing', async () => {
    const s = await intake(
      mail({
        from: 'Siri Dahl <siri.dahl@nettavis.example.no>',
        subject: 'Spørsmål om byggesaksfrister',
        body: 'Hei,\n\nVi skriver en artikkel om byggesaker. Hvorfor foreslås det at fristen kortes ned til åtte uker?\n\nSiri Dahl',
      }),
      rules,
    );
    expect(s.relevance.reasons.some((r) => r.startsWith('en pressehenvendelse'))).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
