// Campaign decisions by reply: the digest's campaign section prepares "/kampanje-ut" for each member
// shown and "/kampanje-sammen" for the campaign, each with a token; a caseworker's command mail
// through the Maildir takes a member out or joins two campaigns, a wrong id changes nothing and is
// answered with the reason, and the decisions stand when the campaigns are found again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { onePass, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';
import { makeRecord, recordId, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';
import { outboxFiles } from '../helpers/decisions.js';
import { campaignsCommand } from '../../src/commands/campaigns.js';
import { commandLine, commandLines } from '../../src/decisions/commands.js';
import { CommandKey } from '../../src/decisions/tokens.js';
import { buildDigest } from '../../src/digest/build.js';
import { renderText } from '../../src/digest/render-text.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { loadDigestTemplate } from '../../src/rules/digest-template.js';
import { rulesFor } from '../../src/rules/views.js';
import { Store } from '../../src/store/json-store.js';
import { campaignsOfStore } from '../../src/store/campaigns.js';
import { readCampaignDecisions } from '../../src/store/campaign-index.js';

const rules = projectRules();
const CASEWORKER = 'saksbehandler@kmd.dep.no';
const TEMPLATE =
  'Jeg ber departementet om å opprette et ungdomspanel i OGP-arbeidet, der unge fra hele landet får si sin mening om åpenhet før forpliktelsene i handlingsplanen blir vedtatt. Panelet må møte departementene to ganger i året, og innspillene må publiseres.';
const ARCHIVES =
  'Veiledningen om journalføring må bli tydeligere om meldinger i chat og sosiale medier, og Arkivverket bør få ressurser til tilsyn med at kommunene journalfører det de skal.';

function capture(): { out: Writable; text: () => string } {
  let text = '';
  return { out: new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) }), text: () => text };
}

async function campaigns(dataDir: string): Promise<Array<{ id: string; members: string[] }>> {
  const json = capture();
  await campaignsCommand(dataDir, rules, { json: true }, json.out);
  return json.text().trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; members: string[] });
}

describe('campaign decisions by command mail', () => {
  it('the digest prepares them with tokens; a caseworker takes a member out and joins two campaigns; a wrong id changes nothing', async () => {
    const config = testConfig({ INNSPILL_CASEWORKERS: CASEWORKER });
    writeRecords(config.dataDir, [
      ...[1, 2, 3, 4].map((seq) => makeRecord({ seq, from: `elev${seq}@skole.example.no`, ownWords: `${TEMPLATE}\n\nJeg går i klasse ${seq}B på skolen vår.`, commitments: ['ungdomspanel'] })),
      makeRecord({ seq: 5, from: 'leder@arkivlaget.example.no', ownWords: `Arkivlaget mener: ${ARCHIVES}`, commitments: ['journalforing'] }),
      makeRecord({ seq: 6, from: 'leder@arkivforbundet.example.no', ownWords: `Arkivforbundet mener: ${ARCHIVES}`, commitments: ['journalforing'] }),
    ]);
    expect((await campaigns(config.dataDir)).map((c) => c.members)).toEqual([[1, 2, 3, 4].map(recordId), [5, 6].map(recordId)]);

    // The digest's campaign section: a line per member shown with what they added (the archive
    // pair added nothing of their own) and one to join, each with a valid token.
    const key = await CommandKey.forStore(config.dataDir);
    const store = await Store.open(config.dataDir, { lock: false });
    const records = await store.readAll();
    const { described } = await campaignsOfStore(store, rules, records, { keep: false });
    await store.close();
    const model = buildDigest(records, rulesFor(rules, 'ogp-4b'), { since: null, now: new Date('2021-05-20T08:00:00Z'), links: { address: 'postmottak@kmd.dep.no', key }, campaigns: described });
    const text = renderText(model);
    const lines = commandLines(text).filter((l) => l.verb.startsWith('kampanje'));
    expect(lines.map((l) => [l.verb, l.id])).toEqual([...[1, 2, 3, 4].map((n) => ['kampanje-ut', recordId(n)]), ['kampanje-sammen', recordId(1)], ['kampanje-sammen', recordId(5)]]);
    for (const l of lines) expect(key.verify(l.verb, l.id, l.token!)).toBe(true);
    const html = renderHtml(model, loadDigestTemplate('rules'));
    expect(html.split('>Ta ut av kampanjen</a>').length - 1).toBe(4);
    expect(html.split('>Slå sammen med en annen kampanje</a>').length - 1).toBe(2);
    expect(html).toContain(`mailto:postmottak@kmd.dep.no?subject=${encodeURIComponent(`Innspill ${recordId(3)}: tas ut av kampanje k-${recordId(1)}`)}`);

    // A join naming no campaign there is, in the same mail as a good line: nothing changes, the reason is answered.
    const wrong = `${commandLine(key, 'kampanje-ut', recordId(3))}\n${commandLine(key, 'kampanje-sammen', recordId(1), 'k-2021-9999')}\n`;
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Kampanjer', body: wrong }));
    await onePass(config);
    expect(await readCampaignDecisions(await Store.open(config.dataDir, { lock: false }))).toEqual([]);
    const answers = () => outboxFiles(join(config.outboxDir, 'decisions'));
    expect(answers()).toHaveLength(1);
    const refusal = (await simpleParser(readFileSync(join(config.outboxDir, 'decisions', answers()[0]!)))).text!;
    expect(refusal).toContain('Ingenting er endret');
    expect(refusal).toContain('fant ingen kampanje k-2021-9999');
    // The prepared join line sent as it is, without the other campaign's number: refused, and said so.
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Kampanjer', body: `${commandLine(key, 'kampanje-sammen', recordId(1), 'k-')}\n` }));
    await onePass(config);
    expect(answers()).toHaveLength(2);
    const texts = await Promise.all(answers().map(async (f) => (await simpleParser(readFileSync(join(config.outboxDir, 'decisions', f)))).text!));
    expect(texts.filter((t) => t.includes('mangler nummeret på kampanjen'))).toHaveLength(1);

    // The caseworker's real decisions: one member out, the two campaigns one.
    const good = `Hei\n\n${commandLine(key, 'kampanje-ut', recordId(3))}\n${commandLine(key, 'kampanje-sammen', recordId(1), `k-${recordId(5)}`)}\n`;
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Kampanjer', body: good }));
    await onePass(config);
    expect((await campaigns(config.dataDir)).map((c) => [c.id, c.members])).toEqual([[`k-${recordId(1)}`, [1, 2, 4, 5, 6].map(recordId)]]);
    expect(answers()).toHaveLength(3);
    // Sent again: the same, nothing added.
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Kampanjer', body: good }));
    await onePass(config);
    expect((await campaigns(config.dataDir)).map((c) => c.members)).toEqual([[1, 2, 4, 5, 6].map(recordId)]);
    expect((await readCampaignDecisions(await Store.open(config.dataDir, { lock: false }))).map((d) => d.kind)).toEqual(['split', 'join']);
  });
});
