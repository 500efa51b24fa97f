// The HTML digest in a real browser (headless Chromium): it renders, it reads on a phone, and no
// script a sender smuggled into a submission ever runs. Screenshots are kept in test-artifacts/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDigest } from '../../src/digest/build.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';
import { artifactPath, withChromium } from '../helpers/chromium.js';
import { HOSTILE, consultationFixture } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const now = new Date('2021-05-15T06:00:00Z');
const records = consultationFixture();
const whole = buildDigest(records, rules, { since: null, now });
const period = buildDigest(records, rules, { since: new Date('2021-05-10T06:00:00Z'), now, seqAfter: 8 });

/** Everything a page could do to show that script ran: dialogs, errors, network requests, a flag. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[], requests: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => seen.requests.push(r.url()));
  return seen;
}

describe('HTML digest in Chromium', () => {
  it('runs no script from a submission, loads nothing, and renders for desktop and phone', async () => {
    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      const seen = watch(page);
      await page.setContent(renderHtml(whole, digestTemplateFor(rules)), { waitUntil: 'load' });
      await page.waitForTimeout(200); // time for any onerror/onload handler to have fired

      expect(seen.dialogs).toEqual([]);
      expect(seen.errors).toEqual([]);
      expect(seen.requests).toEqual([]);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(await page.title()).toBe(whole.subject);
      expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
      // The hostile strings are there, as text a caseworker can read.
      const body = await page.locator('body').innerText();
      expect(body).toContain(HOSTILE.script);
      expect(body).toContain(HOSTILE.img);
      expect(body).toContain(`${HOSTILE.pwn}.pdf`);
      expect(await page.locator('svg').count()).toBe(2);
      expect((await page.locator('svg').first().boundingBox())!.height).toBeGreaterThan(300);
      await page.screenshot({ path: artifactPath('digest', 'digest-hele-hoeringen.png'), fullPage: true });

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: artifactPath('digest', 'digest-hele-hoeringen-mobil.png'), fullPage: true });
    });
  });

  it('shows a period digest with new and total in the charts', async () => {
    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      const seen = watch(page);
      await page.setContent(renderHtml(period, digestTemplateFor(rules)), { waitUntil: 'load' });
      expect(await page.locator('h1').innerText()).toBe('Innspill OGP 4B – oversikt 15.05.2021 (7 nye)');
      expect(await page.locator('svg text', { hasText: '7 (+5)' }).count()).toBe(1);
      expect(seen.requests).toEqual([]);
      await page.screenshot({ path: artifactPath('digest', 'digest-periode.png'), fullPage: true });
    });
  });

  it('would notice script running: the same payload unescaped does fire (control)', async () => {
    await withChromium(async (browser) => {
      const page = await browser.newPage();
      const seen = watch(page);
      await page.setContent(`<p>${HOSTILE.pwn}</p>`, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      expect(seen.dialogs).toEqual(['1']);
      expect(await page.evaluate('window.__pwned')).toBe(1);
    });
  });
});
