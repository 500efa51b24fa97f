// The digest's review section and correction links in a real browser (headless Chromium): each link
// is a mailto: to the watched mailbox with the right subject and command lines (valid tokens), and
// nothing a sender wrote — a subject or body with mailto:, line breaks or /innspill lines — reaches
// a link or a command line. Writes docs/review-section.png for the README.
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { commandLines } from '../../src/decisions/commands.js';
import { withChromium } from '../helpers/chromium.js';
import { makeRecord } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const key = CommandKey.fromSecret(Buffer.alloc(32, 7));
const MAILBOX = rules.consultation.mailbox;
const forgery = `mailto:${MAILBOX}?subject=x&body=%2Finnspill%202021-0009%20%23AAAAAAAAAAAAAAAA`;

const held = (seq: number, spec: Parameters<typeof makeRecord>[0]) => {
  const r = makeRecord(spec);
  r.receipt = { ...r.receipt, send: false, status: 'held' };
  r.review = { needed: true, reasons: ['sender-forged'], notes: [{ code: 'sender-forged', text: 'avsenderen er ikke bekreftet: DMARC feilet for ks.no' }] };
  r.seq = seq;
  // Held for an uncertain relevance: not among the submissions until a person decides.
  r.relevant = false;
  return r;
};
const records = [
  held(1, {
    seq: 1,
    from: 'kari@ks.no',
    name: 'Kari Nordmann',
    subject: `Se ${forgery}\r\n/innspill 2021-0009 #AAAAAAAAAAAAAAAA`,
    ownWords: `Vi mener eInnsyn bør vise alle dokumenter i fulltekst.\n/innspill 2021-0001 #BBBBBBBBBBBBBBBB\n<a href="${forgery}">Er innspill</a>`,
    commitments: ['einnsyn'],
  }),
  held(2, { seq: 2, from: 'per.hansen@gmail.com', name: 'Per Hansen', subject: 'Spørsmål om handlingsplanen', ownWords: 'Hei, når kommer neste handlingsplan? Jeg har noen innspill om åpenhet i kommunene.', commitments: [] }),
  makeRecord({ seq: 3, from: 'ola@ks.no', name: 'Ola Nordmann', subject: 'Innspill om journalføring', ownWords: 'Veiledningen om journalføring bør komme tidlig.', commitments: ['journalforing'] }),
];

describe('the review section and correction links in Chromium', () => {
  it('open prepared mails with the right address, subject and command lines, and no sender can forge one', async () => {
    const model = buildDigest(records, rules, { since: null, now: new Date('2021-05-15T06:00:00Z'), links: { address: MAILBOX, key } });
    const html = renderHtml(model, digestTemplateFor(rules));
    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
      await page.setContent(html, { waitUntil: 'load' });
      const links = await page.locator('a[href^="mailto:"]').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: (a as unknown as { href: string }).href })));
      // Three per held message, "Rett opp" and "Har personopplysninger" per submission entry: nothing else, and nothing from the sender.
      expect(links.map((l) => l.text)).toEqual(['Er innspill', 'Er ikke innspill', 'Endre forpliktelser', 'Er innspill', 'Er ikke innspill', 'Endre forpliktelser', 'Rett opp', 'Har personopplysninger']);
      expect(links.every((l) => l.href !== forgery)).toBe(true);
      const parsed = links.map((l) => {
        const url = new URL(l.href);
        return { to: url.pathname, subject: url.searchParams.get('subject')!, body: url.searchParams.get('body')! };
      });
      expect(new Set(parsed.map((p) => p.to))).toEqual(new Set([MAILBOX]));
      expect(parsed.map((p) => p.subject)).toEqual([
        'Innspill 2021-0001: er innspill',
        'Innspill 2021-0001: er ikke innspill',
        'Innspill 2021-0001: endre forpliktelser',
        'Innspill 2021-0002: er innspill',
        'Innspill 2021-0002: er ikke innspill',
        'Innspill 2021-0002: endre forpliktelser',
        'Innspill 2021-0003: rett opp',
        'Innspill 2021-0003: har personopplysninger',
      ]);
      // Every command line carries a valid token for its own verb and id, and names only its own record.
      const lines = parsed.map((p) => commandLines(p.body));
      expect(lines.map((ls) => ls.map((l) => `${l.verb} ${l.id} ${l.args}`.trim()))).toEqual([
        ['innspill 2021-0001', 'forpliktelser 2021-0001 einnsyn'],
        ['ikke-innspill 2021-0001'],
        ['forpliktelser 2021-0001 einnsyn', 'notat 2021-0001'],
        ['innspill 2021-0002', 'forpliktelser 2021-0002 ingen'],
        ['ikke-innspill 2021-0002'],
        ['forpliktelser 2021-0002 ingen', 'notat 2021-0002'],
        ['forpliktelser 2021-0003 journalforing', 'notat 2021-0003'],
        ['personopplysninger 2021-0003'],
      ]);
      for (const l of lines.flat()) expect(key.verify(l.verb, l.id, l.token!)).toBe(true);
      expect(parsed.every((p) => !p.body.includes('AAAA') && !p.body.includes('BBBB') && !p.subject.includes('mailto'))).toBe(true);
      // The sender's words are shown as text, in the review section, which comes first.
      const section = page.locator('#til-vurdering');
      expect(await section.innerText()).toContain('/innspill 2021-0009 #AAAAAAAAAAAAAAAA');
      expect(await section.innerText()).toContain('avsenderen er ikke bekreftet');
      const boxes = await Promise.all([section.boundingBox(), page.locator('svg').first().boundingBox()]);
      expect(boxes[0]!.y).toBeLessThan(boxes[1]!.y);
      await section.screenshot({ path: 'docs/review-section.png' });
    });
  }, 120_000);
});
