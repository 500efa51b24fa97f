// rules/consultations/<id>/: every folder is checked at load with file and line, what routes mail
// must differ between open consultations, and `innspill consultation new` starts a folder.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRules } from '../../src/rules/load.js';
import { newConsultation } from '../../src/commands/consultation-new.js';
import { copyOfRules, rulesLoadError } from '../helpers/broken-rules.js';

process.env['INNSPILL_RULES_CACHE'] = 'off';

const PBL = 'consultations/pbl-2021';
const edit = (dir: string, file: string, change: (t: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
const sink = () => {
  let text = '';
  return { stream: { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream, text: () => text };
};

describe('a folder per consultation', () => {
  it('loads every consultation, each with its own commitments, deadline, templates and invited organisations', () => {
    const rules = loadRules(copyOfRules());
    expect(rules.consultations.map((v) => v.consultation.id)).toEqual(['ogp-4b', 'pbl-2021']);
    expect(rules.consultation.id).toBe('ogp-4b');
    const pbl = rules.consultations[1]!;
    expect(pbl.consultation).toMatchObject({ caseNumber: '21/345', idPrefix: 'pbl', archived: false });
    expect(pbl.commitments.items.map((c) => c.id)).toContain('dispensasjon');
    expect(pbl.templates.nb.text).toContain('høringssvaret');
    expect(pbl.organisations.find((o) => o.name === 'Norsk Eiendom')?.invited).toBe(true);
    // OGP's view lists the shared register and its own organisations, not the hearing's.
    expect(rules.organisations.some((o) => o.name === 'Norsk Eiendom')).toBe(false);
    // The register that tells who sent a message knows every consultation's organisations.
    expect(rules.register.some((o) => o.name === 'Norsk Eiendom')).toBe(true);
  });

  it('names file and line of a mistake in a consultation’s own folder', () => {
    const dir = copyOfRules();
    edit(dir, `${PBL}/senders.yaml`, (t) => t.replace('  - Norsk Eiendom\n', '  - Norsk Eiendomm\n'));
    const err = rulesLoadError(dir);
    expect(err.file).toBe(join(dir, PBL, 'senders.yaml'));
    expect(err.line).toBe(readFileSync(join(dir, PBL, 'senders.yaml'), 'utf8').split('\n').indexOf('  - Norsk Eiendomm') + 1);
    expect(err.message).toContain('is neither in rules/senders.yaml');
  });

  it('refuses two open consultations with one case number, and two with one id prefix', () => {
    const dir = copyOfRules();
    edit(dir, `${PBL}/consultation.yaml`, (t) => t.replace('caseNumber: 21/345', 'caseNumber: 2017/01886'));
    expect(rulesLoadError(dir).message).toMatch(/consultation\.yaml: the case number 17\/1886 is also ogp-4b's/);
    const other = copyOfRules();
    edit(other, `${PBL}/consultation.yaml`, (t) => t.replace('idPrefix: pbl', 'idPrefix: ""'));
    expect(rulesLoadError(other).message).toContain("the id prefix (empty) is also ogp-4b's");
  });

  it('refuses a default consultation that has no folder', () => {
    const dir = copyOfRules();
    edit(dir, 'routing.yaml', (t) => t.replace('default: ogp-4b', 'default: ogp-5'));
    expect(rulesLoadError(dir).message).toContain('default: "ogp-5" is not a consultation folder (ogp-4b, pbl-2021)');
  });

  it('`consultation new` starts a switched-off copy that loads, says what to edit, and never overwrites', () => {
    const dir = copyOfRules();
    const out = sink();
    expect(newConsultation(dir, 'kommunelov-2021', 'pbl-2021', out.stream)).toBe(0);
    expect(out.text()).toContain('consultation.yaml: title, shortTitle, label, caseNumber');
    expect(out.text()).toContain('Then run: innspill config check');
    const rules = loadRules(dir);
    const added = rules.consultations.find((v) => v.consultation.id === 'kommunelov-2021')!;
    expect(added.consultation).toMatchObject({ archived: true, idPrefix: 'kommunelov-2021', invitationMessageIds: [], addresses: [] });
    expect(existsSync(join(dir, 'consultations/kommunelov-2021/templates/receipt.nn.yaml'))).toBe(true);
    expect(() => newConsultation(dir, 'kommunelov-2021', 'pbl-2021', sink().stream)).toThrow(/already exists/);
    expect(() => newConsultation(dir, 'x-1', 'nope', sink().stream)).toThrow(/--from nope: no such consultation/);
    // Switched on without a case number of its own: refused, with the file named.
    edit(dir, 'consultations/kommunelov-2021/consultation.yaml', (t) => t.replace(/^archived: true$/m, 'archived: false'));
    expect(rulesLoadError(dir).message).toMatch(/pbl-2021\/consultation\.yaml: the case number 21\/345 is also kommunelov-2021's/);
  });
});
