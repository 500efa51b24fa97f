// What routing costs: intake() over the fixture messages with one consultation loaded and with
// five (OGP 4B, the Planning and Building Act hearing and three more hearings copied from it, all
// open, so content is judged against every one). In-process, no attachment extraction (the
// documents are read the same way whatever the rules).
//
// Measured as CPU time (process.cpuUsage, user + system) of a whole pass over the fixtures, not
// wall time: on the shared machine wall time is mostly other processes. Passes alternate (one,
// five, five-distinct, one, …) after warm-up passes; each figure is the median over the rounds,
// and the extra is the median of each round's five/one ratio.
//
// The three copies have the hearing's terms, and a term is matched once per text whichever
// consultation asks (src/text/terms.ts), so they are cheaper than three hearings with words of
// their own would be. "Five distinct" gives each copy's terms keys of their own (the same words,
// so the same matches, but nothing shared beyond single words): the cost of five consultations
// that share no terms.
//
//   npm run bench -- --consultations
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intake } from '../../src/intake/index.js';
import type { Extractor } from '../../src/intake/extract/index.js';
import { loadRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/types.js';
import { TermMatcher } from '../../src/text/terms.js';
import { newConsultation } from '../../src/commands/consultation-new.js';
import { projectRoot } from './innspill-process.ts';

export interface RoutingCostResult {
  messages: number;
  rounds: number;
  /** CPU ms of one pass over the fixtures (median over the rounds) */
  oneConsultation: number;
  fiveConsultations: number;
  /** five over one, minus 1 (0.12 = 12 % more): the median of the rounds' ratios */
  extra: number;
  /** The same with the copies' terms their own (nothing shared between consultations but words). */
  fiveDistinct: number;
  extraDistinct: number;
}

const noText: Extractor = async () => ({ text: '', problem: null });
const silent = { write: () => true } as unknown as NodeJS.WritableStream;
const COPIES = ['kommunelov', 'matrikkel', 'eierseksjon'];

/** rules/ with only OGP 4B, and rules/ with five open consultations. */
function ruleSets(): { one: Rules; five: Rules; distinct: Rules; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'innspill-bench-rules-'));
  const one = join(base, 'one');
  const five = join(base, 'five');
  cpSync(join(projectRoot, 'rules'), one, { recursive: true });
  rmSync(join(one, 'consultations', 'pbl-2021'), { recursive: true });
  cpSync(join(projectRoot, 'rules'), five, { recursive: true });
  COPIES.forEach((id, i) => {
    newConsultation(five, id, 'pbl-2021', silent);
    const file = join(five, 'consultations', id, 'consultation.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/^caseNumber: .*$/m, `caseNumber: 21/${900 + i}`)
      .replace(/^archived: true$/m, 'archived: false');
    writeFileSync(file, text);
  });
  const distinct = loadRules(five);
  COPIES.forEach((id, i) => ownTerms(distinct.consultations.find((v) => v.consultation.id === id)!, i + 1));
  return { one: loadRules(one), five: loadRules(five), distinct, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * The consultation's own relevance and commitment terms under keys of their own: trailing spaces change
 * a term's key, not its words. The shared signals (rules/signals.yaml) stay shared, as they are in every
 * consultation by construction.
 */
function ownTerms(view: Rules, n: number): void {
  const own = (m: TermMatcher) => new TermMatcher(m.sources.map((s) => `${s}${' '.repeat(n)}`));
  view.relevance = { ...view.relevance, signals: view.relevance.signals.map((s) => (s.shared ? s : { ...s, matcher: own(s.matcher), unless: own(s.unless) })) };
  view.commitments = {
    ...view.commitments,
    items: view.commitments.items.map((c) => ({ ...c, strong: own(c.strong), medium: own(c.medium), weak: own(c.weak), exclude: own(c.exclude) })),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** CPU ms (user + system) of intake() over every message with these rules. */
async function pass(raws: Buffer[], rules: Rules): Promise<number> {
  const before = process.cpuUsage();
  for (const raw of raws) await intake(raw, rules, { extractor: noText });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export async function routingCost(rounds: number, warmups: number): Promise<RoutingCostResult> {
  const { one, five, distinct, cleanup } = ruleSets();
  try {
    if (one.consultations.length !== 1 || five.consultations.filter((v) => !v.consultation.archived).length !== 5) throw new Error('the rule sets are not 1 and 5 consultations');
    const dir = join(projectRoot, 'fixtures', 'messages');
    const raws = readdirSync(dir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
    for (let w = 0; w < warmups; w++) for (const rules of [one, five, distinct]) await pass(raws, rules);
    const times = { one: [] as number[], five: [] as number[], distinct: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      // The order turns each round, so none is always the one right after another.
      const order = (['one', 'five', 'distinct'] as const).map((_, i, all) => all[(i + round) % 3]!);
      for (const which of order) times[which].push(await pass(raws, which === 'one' ? one : which === 'five' ? five : distinct));
    }
    const ratio = (xs: number[]) => median(xs.map((x, i) => x / times.one[i]!)) - 1;
    return {
      messages: raws.length,
      rounds,
      oneConsultation: median(times.one),
      fiveConsultations: median(times.five),
      extra: ratio(times.five),
      fiveDistinct: median(times.distinct),
      extraDistinct: ratio(times.distinct),
    };
  } finally {
    cleanup();
  }
}
