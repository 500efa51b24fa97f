// Every submission entry of the digest (HTML, text, Markdown) says which of its values a person
// decided, by whom and when (the wording of src/decisions/marks.ts), and the text and Markdown
// digests carry a "Rett opp" command line per submission with a valid token, as the HTML link.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { renderText } from '../../src/digest/render-text.js';
import { renderMarkdown } from '../../src/digest/render-md.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';
import { commandLines } from '../../src/decisions/commands.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import type { SubmissionRecord } from '../../src/store/record.js';
import { makeRecord, recordId } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const key = CommandKey.fromSecret(Buffer.alloc(32, 9));
const links = { address: 'postmottak@kmd.dep.no', key };

const plain: SubmissionRecord = makeRecord({ seq: 1, commitments: ['einnsyn'] });
const corrected: SubmissionRecord = {
  ...makeRecord({ seq: 2, commitments: ['journalforing'] }),
  overrides: [{ field: 'commitments', value: ['journalforing'], rules: ['einnsyn'], by: 'ola@kmd.dep.no', at: '2021-05-12T10:00:00Z', via: 'mail' }],
};
const model = buildDigest([plain, corrected], rules, { since: null, now, links });
const MARK = 'Avgjort av saksbehandler: forpliktelser (ola@kmd.dep.no, 12.05.2021 kl. 12:00)';

describe('decided values and "Rett opp" in the digest entries', () => {
  it('the model marks only the entry a person decided', () => {
    const entries = model.sections.flatMap((s) => s.entries);
    expect(entries.find((e) => e.id === recordId(2))?.decided).toBe('forpliktelser (ola@kmd.dep.no, 12.05.2021 kl. 12:00)');
    expect(entries.find((e) => e.id === recordId(1))?.decided).toBe('');
  });

  for (const [name, render] of [['text', renderText], ['Markdown', renderMarkdown]] as const) {
    it(`${name}: the mark, and one valid "Rett opp" line per submission`, () => {
      const out = render(model);
      expect(out).toContain(MARK);
      expect(out.split(MARK).length - 1).toBe(1);
      expect(out).toContain('til postmottak@kmd.dep.no:');
      const lines = commandLines(out);
      expect(lines.map((l) => [l.verb, l.id, l.args]).sort()).toEqual([
        ['forpliktelser', recordId(1), 'einnsyn'],
        ['forpliktelser', recordId(2), 'journalforing'],
        ['personopplysninger', recordId(1), ''],
        ['personopplysninger', recordId(2), ''],
      ]);
      for (const l of lines) expect(key.verify(l.verb, l.id, l.token!)).toBe(true);
    });
  }

  it('HTML: the mark beside the "Rett opp" link', () => {
    const html = renderHtml(model, digestTemplateFor(rules));
    expect(html).toContain('class="avgjort"');
    expect(html).toContain('ola@kmd.dep.no, 12.05.2021 kl. 12:00');
    expect(html.split('class="avgjort"').length - 1).toBe(1);
    // One "Har personopplysninger" link per submission: a prepared mail whose one line carries a valid token.
    const hrefs = [...html.matchAll(/href="(mailto:[^"]*har%20personopplysninger[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) {
      const [line] = commandLines(decodeURIComponent(new URL(href).searchParams.get('body') ?? ''));
      expect(line!.verb).toBe('personopplysninger');
      expect(key.verify(line!.verb, line!.id, line!.token!)).toBe(true);
    }
  });

  it('without links there is no command line, and the mark stays', () => {
    const out = renderText(buildDigest([plain, corrected], rules, { since: null, now }));
    expect(commandLines(out)).toEqual([]);
    expect(out).toContain(MARK);
  });
});
