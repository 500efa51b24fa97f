// A digest is one e-mail (issue 17): a section lists at most ENTRIES_PER_SECTION submissions, the
// last filed, and counts the rest under it; the heading and the totals at the top count them all.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { ENTRIES_PER_SECTION } from '../../src/digest/sections.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderMarkdown } from '../../src/digest/render-md.js';
import { renderText } from '../../src/digest/render-text.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const MANY = ENTRIES_PER_SECTION + 30;
// Many submissions about eInnsyn (received in the opposite order of filing), three about journalføring.
const records = [
  ...Array.from({ length: MANY }, (_, i) => makeRecord({ seq: i + 1, commitments: ['einnsyn'], receivedAt: new Date(Date.UTC(2021, 4, 10, 8, 0) - i * 60_000).toISOString() })),
  ...Array.from({ length: 3 }, (_, i) => makeRecord({ seq: MANY + i + 1, commitments: ['journalforing'] })),
];

describe('a digest section over many submissions', () => {
  const m = buildDigest(records, rules, { since: null, now });
  const einnsyn = m.sections.find((s) => s.id === 'einnsyn')!;
  const journal = m.sections.find((s) => s.id === 'journalforing')!;

  it('shows the last filed ones and counts the rest', () => {
    expect(einnsyn.entries).toHaveLength(ENTRIES_PER_SECTION);
    expect(einnsyn.more).toBe(MANY - ENTRIES_PER_SECTION);
    const shown = new Set(einnsyn.entries.map((e) => e.id));
    const lastFiled = records.slice(MANY - ENTRIES_PER_SECTION, MANY).map((r) => r.id);
    expect([...shown].sort()).toEqual([...lastFiled].sort());
    expect(journal.entries).toHaveLength(3);
    expect(journal.more).toBe(0);
    expect(m.totals.perCommitment.find((t) => t.id === 'einnsyn')!.total).toBe(MANY);
  });

  it('keeps the section\'s order (here: time received) among those shown', () => {
    const received = einnsyn.entries.map((e) => records.find((r) => r.id === e.id)!.receivedAt!);
    expect(received).toEqual([...received].sort());
  });

  it('says so in every format, with the whole count in the heading', () => {
    const more = `… og ${MANY - ENTRIES_PER_SECTION} innspill til her som ikke er vist`;
    for (const out of [renderText(m), renderMarkdown(m), renderHtml(m, digestTemplateFor(rules))]) {
      expect(out).toContain(`${MANY} innspill`);
      expect(out).toContain(more);
      expect(out.split(more)).toHaveLength(2);
    }
  });
});

describe('a capped section over senders of every kind', () => {
  // Organisations of several categories, a private person, and some with no time received: only
  // the shown ones are sorted, so their order must be the one they had among all of the section.
  const from = ['post@abelia.no', 'post@amnesty.no', 'post@advokatforeningen.no', 'kari@example.org', 'postmottak@bld.dep.no', 'post@spekter.no', 'ola@example.net'];
  const mixed = Array.from({ length: MANY }, (_, i) =>
    makeRecord({ seq: i + 1, from: from[(i * 5) % from.length]!, commitments: ['einnsyn'], receivedAt: i % 9 === 0 ? null : new Date(Date.UTC(2021, 4, 10, 8, 0) + ((i * 37) % 61) * 60_000).toISOString() }),
  );
  const m = buildDigest(mixed, rules, { since: null, now });
  const section = m.sections.find((s) => s.id === 'einnsyn')!;

  it('shows the last filed in the order of category, organisation or name, time received and filing', () => {
    const categories = rules.consultation.senderCategories.map((k) => k.id);
    const collator = new Intl.Collator('nb');
    const nameOf = (r: (typeof mixed)[number]) => r.sender.organisation ?? (r.from?.name || r.from?.address || '');
    const rank = (r: (typeof mixed)[number]) => categories.indexOf(categories.includes(r.sender.category) ? r.sender.category : 'ukjent');
    const time = (r: (typeof mixed)[number]) => (r.receivedAt ? Date.parse(r.receivedAt) : Infinity);
    const all = [...mixed].sort((a, b) => rank(a) - rank(b) || collator.compare(nameOf(a), nameOf(b)) || time(a) - time(b) || a.seq - b.seq);
    const lastFiled = new Set(mixed.slice(MANY - ENTRIES_PER_SECTION).map((r) => r.id));
    expect(section.entries.map((e) => e.id)).toEqual(all.filter((r) => lastFiled.has(r.id)).map((r) => r.id));
    expect(new Set(section.entries.map((e) => e.sender.categoryId)).size).toBeGreaterThan(2);
  });
});
