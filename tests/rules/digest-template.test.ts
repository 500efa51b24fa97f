// The digest's HTML template (rules/templates/digest.yaml) is checked when the rules are loaded:
// a mistake is named with its file and line, and a template cannot show a value unescaped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGEST_FIELDS, DIGEST_TEMPLATE_FILE, loadDigestTemplate } from '../../src/rules/digest-template.js';
import { loadRules } from '../../src/rules/load.js';
import { buildDigest } from '../../src/digest/build.js';
import { htmlView, renderHtml } from '../../src/digest/render-html.js';
import { copyOfRules } from '../helpers/broken-rules.js';
import { consultationFixture } from '../helpers/records.js';
import { projectRules, rulesDir } from '../helpers/rules.js';

/** Replaces the first occurrence of `from` in the copy's digest template; returns the line it was on. */
function edit(dir: string, from: string, to: string): { file: string; line: number } {
  const file = join(dir, DIGEST_TEMPLATE_FILE);
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} is not in the template`);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  return { file, line: text.slice(0, at).split('\n').length };
}

function loadError(dir: string): Error {
  try {
    loadRules(dir);
  } catch (err) {
    return err as Error;
  }
  throw new Error('the rules loaded');
}

describe('digest template', () => {
  it('is the layout of the HTML digest: every field the digest gives is shown', () => {
    const rules = projectRules();
    const html = renderHtml(buildDigest(consultationFixture(), rules, { since: null, now: new Date('2021-05-15T06:00:00Z') }), loadDigestTemplate(rulesDir));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Innspill');
    expect(html).not.toMatch(/\{\{|\}\}/);
  });

  it('lists as fields exactly the names the digest gives the template', () => {
    const rules = projectRules();
    const model = buildDigest(consultationFixture(), rules, { since: new Date('2021-05-10T06:00:00Z'), now: new Date('2021-05-15T06:00:00Z'), seqAfter: 8 });
    const names = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          names.add(k);
          walk(x);
        }
      }
    };
    walk(htmlView(model));
    expect([...names].sort()).toEqual([...DIGEST_FIELDS].sort());
  });

  it('names an unknown field with its file and line, and stops the rules from loading', () => {
    const dir = copyOfRules();
    const { file, line } = edit(dir, '{{about}}', '{{om}}');
    const err = loadError(dir);
    expect(err.message).toContain(`${file}:${line}`);
    expect(err.message).toContain('unknown field {{om}}');
  });

  it('refuses a value shown unescaped, and an unknown part, at their lines', () => {
    const dir = copyOfRules();
    const { file, line } = edit(dir, '{{submissionsLine}}', '{{{submissionsLine}}}');
    expect(loadError(dir).message).toContain(`${file}:${line}: html: {{{submissionsLine}}} would show submissionsLine unescaped`);
    const other = copyOfRules();
    const part = edit(other, '{{> badge}}', '{{> merke}}');
    expect(loadError(other).message).toContain(`${part.file}:${part.line}: html: unknown part {{> merke}}`);
  });

  it('names broken Mustache syntax and a missing file', () => {
    const dir = copyOfRules();
    const { file } = edit(dir, '{{/charts}}', '{{/chart}}');
    expect(loadError(dir).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: html: Unclosed section|^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: html: Unopened section`));
    const empty = copyOfRules();
    writeFileSync(join(empty, DIGEST_TEMPLATE_FILE), 'html: ""\n');
    expect(loadError(empty).message).toContain(join(empty, DIGEST_TEMPLATE_FILE));
  });
});
