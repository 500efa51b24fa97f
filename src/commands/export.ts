// `innspill export --format csv|xlsx|journal --out FILE`: every filed record (csv, xlsx) or every
// submission as a journal listing (journal). Reads the store only.
import type { Config } from '../config.js';
import { exportCsv } from '../export/csv.js';
import { exportJournal } from '../export/journal.js';
import { exportXlsx } from '../export/xlsx.js';
import type { Rules } from '../rules/types.js';
import { Store } from '../store/json-store.js';
import type { SubmissionRecord } from '../store/record.js';

export interface ExportCommandOptions {
  format?: string;
  out?: string;
  config: Config;
  rules: Rules;
  stderr: NodeJS.WritableStream;
}

const EXPORTERS: Record<string, (records: SubmissionRecord[], rules: Rules, path: string) => Promise<number>> = {
  csv: exportCsv,
  xlsx: exportXlsx,
  journal: exportJournal,
};

export async function exportCommand(o: ExportCommandOptions): Promise<number> {
  const fail = (message: string, code: number) => {
    o.stderr.write(`innspill export: ${message}\n`);
    return code;
  };
  const exporter = EXPORTERS[o.format ?? ''];
  if (!exporter) return fail(`--format må være csv, xlsx eller journal (fikk «${o.format ?? ''}»)`, 2);
  if (!o.out) return fail('--out FIL må oppgis', 2);
  const store = await Store.open(o.config.dataDir, { lock: false });
  const records = await store.readAll();
  await store.close();
  let rows: number;
  try {
    rows = await exporter(records, o.rules, o.out);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail(`kunne ikke skrive ${o.out}: ${e.code === 'ENOENT' ? 'mappen finnes ikke' : e.code === 'EACCES' ? 'mangler tilgang' : e.message}`, 1);
  }
  o.stderr.write(`Skrev ${rows} rader til ${o.out}.\n`);
  return 0;
}
