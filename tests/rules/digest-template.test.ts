// The digest's HTML template (rules/templates/digest.yaml) is checked when the rules are loaded:
// a mistake is named with its file and line, and a template cannot show a value unescaped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIGEST_FIELDS, DIGEST_TEMPLATE_FILE, loadDigestTemplate } from '../../src/rules/digest-template.js';
import { buildDigest, type DigestModel } from '../../src/digest/build.js';
import { htmlView, renderHtml } from '../../src/digest/render-html.js';
import { copyOfRules, rulesLoadError } from '../helpers/broken-rules.js';
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

describe('digest template', () => {
  it('is the layout of the HTML digest: every field the digest gives is shown', () => {
    const rules = projectRules();
    const html = renderHtml(buildDigest(consultationFixture(), rules, { since: null, now: new Date('2021-05-15T06:00:00Z') }), loadDigestTemplate(rulesDir));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Innspill');
    expect(html).not.toMatch(/\{\{|\}\}/);
  });

  it('lists as fields exactly the names the digest gives the template', () => {
    // A digest with something in every part, so that every name the view can give is given.
    const row = { id: 'a', title: 'A', inPeriod: 1, total: 2 };
    const entry = {
      id: '2021-0002',
      sender: { organisation: 'KS', shortName: null, name: 'Kari', address: 'kari@ks.no', categoryId: 'kommune', categoryTitle: 'Kommuner' },
      receivedAt: '18.05.2021 kl. 14:03',
      late: true,
      subject: 'Innspill',
      excerpt: 'Vi mener …',
      evidence: [{ term: 'åpenhet', where: 'emne', snippet: 'åpenhet' }],
      alsoUnder: [{ id: 'b', title: 'B' }],
      attachments: [{ filename: 'a.pdf', readable: false, problem: 'skadet' }],
      followUpOf: '2021-0001',
      followedUpBy: ['2021-0003'],
      correct: { label: 'Rett opp', href: 'mailto:postmottak@kmd.dep.no?subject=x&body=y' },
    };
    // A campaign member is one line in its section; the campaign itself in "Kampanjer".
    const member = { ...entry, id: '2021-0006', campaign: { id: 'k-2021-0006', size: 2 } };
    const campaign = {
      id: 'k-2021-0006', name: 'Vi ber om', size: 2, newMembers: 1, senders: 2, firstArrival: '10.05.2021 kl. 10:00', lastArrival: null,
      template: 'Vi ber om åpne postlister.', commitments: [{ id: 'a', title: 'A' }], additions: [{ id: '2021-0006', sender: 'Kari', text: 'Jeg bor i Vinje.' }], moreAdditions: 1,
    };
    const model = {
      review: [{ id: '2021-0005', sender: 'Kari', address: 'kari@ks.no', subject: 'Innspill', receivedAt: null, reasons: ['usikkert'], excerpt: 'Vi mener', links: [{ label: 'Er innspill', href: 'mailto:postmottak@kmd.dep.no?subject=x&body=y' }] }],
      subject: 'Innspill OGP 4B – oversikt',
      caseNumber: '21/1',
      generatedAt: '18.05.2021 kl. 08:00',
      period: { wholeConsultation: false, description: 'Nytt', firstSeq: 2, lastSeq: 3 },
      deadline: { date: '1. juni 2021', daysLeft: 3, text: '3 dager igjen' },
      totals: { submissions: { inPeriod: 1, total: 2 }, late: { inPeriod: 1, total: 1 }, perCommitment: [row], perCategory: [row] },
      needsAttention: [{ kind: 'review', title: 'Bør vurderes', scope: 'totalt', items: [{ recordId: '2021-0002', who: 'KS', detail: 'x', isNew: true }], inPeriod: 1, total: 1 }],
      invitedCount: 2,
      notReplied: [{ name: 'KS', shortName: null, categoryTitle: 'Kommuner', invitationBounced: true }],
      sections: [{ id: 'a', title: 'A', kind: 'commitment', ministry: 'KMD', entries: [entry, member] }],
      campaigns: [campaign],
      automatic: { perKind: [{ kind: 'bounce', title: 'Returmeldinger', inPeriod: 1, total: 1 }], items: [{ id: '2021-0004', kind: 'bounce', kindTitle: 'Returmelding', from: 'mailer-daemon@x.no', subject: 'Undeliverable', receivedAt: null }], moreItems: 3 },
    } as unknown as DigestModel;
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
    const err = rulesLoadError(dir);
    expect(err.message).toContain(`${file}:${line}`);
    expect(err.message).toContain('unknown field {{om}}');
  });

  it('refuses a value shown unescaped, and an unknown part, at their lines', () => {
    const dir = copyOfRules();
    const { file, line } = edit(dir, '{{submissionsLine}}', '{{{submissionsLine}}}');
    expect(rulesLoadError(dir).message).toContain(`${file}:${line}: html: {{{submissionsLine}}} would show submissionsLine unescaped`);
    const other = copyOfRules();
    const part = edit(other, '{{> badge}}', '{{> merke}}');
    expect(rulesLoadError(other).message).toContain(`${part.file}:${part.line}: html: unknown part {{> merke}}`);
  });

  it('names broken Mustache syntax and a missing file', () => {
    const dir = copyOfRules();
    const { file } = edit(dir, '{{/charts}}', '{{/chart}}');
    expect(rulesLoadError(dir).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: html: Unclosed section|^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: html: Unopened section`));
    const empty = copyOfRules();
    writeFileSync(join(empty, DIGEST_TEMPLATE_FILE), 'html: ""\n');
    expect(rulesLoadError(empty).message).toContain(join(empty, DIGEST_TEMPLATE_FILE));
  });
});
