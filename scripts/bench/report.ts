// The results as a table (Markdown, so it can go straight into the README) and as JSON in
// bench/results/<timestamp>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MachineInfo } from './machine.ts';
import type { ThroughputResult } from './throughput.ts';
import type { LatencyResult } from './latency.ts';
import type { BurstResult } from './burst.ts';
import type { CliStartResult, CoreResult } from './core.ts';
import type { RoutingCostResult } from './consultations.ts';
import type { StoreScaleResult } from './store-scale.ts';
import type { MemoryPeak } from './rss.ts';
import { median, round } from './stats.ts';

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  mode: 'quick' | 'full';
  options: Record<string, unknown>;
  machine: MachineInfo;
  tools: Record<string, string>;
  mix?: Record<string, number>;
  /** The text-heavy mailbox's mix (mailbox.ts TEXT_HEAVY). */
  textMix?: Record<string, number>;
  append?: { messages: number; perSecond: number };
  core?: CoreResult;
  /** intake() with five consultations loaded against one (bench/consultations.ts) */
  routing?: RoutingCostResult;
  cliStart?: CliStartResult;
  throughput: ThroughputResult[];
  /** The same measure on a mailbox of mostly text (few attachments). */
  textHeavy?: ThroughputResult;
  largeAttachment?: { attachmentBytes: number; messageBytes: number; runs: MemoryPeak[]; peakTreeRssMb: number; peakTreeUniqueMb: number; mainHwmMb: number; wallMs: number };
  latency?: LatencyResult;
  /** One per repetition: a backlog APPENDed at once while the daemon idles. */
  burst?: BurstResult[];
  store?: StoreScaleResult;
  notes: string[];
}

export interface Row {
  measure: string;
  result: string;
  target: string;
  met: boolean | null;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const f1 = (v: number) => round(v, 1).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const f2 = (v: number) => round(v, 2).toFixed(2);
const ms = (v: number) => `${n0(v)} ms`;
const sec = (v: number) => `${f2(v / 1000)} s`;

export function rows(r: BenchResults): Row[] {
  const out: Row[] = [];
  const add = (measure: string, result: string, target = '', met: boolean | null = null) => out.push({ measure, result, target, met });
  for (const t of r.throughput) {
    const m = t.median;
    const size = n0(t.messages);
    if (m.mbsyncPerSecond !== null) add(`Throughput ${size}: mbsync pull (raw-fetch limit)`, `${n0(m.mbsyncPerSecond)} msg/s`);
    add(`Throughput ${size}: extraction floor (mailparser + extractors, 2 processes)`, `${f1(m.floorPerSecond)} msg/s`);
    add(`Throughput ${size}: innspill \`run --once\` (IMAP → store, receipts sent)`, `${f1(m.innspillPerSecond)} msg/s`);
    add(`Throughput ${size}: innspill ÷ floor`, f2(m.innspillToFloor), '≥ 0.5', m.innspillToFloor >= 0.5);
    if (m.innspillToMbsync !== null) add(`Throughput ${size}: innspill ÷ mbsync`, m.innspillToMbsync < 0.01 ? m.innspillToMbsync.toFixed(4) : f2(m.innspillToMbsync), '(distance to the limit)');
    const floorCpu = median(t.runs.map((r) => (r.floor.ms * 2) / r.floor.messages));
    add(
      `Throughput ${size}: CPU per message — innspill daemon's main thread / the rest of its process (the extraction workers are its threads) / the floor (2 processes)`,
      `${f1(m.mainCpuMs / t.messages)} / ${f1(m.workersCpuMs / t.messages)} / ${f1(floorCpu)} ms`,
    );
    for (const [name, v] of Object.entries(t.variants ?? {})) {
      add(`Throughput ${size}: innspill with ${name} (÷ floor; peak RSS)`, `${f1(v.perSecond)} msg/s (${f2(v.toFloor)}; ${n0(v.peakTreeRssMb)} MB, daemon ${n0(v.mainHwmMb)} MB)`);
    }
  }
  if (r.textHeavy) {
    const t = r.textHeavy;
    const m = t.median;
    const size = n0(t.messages);
    const docs = r.textMix ? `, ${f1(100 - (r.textMix['withPdfPct'] ?? 0) - (r.textMix['withDocxPct'] ?? 0) - (r.textMix['withOdtPct'] ?? 0))} % without a document` : '';
    add(
      `Throughput ${size}, text-heavy mailbox${docs}: mbsync / floor / innspill`,
      `${m.mbsyncPerSecond === null ? '–' : n0(m.mbsyncPerSecond)} / ${f1(m.floorPerSecond)} / ${f1(m.innspillPerSecond)} msg/s`,
    );
    add(`Throughput ${size}, text-heavy mailbox: innspill ÷ floor (÷ mbsync)`, `${f2(m.innspillToFloor)} (${m.innspillToMbsync === null ? '–' : m.innspillToMbsync.toFixed(4)})`, '≥ 0.5', m.innspillToFloor >= 0.5);
    const floorCpu = median(t.runs.map((x) => (x.floor.ms * 2) / x.floor.messages));
    add(`Throughput ${size}, text-heavy mailbox: CPU per message — daemon's main thread / the rest of its process (extraction worker threads) / the floor`, `${f1(m.mainCpuMs / t.messages)} / ${f1(m.workersCpuMs / t.messages)} / ${f1(floorCpu)} ms`);
  }
  if (r.burst && r.burst.length > 0) {
    const b = r.burst;
    const med = (pick: (x: BurstResult) => number | null) => median(b.map(pick).filter((x): x is number => x !== null));
    const each = (pick: (x: BurstResult) => number | null) => b.map((x) => (pick(x) === null ? '–' : n0(pick(x)!))).join(' / ');
    const n = n0(b[0]!.messages);
    const missing = b.reduce((sum, x) => sum + x.missing, 0);
    add(`Burst of ${n} messages APPENDed at once: APPEND done / last handled, after the first APPEND`, `${sec(med((x) => x.appendMs))} / ${sec(med((x) => x.drainMs))}${missing ? ` (${missing} never handled)` : ''}`);
    add(`Burst of ${n}: the first message, APPEND → handled (each run)`, `${ms(med((x) => x.first))} (${each((x) => x.first)} ms)`, '< 1 s', med((x) => x.first) < 1000);
    add(`Burst of ${n}: the first 20 messages, the longest wait`, `${ms(med((x) => x.first20Max))} (${each((x) => x.first20Max)} ms)`, '< 2 s', med((x) => x.first20Max) < 2000);
    add(`Burst of ${n}: every message, APPEND → handled, p50 / p95 / max`, `${ms(med((x) => x.p50))} / ${ms(med((x) => x.p95))} / ${ms(med((x) => x.max))}`, '< 1 s / < 2 s', med((x) => x.p50) < 1000 && med((x) => x.p95) < 2000 && missing === 0);
  }
  if (r.latency) {
    const l = r.latency;
    const missing = l.filedMs.missing > 0 ? ` (${l.filedMs.missing} not filed)` : '';
    add(`Latency APPEND → filed, p50 (${l.messages} messages, IDLE)`, `${ms(l.filedMs.p50)}${missing}`, '< 1 s', l.filedMs.p50 < 1000 && l.filedMs.missing === 0);
    add('Latency APPEND → filed, p95', ms(l.filedMs.p95), '< 2 s', l.filedMs.p95 < 2000 && l.filedMs.missing === 0);
    add('Latency APPEND → filed, max', ms(l.filedMs.max));
    add('Latency APPEND → receipt accepted by SMTP, p50 / p95 / max', `${ms(l.receiptMs.p50)} / ${ms(l.receiptMs.p95)} / ${ms(l.receiptMs.max)}${l.receiptMs.missing ? ` (${l.receiptMs.missing} missing)` : ''}`);
  }
  const peaks = r.throughput.map((t) => t.median.peakTreeRssMb);
  for (const t of r.throughput) {
    add(
      `Peak RSS, ${n0(t.messages)} messages (the daemon's process, its extraction worker threads in it, and any child processes, summed)`,
      `${n0(t.median.peakTreeRssMb)} MB (the daemon process's own high-water mark ${n0(t.median.mainHwmMb)} MB, its worker threads included; shared pages once: ${n0(t.median.peakTreeUniqueMb)} MB)`,
      '< 300 MB',
      t.median.peakTreeRssMb < 300,
    );
  }
  if (peaks.length >= 2) {
    const growth = peaks[peaks.length - 1]! / peaks[0]!;
    const daemons = r.throughput.map((t) => t.median.mainHwmMb);
    const daemonGrowth = daemons[daemons.length - 1]! / daemons[0]!;
    add('Peak RSS, largest ÷ smallest mailbox (the daemon process\'s own high-water mark)', `${f2(growth)} (${f2(daemonGrowth)})`, '≈ 1, independent of size (< 1.10)', growth < 1.1);
  }
  if (r.largeAttachment) {
    const a = r.largeAttachment;
    add(
      `Peak RSS, one ${f1(a.attachmentBytes / 1e6)} MB attachment (summed)`,
      `${n0(a.peakTreeRssMb)} MB (the daemon process's own high-water mark ${n0(a.mainHwmMb)} MB, its worker threads included; shared pages once: ${n0(a.peakTreeUniqueMb)} MB)`,
      '< 300 MB',
      a.peakTreeRssMb < 300,
    );
  }
  if (r.core) {
    const c = r.core;
    add(`intake() per fixture message, with extraction (${c.fixtures} fixtures): median / p95`, `${f1(c.withExtraction.median)} / ${f1(c.withExtraction.p95)} ms`);
    add('intake() per fixture message, without extraction: median / p95', `${f1(c.withoutExtraction.median)} / ${f1(c.withoutExtraction.p95)} ms`);
    add('intake() CPU per reply, without extraction: median / p95', `${f1(c.repliesCpuWithoutExtraction.median)} / ${f1(c.repliesCpuWithoutExtraction.p95)} ms`, '≤ 20 ms', c.repliesCpuWithoutExtraction.median <= 20);
  }
  if (r.routing) {
    const g = r.routing;
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${f1(x * 100)} %`;
    add(
      `intake() CPU over ${g.messages} fixtures, 5 consultations vs 1 (no extraction, median of ${g.rounds} alternating passes)`,
      `${n0(g.fiveConsultations)} vs ${n0(g.oneConsultation)} ms: ${pct(g.extra)}`,
      '≤ +20 %',
      g.extra <= 0.2,
    );
    add('  the same, the three copied hearings with terms of their own (nothing shared but words)', `${n0(g.fiveDistinct)} vs ${n0(g.oneConsultation)} ms: ${pct(g.extraDistinct)}`);
  }
  if (r.cliStart) {
    const c = r.cliStart;
    add(`CLI start → first output (\`inspect --json\`, median of ${c.runs})`, ms(c.firstOutputMs.median), '< 0.3 s', c.firstOutputMs.median < 300);
  }
  if (r.store) {
    const s = r.store;
    add(`Store of ${n0(s.records)} records: \`list\``, sec(s.listMs));
    // The targets are for 10,000 records; a smaller store (--quick) is shown without a verdict.
    const full = s.records >= 10_000;
    add(`Store of ${n0(s.records)} records: \`digest --format html\``, sec(s.digestMs), full ? '< 2 s' : '(< 2 s at 10,000)', full ? s.digestMs < 2000 : null);
    // The target is for classifying the store again: the first reclassify (the later ones skip every record).
    const recl = s.reclassifyFirst?.wallMs ?? s.reclassifyMs;
    add(`Store of ${n0(s.records)} records: \`reclassify\`, every record classified again`, sec(recl), full ? '< 10 s' : '(< 10 s at 10,000)', full ? recl < 10_000 : null);
    add(`Store of ${n0(s.records)} records: \`reclassify\`, nothing changed since`, sec(s.reclassifyMs));
    if (s.reclassifyTerms) add(`Store of ${n0(s.records)} records: \`reclassify\` after one of eInnsyn's terms was replaced`, sec(s.reclassifyTerms.wallMs), full ? '< 10 s' : '(< 10 s at 10,000)', full ? s.reclassifyTerms.wallMs < 10_000 : null);
  }
  return out;
}

export function table(list: Row[]): string {
  const lines = ['| Measure | Result | Target | Met |', '|---|---|---|---|'];
  for (const r of list) lines.push(`| ${r.measure} | ${r.result} | ${r.target} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

export function header(r: BenchResults): string {
  const m = r.machine;
  const mix = r.mix;
  return [
    `innspill benchmark (${r.mode}), ${r.startedAt}`,
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB RAM, Node ${m.node}, Linux ${m.kernel}; load average at start ${m.loadAverageAtStart.join(' ')}`,
    `Tools: ${Object.entries(r.tools).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    mix
      ? `Mailbox (largest): ${n0(mix['messages']!)} messages, ${f1(mix['megabytes']!)} MB; with PDF ${mix['withPdfPct']} %, DOCX ${mix['withDocxPct']} %, ODT ${mix['withOdtPct']} %, two documents ${mix['withTwoDocumentsPct']} %; auto-replies ${mix['autoRepliesPct']} %, bounces ${mix['bouncesPct']} %, unrelated ${mix['unrelatedPct']} %`
      : '',
    `Each figure is the median of ${r.options['repetitions']} run(s) unless stated.`,
  ]
    .filter(Boolean)
    .join('\n');
}

export function writeResults(dir: string, r: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${r.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...r, table: rows(r) }, null, 2)}\n`);
  return file;
}
