// A campaign arriving through IMAP (Dovecot on 127.0.0.1) while innspill works through a backlog:
// the members are filed as they come, grouped into one campaign (a late member too), each receipted
// exactly once over SMTP, and the digest's "Kampanjer" renders in Chromium with the template once
// and one line per member linking to it.
import { describe, expect, it } from 'vitest';
import { serversPerTest } from '../helpers/servers.js';
import { imapEnv, records, smtpEnv, testConfig, waitUntil } from '../helpers/daemon.js';
import { copyOf, isReply } from '../helpers/generate.js';
import { mail } from '../helpers/mail.js';
import { projectRules } from '../helpers/rules.js';
import { artifactPath, withChromium } from '../helpers/chromium.js';
import { Store } from '../../src/store/json-store.js';
import { campaignRefs, describedCampaigns } from '../../src/store/campaigns.js';
import { buildDigest } from '../../src/digest/build.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { digestTemplateFor } from '../../src/rules/digest-template.js';

const servers = serversPerTest({ sink: true });

const TEMPLATE = `Hei,

Jeg skriver fordi ungdommen må bli hørt. Departementet bør opprette et ungdomspanel i OGP-arbeidet, der unge fra hele landet får si sin mening om åpenhet i forvaltningen før forpliktelsene i handlingsplan 4B blir vedtatt.

Ungdomspanelet må få møte departementene minst to ganger i året, og innspillene fra panelet må publiseres.`;

const PERSONAL = ['Jeg er 17 år og elevrådsleder.', 'Vi diskuterte dette i samfunnsfag.', '', 'Jeg bor på Finnsnes.', 'Min skole i Bodø vil gjerne være med.'];

const member = (n: number) =>
  mail({
    from: `Elev ${n} <elev${n}@skole.example.no>`,
    subject: 'Ungdomspanel i OGP 4B',
    messageId: `<ungdom-${n}@skole.example.no>`,
    body: `${TEMPLATE}\n\n${PERSONAL[n % PERSONAL.length]}\n\nHilsen\nElev ${n}\n`,
  });

describe('a campaign through IMAP during a backlog', () => {
  it('files, groups and receipts every member once, and the digest shows the campaign in Chromium', async () => {
    // The backlog: consultation replies with 20 campaign members among them.
    for (let i = 0; i < 60; i++) {
      await servers.dovecot.append(copyOf(i, isReply).raw);
      if (i % 3 === 0) await servers.dovecot.append(member(i / 3));
    }
    const c = testConfig({ ...imapEnv(servers.dovecot), ...smtpEnv(servers.sink), INNSPILL_IMAP_CHECK_SECONDS: '1' });
    await servers.start(c);
    // More members while the backlog is being read: they join the same campaign.
    await waitUntil('the daemon has filed some of the backlog', () => records(c).length >= 10, 120_000);
    for (let n = 20; n < 25; n++) await servers.dovecot.append(member(n));
    const members = await waitUntil('every member filed', () => {
      const found = records(c).filter((r) => r.from?.address.endsWith('@skole.example.no'));
      return found.length === 25 ? found : null;
    }, 240_000);

    // One receipt to each member, exactly once.
    await waitUntil('every member receipted', () => records(c).filter((r) => r.from?.address.endsWith('@skole.example.no') && r.receipt.status === 'sent').length === 25, 240_000);
    const toMembers = servers.sink.messages.filter((m) => m.envelope.to.some((a) => a.endsWith('@skole.example.no')));
    expect(toMembers.map((m) => m.envelope.to[0]).sort()).toEqual(members.map((r) => r.from!.address).sort());

    const rules = projectRules();
    const store = await Store.open(c.dataDir, { lock: false });
    const all = await store.readAll();
    const refs = await campaignRefs(store, rules, all);
    const ids = new Set(members.map((r) => refs.get(r.id)?.id));
    expect(ids.size).toBe(1);
    const campaignId = [...ids][0]!;
    expect(refs.get(members[0]!.id)!.size).toBe(25);
    // Nothing else is in it.
    expect(all.filter((r) => refs.get(r.id)?.id === campaignId)).toHaveLength(25);
    const campaigns = await describedCampaigns(store, all, rules);
    await store.close();
    const digest = buildDigest(all, rules, { since: null, now: new Date('2021-05-19T06:00:00Z'), campaigns });
    expect(digest.totals.inCampaigns?.members.total).toBe(25);

    await withChromium(async (browser) => {
      const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(renderHtml(digest, digestTemplateFor(rules)), { waitUntil: 'load' });
      expect(await page.locator('h2', { hasText: 'Kampanjer' }).count()).toBe(1);
      const box = page.locator(`[id="kampanje-${campaignId}"]`);
      expect(await box.count()).toBe(1);
      const text = await box.innerText();
      expect(text).toContain('25 innspill fra 25 avsendere');
      // The template once, and what members added.
      expect(text.split('Ungdomspanelet må få møte departementene').length - 1).toBe(1);
      expect(text).toContain('Jeg bor på Finnsnes.');
      // Each member one line in the sections, linking to the campaign; the template is not repeated there.
      expect(await page.locator(`a[href="#kampanje-${campaignId}"]`).count()).toBe(25);
      const body = await page.locator('body').innerText();
      expect(body.split('Ungdomspanelet må få møte departementene').length - 1).toBe(1);
      expect(body).toContain('av dem 25 i 1 kampanje');
      expect(requests).toEqual([]);
      await page.screenshot({ path: artifactPath('digest', 'digest-kampanjer.png'), fullPage: true });
    });
  }, 600_000);
});
