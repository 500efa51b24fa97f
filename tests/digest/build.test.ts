import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestModel } from '../../src/digest/build.js';
import { excerptOf } from '../../src/digest/sender-text.js';
import { consultationFixture, makeRecord, recordId } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const records = consultationFixture();
const now = new Date('2021-05-15T06:00:00Z'); // Saturday 08:00 in Oslo
const whole = buildDigest(records, rules, { since: null, now });

const section = (m: DigestModel, id: string) => m.sections.find((s) => s.id === id)!;
const ids = (m: DigestModel, id: string) => section(m, id).entries.map((e) => e.id);
const group = (m: DigestModel, kind: string) => m.needsAttention.find((g) => g.kind === kind)!;
const id = recordId;

describe('the digest model: sections and order', () => {
  it('lists the commitments in the plan’s order, then ny-forpliktelse, samskaping, ingen merknader and uklassifisert', () => {
    expect(whole.sections.map((s) => s.id)).toEqual([
      'ungdomspanel',
      'anskaffelser',
      'einnsyn',
      'journalforing',
      'kunstig-intelligens',
      'kulturdata',
      'plan-og-bygg',
      'antikorrupsjon',
      'reelle-rettighetshavere',
      'ny-forpliktelse',
      'samskaping',
      'ingen-merknader',
      'uklassifisert',
    ]);
    expect(section(whole, 'einnsyn')).toMatchObject({ title: 'eInnsyn', kind: 'commitment', ministry: 'KMD' });
    expect(section(whole, 'samskaping').kind).toBe('topic');
  });

  it('sorts within a commitment by sender category, then organisation (Norwegian order), then time received', () => {
    // departement (KMD), kommunesektor (KS twice, by time), media (NR), then the unknown senders by name
    expect(ids(whole, 'einnsyn')).toEqual([id(16), id(1), id(9), id(15), id(4), id(14), id(13)]);
    expect(ids(whole, 'reelle-rettighetshavere')).toEqual([id(3), id(2)]);
  });

  it('sorts names the Norwegian way: case does not matter, Æ Ø Å come after Z', () => {
    const names = ['Øystein Dahl', 'Zara Holm', 'ola nordmann', 'Aase Li', 'Bjørn Ek'];
    const m = buildDigest(
      names.map((name, i) => makeRecord({ seq: i + 1, from: `p${i}@example.org`, name, commitments: ['einnsyn'] })),
      rules,
      { since: null, now },
    );
    expect(section(m, 'einnsyn').entries.map((e) => e.sender.name)).toEqual(['Bjørn Ek', 'ola nordmann', 'Zara Holm', 'Øystein Dahl', 'Aase Li']);
  });

  it('shows a submission about several commitments under each, marked with the others', () => {
    for (const [sectionId, others] of [
      ['antikorrupsjon', ['reelle-rettighetshavere', 'ny-forpliktelse']],
      ['reelle-rettighetshavere', ['antikorrupsjon', 'ny-forpliktelse']],
      ['ny-forpliktelse', ['antikorrupsjon', 'reelle-rettighetshavere']],
    ] as const) {
      const entry = section(whole, sectionId).entries.find((e) => e.id === id(2))!;
      expect(entry.alsoUnder.map((o) => o.id)).toEqual(others);
    }
    const inJournal = section(whole, 'journalforing').entries[0]!;
    expect(inJournal.id).toBe(id(1));
    expect(inJournal.alsoUnder).toEqual([{ id: 'einnsyn', title: 'eInnsyn' }]);
    expect(inJournal.evidence.map((e) => e.term)).toEqual(['journalforing']);
    expect(section(whole, 'einnsyn').entries.find((e) => e.id === id(1))!.evidence.map((e) => e.term)).toEqual(['einnsyn']);
  });

  it('puts a submission about no commitment under uklassifisert, and keeps automatic and unreadable mail out', () => {
    expect(ids(whole, 'uklassifisert')).toEqual([id(6)]);
    const listed = whole.sections.flatMap((s) => s.entries.map((e) => e.id));
    for (const seq of [7, 8, 10]) expect(listed).not.toContain(id(seq));
  });
});

describe('the digest model: each entry', () => {
  const ks = section(whole, 'einnsyn').entries.find((e) => e.id === id(1))!;

  it('names the organisation and category, or the address and display name of an unknown sender', () => {
    expect(ks.sender).toMatchObject({
      organisation: 'Kommunesektorens interesse- og arbeidsgiverorganisasjon',
      shortName: 'KS',
      name: 'Kari Nordmann',
      address: 'postmottak@ks.no',
      categoryTitle: 'Kommunesektoren',
    });
    const unknown = section(whole, 'einnsyn').entries.find((e) => e.id === id(13))!;
    expect(unknown.sender).toMatchObject({ organisation: null, name: 'Åse Berg', address: 'aase.berg@gmail.com', categoryTitle: 'Ukjent avsender' });
  });

  it('gives the time received in Oslo time and marks late submissions', () => {
    expect(ks.receivedAt).toBe('10.05.2021 kl. 10:01');
    expect(ks.late).toBe(false);
    const late = section(whole, 'kulturdata').entries[0]!;
    expect(late).toMatchObject({ id: id(5), late: true, receivedAt: '19.05.2021 kl. 10:30' });
  });

  it('quotes the first two or three sentences of the sender’s own words, whitespace collapsed', () => {
    expect(ks.excerpt).toBe('KS støtter arbeidet med eInnsyn. Kommunene trenger bedre veiledning om journalføring. Vi foreslår at KS deltar i arbeidsgruppen.');
    const long = excerptOf(`${'Dette er en veldig lang setning om eInnsyn '.repeat(8)}. Og en til. ${'Ord '.repeat(200)}`);
    expect(long.length).toBeLessThanOrEqual(400);
    expect(excerptOf('Ett ord uten punktum')).toBe('Ett ord uten punktum');
    expect(excerptOf('  ')).toBe('');
    expect(excerptOf('Vi viser f.eks. til rapporten. Den er god. Den er lang. Den er grundig.')).toBe('Vi viser f.eks. til rapporten. Den er god. Den er lang.');
  });

  it('lists attachments with readable or not, and the follow-up links both ways', () => {
    expect(ks.attachments).toEqual([{ filename: 'Høringssvar KS – æøå.pdf', readable: true, problem: null }]);
    const hostile = section(whole, 'einnsyn').entries.find((e) => e.id === id(4))!;
    expect(hostile.attachments[0]).toMatchObject({ readable: false, problem: 'filen er kryptert og kunne ikke leses' });
    expect(ks.followedUpBy).toEqual([id(9)]);
    expect(section(whole, 'einnsyn').entries.find((e) => e.id === id(9))!.followUpOf).toBe(id(1));
  });
});

describe('the digest model: totals, needs attention, not replied', () => {
  it('counts per commitment (a submission under each of its commitments) and per sender category', () => {
    const perCommitment = Object.fromEntries(whole.totals.perCommitment.map((r) => [r.id, r.total]));
    expect(perCommitment).toMatchObject({ einnsyn: 7, journalforing: 1, 'reelle-rettighetshavere': 2, 'ny-forpliktelse': 1, uklassifisert: 1, anskaffelser: 0 });
    const perCategory = Object.fromEntries(whole.totals.perCategory.map((r) => [r.id, r.total]));
    expect(perCategory).toEqual({
      departement: 2,
      kommunesektor: 2,
      sivilsamfunn: 3,
      naeringsliv: 1,
      arbeidstaker: 1,
      media: 1,
      fagmiljo: 0,
      internasjonal: 0,
      ukjent: 3,
    });
    expect(whole.totals.submissions.total).toBe(13);
    expect(whole.totals.late.total).toBe(1);
  });

  it('flags unclassified, unknown senders, unreadable attachments and messages, receipts not delivered', () => {
    expect(group(whole, 'unclassified').items.map((i) => i.recordId)).toEqual([id(6)]);
    expect(group(whole, 'unknownSender').items.map((i) => i.recordId)).toEqual([id(4), id(13), id(14)]);
    expect(group(whole, 'unreadableAttachment').items).toMatchObject([{ recordId: id(4), detail: expect.stringContaining('filen er kryptert') }]);
    expect(group(whole, 'unreadableMessage').items.map((i) => i.recordId)).toEqual([id(10)]);
    const receipts = group(whole, 'receiptNotDelivered').items;
    expect(receipts.map((i) => i.recordId)).toEqual([id(6), id(12)]);
    expect(receipts[0]!.detail).toContain('550 mailbox unavailable');
    expect(receipts[1]!.detail).toContain('prøver igjen 12.05.2021 kl. 12:00');
  });

  it('names the organisations the invitation never reached, by domain or subdomain', () => {
    expect(group(whole, 'invitationBounce').items.map((i) => i.who)).toEqual(['Fagpressen', 'Landslaget for lokalaviser', 'ukjent@example.org']);
  });

  it('a bounce in the thread of a submission is its receipt coming back, not the invitation', () => {
    const m = buildDigest(
      [...records, makeRecord({ seq: 17, from: 'mailer-daemon@ks.no', automaticKind: 'bounce', bouncedRecipients: ['postmottak@ks.no'], followUpOf: id(1) })],
      rules,
      { since: null, now },
    );
    expect(group(m, 'invitationBounce').items).toHaveLength(3);
    expect(group(m, 'receiptNotDelivered').items.at(-1)).toMatchObject({ recordId: id(17), detail: expect.stringContaining('kom i retur') });
  });

  it('lists invited organisations that have not replied, across the whole store, with bounced invitations marked', () => {
    const names = whole.notReplied.map((o) => o.name);
    expect(names).toContain('Næringslivets hovedorganisasjon'); // only an out-of-office reply
    expect(names).not.toContain('Kommunesektorens interesse- og arbeidsgiverorganisasjon');
    expect(names).not.toContain('Transparency International Norge');
    expect(names).not.toContain('Kommunal- og moderniseringsdepartementet'); // the consulting ministry itself
    expect(whole.notReplied.find((o) => o.name === 'Fagpressen')!.invitationBounced).toBe(true);
    expect(whole.invitedCount).toBe(46);
    expect(whole.notReplied).toHaveLength(46 - 8);
    // A later digest covering only new mail still counts replies from before it.
    const later = buildDigest(records, rules, { since: null, now, seqAfter: 16 });
    expect(later.notReplied.map((o) => o.name)).toEqual(names);
  });

  it('counts the days left to the deadline: 0 on the day, negative after', () => {
    expect(whole.deadline).toEqual({ date: '18.05.2021', daysLeft: 3, text: '3 dager igjen til fristen 18.05.2021' });
    const onTheDay = buildDigest(records, rules, { since: null, now: new Date('2021-05-18T21:30:00Z') });
    expect(onTheDay.deadline.daysLeft).toBe(0);
    const after = buildDigest(records, rules, { since: null, now: new Date('2021-05-19T22:30:00Z') }); // 00:30 on the 20th in Oslo
    expect(after.deadline).toMatchObject({ daysLeft: -2, text: 'Fristen gikk ut 18.05.2021, for 2 dager siden' });
  });

  it('summarises automatic mail apart, per kind', () => {
    expect(whole.automatic.perKind.map((k) => [k.kind, k.total])).toEqual([
      ['out-of-office', 1],
      ['bounce', 1],
    ]);
    expect(whole.automatic.items.map((i) => i.id)).toEqual([id(7), id(8)]);
  });
});

describe('the digest model: what is new in this digest', () => {
  const period = buildDigest(records, rules, { since: new Date('2021-05-10T00:00:00Z'), now, seqAfter: 8 });

  it('takes the records after seqAfter as new, and says so in the subject', () => {
    expect(period.period).toMatchObject({ wholeConsultation: false, firstSeq: 9, lastSeq: 16 });
    expect(period.subject).toBe('Innspill OGP 4B – oversikt 15.05.2021 (7 nye)');
    expect(whole.subject).toBe('Innspill OGP 4B – oversikt 15.05.2021 (13 innspill)');
    const listed = new Set(period.sections.flatMap((s) => s.entries.map((e) => e.id)));
    expect([...listed].sort()).toEqual([9, 11, 12, 13, 14, 15, 16].map(id));
  });

  it('counts both new in the period and in total', () => {
    expect(period.totals.submissions).toEqual({ inPeriod: 7, total: 13 });
    expect(period.totals.perCommitment.find((r) => r.id === 'einnsyn')).toMatchObject({ inPeriod: 5, total: 7 });
  });

  it('lists new cases of per-submission problems, and every open receipt or bounce with the new ones marked', () => {
    const unknown = group(period, 'unknownSender');
    expect(unknown).toMatchObject({ scope: 'periode', inPeriod: 2, total: 3 });
    expect(unknown.items.map((i) => i.recordId)).toEqual([id(13), id(14)]);
    const receipts = group(period, 'receiptNotDelivered');
    expect(receipts).toMatchObject({ scope: 'totalt', inPeriod: 1, total: 2 });
    expect(receipts.items.map((i) => [i.recordId, i.isNew])).toEqual([
      [id(6), false],
      [id(12), true],
    ]);
  });

  it('can also take new as filed after a time', () => {
    // 2021-0005 was received (and filed) late, on 19 May; 2021-0010 is an unreadable message.
    const since = buildDigest(records, rules, { since: new Date('2021-05-11T00:00:00Z'), now });
    expect(since.period).toMatchObject({ firstSeq: 5, lastSeq: 10, description: 'Arkivert etter 11.05.2021 kl. 02:00' });
    expect(since.subject).toBe('Innspill OGP 4B – oversikt 15.05.2021 (2 nye)');
    const lateOnly = buildDigest(records, rules, { since: new Date('2021-05-19T00:00:00Z'), now });
    expect(lateOnly.subject).toBe('Innspill OGP 4B – oversikt 15.05.2021 (1 nytt)');
  });

  it('says "ingen nye" when nothing new was filed', () => {
    const empty = buildDigest(records, rules, { since: null, now, seqAfter: 16 });
    expect(empty.subject).toBe('Innspill OGP 4B – oversikt 15.05.2021 (ingen nye)');
    expect(empty.sections.every((s) => s.entries.length === 0)).toBe(true);
  });
});
