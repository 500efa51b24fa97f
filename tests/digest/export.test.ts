import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/csv.js';
import { exportJournal } from '../../src/export/journal.js';
import { exportXlsx } from '../../src/export/xlsx.js';
import { HOSTILE, consultationFixture, makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const records = [
  ...consultationFixture(),
  makeRecord({ seq: 17, from: 'post@ffo.no', name: 'Hansen, "Kari"; Ola', subject: '=HYPERLINK("http://x";"klikk"), æøå ÆØÅ\r\ndel 2', commitments: ['einnsyn'], date: null }),
  // A record of the second consultation (the PBL hearing), filed in the same store.
  { ...makeRecord({ seq: 18, from: 'postmottak@ks.no', subject: 'Høringssvar om dispensasjoner', commitments: ['dispensasjon'] }), id: 'pbl-2021-0001', consultation: { id: 'pbl-2021', reason: { code: 'case-number' as const, text: 'saksnummeret 21/345 står i emnefeltet' } } },
];
const dir = mkdtempSync(join(tmpdir(), 'innspill-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * As Excel in a Norwegian locale reads a CSV file: fields split on semicolons, "..." quoted with ""
 * for a quote, rows end with CRLF.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const field = /(?:"((?:[^"]|"")*)"|([^";\r\n]*))(;|\r\n)/gy;
  let row: string[] = [];
  for (let m = field.exec(text); m; m = field.exec(text)) {
    row.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
    if (m[3] === '\r\n') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('CSV export', () => {
  let rowCount: number;
  let raw: Buffer;
  let rows: string[][];
  let header: string[];
  beforeAll(async () => {
    const path = join(dir, 'innspill.csv');
    rowCount = await exportCsv(records, rules, path);
    raw = readFileSync(path);
    rows = parseCsv(raw.toString('utf8').slice(1));
    header = rows[0]!;
  });
  const row = (id: string) => rows.find((r) => r[0] === id)!;
  const cell = (id: string, column: string) => row(id)[header.indexOf(column)];

  it('is UTF-8 with a byte order mark, CRLF lines, one row per record after the header', () => {
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('Innspill om åpne kulturdata');
    expect(raw.toString('utf8').replace('æøå ÆØÅ\r\ndel 2', '')).not.toMatch(/[^\r]\n/);
    expect(rowCount).toBe(18);
    expect(rows).toHaveLength(19);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });

  it('has every column a caseworker sorts by', () => {
    expect(header).toEqual([
      'id',
      'mottatt',
      'for sent',
      'organisasjon',
      'kategori',
      'avsender e-post',
      'avsendernavn',
      'emne',
      'forpliktelser',
      'forpliktelser (titler)',
      'språk',
      'antall vedlegg',
      'uleselige vedlegg',
      'kvittering status',
      'oppfølging av',
      'automatisk (type)',
      'problemer',
      'avgjort av saksbehandler',
      'kampanje',
      'innspillsrunde',
      'saksnummer',
    ]);
    expect(row('2021-0001')).toEqual([
      '2021-0001',
      '2021-05-10 10:01',
      'nei',
      'Kommunesektorens interesse- og arbeidsgiverorganisasjon',
      'Kommunesektoren',
      'postmottak@ks.no',
      'Kari Nordmann',
      'Innspill fra KS til handlingsplan 4B',
      'einnsyn; journalforing',
      'eInnsyn; Veiledning om journalføring og arkivering',
      'nb',
      '1',
      '0',
      'sendt',
      '',
      '',
      '',
      '',
      '',
      'OGP 4B',
      '17/1886',
    ]);
    expect(cell('2021-0005', 'for sent')).toBe('ja');
    expect(cell('2021-0006', 'forpliktelser')).toBe('uklassifisert');
    expect(cell('2021-0006', 'kvittering status')).toBe('feilet');
    expect(cell('2021-0007', 'automatisk (type)')).toBe('Fraværsmelding');
    expect(cell('2021-0009', 'oppfølging av')).toBe('2021-0001');
    expect(cell('2021-0004', 'uleselige vedlegg')).toBe('1');
    expect(cell('2021-0010', 'problemer')).toBe('filen er ikke en e-postmelding (ingen e-posthoder funnet)');
  });

  it("names each record's consultation as caseworkers know it, with its case number and its own titles", () => {
    expect(cell('pbl-2021-0001', 'innspillsrunde')).toBe('PBL-høring 2021');
    expect(cell('pbl-2021-0001', 'saksnummer')).toBe('21/345');
    expect(cell('pbl-2021-0001', 'forpliktelser (titler)')).toBe('Dispensasjoner');
    expect(cell('2021-0017', 'innspillsrunde')).toBe('OGP 4B');
  });

  it('quotes commas and quotes, keeps æøå, and keeps a formula a sender wrote as text', () => {
    expect(cell('2021-0017', 'avsendernavn')).toBe('Hansen, "Kari"; Ola');
    expect(raw.toString('utf8')).toContain('"Hansen, ""Kari""; Ola"');
    expect(cell('2021-0017', 'emne')).toBe(`'=HYPERLINK("http://x";"klikk"), æøå ÆØÅ\r\ndel 2`);
    expect(cell('2021-0004', 'emne')).toContain(HOSTILE.script);
  });

  it('is separated by semicolons, as Excel in a Norwegian locale splits a file opened with a double-click', () => {
    const firstLine = raw.toString('utf8').slice(1).split('\r\n')[0]!;
    expect(firstLine.split(';')).toEqual(header);
    expect(firstLine).not.toContain(',');
    // a semicolon or a line break inside a field is quoted, so the row keeps its columns
    expect(raw.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"";""klikk""), æøå ÆØÅ\r\ndel 2"`);
    expect(rows.every((r) => r.length === header.length)).toBe(true);
  });
});

describe('XLSX export', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const path = join(dir, 'innspill.xlsx');
    await exportXlsx(records, rules, path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    sheet = workbook.getWorksheet('Innspill')!;
  });

  it('is a real workbook with a bold, frozen header row and filters on every column', () => {
    expect(sheet.getRow(1).values).toEqual([undefined, 'id', 'mottatt', 'for sent', 'organisasjon', 'kategori', 'avsender e-post', 'avsendernavn', 'emne', 'forpliktelser', 'forpliktelser (titler)', 'språk', 'antall vedlegg', 'uleselige vedlegg', 'kvittering status', 'oppfølging av', 'automatisk (type)', 'problemer', 'avgjort av saksbehandler', 'kampanje', 'innspillsrunde', 'saksnummer']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(JSON.stringify(sheet.autoFilter)).toMatch(/A1.*U1|"column":21/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(8).width).toBe(50);
    expect(sheet.rowCount).toBe(19);
    expect(sheet.getRow(19).getCell(20).value).toBe('PBL-høring 2021');
    expect(sheet.getRow(19).getCell(21).value).toBe('21/345');
  });

  it('writes times as Excel dates (Oslo wall-clock time) and counts as numbers', () => {
    const ks = sheet.getRow(2);
    expect(ks.getCell(1).value).toBe('2021-0001');
    expect(ks.getCell(2).value).toEqual(new Date(Date.UTC(2021, 4, 10, 10, 1)));
    expect(ks.getCell(2).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(ks.getCell(12).value).toBe(1);
    expect(ks.getCell(10).value).toBe('eInnsyn; Veiledning om journalføring og arkivering');
    expect(sheet.getRow(11).getCell(2).value).toBeNull(); // 2021-0010: time unknown
    expect(String(sheet.getRow(18).getCell(8).value).replace(/\r/g, '')).toBe('=HYPERLINK("http://x";"klikk"), æøå ÆØÅ\ndel 2'); // text, not a formula
  });

  it('filters the whole table: the header and every row, not the header alone', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'innspill.xlsx')));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<autoFilter ref="A1:U19"\s*\/>/);
  });
});

describe('journal export', () => {
  let count: number;
  let raw: string;
  let rows: string[][];
  let header: string[];
  beforeAll(async () => {
    const path = join(dir, 'journal.csv');
    count = await exportJournal(records, rules, path);
    raw = readFileSync(path, 'utf8');
    rows = parseCsv(raw.slice(1));
    header = rows[0]!;
  });
  const line = (id: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r.at(-1) === id)![i]]));

  it('lists the submissions only, in filing order, with Noark 5 names as the header', () => {
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(header).toEqual([
      'journaldato',
      'mottattDato',
      'dokumentetsDato',
      'journalposttype',
      'korrespondanseparttype',
      'korrespondansepartNavn',
      'kontaktperson',
      'epostadresse',
      'tittel',
      'offentligTittel',
      'saksnummer',
      'antallVedlegg',
      'merknad',
      'innspill-id',
    ]);
    expect(count).toBe(15);
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual([...[1, 2, 3, 4, 5, 6, 9, 11, 12, 13, 14, 15, 16, 17].map((n) => `2021-${String(n).padStart(4, '0')}`), 'pbl-2021-0001']);
  });

  it('has what a records officer registers from', () => {
    expect(line('2021-0001')).toEqual({
      journaldato: '2021-05-10',
      mottattDato: '2021-05-10 10:01',
      dokumentetsDato: '2021-05-10',
      journalposttype: 'Inngående dokument',
      korrespondanseparttype: 'Avsender',
      korrespondansepartNavn: 'Kommunesektorens interesse- og arbeidsgiverorganisasjon',
      kontaktperson: 'Kari Nordmann',
      epostadresse: 'postmottak@ks.no',
      tittel: 'Innspill fra KS til handlingsplan 4B',
      offentligTittel: 'Innspill fra KS til handlingsplan 4B',
      saksnummer: '17/1886',
      antallVedlegg: '1',
      merknad: '',
      'innspill-id': '2021-0001',
    });
    // A private person's e-mail address is not in the public listing (tests/export/screening.test.ts).
    expect(line('2021-0013')).toMatchObject({ korrespondansepartNavn: 'Åse Berg', kontaktperson: '', epostadresse: '' });
    expect(line('2021-0005')).toMatchObject({ journaldato: '2021-05-19', mottattDato: '2021-05-19 10:30' });
    expect(line('2021-0017').dokumentetsDato).toBe('Udatert');
    // Each journalpost in its own consultation's case.
    expect(line('pbl-2021-0001').saksnummer).toBe('21/345');
  });
});
