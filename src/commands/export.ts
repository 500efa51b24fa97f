// `innspill export --format csv|xlsx|journal --out FILE [--since WHEN]`: every filed record (csv,
// xlsx) or every submission as a journal listing (journal), or only those filed after --since.
// Reads the store only.
import type { Config } from '../config.js';
import { exportCsv } from '../export/csv.js';
import { exportJournal } from '../export/journal.js';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';
import { checkOutFile, outFileError } from './out-file.js';
import { parseLocalTime } from './since.js';
import { UsageError } from './usage.js';
import { chosenConsultation, recordsOf } from './consultation-option.js';
import { campaignRefs, inCampaignsText } from '../store/campaigns.js';

export interface ExportCommandOptions {
  format?: string;
  out?: string;
  /** only what was filed after this time: a date or time in the consultation's zone, or with an offset */
  since?: string;
  /** arkivmelding: write every submission again, also those exported unchanged before */
  all?: boolean;
  /** arkivmelding: automatic mail (out-of-office, bounces) too */
  includeAutomatic?: boolean;
  /** arkivmelding: messages still held for a caseworker's decision too. */
  includeHeld?: boolean;
  /** Only this consultation's records (its id); unset: every consultation's. */
  consultation?: string;
  config: Config;
  rules: Rules;
  stderr: NodeJS.WritableStream;
}

const EXPORTERS: Record<string, (records: SubmissionRecord[], rules: Rules, path: string) => Promise<number>> = {
  csv: exportCsv,
  // exceljs (about 1 s of CPU to load) only when a workbook is asked for.
  xlsx: async (records, rules, path) => (await import('../export/xlsx.js')).exportXlsx(records, rules, path),
  journal: exportJournal,
};

export async function exportCommand(o: ExportCommandOptions): Promise<number> {
  const fail = (message: string, code: number) => {
    o.stderr.write(`innspill export: ${message}\n`);
    return code;
  };
  // The archive export writes a folder per submission: its own command (export-archive.ts).
  let chosen: Rules | null;
  try {
    chosen = chosenConsultation(o.rules, o.consultation);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    throw err;
  }
  if (o.format === 'arkivmelding') return (await import('./export-archive.js')).archiveExportCommand(o);
  const exporter = EXPORTERS[o.format ?? ''];
  if (!exporter) return fail(`--format må være ${[...Object.keys(EXPORTERS), 'arkivmelding'].join(', ')} (fikk «${o.format ?? ''}»)`, 2);
  if (!o.out) return fail('--out FIL må oppgis', 2);
  const since = o.since === undefined ? null : parseLocalTime(o.since, o.rules.consultation.timezone);
  if (o.since !== undefined && !since) return fail(`--since må være en dato eller et tidspunkt i norsk tid (f.eks. 2021-05-18 eller 2021-05-18T08:00), eller et tidspunkt med tidssone (fikk «${o.since}»)`, 2);
  try {
    await checkOutFile(o.out);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    throw err;
  }
  const store = await Store.open(o.config.dataDir, { lock: false });
  // Read from the file of record copies (record-copies.ts); each record read for this export only.
  const everything = await store.readAllCopies();
  const campaigns = await campaignRefs(store, o.rules, everything);
  const records = recordsOf(everything, o.rules, chosen)
    .filter((r) => !since || Date.parse(r.filedAt) > since.getTime())
    // Set on the record rather than spread into a copy: a spread would parse what the copy keeps apart.
    .map((r) => Object.assign(r, { campaign: campaigns.get(r.id) ?? null }));
  await store.close();
  let rows: number;
  try {
    rows = await exporter(records, o.rules, o.out);
  } catch (err) {
    if (typeof (err as NodeJS.ErrnoException).code !== 'string') throw err;
    return fail(outFileError(err, o.out).message, 2);
  }
  const inCampaigns = inCampaignsText(records, campaigns);
  o.stderr.write(`Skrev ${rows} rader til ${o.out}${inCampaigns ? ` (${inCampaigns})` : ''}.\n`);
  return 0;
}
