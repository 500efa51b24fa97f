// `innspill export --format arkivmelding --out DIR [--since WHEN] [--all] [--include-automatic]`:
// one folder per submission for the Noark 5 archive (src/export/archive.ts). Only what is new or
// changed since the last export is written unless --all. A records officer reads what it says,
// so it speaks Norwegian. Exit status 0 when every folder was written, 1 when one could not be.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportArchive } from '../export/archive.js';
import { Store } from '../store/json-store.js';
import { parseLocalTime } from './since.js';
import { outFolderProblem } from './out-file.js';
import type { ExportCommandOptions } from './export.js';

/** The options of `innspill export --format arkivmelding` (the format is known). */
export type ArchiveExportCommandOptions = Omit<ExportCommandOptions, 'format'> & { now?: () => Date };

export async function archiveExportCommand(o: ArchiveExportCommandOptions): Promise<number> {
  const say = (line: string) => o.stderr.write(`${line}\n`);
  const fail = (message: string, code: number) => {
    say(`innspill export: ${message}`);
    return code;
  };
  if (!o.out) return fail('--out MAPPE må oppgis: mappen arkivpakkene skrives til', 2);
  const since = o.since === undefined ? null : parseLocalTime(o.since, o.rules.consultation.timezone);
  if (o.since !== undefined && !since) return fail(`--since må være en dato eller et tidspunkt i norsk tid (f.eks. 2021-05-18 eller 2021-05-18T08:00), eller et tidspunkt med tidssone (fikk «${o.since}»)`, 2);
  const out = resolve(o.out);
  try {
    // The folder is made if missing, its parent must be there: a mistyped path is not built.
    if (!(await stat(out).catch(() => null))?.isDirectory()) await mkdir(out);
    await access(out, constants.W_OK);
  } catch (err) {
    return fail(`kan ikke lage eller skrive til mappen ${out}: ${outFolderProblem(err)}`, 2);
  }
  const store = await Store.open(o.config.dataDir, { lock: false });
  let result;
  try {
    result = await exportArchive(store, o.rules, out, { since, all: o.all === true, includeAutomatic: o.includeAutomatic === true, includeHeld: o.includeHeld === true, consultation: o.consultation ?? null, now: o.now });
  } finally {
    await store.close();
  }
  const count = (kind: string) => result.written.filter((w) => w.change === kind).length;
  say(
    `Skrev ${result.written.length} arkivpakker til ${out}: ${count('new')} nye, ${count('changed')} endret siden forrige eksport, ${count('again')} på nytt (--all).` +
      (result.unchanged.length > 0 ? ` ${result.unchanged.length} uendret siden forrige eksport er ikke skrevet på nytt (bruk --all for å skrive alle).` : ''),
  );
  if (result.held.length > 0) {
    say(`${result.held.length} ${result.held.length === 1 ? 'melding venter' : 'meldinger venter'} fortsatt på en saksbehandlers vurdering (innspill review) og er ikke eksportert: ${result.held.join(', ')}. Bruk --include-held for å ta dem med.`);
  }
  for (const f of result.failed) say(`innspill export: ${f.id} ble ikke eksportert: ${f.reason}`);
  return result.failed.length > 0 ? 1 : 0;
}
