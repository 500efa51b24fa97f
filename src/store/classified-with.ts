// What a record's classification was computed from, as one short key kept in the record
// (`classifiedWith`): the program's own code, the checked rule data, and everything of the record
// that intake is given again by reclassify (the original's bytes, the stored attachment texts, the
// mailbox's arrival time, a consultation a person chose, and what the store knows of the record's
// thread). When the key of a record is the same as the one it carries, classifying it again gives
// what it already holds, and reclassify leaves it as it is. Any doubt (rules without a data key,
// a record without one, code that changed) means it is classified again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestOverride } from '../decisions/types.js';
import type { IntakeOptions } from '../intake/context.js';
import type { Rules } from '../rules/types.js';
import type { SubmissionRecord } from './record.js';

/** Raised when what the key covers changes meaning. */
const VERSION = 1;

let codeKey: string | null = null;

/**
 * Every module of the program (src/ or dist/, whichever this one runs from), by name and content:
 * a new version of innspill, or any change to a classifying module, classifies everything again.
 */
export function programKey(): string {
  if (codeKey) return codeKey;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const h = createHash('sha256');
  const walk = (rel: string) => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else if (/\.(js|ts|mjs|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) h.update(path).update('\0').update(readFileSync(join(root, path))).update('\0');
    }
  };
  walk('');
  codeKey = h.digest('base64url');
  return codeKey;
}

type Threads = NonNullable<IntakeOptions['knownThreadIds']>;

/**
 * What the store knows now of the record's thread headers, kept apart from the store: a record
 * filed while the record is being classified must not make its key say more than intake was told
 * (taken before classifying, a key can only say less, and then the record is classified again).
 */
export function threadsOf(record: SubmissionRecord, threads: Threads): Threads {
  return threadsFrom(knownThreads(record, threads));
}

/** The record's thread headers the store knows, each with whose it is (what a worker is given of the store's threads). */
export function knownThreads(record: SubmissionRecord, threads: Threads): Array<[string, string | null]> {
  const known: Array<[string, string | null]> = [];
  for (const id of [record.inReplyTo, ...record.references]) if (id !== null && threads.has(id)) known.push([id, threads.consultationOf?.(id) ?? null]);
  return known;
}

/**
 * The store's threads as one intake was told them: each header's answer taken once, when intake
 * first asks, and kept. A record's key is made from what intake was told, not from what the store
 * knows when the record is filed (a reply filed in the same batch as the message it answers).
 */
export class ToldThreads implements Threads {
  private readonly told = new Map<string, { known: boolean; consultation: string | null }>();

  constructor(private readonly live: Threads) {}

  private answer(id: string) {
    let a = this.told.get(id);
    if (!a) {
      const known = this.live.has(id);
      a = { known, consultation: known ? (this.live.consultationOf?.(id) ?? null) : null };
      this.told.set(id, a);
    }
    return a;
  }

  has(id: string): boolean {
    return this.answer(id).known;
  }

  consultationOf(id: string): string | null {
    return this.answer(id).consultation;
  }

  /** Every header intake asked about, known or not. */
  asked(): string[] {
    return [...this.told.keys()];
  }

  /** The headers intake was told are known, with whose they are. */
  known(): Array<[string, string | null]> {
    return [...this.told].flatMap(([id, a]) => (a.known ? [[id, a.consultation] as [string, string | null]] : []));
  }
}

/** What a message was classified by when it is filed: the rules' data key and the threads intake was told. */
export interface ClassifiedBy {
  dataKey: string;
  threads: Array<[string, string | null]>;
}

/** Threads that know exactly these headers. */
export function threadsFrom(pairs: Array<[string, string | null]>): Threads {
  const known = new Map(pairs);
  return { has: (id) => known.has(id), consultationOf: (id) => known.get(id) ?? null };
}

/** The key of a record's classification by `rules` with the store's threads as they are now; null when the rules have no data key. */
export function classificationKey(rules: Rules, record: SubmissionRecord, threads: Threads): string | null {
  return rules.dataKey ? classificationKeyFor(rules.dataKey, record, threads) : null;
}

/** The same for the rule data of `dataKey` (the rules a record was classified with before, say). */
export function classificationKeyFor(dataKey: string, record: SubmissionRecord, threads: Threads): string {
  const h = createHash('sha256');
  h.update(`${VERSION}\n${programKey()}\n${dataKey}\n${record.rawSha256}\n${record.arrivedAt ?? ''}\n${record.receivedFrom ?? ''}\n${record.receivedAt ?? ''}\n`);
  // A person's decisions: the consultation one chose is given to intake, and any change to them is
  // a reason to look again.
  h.update(`${JSON.stringify(latestOverride(record.overrides, 'consultation')?.value ?? null)}\n${JSON.stringify(record.overrides ?? [])}\n`);
  for (const a of record.attachments) h.update(`a ${a.sha256} ${a.textFile ?? ''} ${a.textLength} ${JSON.stringify(a.problem ?? null)}\n`);
  // What findThread() asks of the store for each thread header: known, and whose.
  for (const id of [record.inReplyTo, ...record.references]) {
    if (id === null) continue;
    h.update(`t ${id} ${threads.has(id) ? `1 ${threads.consultationOf?.(id) ?? ''}` : '0'}\n`);
  }
  return h.digest('base64url');
}
