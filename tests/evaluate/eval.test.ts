// The eval code on small sets of our own (never the sealed set): counts behind every figure, no
// 0/0 shown as 100 %, the held and ignored input counted, and nothing of a quiet set printed.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { score, readLabelFile, type Found, type Label } from '../../src/evaluate/labels.js';
import { formatMisses, formatTable, pct } from '../../src/evaluate/report.js';
import { evaluateSet } from '../../src/evaluate/run.js';
import { poolScores } from '../../src/evaluate/pool.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';

const CLASSES = ['einnsyn', 'kulturdata'];

function label(over: Partial<Label>): Label {
  return {
    file: 'x.eml',
    relevant: true,
    automatic: false,
    organisation: null,
    category: 'ukjent',
    commitments: [],
    language: 'nb',
    late: false,
    receipt: true,
    ...over,
  };
}

function found(over: Partial<Found>): Found {
  return {
    relevant: true,
    automatic: false,
    automaticKind: null,
    organisation: null,
    category: 'ukjent',
    commitments: [],
    language: 'nb',
    late: false,
    receipt: true,
    held: false,
    receiptHeld: false,
    noComments: false,
    suspicious: false,
    bouncedRecipients: [],
    attachments: [],
    ...over,
  };
}

describe('scores', () => {
  const s = score(
    [
      { label: label({ file: 'a.eml', commitments: ['einnsyn'] }), found: found({ commitments: ['einnsyn'] }) },
      // Input nobody acknowledged and nobody was asked about.
      { label: label({ file: 'b.eml', commitments: ['einnsyn'] }), found: found({ receipt: false, relevant: false }) },
      // Input held for a person: not ignored.
      { label: label({ file: 'c.eml' }), found: found({ receipt: false, held: true, receiptHeld: true }) },
      // A receipt to unrelated mail.
      { label: label({ file: 'd.eml', relevant: false, receipt: false }), found: found({ receipt: true }) },
    ],
    CLASSES,
  );

  it('counts the examples behind each figure and never shows 0/0 as 100 %', () => {
    const kultur = s.perLabel.find((c) => c.id === 'kulturdata')!;
    expect(Number.isNaN(kultur.precision) && Number.isNaN(kultur.recall) && Number.isNaN(kultur.f1)).toBe(true);
    const table = formatTable([{ name: 'development', scores: s }], CLASSES);
    const kulturLine = table.split('\n').find((l) => l.trim().startsWith('kulturdata'))!;
    expect(kulturLine).toMatch(/–\s+n=0$/);
    expect(kulturLine).not.toContain('100');
    expect(table.split('\n').find((l) => l.startsWith('"ingen merknader"'))).toMatch(/–\s+n=0$/);
    expect(table.split('\n').find((l) => l.trim().startsWith('einnsyn'))).toMatch(/66\.7 % \(P 100\.0 %, R 50\.0 %\)\s+n=2$/);
  });

  it('counts input neither receipted nor held, the held messages and receipts to unrelated mail', () => {
    expect(s.inputIgnored).toEqual({ ok: 1, n: 3 });
    expect(s.held).toEqual({ ok: 1, n: 4 });
    expect(s.receiptsToAutomaticOrUnrelated).toBe(1);
    expect(s.notInput).toBe(1);
    const table = formatTable([{ name: 'development', scores: s }, { name: 'sealed', scores: null, absent: 'not present' }], CLASSES);
    expect(table).toMatch(/input neither receipted nor held\s+1 \(33\.3 %\)\s+n=3/);
    expect(table).toMatch(/receipts to automatic\/unrelated\s+1\s+n=1/);
    expect(table).toContain('sealed: not present');
    expect(formatMisses(s)).toContain('b.eml');
  });
});

describe('an attachment’s `contains` phrase', () => {
  it('is found whatever its letter case and line breaks, and missed when the words are not there', () => {
    const text = 'Opprop: Ta vare på strandsonen\nStrandsonen tilhører\nalle.';
    const scored = (contains: string) =>
      score(
        [{ label: label({ attachments: [{ filename: 'opprop.pdf', readable: true, contains }] }), found: found({ attachments: [{ filename: 'opprop.pdf', text, problem: null }] }) }],
        CLASSES,
      ).attachments;
    expect(scored('strandsonen tilhører alle')).toMatchObject({ containsOk: 1, containsChecked: 1 });
    expect(scored('strandsonen tilhører ingen')).toMatchObject({ containsOk: 0, containsChecked: 1 });
  });
});

describe('a quiet (sealed) set', () => {
  it('prints only figures: no file name, subject or label of its messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-eval-'));
    mkdirSync(join(dir, 'messages'));
    writeFileSync(
      join(dir, 'messages', 'hemmelig-fil-1.eml'),
      mail({ subject: 'Hemmelig emne om eInnsyn', body: 'Vi viser til invitasjonen til innspill til OGP handlingsplan 4B.\nAlle dokumenter i eInnsyn bør vises i fulltekst.\n' }),
    );
    writeFileSync(join(dir, 'messages', 'hemmelig-fil-2.eml'), mail({ subject: 'Faktura 12345', body: 'Betal fakturaen.\n' }));
    writeFileSync(
      join(dir, 'labels.yaml'),
      stringify([
        { ...label({ file: 'hemmelig-fil-1.eml', commitments: ['kulturdata'], note: 'hemmelig notat' }) },
        { ...label({ file: 'hemmelig-fil-2.eml', relevant: false, receipt: false }) },
      ]),
    );
    const rules = projectRules();
    const sealed = await evaluateSet(readLabelFile(join(dir, 'labels.yaml'), true), join(dir, 'messages'), rules, undefined, { quiet: true });
    expect(sealed.files).toBe(2);
    expect(sealed.misses).toEqual([]);
    expect(sealed.micro.fn).toBe(1); // the kulturdata miss is counted …
    const out = `${formatTable([{ name: 'sealed', scores: sealed }], rules.consultation.classIds)}\n${formatMisses(sealed)}`;
    for (const secret of ['hemmelig', 'Hemmelig', 'Faktura', 'eInnsyn bør']) expect(out).not.toContain(secret); // … never named
  });

  it('reports a broken labels file by entry and key, without its values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-eval-'));
    writeFileSync(join(dir, 'labels.yaml'), stringify([{ ...label({ file: 'hemmelig.eml' }), relevant: 'hemmelig verdi' }]));
    expect(() => readLabelFile(join(dir, 'labels.yaml'), true)).toThrow(/entry 0, key relevant/);
    try {
      readLabelFile(join(dir, 'labels.yaml'), true);
    } catch (err) {
      expect((err as Error).message).not.toContain('hemmelig');
    }
  });
});

describe('automatic kinds in the sealed sets’ names', () => {
  const machine = { relevant: true, automatic: true, receipt: false } as const;
  const s = score(
    [
      { label: label({ file: 'n.eml', ...machine, automaticKind: 'newsletter' }), found: found({ ...machine, automaticKind: 'list' }) },
      { label: label({ file: 'o.eml', ...machine, automaticKind: 'other' }), found: found({ ...machine, automaticKind: 'auto-reply' }) },
      { label: label({ file: 'l.eml', ...machine, automaticKind: 'list' }), found: found({ ...machine, automaticKind: 'list' }) },
      // One name each way: a newsletter is not a notice, a notice not a newsletter.
      { label: label({ file: 'x.eml', ...machine, automaticKind: 'notice' }), found: found({ ...machine, automaticKind: 'list' }) },
      { label: label({ file: 'y.eml', ...machine, automaticKind: 'newsletter' }), found: found({ ...machine, automaticKind: 'noreply' }) },
    ],
    CLASSES,
  );

  it('takes newsletter for list and other for auto-reply, and nothing else', () => {
    expect(s.tally.automaticKind).toEqual({ ok: 3, n: 5 });
    expect(s.misses.filter((m) => m.field === 'automaticKind').map((m) => [m.file, m.found])).toEqual([
      ['x.eml', 'list'],
      ['y.eml', 'noreply'],
    ]);
  });
});

describe('labels in a sealed set’s own spelling', () => {
  it('takes a null category for ours, ukjent, and a null `contains` for none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'innspill-eval-'));
    const entry = { ...label({ file: 'a.eml' }), organisation: null, category: null, attachments: [{ filename: 'skannet.pdf', readable: false, contains: null }] };
    writeFileSync(join(dir, 'labels.yaml'), stringify([entry]));
    const [read] = readLabelFile(join(dir, 'labels.yaml'), true);
    expect(read!.category).toBe('ukjent');
    expect(read!.attachments![0]!.contains ?? null).toBeNull();
  });
});

describe('kind, "no comments" and suspicious over the messages labelled so', () => {
  const s = score(
    [
      // A set that writes every key for every message: the person's null kind, false and false are not scored.
      { label: label({ file: 'p.eml', automaticKind: null, noComments: false, suspicious: false }), found: found({}) },
      { label: label({ file: 'm.eml', relevant: true, automatic: true, receipt: false, automaticKind: 'bounce' }), found: found({ automatic: true, receipt: false, automaticKind: 'bounce' }) },
      { label: label({ file: 'n.eml', noComments: true }), found: found({ noComments: false }) },
      { label: label({ file: 'f.eml', relevant: false, receipt: false, suspicious: true }), found: found({ relevant: false, receipt: false, suspicious: true }) },
      // Marked suspicious but labelled as ordinary input: counted apart, and a miss.
      { label: label({ file: 'w.eml', suspicious: false }), found: found({ suspicious: true }) },
    ],
    CLASSES,
  );
  it('counts only the labelled ones in each figure', () => {
    expect(s.tally.automaticKind).toEqual({ ok: 1, n: 1 });
    expect(s.tally.noComments).toEqual({ ok: 0, n: 1 });
    expect(s.tally.suspicious).toEqual({ ok: 1, n: 1 });
  });
  it('counts a message marked suspicious without the label apart', () => {
    expect(s.suspiciousWrong).toBe(1);
    expect(s.misses.filter((m) => m.field === 'suspicious').map((m) => m.file)).toEqual(['w.eml']);
  });
});

describe('sets pooled (the development sets as one, the sealed sets as one)', () => {
  it('sums the counts and computes the ratios again: a small set weighs by its examples, not as much as a large one', () => {
    // Set 1: 8 commitments right of 8. Set 2: 1 right, 1 wrong (a false positive and a miss) of 2.
    const big = score(
      Array.from({ length: 8 }, (_, i) => ({ label: label({ file: `a${i}.eml`, commitments: ['einnsyn'] }), found: found({ commitments: ['einnsyn'] }) })),
      CLASSES,
    );
    const small = score(
      [
        { label: label({ file: 'b1.eml', commitments: ['einnsyn'] }), found: found({ commitments: ['einnsyn'] }) },
        { label: label({ file: 'b2.eml', commitments: ['kulturdata'], late: true }), found: found({ commitments: ['einnsyn'], held: true }) },
      ],
      CLASSES,
    );
    const pooled = poolScores([big, small]);
    expect(pooled.files).toBe(10);
    expect(pooled.micro).toMatchObject({ tp: 9, fp: 1, fn: 1 });
    expect(pooled.micro.f1).toBeCloseTo(0.9, 10);
    // The average of the two sets' F1 (1.0 and 0.5) would say 0.75.
    expect((big.micro.f1 + small.micro.f1) / 2).toBeCloseTo(0.75, 10);
    expect(pooled.tally.late).toEqual({ ok: 9, n: 10 });
    expect(pooled.held).toEqual({ ok: 1, n: 10 });
    expect(pooled.perLabel.find((c) => c.id === 'kulturdata')).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
    expect(Number.isNaN(pooled.perLabel.find((c) => c.id === 'kulturdata')!.precision)).toBe(true);
    expect(formatTable([{ name: 'all development (2 sets)', scores: pooled }], CLASSES)).toMatch(/commitments micro-F1\s+90\.0 %\s+n=10/);
  });
});

describe('a share as eval prints it', () => {
  it('is rounded to one decimal, but one wrong in thousands is not 100.0 %', () => {
    expect(pct(0.5)).toBe('50.0 %');
    expect(pct(1)).toBe('100.0 %');
    expect(pct(8313 / 8315)).toBe('99.9 %');
    expect(pct(Number.NaN)).toBe('–');
  });
});
