// A campaign and the receipts: every member is a person of their own and gets their own receipt,
// exactly once, however many send the same text; the per-sender loop guard still stops one address
// that sends the campaign again and again (it joins the campaign, but gets at most its 3 receipts).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/json-store.js';
import { campaignRefs } from '../../src/store/campaigns.js';
import { deliver } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';
import { onePass, testConfig } from '../helpers/daemon.js';
import { projectRules } from '../helpers/rules.js';

const TEMPLATE = `Hei,

Jeg sender dette innspillet til Norges OGP-handlingsplan 4B fordi åpne postlister betyr mye for meg som innbygger.

Alle kommuner og fylkeskommuner bør publisere postjournalen sin i eInnsyn, slik at vi kan se hvilke saker kommunen arbeider med. I dag er det for mange kommuner som ikke gjør dette.

Jeg ber derfor departementet om å skrive inn i forpliktelsen om eInnsyn en frist for når alle kommuner skal være med.`;

const member = (from: string, n: number) =>
  mail({ from, subject: 'Innspill til OGP-handlingsplan 4B: åpne postlister', messageId: `<kampanje-${n}@example.org>`, body: `${TEMPLATE}\n\nJeg bor i kommune nummer ${n}.\n\nMed vennlig hilsen\nInnbygger ${n}\n` });

describe('a campaign and the receipts', () => {
  it('receipts each of 60 people once, and one address that floods us only up to the loop guard', async () => {
    const config = testConfig();
    expect(config.receiptsPerSenderPerDay).toBe(3);
    for (let i = 0; i < 60; i++) deliver(config.maildir, member(`Innbygger ${i} <innbygger${i}@example.org>`, i));
    for (let i = 0; i < 8; i++) deliver(config.maildir, member('Ivrig <ivrig@example.org>', 100 + i));

    await onePass(config);
    const store = await Store.open(config.dataDir, { lock: false });
    const records = await store.readAll();
    expect(records).toHaveLength(68);
    const people = records.filter((r) => r.from!.address !== 'ivrig@example.org');
    const flood = records.filter((r) => r.from!.address === 'ivrig@example.org');
    // Different people: the loop guard never trips, every one gets a receipt.
    expect(people.map((r) => r.receipt.status)).toEqual(new Array(60).fill('sent'));
    // One address: three receipts, the rest skipped by the loop guard, with the reason in words.
    expect(flood.filter((r) => r.receipt.status === 'sent')).toHaveLength(3);
    const stopped = flood.filter((r) => r.receipt.status === 'skipped');
    expect(stopped).toHaveLength(5);
    for (const r of stopped) expect(r.receipt.reason).toContain('grensen for kvitteringer til ivrig@example.org');
    // Every one of them is a member of the one campaign, the flooder's copies too.
    const refs = await campaignRefs(store, projectRules(), records);
    expect(new Set(records.map((r) => refs.get(r.id)?.id))).toEqual(new Set([`k-${records[0]!.id}`]));
    expect(refs.get(records[0]!.id)!.size).toBe(68);
    await store.close();

    // Exactly once: a second pass (a new daemon, which reads its campaigns from the store's index)
    // sends nothing more but the receipts of two late members, who join the campaign.
    deliver(config.maildir, member('Sen <sen1@example.org>', 200));
    deliver(config.maildir, member('Sen <sen2@example.org>', 201));
    await onePass(config);
    const outbox = readdirSync(config.outboxDir).filter((f) => f.endsWith('.eml'));
    expect(outbox).toHaveLength(65);
    const again = await Store.open(config.dataDir, { lock: false });
    const all = await again.readAll();
    const late = await campaignRefs(again, projectRules(), all);
    expect(all.map((r) => late.get(r.id)?.size)).toEqual(new Array(70).fill(70));
    await again.close();
  }, 300_000);
});
