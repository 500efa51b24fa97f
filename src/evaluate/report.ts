// The scores as a table for `npm run eval`: the development set and the sealed set side by side,
// every figure with the number of examples behind it ("–" and n=0 where there are none, never
// 0/0 = 100 %). Only figures: the list of misses is printed for the development set alone, so
// running eval never shows a sealed message or its label.
import { ratio, type AccuracyKey, type Scores } from './labels.js';

interface Cell {
  text: string;
  n: number;
}

/** A share to one decimal; one that is not all (2 of 8,315 late wrong) never reads as 100.0 %. */
export const pct = (x: number): string => {
  if (Number.isNaN(x)) return '–';
  const text = (x * 100).toFixed(1);
  return x < 1 && text === '100.0' ? '99.9 %' : `${text} %`;
};
const share = (ok: number, n: number): Cell => ({ text: pct(ratio(ok, n)), n });

type Row = { name: string; cell: (s: Scores) => Cell };

const ACCURACY: Array<[AccuracyKey, string]> = [
  ['relevant', 'relevance accuracy'],
  ['automatic', 'automatic (machine or person)'],
  ['automaticKind', 'automatic kind'],
  ['organisation', 'organisation'],
  ['category', 'category'],
  ['late', 'late'],
  ['language', 'language'],
  ['receipt', 'receipt decision'],
  ['noComments', '"ingen merknader" kept'],
  ['suspicious', 'marked suspicious'],
];

function rows(classIds: string[]): Row[] {
  return [
    { name: 'commitments micro-F1', cell: (s) => ({ text: pct(s.micro.f1), n: s.micro.tp + s.micro.fn }) },
    { name: '  precision', cell: (s) => ({ text: pct(s.micro.precision), n: s.micro.tp + s.micro.fp }) },
    { name: '  recall', cell: (s) => ({ text: pct(s.micro.recall), n: s.micro.tp + s.micro.fn }) },
    ...classIds.map((id) => ({
      name: `  ${id}`,
      cell: (s: Scores): Cell => {
        const c = s.perLabel.find((x) => x.id === id);
        if (!c) return { text: '–', n: 0 };
        return { text: `${pct(c.f1)} (P ${pct(c.precision)}, R ${pct(c.recall)})`, n: c.tp + c.fn };
      },
    })),
    { name: 'exact commitment set', cell: (s) => share(s.exact.ok, s.exact.n) },
    ...ACCURACY.map(([key, name]) => ({ name, cell: (s: Scores) => share(s.tally[key].ok, s.tally[key].n) })),
    { name: '  marked suspicious, not labelled so', cell: (s) => ({ text: String(s.suspiciousWrong), n: s.files }) },
    { name: 'receipts to automatic/unrelated', cell: (s) => ({ text: String(s.receiptsToAutomaticOrUnrelated), n: s.notInput }) },
    {
      name: 'input neither receipted nor held',
      cell: (s) => ({ text: `${s.inputIgnored.ok} (${pct(ratio(s.inputIgnored.ok, s.inputIgnored.n))})`, n: s.inputIgnored.n }),
    },
    { name: 'held for review', cell: (s) => ({ text: `${s.held.ok} (${pct(ratio(s.held.ok, s.held.n))})`, n: s.held.n }) },
    {
      name: '  receipt sent, consultation to choose',
      cell: (s) => ({ text: `${s.waitingForConsultation.ok} (${pct(ratio(s.waitingForConsultation.ok, s.waitingForConsultation.n))})`, n: s.waitingForConsultation.n }),
    },
    { name: 'receipt held where labelled', cell: (s) => share(s.tally.receiptHeld.ok, s.tally.receiptHeld.n) },
    {
      name: 'attachments with text',
      cell: (s) => share(s.attachments.textFound, s.attachments.readable),
    },
    { name: 'unreadable with a problem', cell: (s) => share(s.attachments.withProblem, s.attachments.unreadable) },
    { name: 'routed to its consultation', cell: (s) => (s.routing ? share(s.routing.ok, s.routing.n) : { text: '–', n: 0 }) },
    { name: 'filed under two consultations', cell: (s) => (s.routing ? { text: String(s.routing.filedTwice), n: s.routing.n } : { text: '–', n: 0 }) },
    { name: 'held: could be two consultations', cell: (s) => (s.routing ? { text: String(s.routing.uncertain), n: s.routing.n } : { text: '–', n: 0 }) },
    // n: the labelled pairs (recall) and the pairs found (precision).
    { name: 'campaign pairs precision', cell: (s) => (s.campaigns ? { text: pct(s.campaigns.precision), n: s.campaigns.tp + s.campaigns.fp } : { text: '–', n: 0 }) },
    { name: 'campaign pairs recall', cell: (s) => (s.campaigns ? { text: pct(s.campaigns.recall), n: s.campaigns.tp + s.campaigns.fn } : { text: '–', n: 0 }) },
    // n: the messages labelled as campaign members.
    { name: 'campaign members in no campaign', cell: (s) => (s.campaigns ? { text: String(s.campaigns.alone), n: s.campaigns.labelled } : { text: '–', n: 0 }) },
    { name: '  not filed as input', cell: (s) => (s.campaigns ? { text: String(s.campaigns.notCompared.notInput), n: s.campaigns.labelled } : { text: '–', n: 0 }) },
    { name: '  too short, no document', cell: (s) => (s.campaigns ? { text: String(s.campaigns.notCompared.nothingToCompare), n: s.campaigns.labelled } : { text: '–', n: 0 }) },
  ];
}

export interface SetResult {
  name: string;
  /** null: the set is not there; `absent` says why. */
  scores: Scores | null;
  absent?: string;
}

/** The sets side by side, one column of figures and one of n each. */
export function formatTable(sets: SetResult[], classIds: string[]): string {
  const table = rows(classIds).map((r) => [r.name, ...sets.flatMap((set) => (set.scores ? cellText(r.cell(set.scores)) : ['', '']))]);
  const head = ['measure', ...sets.flatMap((set) => [set.scores ? `${set.name} (${set.scores.files})` : `${set.name}`, 'n'])];
  const all = [head, ...table];
  const widths = head.map((_, i) => Math.max(...all.map((line) => line[i]!.length)));
  const fmt = (line: string[]) =>
    line
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const notes = sets.filter((set) => !set.scores).map((set) => `${set.name}: ${set.absent ?? 'not present'}`);
  return [fmt(head), ...table.map(fmt), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

function cellText(c: Cell): string[] {
  return c.n === 0 ? ['–', 'n=0'] : [c.text, `n=${c.n}`];
}

/** The misses of a set a person may read (the development set). */
export function formatMisses(s: Scores): string {
  if (s.misses.length === 0) return 'misses: none';
  return ['misses:', ...s.misses.map((m) => `  ${m.file}  ${m.field}: expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`)].join('\n');
}

/** One set with its misses (the labels test prints this). */
export function formatScores(s: Scores, classIds: string[] = s.perLabel.map((c) => c.id)): string {
  return `${formatTable([{ name: 'development', scores: s }], classIds)}\n\n${formatMisses(s)}`;
}
