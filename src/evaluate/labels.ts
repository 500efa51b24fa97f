// Labeled fixtures (fixtures/labels/*.yaml) against what intake finds: per-label precision,
// recall and F1 for the commitments, and accuracy for everything else. Used by `npm run eval`
// and by the labels test; quality on unseen mail is the goal, so the rules are never tuned to
// one fixture alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Submission } from '../intake/types.js';

export const labelSchema = z.object({
  file: z.string(),
  note: z.string().optional(),
  relevant: z.boolean(),
  automatic: z.boolean(),
  automaticKind: z.string().nullable().optional(),
  organisation: z.string().nullable(),
  category: z.string(),
  commitments: z.array(z.string()),
  language: z.enum(['nb', 'nn', 'en']),
  late: z.boolean(),
  receipt: z.boolean(),
  notMail: z.boolean().optional(),
  bouncedRecipients: z.array(z.string()).optional(),
  attachments: z
    .array(z.object({ filename: z.string(), readable: z.boolean(), contains: z.string().optional(), problem: z.string().optional() }))
    .optional(),
});
export type Label = z.infer<typeof labelSchema>;

export function readLabels(dir: string): Label[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => z.array(labelSchema).parse(parse(readFileSync(join(dir, f), 'utf8'))));
}

/** What intake said about one file, in the label's terms. */
export interface Found {
  relevant: boolean;
  automatic: boolean;
  automaticKind: string | null;
  organisation: string | null;
  category: string;
  commitments: string[];
  language: string;
  late: boolean;
  receipt: boolean;
  bouncedRecipients: string[];
  attachments: Array<{ filename: string; text: string; problem: string | null }>;
}

/** What intake found, put in the labels' terms. */
export function foundOf(s: Submission): Found {
  return {
    relevant: s.relevant,
    automatic: s.automatic,
    automaticKind: s.automaticKind,
    organisation: s.sender.organisation,
    category: s.sender.category,
    commitments: s.commitments.map((c) => c.id),
    language: s.language,
    late: s.late,
    receipt: s.receipt.send,
    bouncedRecipients: s.bouncedRecipients,
    attachments: s.attachments,
  };
}

export interface Scores {
  files: number;
  perLabel: Array<{ id: string; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }>;
  micro: { precision: number; recall: number; f1: number };
  exactCommitments: number;
  accuracy: Record<'relevant' | 'automatic' | 'organisation' | 'category' | 'language' | 'late' | 'receipt' | 'automaticKind', number>;
  receiptsToAutomaticOrUnrelated: number;
  attachments: { readable: number; textFound: number; unreadable: number; withProblem: number; containsOk: number; containsChecked: number };
  misses: Array<{ file: string; field: string; expected: unknown; found: unknown }>;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(pairs: Array<{ label: Label; found: Found }>, classIds: string[]): Scores {
  const misses: Scores['misses'] = [];
  const counts = new Map(classIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const correct = { relevant: 0, automatic: 0, organisation: 0, category: 0, language: 0, late: 0, receipt: 0, automaticKind: 0 };
  let kindTotal = 0;
  let exact = 0;
  let badReceipts = 0;
  const att = { readable: 0, textFound: 0, unreadable: 0, withProblem: 0, containsOk: 0, containsChecked: 0 };
  for (const { label, found } of pairs) {
    const check = (field: keyof typeof correct, expected: unknown, got: unknown) => {
      if (expected === got) correct[field]++;
      else misses.push({ file: label.file, field, expected, found: got });
    };
    check('relevant', label.relevant, found.relevant);
    check('automatic', label.automatic, found.automatic);
    check('organisation', label.organisation, found.organisation);
    check('category', label.category, found.category);
    check('late', label.late, found.late);
    check('receipt', label.receipt, found.receipt);
    if (!label.notMail) check('language', label.language, found.language);
    else correct.language++;
    if (label.automaticKind !== undefined) {
      kindTotal++;
      check('automaticKind', label.automaticKind, found.automaticKind);
    }
    if (found.receipt && (label.automatic || !label.relevant)) badReceipts++;
    const want = new Set(label.commitments);
    const got = new Set(found.commitments);
    for (const id of classIds) {
      const c = counts.get(id)!;
      if (want.has(id) && got.has(id)) c.tp++;
      else if (got.has(id)) c.fp++;
      else if (want.has(id)) c.fn++;
    }
    if (want.size === got.size && [...want].every((id) => got.has(id))) exact++;
    else misses.push({ file: label.file, field: 'commitments', expected: [...want], found: [...got] });
    for (const la of label.attachments ?? []) {
      const fa = found.attachments.find((a) => a.filename === la.filename);
      if (la.readable) {
        att.readable++;
        if (fa && fa.text.trim().length > 0 && fa.problem === null) att.textFound++;
        else misses.push({ file: label.file, field: `attachment ${la.filename}`, expected: 'text', found: fa ? fa.problem : 'missing' });
        if (la.contains) {
          att.containsChecked++;
          if (fa && fa.text.replace(/\s+/g, ' ').includes(la.contains)) att.containsOk++;
          else misses.push({ file: label.file, field: `attachment ${la.filename} contains`, expected: la.contains, found: fa?.text.slice(0, 80) });
        }
      } else {
        att.unreadable++;
        if (fa && fa.problem !== null) att.withProblem++;
        else misses.push({ file: label.file, field: `attachment ${la.filename}`, expected: 'a problem', found: fa ? 'read' : 'missing' });
      }
    }
  }
  const perLabel = classIds.map((id) => {
    const c = counts.get(id)!;
    const precision = ratio(c.tp, c.tp + c.fp);
    const recall = ratio(c.tp, c.tp + c.fn);
    return { id, ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => perLabel.reduce((s, c) => s + c[k], 0);
  const microP = ratio(sum('tp'), sum('tp') + sum('fp'));
  const microR = ratio(sum('tp'), sum('tp') + sum('fn'));
  const n = pairs.length;
  return {
    files: n,
    perLabel,
    micro: { precision: microP, recall: microR, f1: microP + microR === 0 ? 0 : (2 * microP * microR) / (microP + microR) },
    exactCommitments: ratio(exact, n),
    accuracy: {
      relevant: ratio(correct.relevant, n),
      automatic: ratio(correct.automatic, n),
      organisation: ratio(correct.organisation, n),
      category: ratio(correct.category, n),
      language: ratio(correct.language, n),
      late: ratio(correct.late, n),
      receipt: ratio(correct.receipt, n),
      automaticKind: ratio(correct.automaticKind, kindTotal),
    },
    receiptsToAutomaticOrUnrelated: badReceipts,
    attachments: att,
    misses,
  };
}

export function formatScores(s: Scores): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)} %`;
  const lines = [`${s.files} labeled messages`, '', 'commitment / topic         P        R        F1     tp  fp  fn'];
  for (const c of s.perLabel) lines.push(`${c.id.padEnd(24)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`);
  lines.push(`${'micro'.padEnd(24)} ${pct(s.micro.precision)}  ${pct(s.micro.recall)}  ${pct(s.micro.f1)}`);
  lines.push(`${'exact set'.padEnd(24)} ${pct(s.exactCommitments)}`, '');
  for (const [k, v] of Object.entries(s.accuracy)) lines.push(`${k.padEnd(24)} ${pct(v)}`);
  lines.push(`${'receipts to auto/unrelated'.padEnd(24)} ${s.receiptsToAutomaticOrUnrelated}`);
  const a = s.attachments;
  lines.push(`${'attachments with text'.padEnd(24)} ${a.textFound}/${a.readable} readable (${pct(ratio(a.textFound, a.readable))}); ${a.withProblem}/${a.unreadable} unreadable carry a problem; contains ${a.containsOk}/${a.containsChecked}`);
  if (s.misses.length > 0) {
    lines.push('', 'misses:');
    for (const m of s.misses) lines.push(`  ${m.file}  ${m.field}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`);
  }
  return lines.join('\n');
}
