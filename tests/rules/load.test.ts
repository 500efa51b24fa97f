import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/load.js';
import { rulesLoadError, rulesWith } from '../helpers/broken-rules.js';
import { OGP, rulesDir } from '../helpers/rules.js';

/** The line (from 1) of the first line with `needle`; with `after`, the first such line below the first line with `after`. */
function lineOf(dir: string, file: string, needle: string, after?: string): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  const at = lines.findIndex((l, i) => i >= from && l.includes(needle));
  return at < 0 || from < 0 ? 0 : at + 1;
}

describe('rules/ as data, validated at load', () => {
  it('loads the shipped rules: nine commitments and two topics in plan order, the whole register', () => {
    const rules = loadRules(rulesDir);
    expect(rules.consultation.classIds).toEqual([
      'ungdomspanel', 'anskaffelser', 'einnsyn', 'journalforing', 'kunstig-intelligens', 'kulturdata',
      'plan-og-bygg', 'antikorrupsjon', 'reelle-rettighetshavere', 'ny-forpliktelse', 'samskaping',
    ]);
    expect(rules.commitments.items.map((c) => c.id)).toEqual(rules.consultation.classIds);
    expect(rules.organisations.length).toBe(47);
    expect(rules.consultation.deadlineAt.toISOString()).toBe('2021-05-18T21:59:59.000Z');
  });

  it('names file and line for YAML that does not parse', () => {
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('  threshold: 3', '  threshold: [3'));
    const err = rulesLoadError(dir);
    expect(err.message).toMatch(/commitments\.yaml:\d+:\d+: not valid YAML/);
  });

  it('names the line of a misspelt commitment id', () => {
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('- id: einnsyn', '- id: e-innsyn'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('"e-innsyn" is not a commitment or topic');
    expect(err.line).toBe(lineOf(dir, `${OGP}/commitments.yaml`, '- id: e-innsyn'));
  });

  it('names the line of a broken regular expression', () => {
    const dir = rulesWith(`${OGP}/relevance.yaml`, (t) => t.replace('re:\\bplan 4 ?b\\b', 're:plan (4b'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('is not valid');
    expect(err.line).toBe(lineOf(dir, `${OGP}/relevance.yaml`, 're:plan (4b'));
  });

  it('refuses a term with a word no text can have, at its line, and takes hyphenated and starred words', () => {
    // "plan- og byggesak" in a text is the words plan, og, byggesak: a term word "plan-" would never be found.
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('      - arkivsystem*\n', '      - sak- og arkivsystem*\n'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('"sak-" can never match');
    expect(err.line).toBe(lineOf(dir, `${OGP}/commitments.yaml`, '- sak- og arkivsystem*'));
    const paren = rulesWith('automatic.yaml', (t) => t.replace('  - delivery status notification delay\n', '  - delivery status notification (delay)\n'));
    expect(rulesLoadError(paren).message).toContain('"(delay)" can never match');
    // A prefix that ends in a hyphen ("ki-*": ki-strategi), a hyphenated word, a suffix and a part are words as written.
    const fine = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('      - arkivsystem*\n', '      - arkivsystem*\n      - ki-*\n      - e-post\n      - "*-strategi"\n      - "*arkiv*"\n'));
    expect(readFileSync(join(fine, OGP, 'commitments.yaml'), 'utf8')).toContain('      - "*-strategi"\n');
    expect(() => loadRules(fine)).not.toThrow();
  });

  it('explains an unquoted *word*, which YAML would read as an alias', () => {
    const dir = rulesWith(`${OGP}/commitments.yaml`, (t) => t.replace('      - "*korrupsjon*"\n', '      - *korrupsjon*\n'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('must be written in quotes');
    expect(err.line).toBe(lineOf(dir, `${OGP}/commitments.yaml`, '- *korrupsjon*'));
  });

  it('rejects a sender with an unknown category, at its line', () => {
    const dir = rulesWith('senders.yaml', (t) => t.replace('category: naeringsliv', 'category: business'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('unknown category "business"');
    expect(err.line).toBe(lineOf(dir, 'senders.yaml', 'category: business'));
  });

  it('rejects an unknown sender category in a relevance step, at its line', () => {
    const dir = rulesWith(`${OGP}/relevance.yaml`, (t) => t.replace('exceptCategories: [departement]', 'exceptCategories: [ministry]'));
    const err = rulesLoadError(dir);
    expect(err.message).toContain('unknown category "ministry"');
    expect(err.line).toBe(lineOf(dir, `${OGP}/relevance.yaml`, 'exceptCategories: [ministry]'));
  });

  it('rejects a domain listed for two organisations', () => {
    const dir = rulesWith('senders.yaml', (t) => t.replace('- nho.no', '- ks.no'));
    expect(rulesLoadError(dir).message).toContain('ks.no is already listed');
  });

  it('requires words for every attachment problem code when a receipt template uses {{reason}}', () => {
    const none = rulesWith(`${OGP}/templates/receipt.en.yaml`, (t) => t.replace(/\n# Why an attachment could not be read[\s\S]*$/, '\n'));
    const e1 = rulesLoadError(none);
    expect(e1.file).toContain('receipt.en.yaml');
    expect(e1.line).toBe(lineOf(none, `${OGP}/templates/receipt.en.yaml`, 'could not be read: {{reason}}'));
    expect(e1.message).toContain('scanned-pdf');
    const missing = rulesWith(`${OGP}/templates/receipt.en.yaml`, (t) => t.replace(/^  zip-bomb: .*\n/m, ''));
    expect(rulesLoadError(missing).message).toContain('zip-bomb');
    const unknown = rulesWith(`${OGP}/templates/receipt.en.yaml`, (t) => t.replace('  zip: zip archives', '  zipp: zip archives'));
    expect(rulesLoadError(unknown).message).toContain('reasons.zip');
  });

  it('rejects a receipt template with an unknown field or broken syntax, at its line', () => {
    const unknown = rulesWith(`${OGP}/templates/receipt.nn.yaml`, (t) => t.replace('Emne: {{subject}}', 'Emne: {{emne}}'));
    const e1 = rulesLoadError(unknown);
    expect(e1.message).toContain('unknown field {{emne}}');
    expect(e1.line).toBe(lineOf(unknown, `${OGP}/templates/receipt.nn.yaml`, 'Emne: {{emne}}'));
    const broken = rulesWith(`${OGP}/templates/receipt.en.yaml`, (t) => t.replace('  {{/late}}\n', ''));
    expect(rulesLoadError(broken).message).toMatch(/receipt\.en\.yaml:\d+: text: Unclosed section "late"/);
  });

  it('requires the reference and the submission id in every receipt', () => {
    const dir = rulesWith(`${OGP}/templates/receipt.nb.yaml`, (t) => t.replace(/innspill <strong>\{\{id\}\}<\/strong>/, 'innspill'));
    expect(rulesLoadError(dir).message).toContain('html: the receipt must show {{id}}');
  });

  it('rejects a deadline that is not a date-time and a time zone that does not exist', () => {
    expect(rulesLoadError(rulesWith(`${OGP}/consultation.yaml`, (t) => t.replace('deadline: 2021-05-18T23:59:59', 'deadline: 18. mai'))).message).toContain(
      'YYYY-MM-DDTHH:MM:SS',
    );
    expect(rulesLoadError(rulesWith(`${OGP}/consultation.yaml`, (t) => t.replace('timezone: Europe/Oslo', 'timezone: Europe/Bergen'))).message).toContain(
      'not a known time zone',
    );
  });

  it('takes the shared signals (rules/signals.yaml) into every consultation, and loads without the file', () => {
    const shared = (r: ReturnType<typeof loadRules>) => r.consultations.map((v) => v.relevance.signals.some((s) => s.name === 'svindel' && s.suspicious));
    expect(shared(loadRules(rulesDir))).toEqual([true, true]);
    const without = rulesWith('signals.yaml', (t) => t);
    rmSync(join(without, 'signals.yaml'));
    expect(shared(loadRules(without))).toEqual([false, false]);
  });

  it('takes unlessCommitments as true or any, and onlyWithCommitments only on a signal that adds points, each mistake at its line', () => {
    const pbl = 'consultations/pbl-2021/relevance.yaml';
    expect(loadRules(rulesDir).consultations.find((v) => v.consultation.id === 'pbl-2021')!.relevance.signals.find((s) => s.name === 'høringssvar i en annen sak')!.unlessCommitments).toBe('any');
    const wrongValue = rulesWith(pbl, (t) => t.replace('\n    unlessCommitments: any\n', '\n    unlessCommitments: some\n'));
    const err1 = rulesLoadError(wrongValue);
    expect(err1.message).toContain('unlessCommitments is true, false or any');
    expect(err1.line).toBe(lineOf(wrongValue, pbl, '    unlessCommitments: some'));
    const negative = rulesWith(pbl, (t) => t.replace(/(name: høringssvar om et av høringens forslag\n\s+points:) 2/, '$1 -2'));
    const err2 = rulesLoadError(negative);
    expect(err2.message).toContain('onlyWithCommitments is for a signal that adds points');
    expect(err2.line).toBe(lineOf(negative, pbl, 'onlyWithCommitments: true', 'name: høringssvar om et av høringens forslag'));
  });

  it('names file and line of a mistake in the shared signals', () => {
    const dir = rulesWith('signals.yaml', (t) => t.replace('    where: text', '    where: body'));
    const err = rulesLoadError(dir);
    expect(err.message).toMatch(/signals\.yaml:\d+:\d+: .*where is one of/);
    expect(err.line).toBe(lineOf(dir, 'signals.yaml', 'where: body'));
  });

  it('loads the unreadable-input words when present, none without them, and names the line of a bad count', () => {
    expect(loadRules(rulesDir).unreadableInput?.maxWords).toBe(40);
    const without = rulesWith('signals.yaml', (t) => t.slice(0, t.indexOf('\nunreadableInput:')));
    expect(loadRules(without).unreadableInput).toBeNull();
    const dir = rulesWith('signals.yaml', (t) => t.replace('  maxWords: 40', '  maxWords: -4'));
    const err = rulesLoadError(dir);
    expect(err.message).toMatch(/signals\.yaml:\d+:\d+: /);
    expect(err.line).toBe(lineOf(dir, 'signals.yaml', 'maxWords: -4'));
  });
});
