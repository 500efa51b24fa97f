// Labeled fixtures (fixtures/labels/*.yaml, or a sealed set's labels.yaml) against what intake
// finds: per-label precision, recall and F1 for the commitments, and accuracy for everything
// else, each with the number of examples behind it. Used by `npm run eval` and by the labels
// test; quality on unseen mail is the goal, so the rules are never tuned to one fixture alone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Submission } from '../intake/types.js';
import { reviewHoldsMessage, reviewHoldsReceipt } from '../intake/review.js';
import type { PairScores } from './campaigns.js';
import type { RoutingScores } from './routing.js';

/** A text as a person reads it, for finding a phrase in it: runs of white space as one space, lower case. */
const readAs = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

export const labelSchema = z.object({
  file: z.string(),
  /** A comment for people, never scored: whatever YAML value a writer gave it (a bare number, null) is kept as written. */
  note: z.unknown().optional(),
  relevant: z.boolean(),
  automatic: z.boolean(),
  automaticKind: z.string().nullable().optional(),
  organisation: z.string().nullable(),
  /** The sender category; null (a sealed set's name for no organisation) is ours `ukjent`. */
  category: z
    .string()
    .nullable()
    .transform((v) => v ?? 'ukjent'),
  commitments: z.array(z.string()),
  language: z.enum(['nb', 'nn', 'en']),
  late: z.boolean(),
  receipt: z.boolean(),
  notMail: z.boolean().optional(),
  /** The reply says only "ingen merknader" / "no comments". */
  noComments: z.boolean().optional(),
  /** The receipt must be held for a person to look at (a forged sender, a spam flag). */
  receiptHeld: z.boolean().optional(),
  /** Mail that imitates the ministry or the consultation (phishing, a look-alike domain). */
  suspicious: z.boolean().optional(),
  /** The campaign the message belongs to (many people, one text), or null: none. Scored over pairs of messages. */
  campaign: z.string().nullable().optional(),
  /** The consultation the message belongs to (its folder id), or null: none. Unset in labels from before several consultations. */
  consultation: z.string().nullable().optional(),
  /** It could belong to two consultations: held for a person (consultation-uncertain). */
  consultationUncertain: z.boolean().optional(),
  bouncedRecipients: z.array(z.string()).optional(),
  attachments: z
    .array(z.object({ filename: z.string(), readable: z.boolean(), contains: z.string().nullish(), problem: z.string().optional() }))
    .optional(),
});
export type Label = z.infer<typeof labelSchema>;

/** Every *.yaml in a folder (the development set). */
export function readLabels(dir: string): Label[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => readLabelFile(join(dir, f)));
}

/**
 * One labels file. `quiet`: a mistake is reported by entry and key only, never with a value —
 * for the sealed set, whose texts nobody may read.
 */
export function readLabelFile(path: string, quiet = false): Label[] {
  const data: unknown = parse(readFileSync(path, 'utf8'));
  const result = z.array(labelSchema).safeParse(data);
  if (result.success) return result.data.map(bothAsUncertain);
  if (!quiet) throw result.error;
  const issue = result.error.issues[0]!;
  throw new Error(`${path}: entry ${String(issue.path[0] ?? '?')}, key ${issue.path.slice(1).join('.') || '?'}: ${issue.code}`);
}

/**
 * `consultation: both` (a message that addresses two consultations at once, as the second sealed
 * set writes it) is what innspill calls consultation-uncertain: held for a person, under none.
 */
function bothAsUncertain(label: Label): Label {
  return label.consultation === 'both' ? { ...label, consultation: null, consultationUncertain: true } : label;
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
  /** Stored and left in the inbox for a person to decide, its receipt held (relevance or receipt uncertain). */
  held: boolean;
  /** Input whose receipt went, left in the inbox for a person to choose its consultation. */
  waitsForConsultation?: boolean;
  /** Its receipt is held, neither sent nor dropped. */
  receiptHeld: boolean;
  noComments: boolean;
  suspicious: boolean;
  bouncedRecipients: string[];
  attachments: Array<{ filename: string; text: string; problem: string | null }>;
}

/** What intake found, put in the labels' terms. */
export function foundOf(s: Submission): Found {
  return {
    relevant: s.relevant,
    automatic: s.automatic,
    automaticKind: s.automaticKind,
    // The labels take the organisation from the From domain alone; a From the receiving server
    // found forged names one that innspill keeps as a hint, never as the sender (sender.ts).
    organisation: s.sender.organisation ?? s.sender.hints.unconfirmed?.organisation ?? null,
    category: s.sender.hints.unconfirmed?.category ?? s.sender.category,
    // Held between consultations: what its words address in each (the labels of input to both name both).
    commitments: [...new Set([...s.commitments, ...(s.otherConsultations ?? []).flatMap((o) => o.commitments)].map((c) => c.id))],
    language: s.language,
    late: s.late,
    receipt: s.receipt.send,
    held: reviewHoldsReceipt(s.review),
    waitsForConsultation: reviewHoldsMessage(s.review) && !reviewHoldsReceipt(s.review),
    receiptHeld: reviewHoldsReceipt(s.review) && !s.receipt.send,
    noComments: s.noComments === true,
    suspicious: s.suspicious === true,
    bouncedRecipients: s.bouncedRecipients,
    attachments: s.attachments,
  };
}

/** A count of right answers out of the examples that have a label for it. */
export interface Tally {
  ok: number;
  n: number;
}

export type AccuracyKey =
  | 'relevant'
  | 'automatic'
  | 'organisation'
  | 'category'
  | 'language'
  | 'late'
  | 'receipt'
  | 'automaticKind'
  | 'noComments'
  | 'suspicious'
  | 'receiptHeld';

/**
 * The names the sealed sets' brief gave three automatic kinds, for the kinds innspill calls
 * otherwise: a newsletter or mailing list is `list`, a system's notice from an address that takes
 * no reply is `noreply`, an automatic answer of no narrower kind is `auto-reply`. One name each way:
 * a `list` labelled `notice` is still a miss.
 */
const LABEL_NAME_OF_KIND: Readonly<Record<string, string>> = { list: 'newsletter', noreply: 'notice', 'auto-reply': 'other' };

/** The kind found, in the label's words when the label uses the brief's name for it. */
function sameKind(expected: string | null, found: string | null): string | null {
  return found !== null && expected !== found && LABEL_NAME_OF_KIND[found] === expected ? expected : found;
}

export interface LabelScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  /** NaN when nothing was predicted (precision) or nothing was labelled (recall): never 0/0 = 100 %. */
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  files: number;
  perLabel: LabelScore[];
  micro: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  exactCommitments: number;
  exact: Tally;
  /** Ratios; NaN where no example has the label. */
  accuracy: Record<AccuracyKey, number>;
  tally: Record<AccuracyKey, Tally>;
  receiptsToAutomaticOrUnrelated: number;
  /** Messages labelled automatic or not relevant: the ones that must get no receipt. */
  notInput: number;
  /** Messages marked suspicious that are not labelled so. */
  suspiciousWrong: number;
  /** People's input (labelled for a receipt) that got neither a receipt nor a hold for review. */
  inputIgnored: Tally;
  /** Messages held for review (relevance or receipt uncertain: the receipt held), of all. */
  held: Tally;
  /** Input receipted and left in the inbox while a person chooses its consultation, of all. */
  waitingForConsultation: Tally;
  attachments: { readable: number; textFound: number; unreadable: number; withProblem: number; containsOk: number; containsChecked: number };
  misses: Array<{ file: string; field: string; expected: unknown; found: unknown }>;
  /** Campaign grouping over pairs of messages (evaluate/campaigns.ts); absent where not scored. */
  campaigns?: PairScores;
  /** Routing to a consultation (evaluate/routing.ts); absent where not scored. */
  routing?: RoutingScores;
}

export const ratio = (a: number, b: number): number => (b === 0 ? Number.NaN : a / b);
const f1Of = (p: number, r: number): number => (Number.isNaN(p) || Number.isNaN(r) ? Number.NaN : p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Precision, recall and F1 from the counts (NaN where a ratio has nothing behind it), with the counts. */
export function precisionRecall(tp: number, fp: number, fn: number): { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number } {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: f1Of(precision, recall) };
}

function scoreAttachments(label: Label, found: Found, att: Scores['attachments'], misses: Scores['misses']): void {
  for (const la of label.attachments ?? []) {
    const fa = found.attachments.find((a) => a.filename === la.filename);
    if (la.readable) {
      att.readable++;
      if (fa && fa.text.trim().length > 0 && fa.problem === null) att.textFound++;
      else misses.push({ file: label.file, field: `attachment ${la.filename}`, expected: 'text', found: fa ? fa.problem : 'missing' });
      if (la.contains) {
        att.containsChecked++;
        // The phrase as a person reads it: spacing and letter case do not matter (a label may quote a sentence's start in lower case).
        if (fa && readAs(fa.text).includes(readAs(la.contains))) att.containsOk++;
        else misses.push({ file: label.file, field: `attachment ${la.filename} contains`, expected: la.contains, found: fa?.text.slice(0, 80) });
      }
    } else {
      att.unreadable++;
      if (fa && fa.problem !== null) att.withProblem++;
      else misses.push({ file: label.file, field: `attachment ${la.filename}`, expected: 'a problem', found: fa ? 'read' : 'missing' });
    }
  }
}

export function score(pairs: Array<{ label: Label; found: Found }>, classIds: string[]): Scores {
  const misses: Scores['misses'] = [];
  const counts = new Map(classIds.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const keys: AccuracyKey[] = ['relevant', 'automatic', 'organisation', 'category', 'language', 'late', 'receipt', 'automaticKind', 'noComments', 'suspicious', 'receiptHeld'];
  const tally = Object.fromEntries(keys.map((k) => [k, { ok: 0, n: 0 }])) as Record<AccuracyKey, Tally>;
  const exact: Tally = { ok: 0, n: 0 };
  const inputIgnored: Tally = { ok: 0, n: 0 };
  const held: Tally = { ok: 0, n: 0 };
  const waiting: Tally = { ok: 0, n: 0 };
  let badReceipts = 0;
  let notInput = 0;
  let suspiciousWrong = 0;
  const att = { readable: 0, textFound: 0, unreadable: 0, withProblem: 0, containsOk: 0, containsChecked: 0 };
  for (const { label, found } of pairs) {
    const check = (field: AccuracyKey, expected: unknown, got: unknown) => {
      tally[field].n++;
      if (expected === got) tally[field].ok++;
      else misses.push({ file: label.file, field, expected, found: got });
    };
    check('relevant', label.relevant, found.relevant);
    check('automatic', label.automatic, found.automatic);
    check('organisation', label.organisation, found.organisation);
    check('category', label.category, found.category);
    check('late', label.late, found.late);
    check('receipt', label.receipt, found.receipt);
    if (!label.notMail) check('language', label.language, found.language);
    // Kind, "no comments" and suspicious are scored over the messages labelled so (machine mail,
    // "ingen merknader", an imitation), whether a set writes the key for every message or only there;
    // a message marked suspicious that is not labelled so is counted apart.
    if (label.automatic && label.automaticKind != null) check('automaticKind', label.automaticKind, sameKind(label.automaticKind, found.automaticKind));
    if (label.noComments === true) check('noComments', true, found.noComments);
    if (label.suspicious === true) check('suspicious', true, found.suspicious);
    else if (found.suspicious) {
      suspiciousWrong++;
      misses.push({ file: label.file, field: 'suspicious', expected: false, found: true });
    }
    if (label.receiptHeld === true) check('receiptHeld', true, found.receiptHeld);
    if (label.automatic || !label.relevant) notInput++;
    if (found.receipt && (label.automatic || !label.relevant)) badReceipts++;
    held.n++;
    if (found.held) held.ok++;
    waiting.n++;
    if (found.waitsForConsultation === true) waiting.ok++;
    if (label.receipt || label.receiptHeld === true) {
      inputIgnored.n++;
      if (!found.receipt && !found.held && !found.receiptHeld) {
        inputIgnored.ok++;
        misses.push({ file: label.file, field: 'input neither receipted nor held', expected: 'receipt', found: 'none' });
      }
    }
    const want = new Set(label.commitments);
    const got = new Set(found.commitments);
    for (const id of classIds) {
      const c = counts.get(id)!;
      if (want.has(id) && got.has(id)) c.tp++;
      else if (got.has(id)) c.fp++;
      else if (want.has(id)) c.fn++;
    }
    exact.n++;
    if (want.size === got.size && [...want].every((id) => got.has(id))) exact.ok++;
    else misses.push({ file: label.file, field: 'commitments', expected: [...want], found: [...got] });
    scoreAttachments(label, found, att, misses);
  }
  const perLabel = classIds.map((id) => {
    const c = counts.get(id)!;
    return { id, ...precisionRecall(c.tp, c.fp, c.fn) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => perLabel.reduce((s, c) => s + c[k], 0);
  return {
    files: pairs.length,
    perLabel,
    micro: precisionRecall(sum('tp'), sum('fp'), sum('fn')),
    exactCommitments: ratio(exact.ok, exact.n),
    exact,
    accuracy: Object.fromEntries(keys.map((k) => [k, ratio(tally[k].ok, tally[k].n)])) as Record<AccuracyKey, number>,
    tally,
    receiptsToAutomaticOrUnrelated: badReceipts,
    notInput,
    suspiciousWrong,
    inputIgnored,
    held,
    waitingForConsultation: waiting,
    attachments: att,
    misses,
  };
}
