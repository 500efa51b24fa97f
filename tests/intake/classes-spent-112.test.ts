// Classes that spent-112 … -115 (were sealed-112 … -115, read on 2026-12-05) showed, written again
// in our own words: a sentence of the letter quoted in a line of one's own before a proposal on the
// process; a suggestion, a rhetorical question and "make it easier" as input; "the action plan" in
// the subject; an old input to an earlier hearing sent on; another ministry's plan for openness in
// its own sector, or its invitation to a strategy; hearing documents behind BankID as bait.
import { describe, expect, it } from 'vitest';
import { intake } from '../../src/intake/index.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const ids = (s: { commitments: Array<{ id: string }> }) => s.commitments.map((c) => c.id);

describe('a sentence of the letter quoted in one\'s own line', () => {
  it('ties the reply to the letter: a proposal on the process is input', async () => {
    const s = await intake(
      mail({
        from: 'Trine Moe <trine.moe@transparency.no>',
        subject: 'Om prosessen',
        body: 'Brevet sier: «Det er viktig at så mange som mulig får anledning til å spille inn i denne prosessen.» Da bør innspillene legges ut fortløpende, slik at andre kan kommentere dem.\n\nTrine Moe',
      }),
      rules,
    );
    expect(s.relevance.reasonCodes).toContain('quoted-letter-sentence');
    expect(s.relevant).toBe(true);
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.receipt.send).toBe(true);
  });

  it('the same line without the letter\'s sentence is no reply to it', async () => {
    const s = await intake(
      mail({
        from: 'Trine Moe <trine.moe@transparency.no>',
        subject: 'Om prosessen',
        body: 'Brevet sier: «Vi håper på mange gode forslag fra alle som er interessert i saken.» Da bør innspillene legges ut fortløpende, slik at andre kan kommentere dem.\n\nTrine Moe',
      }),
      rules,
    );
    expect(s.relevance.reasonCodes).not.toContain('quoted-letter-sentence');
  });
});

describe('input in everyday words', () => {
  it('a suggestion ("kanskje panelet kan …") from a young person is input on the youth panel', async () => {
    const s = await intake(
      mail({
        from: 'Jonas <jonas.lie2004@hotmail.com>',
        subject: 'panelet',
        body: 'hei jeg er 16 og vil gjerne være med i ungdomspanelet. kanskje panelet kan holde møter på nett så flere kan være med?\n\njonas',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('ungdomspanel');
    expect(s.receipt.send).toBe(true);
  });

  it('a rhetorical question with its own subject and "make it easier" are a proposal on eInnsyn', async () => {
    const s = await intake(
      mail({
        from: 'Lise Berg <lise.berg@gmail.com>',
        subject: 'Forslag',
        body: 'Hei. Kan ikke journalister få varsel når nye dokumenter kommer i eInnsyn? Og gjør søket enklere, det er vanskelig å finne fram.\n\nLise',
      }),
      rules,
    );
    expect(s.relevant).toBe(true);
    expect(ids(s)).toContain('einnsyn');
    expect(s.receipt.send).toBe(true);
  });

  it('"the action plan" in the subject with a proposal in nynorsk is not left unanswered', async () => {
    const s = await intake(
      mail({
        from: 'Olav Hauge <olav.hauge@online.example.no>',
        subject: 'Innspel til handlingsplanen',
        body: 'Eg har eit framlegg: Alle bystyremøte bør strøymast og leggjast ut med teksting, slik at fleire kan fylgje med.\n\nOlav Hauge',
      }),
      rules,
    );
    expect(s.consultation?.id).toBe('ogp-4b');
    expect(s.relevant || s.review?.reasons.includes('relevance-uncertain')).toBe(true);
    expect(ids(s).length > 0 || s.review?.needed === true).toBe(true);
  });
});

describe('mail that is no input', () => {
  it('an old input to an earlier hearing sent on "til orientering"', async () => {
    const s = await intake(
      mail({
        from: 'Knut Ask <knut.ask@gmail.com>',
        subject: 'VS: Høring om dispensasjoner 2014',
        body: 'Sender mitt gamle høringssvar om dispensasjoner fra 2014, til orientering.\n\n---------- Videresendt melding ----------\nDispensasjoner må bli sjeldnere.',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('another ministry\'s action plan for openness in its own sector', async () => {
    const s = await intake(
      mail({
        from: 'Siv Lund <siv.lund@kud.dep.no>',
        subject: 'Innspill til handlingsplan for åpenhet i kultursektoren',
        body: 'Hei,\n\nKUD ber om innspill til arbeidet med åpenhet i tilskuddsforvaltningen. Frist 1. juni.\n\nSiv Lund',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('another ministry inviting input to its own strategy', async () => {
    const s = await intake(
      mail({
        from: 'Ole Bakke <ole.bakke@jd.dep.no>',
        subject: 'Invitasjon til innspill – ny strategi',
        body: 'Departementet inviterer til innspill til en ny strategi mot hvitvasking og korrupsjon i næringslivet. Frist 1. oktober.\n\nOle Bakke',
      }),
      rules,
    );
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });

  it('hearing documents behind "our secure portal" and BankID, from a look-alike domain, are bait', async () => {
    const s = await intake(
      mail({
        from: 'Høringssekretariatet <post@regjeringen-dokumenter.example.com>',
        subject: 'Oppdaterte høringsdokumenter 21/345',
        body: 'Dokumentene i høringen er oppdatert. Hent dem via vår sikre portal med BankID:\nhttps://regjeringen-dokumenter.example.com/\n\nHøringssekretariatet',
      }),
      rules,
    );
    expect(s.suspicious).toBe(true);
    expect(s.relevant).toBe(false);
    expect(s.receipt.send).toBe(false);
  });
});
