// The answers to command mails are a template in the rules (rules/templates/command-reply.yaml),
// not sentences in the code: the answer's code picks the entry, a caseworker's words come out as
// written there, and a mistake in it is named with its file and line when the rules load.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_TEMPLATE_FILE } from '../../src/rules/reply-template.js';
import { confirmation, refusal, replyText } from '../../src/decisions/reply.js';
import { copyOfRules, rulesLoadError } from '../helpers/broken-rules.js';
import { rulesDir } from '../helpers/rules.js';

function edit(dir: string, from: string, to: string): { file: string; line: number } {
  const file = join(dir, REPLY_TEMPLATE_FILE);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} is not in the template`);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  return { file, line: text.slice(0, at).split('\n').length };
}

const mail = { subject: 'Innspill 2021-0042: er innspill' };
const ok = { id: '2021-0042', outcome: 'ok' as const, code: 'applied', text: '2021-0042: vurdert som innspill' };
const same = { id: '2021-0041', outcome: 'unchanged' as const, code: 'already-decided', text: '2021-0041 er allerede vurdert som innspill' };

describe('the answers to command mails', () => {
  it('are picked by code from the template, in bokmål, with the lines as the program gives them', () => {
    const rules = { dir: rulesDir };
    const applied = replyText(rules, mail, confirmation([ok, same]));
    expect(applied.subject).toBe('Utført: Innspill 2021-0042: er innspill');
    expect(applied.text).toBe(
      'Utført (1):\n- 2021-0042: vurdert som innspill\n\nAllerede gjort, ikke endret på nytt (1):\n- 2021-0041 er allerede vurdert som innspill\n\nDenne e-posten er sendt automatisk av innspill.\n',
    );
    const replay = replyText(rules, { subject: '' }, confirmation([same]));
    expect(replay.subject).toBe('Utført: beslutninger i innspill');
    expect(replay.text.startsWith('Ingenting er endret.\n')).toBe(true);
    const refused = replyText(rules, mail, refusal(['linje 1: kontrollkoden for /innspill 2021-0042 stemmer ikke']));
    expect(refused.subject).toBe('Ikke utført: Innspill 2021-0042: er innspill');
    expect(refused.text).toContain('Ingenting er endret: e-posten ble ikke fulgt, fordi\n- linje 1: kontrollkoden for /innspill 2021-0042 stemmer ikke\n');
    // Plain text: a subject with <&> is not HTML-escaped, and is never read as a template.
    expect(replyText(rules, { subject: 'A & B <{{subject}}>' }, refusal(['x'])).subject).toBe('Ikke utført: A & B <{{subject}}>');
  });

  it('come from the file: changed words there are the words sent', () => {
    const dir = copyOfRules();
    edit(dir, 'Ingenting er endret: e-posten ble ikke fulgt, fordi', 'Vi gjorde ingenting, fordi');
    expect(replyText({ dir }, mail, refusal(['x'])).text.startsWith('Vi gjorde ingenting, fordi\n- x\n')).toBe(true);
  });

  it('are checked when the rules load: an unknown field, a missing list and broken syntax with file and line', () => {
    const unknown = copyOfRules();
    const at = edit(unknown, '({{changedCount}})', '({{antall}})');
    expect(rulesLoadError(unknown).message).toContain(`${at.file}:${at.line}: applied.text: unknown field {{antall}}`);

    const missing = copyOfRules();
    edit(missing, '    {{#reasons}}\n    - {{text}}\n    {{/reasons}}\n', '');
    expect(rulesLoadError(missing).message).toContain('refused.text: the refused answer to a command mail must show {{reasons}}');

    const broken = copyOfRules();
    const b = edit(broken, '{{/changed}}', '{{/change}}');
    expect(rulesLoadError(broken).message).toMatch(/command-reply\.yaml:\d+: applied\.text: Un(closed|opened) section/);
    expect(b.line).toBeGreaterThan(1);

    const gone = copyOfRules();
    writeFileSync(join(gone, REPLY_TEMPLATE_FILE), 'applied: {}\n');
    expect(rulesLoadError(gone).message).toContain(join(gone, REPLY_TEMPLATE_FILE));
  });
});
