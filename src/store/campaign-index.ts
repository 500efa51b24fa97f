// The campaign index in the store: per record what campaign detection compares (its own words'
// MinHash signature, its documents' sha256), so campaigns are recomputed without reading every
// record's words and attachments again; and the caseworkers' campaign decisions.
//
//   state/campaign-index.jsonl     one entry per line with the links found when it was added,
//                                  appended as records are filed; a later line for the same record
//                                  replaces an earlier one
//   state/campaign-signatures.jsonl  the entries' MinHash signatures, the same way (read only to compare)
//   state/campaign-decisions.json  splits and joins, in the order they were made
//
// Only a process that holds the store's lock appends to the index; readers complete what is
// missing in memory.
import { appendFile, open, readFile } from 'node:fs/promises';
import { decodeSignature, encodeSignature, type CampaignDecision, type CampaignEntry, type LinkCode } from '../campaigns/index.js';
import { writeFileAtomic } from './atomic.js';
import type { Store } from './json-store.js';

const INDEX = ['state', 'campaign-index.jsonl'] as const;
/** The signatures apart (most of the bytes): readers that follow the links never read them. */
const SIGNATURES = ['state', 'campaign-signatures.jsonl'] as const;
const DECISIONS = 'campaign-decisions';

interface Line {
  id: string;
  seq: number;
  c: string | null;
  f: string | null;
  o: string | null;
  s: boolean;
  n: boolean;
  w: number;
  h: number;
  d: string[];
  /** Campaign names said and document titles (see CampaignEntry.names, .titles), when any. */
  nm?: number[];
  ti?: number[];
  /** A petition's demand (see CampaignEntry.demands), when any. */
  de?: number[];
  k: string;
  /** The links found when it was added: [earlier record id, why]. */
  l?: Array<[string, LinkCode]>;
}

/** What the signatures file keeps of an entry: its signature, its mail's, its opening phrases. */
type Signatures = { g: string; m?: string; p?: number[] };

/** An entry with the links found when it was added (null: none kept, found again by comparing). */
export interface IndexedEntry {
  entry: CampaignEntry;
  links: Array<{ to: string; code: LinkCode }> | null;
}

const toLine = ({ entry: e, links }: IndexedEntry): Line => ({
  id: e.id,
  seq: e.seq,
  c: e.consultation,
  f: e.from,
  o: e.organisation,
  s: e.submission,
  n: e.noComments,
  w: e.words,
  h: e.shingles,
  d: e.documents,
  ...(e.names ? { nm: e.names } : {}),
  ...(e.titles ? { ti: e.titles } : {}),
  ...(e.demands ? { de: e.demands } : {}),
  k: e.key,
  ...(links ? { l: links.map((x): [string, LinkCode] => [x.to, x.code]) } : {}),
});

/** An entry read from a line; its signature comes from the signatures file, when that is read. */
const fromLine = (l: Line, signatures: Map<string, Signatures> | null): CampaignEntry => {
  const found = signatures?.get(l.id);
  const g = found?.g;
  return {
    id: l.id,
    seq: l.seq,
    consultation: l.c,
    from: l.f,
    organisation: l.o,
    submission: l.s,
    noComments: l.n,
    words: l.w,
    shingles: l.h,
    signature: g ? decodeSignature(g) : null,
    ...(found?.m ? { mail: decodeSignature(found.m) } : {}),
    documents: l.d,
    ...(l.nm ? { names: l.nm } : {}),
    ...(l.ti ? { titles: l.ti } : {}),
    ...(l.de ? { demands: l.de } : {}),
    ...(found?.p ? { phrases: found.p } : {}),
    key: l.k,
  };
};

/** Every indexed entry by record id (the last line for a record wins). A damaged line is skipped: it is indexed again. */
async function readLines<T>(path: string, each: (value: T) => void): Promise<void> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return '';
    throw err;
  });
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    try {
      each(JSON.parse(line) as T);
    } catch {
      // A line cut short by a crash: the record is indexed again from its file.
    }
  }
}

/**
 * Every indexed entry by record id (the last line for a record wins). With `signatures`, each with
 * its MinHash signature (to compare); without, signatures are null (to follow the links).
 */
export async function readCampaignIndex(store: Store, options: { signatures: boolean } = { signatures: true }): Promise<Map<string, IndexedEntry>> {
  let signatures: Map<string, Signatures> | null = null;
  if (options.signatures) {
    const found = new Map<string, Signatures>();
    await readLines<{ id: string; g: string | null; m?: string; p?: number[] }>(store.path(...SIGNATURES), (l) => {
      if (l.g) found.set(l.id, { g: l.g, ...(l.m ? { m: l.m } : {}), ...(l.p ? { p: l.p } : {}) });
      else found.delete(l.id);
    });
    signatures = found;
  }
  const entries = new Map<string, IndexedEntry>();
  await readLines<Line>(store.path(...INDEX), (l) => entries.set(l.id, { entry: fromLine(l, signatures), links: l.l ? l.l.map(([to, code]) => ({ to, code })) : null }));
  return entries;
}

/**
 * `m`: the mail's own signature, kept for the few entries that have one (see CampaignEntry.mail);
 * `p`: the opening phrases (see CampaignEntry.phrases), needed only to compare.
 */
const signatureLine = ({ entry: e }: IndexedEntry) =>
  JSON.stringify({ id: e.id, g: e.signature ? encodeSignature(e.signature) : null, ...(e.mail ? { m: encodeSignature(e.mail) } : {}), ...(e.phrases ? { p: e.phrases } : {}) });

/** Appends entries to the index and makes them durable (the caller holds the store's lock). */
export async function appendCampaignIndex(store: Store, entries: IndexedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // Signatures first: an index line whose signature is missing is only compared again, never wrong.
  await appendLines(store.path(...SIGNATURES), entries.map(signatureLine));
  await appendLines(store.path(...INDEX), entries.map((e) => JSON.stringify(toLine(e))));
}

async function appendLines(path: string, lines: string[]): Promise<void> {
  // A line left unfinished by a crash must not swallow the first new one.
  const lead = (await endsWithoutNewline(path)) ? '\n' : '';
  await appendFile(path, `${lead}${lines.join('\n')}\n`, 'utf8');
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the whole index anew (after reclassify), atomically. */
export async function rewriteCampaignIndex(store: Store, entries: IndexedEntry[]): Promise<void> {
  await writeFileAtomic(store.path(...SIGNATURES), entries.map((e) => `${signatureLine(e)}\n`).join(''));
  await writeFileAtomic(store.path(...INDEX), entries.map((e) => `${JSON.stringify(toLine(e))}\n`).join(''));
}

async function endsWithoutNewline(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

export async function readCampaignDecisions(store: Store): Promise<CampaignDecision[]> {
  return store.readState<CampaignDecision[]>(DECISIONS, []);
}

/** Adds one decision (written atomically; a caseworker's command may run beside the daemon). */
export async function addCampaignDecision(store: Store, decision: CampaignDecision): Promise<void> {
  const all = await readCampaignDecisions(store);
  await store.writeState(DECISIONS, [...all, decision]);
}
