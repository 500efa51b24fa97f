// A value a caseworker decided is marked as decided by a person, with who and when, wherever the
// record is shown: `show`, the CSV and spreadsheet exports (a column), the journal listing and the
// arkivmelding (a merknad). A record nobody decided anything about carries no mark.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { onePass, records, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { forgedReply, genuineReply } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { createLogger } from '../../src/log.js';
import { changeCommand, correctRequest, decideRequest } from '../../src/commands/decide.js';
import { showCommand } from '../../src/commands/list.js';
import { exportCsv } from '../../src/export/csv.js';
import { exportXlsx } from '../../src/export/xlsx.js';
import { exportJournal } from '../../src/export/journal.js';
import { arkivmeldingXml } from '../../src/export/arkivmelding-xml.js';

const log = createLogger({ level: 'silent', secrets: [] });
function capture() {
  let text = '';
  return { out: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
}
const WHO_WHEN = String.raw`\([^,()]+, \d{4}-\d\d-\d\d \d\d:\d\d\)`;

describe('decided by a person, everywhere the record is shown', () => {
  it('show, CSV, XLSX, journal and arkivmelding mark the decided values, and only those', async () => {
    const config = testConfig();
    deliver(config.maildir, genuineReply());
    deliver(config.maildir, forgedReply());
    deliver(config.maildir, genuineReply('Per <per@ks.no>'));
    await onePass(config);
    const [corrected, held, untouched] = records(config);
    expect(held!.receipt.status).toBe('held');
    const q = capture();
    expect(await changeCommand(config, projectRules(), log, correctRequest(corrected!.id, { commitments: 'journalforing', unknown: true, note: 'gjelder arkiv' }), q.out, q.out)).toBe(0);
    expect(await changeCommand(config, projectRules(), log, decideRequest(held!.id, 'input', {}), q.out, q.out)).toBe(0);
    const all = records(config);

    // show: the decided rows say so; the others do not; the note is shown.
    const shown = capture();
    expect(await showCommand(config.dataDir, projectRules(), corrected!.id, false, shown.out)).toBe(0);
    const line = (label: string) => shown.text().split('\n').find((l) => l.startsWith(label))!;
    expect(line('Forpliktelser:')).toMatch(/^Forpliktelser:\s+journalforing \(0\) – avgjort av saksbehandler \(\S+, \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d\)$/);
    expect(line('Fra:')).toContain('ukjent organisasjon (Ukjent avsender) – avgjort av saksbehandler');
    expect(line('Relevant:')).not.toContain('avgjort');
    expect(line('Notat:')).toMatch(/^Notat:\s+gjelder arkiv \(/);
    const shownHeld = capture();
    await showCommand(config.dataDir, projectRules(), held!.id, false, shownHeld.out);
    expect(shownHeld.text()).toMatch(/Relevant:\s+ja .* – avgjort av saksbehandler/);
    const plain = capture();
    await showCommand(config.dataDir, projectRules(), untouched!.id, false, plain.out);
    expect(plain.text()).not.toContain('avgjort');

    const dir = mkdtempSync(join(tmpdir(), 'innspill-marks-'));
    // CSV: a column, empty for a record nobody decided.
    await exportCsv(all, projectRules(), join(dir, 'a.csv'));
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8').split('\r\n');
    const header = csv[0]!.replace(/^\uFEFF/, '').split(';');
    const column = header.indexOf('avgjort av saksbehandler');
    expect(column).toBeGreaterThan(0);
    const cellOf = (id: string) => csv.find((l) => l.startsWith(`${id};`))!.split(';')[column]!.replace(/^"|"$/g, '');
    expect(cellOf(corrected!.id)).toMatch(new RegExp(`^forpliktelser, organisasjon ${WHO_WHEN}$`));
    expect(cellOf(held!.id)).toMatch(new RegExp(`^innspill eller ikke ${WHO_WHEN}$`));
    expect(cellOf(untouched!.id)).toBe('');

    // XLSX: the same column.
    await exportXlsx(all, projectRules(), join(dir, 'a.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'a.xlsx'));
    const sheet = book.getWorksheet('Innspill')!;
    const xlsxHeader = (sheet.getRow(1).values as unknown[]).slice(1);
    const xlsxColumn = xlsxHeader.indexOf('avgjort av saksbehandler') + 1;
    expect(xlsxColumn).toBeGreaterThan(1);
    const rowOf = (id: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === id)!;
    expect(String(rowOf(corrected!.id).getCell(xlsxColumn).value)).toMatch(/^forpliktelser, organisasjon \(/);
    expect(rowOf(untouched!.id).getCell(xlsxColumn).value ?? '').toBe('');

    // Journal: a merknad before the id.
    await exportJournal(all, projectRules(), join(dir, 'j.csv'));
    const journal = readFileSync(join(dir, 'j.csv'), 'utf8');
    expect(journal.split('\r\n')[0]).toMatch(/;merknad;innspill-id$/);
    expect(journal).toMatch(new RegExp(`;"?Avgjort av saksbehandler: forpliktelser, organisasjon ${WHO_WHEN}\\."?;${corrected!.id}\\r\\n`));
    expect(journal).toMatch(new RegExp(`;;${untouched!.id}\\r\\n`));

    // Arkivmelding: a merknad.
    const xml = (id: string) => arkivmeldingXml({ record: all.find((r) => r.id === id)!, rules: projectRules(), documents: [], original: null }, 0);
    expect(xml(held!.id)).toMatch(new RegExp(`<merknadstekst>Avgjort av saksbehandler: innspill eller ikke ${WHO_WHEN}\\.</merknadstekst>`));
    expect(xml(untouched!.id)).not.toContain('Avgjort av saksbehandler');
  });
});
