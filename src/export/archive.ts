// `export --format arkivmelding`: each submission as a folder an archive system imports —
// arkivmelding.xml (one incoming journal post in case 17/1886), the original message (.eml), a
// readable rendering of it (.html) and every attachment under a safe name.
//
// What was exported is remembered in state/archive-exported.json by a hash of the journal post's
// XML (which names every file with its SHA-256): a later run writes only what is new or has
// changed since (a caseworker's mark, a rule for screening), and `all` writes everything again.
// A folder is written beside its place and renamed into it, so an archive that picks folders up
// never sees half of one.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseMessage } from '../intake/parse.js';
import type { Rules } from '../rules/types.js';
import { rulesFor } from '../rules/views.js';
import { consultationOfRecord } from '../store/record.js';
import { isAwaitingDecision } from '../decisions/change.js';
import { fsyncDir, writeFileAtomic } from '../store/atomic.js';
import type { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { MESSAGE_FORMAT, RENDERING_FORMAT, attachmentFormat, safeAttachmentName } from './archive-files.js';
import { renderMessageHtml } from './archive-html.js';
import { ARCHIVE_STATE, archiveInputsKey, readArchiveState, type ArchiveState } from './archive-state.js';
import type { ArchiveRecord, PackageDocument, PostContext } from './arkivmelding-fields.js';
import { arkivmeldingXml } from './arkivmelding-xml.js';
import { titleOf } from './screening.js';

export interface ArchiveExportOptions {
  /** Only records filed after this time. */
  since?: Date | null;
  /** Write every selected record again, also those exported unchanged before. */
  all?: boolean;
  /** Automatic mail (out-of-office, bounces) too; left out by default. */
  includeAutomatic?: boolean;
  /** Messages still held for a caseworker's decision too; left out by default (a person has not said they are input). */
  includeHeld?: boolean;
  /** Only this consultation's records (its id); unset: every consultation's. */
  consultation?: string | null;
  now?: () => Date;
}

export interface ArchiveExportResult {
  written: Array<{ id: string; change: 'new' | 'changed' | 'again' }>;
  unchanged: string[];
  /** Records that could not be exported, with the reason in words (nothing is marked exported). */
  failed: Array<{ id: string; reason: string }>;
  /** Held for a caseworker's decision and not decided: left out (unless includeHeld). */
  held: string[];
}

/** Submissions an archive takes: the consultation's readable messages, automatic ones when asked. */
export function archivable(r: SubmissionRecord, includeAutomatic: boolean): boolean {
  return r.relevant && r.readable && (includeAutomatic || !r.automatic);
}

interface Planned {
  xml: string;
  hash: string;
  /** File name in the folder → where its bytes come from. */
  copies: Array<[string, string]>;
  writes: Array<[string, string]>;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

async function fileSize(path: string, what: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    throw new Error(`${what} mangler i lageret (${path}): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function plan(store: Store, r: ArchiveRecord, rules: Rules, original: SubmissionRecord | null): Promise<Planned> {
  const rawPath = store.path(r.raw);
  const raw = await readFile(rawPath).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`den opprinnelige e-posten mangler i lageret (${rawPath}): ${err.code ?? err.message}`);
  });
  const attachments = await Promise.all(
    r.attachments.map(async (a, i) => {
      const format = attachmentFormat(a);
      const name = safeAttachmentName(a, i, format);
      const size = await fileSize(store.path(a.file), `vedlegg ${i + 1} («${a.filename || 'uten navn'}»)`);
      return { a, format, name, size };
    }),
  );
  const parsed = await parseMessage(raw).catch(() => null);
  const html = renderMessageHtml(
    r,
    parsed?.text ?? '',
    attachments.map(({ a, name, size }) => ({ filename: a.filename, file: name, size, problem: a.problem })),
    rules.consultation.timezone,
  );
  const emlName = `${r.id}.eml`;
  const htmlName = `${r.id}.html`;
  const documents: PackageDocument[] = [
    {
      number: 1,
      role: 'H',
      title: titleOf(r),
      problem: null,
      files: [
        { name: emlName, shownName: emlName, format: MESSAGE_FORMAT, variant: 'P', size: raw.length, sha256: sha256(raw) },
        { name: htmlName, shownName: htmlName, format: RENDERING_FORMAT, variant: 'A', size: Buffer.byteLength(html), sha256: sha256(html) },
      ],
    },
    ...attachments.map(({ a, format, name, size }, i) => ({
      number: i + 2,
      role: 'V' as const,
      title: a.filename.trim() || `Vedlegg ${i + 1}`,
      problem: a.problem,
      files: [{ name, shownName: a.filename.trim() || name, format, variant: 'P' as const, size, sha256: a.sha256 }],
    })),
  ];
  const context: PostContext = { record: r, rules, documents, original };
  const xml = arkivmeldingXml(context, documents.reduce((n, d) => n + d.files.length, 0));
  return {
    xml,
    hash: sha256(xml),
    copies: [[emlName, rawPath], ...attachments.map(({ a, name }): [string, string] => [name, store.path(a.file)])],
    writes: [[htmlName, html]],
  };
}

/** Writes the folder whole: into a temporary folder beside it, then renamed into place. */
async function writePackage(outDir: string, id: string, p: Planned): Promise<void> {
  const target = join(outDir, id);
  const temp = join(outDir, `.${id}.tmp-${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  for (const [name, from] of p.copies) await copyFile(from, join(temp, name));
  for (const [name, text] of p.writes) await writeFileAtomic(join(temp, name), text, { syncDir: false });
  await writeFileAtomic(join(temp, 'arkivmelding.xml'), p.xml);
  const old = join(outDir, `.${id}.old-${process.pid}`);
  const had = await stat(target).then(
    () => true,
    () => false,
  );
  if (had) await rename(target, old);
  await rename(temp, target);
  if (had) await rm(old, { recursive: true, force: true });
}

const REMEMBER_EVERY = 50;

/** The sizes of the original and of each attachment (-1 for one missing): part of a post's inputs. */
async function fileSizes(store: Store, r: ArchiveRecord): Promise<number[]> {
  const size = (path: string) => stat(store.path(path)).then((s) => s.size, () => -1);
  return Promise.all([size(r.raw), ...r.attachments.map((a) => size(a.file))]);
}

async function remember(store: Store, out: string, state: ArchiveState): Promise<void> {
  await fsyncDir(out);
  await store.writeState(ARCHIVE_STATE, state);
}

export async function exportArchive(store: Store, rules: Rules, outDir: string, o: ArchiveExportOptions = {}): Promise<ArchiveExportResult> {
  const now = o.now ?? (() => new Date());
  const out = resolve(outDir);
  await mkdir(out).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  const records = (await store.readAll()) as ArchiveRecord[];
  const byId = new Map(records.map((r) => [r.id, r]));
  const state: ArchiveState = await readArchiveState(store);
  const result: ArchiveExportResult = { written: [], unchanged: [], failed: [], held: [] };
  const candidates = records.filter(
    (r) =>
      archivable(r, o.includeAutomatic === true) &&
      (!o.since || Date.parse(r.filedAt) > o.since.getTime()) &&
      (!o.consultation || consultationOfRecord(r, rules.routing.default) === o.consultation),
  );
  // Still waiting for a person to say whether it is input: not into the archive yet, but counted.
  const leftOut = (r: SubmissionRecord) => o.includeHeld !== true && isAwaitingDecision(r);
  result.held = candidates.filter(leftOut).map((r) => r.id);
  const selected = candidates.filter((r) => !leftOut(r));
  let checked = 0;
  for (const r of selected) {
    const view = rulesFor(rules, r.consultation?.id);
    const original = r.followUpOf ? (byId.get(r.followUpOf) ?? null) : null;
    const before = state.records[r.id];
    // Made from the same inputs as when it was exported: the same post, known without parsing and
    // rendering the message again. A file gone missing makes the key differ (and the plan fail).
    const inputs = archiveInputsKey(r, original, view.consultation, await fileSizes(store, r));
    if (before && before.inputs === inputs && !o.all) {
      result.unchanged.push(r.id);
      continue;
    }
    let p: Planned;
    try {
      // Each record with its own consultation's case number, time zone and screening.
      p = await plan(store, r, view, original);
    } catch (err) {
      result.failed.push({ id: r.id, reason: (err as Error).message });
      continue;
    }
    if (before && before.hash === p.hash && !o.all) {
      result.unchanged.push(r.id);
      state.records[r.id] = { ...before, inputs };
      checked++;
      continue;
    }
    try {
      await writePackage(out, r.id, p);
    } catch (err) {
      result.failed.push({ id: r.id, reason: `mappen kunne ikke skrives: ${(err as Error).message}` });
      continue;
    }
    result.written.push({ id: r.id, change: !before ? 'new' : before.hash === p.hash ? 'again' : 'changed' });
    state.records[r.id] = { hash: p.hash, exportedAt: now().toISOString(), folder: join(out, r.id), inputs };
    // Remembered as it goes: an export cut short repeats at most the last few folders.
    if (result.written.length % REMEMBER_EVERY === 0) await remember(store, out, state);
  }
  if (result.written.length % REMEMBER_EVERY !== 0 || checked > 0) await remember(store, out, state);
  return result;
}
