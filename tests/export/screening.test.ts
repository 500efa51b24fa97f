// The public title and the public journal listing (issue 12, item 12): a private person's name,
// e-mail address and postal address are screened in offentligTittel; an organisation's name
// stays; the listing carries no private person's e-mail address; the journal listing and the
// arkivmelding give the same public title (one screening function).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arkivmeldingXml } from '../../src/export/arkivmelding-xml.js';
import { exportJournal } from '../../src/export/journal.js';
import { publicTitle } from '../../src/export/screening.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const mask = rules.consultation.archive.screeningMask;
const dir = mkdtempSync(join(tmpdir(), 'innspill-screening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const privateSender = makeRecord({
  seq: 1,
  from: 'kari.nordmann@gmail.com',
  name: 'Kari Nordmann',
  subject: 'Innspill fra Kari Nordmann, Storgata 5, 0155 Oslo (kari.nordmann@gmail.com)',
});
const organisation = makeRecord({ seq: 2, from: 'postmottak@ks.no', name: 'Kari Nordmann', subject: 'Innspill fra KS v/ Kari Nordmann' });
const forged = makeRecord({ seq: 3, from: 'ola@ks-no.example', name: 'KS v/ Ola Hansen', subject: 'Innspill fra KS v/ Ola Hansen' });

describe('the public title (offentligTittel)', () => {
  it('screens a private person’s name, e-mail address and postal address', () => {
    expect(publicTitle(privateSender, mask)).toBe(`Innspill fra ${mask} (${mask})`);
  });

  it('finds the name in any case, and from the address when the display name is empty', () => {
    expect(publicTitle(makeRecord({ seq: 4, from: 'kari@example.org', name: 'Kari Hansen', subject: 'innspill fra KARI og hansen' }), mask)).toBe(`innspill fra ${mask} og ${mask}`);
    expect(publicTitle(makeRecord({ seq: 5, from: 'per.olsen@example.org', name: '', subject: 'Per Olsen om eInnsyn' }), mask)).toBe(`${mask} om eInnsyn`);
    expect(publicTitle(makeRecord({ seq: 6, from: 'x@example.org', name: 'Ola', subject: 'Svar til Postboks 8112 Dep, 0032 Oslo' }), mask)).toBe(`Svar til ${mask} Dep, ${mask}`);
  });

  it('leaves other words of a private person’s title alone', () => {
    expect(publicTitle(makeRecord({ seq: 7, from: 'ola.hansen@gmail.com', name: 'Ola Hansen', subject: 'Innspill om eInnsyn og åpenhet' }), mask)).toBe('Innspill om eInnsyn og åpenhet');
  });

  it('keeps an organisation’s title as written, the contact person too, but no e-mail address', () => {
    expect(publicTitle(organisation, mask)).toBe('Innspill fra KS v/ Kari Nordmann');
    expect(publicTitle(makeRecord({ seq: 8, from: 'postmottak@ks.no', subject: 'Innspill, kontakt kari@ks.no' }), mask)).toBe(`Innspill, kontakt ${mask}`);
  });

  it('takes a sender as private when intake decided no organisation, whatever the display name says', () => {
    expect(forged.sender.organisation).toBeNull();
    expect(publicTitle(forged, mask)).toBe(`Innspill fra ${mask} v/ ${mask}`);
  });
});

describe('the public journal listing', () => {
  it('carries no private person’s e-mail address, and the same screened public title as the arkivmelding', async () => {
    const path = join(dir, 'journal.csv');
    await exportJournal([privateSender, organisation, forged], rules, path);
    const csv = readFileSync(path, 'utf8');
    expect(csv).not.toContain('kari.nordmann@gmail.com');
    expect(csv).not.toContain('ola@ks-no.example');
    expect(csv).toContain('postmottak@ks.no');
    const lines = csv.slice(1).split('\r\n');
    const header = lines[0]!.split(';');
    const column = (id: string, name: string) => {
      const line = lines.find((l) => l.endsWith(`;${id}`))!;
      const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^;]*)(?:;|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
      return cells[header.indexOf(name)];
    };
    for (const r of [privateSender, organisation, forged]) {
      const xml = arkivmeldingXml({ record: r, rules, documents: [], original: null }, 0);
      const fromXml = /<offentligTittel>([^<]*)<\/offentligTittel>/.exec(xml)![1];
      expect(column(r.id, 'offentligTittel')).toBe(fromXml);
      expect(column(r.id, 'offentligTittel')).toBe(publicTitle(r, mask));
    }
    expect(column(privateSender.id, 'offentligTittel')).not.toMatch(/Kari|Nordmann|Storgata|0155/);
    expect(column(privateSender.id, 'epostadresse')).toBe('');
    expect(column(organisation.id, 'epostadresse')).toBe('postmottak@ks.no');
  });
});
