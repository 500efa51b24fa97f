// Campaigns as caseworkers see them: every member still a submission of its own, with
// `campaign: { id, size }` in list --json and show --json, a kampanje column in the CSV, the
// campaigns listed, and a split or a join that stays through every recomputation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { campaignJoinCommand, campaignsCommand, campaignSplitCommand } from '../../src/commands/campaigns.js';
import { listCommand, showCommand } from '../../src/commands/list.js';
import { exportCommand } from '../../src/commands/export.js';
import { testConfig } from '../helpers/daemon.js';
import { fixtureStore, makeRecord, recordId } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const TEMPLATE =
  'Jeg ber departementet om å opprette et ungdomspanel i OGP-arbeidet, der unge fra hele landet får si sin mening om åpenhet før forpliktelsene i handlingsplanen blir vedtatt. Panelet må møte departementene to ganger i året, og innspillene må publiseres.';
const OTHER =
  'Arkivlaget mener veiledningen om journalføring må bli tydeligere om meldinger i chat og sosiale medier, og at Arkivverket bør få ressurser til tilsyn med at kommunene journalfører det de skal.';

function store(): string {
  const records = [
    ...[1, 2, 3, 4].map((seq) => makeRecord({ seq, from: `elev${seq}@skole.example.no`, ownWords: `${TEMPLATE}\n\nJeg går i klasse ${seq}B på skolen vår.`, commitments: ['ungdomspanel'] })),
    makeRecord({ seq: 5, from: 'leder@arkivlaget.example.no', ownWords: OTHER, commitments: ['journalforing'] }),
    makeRecord({ seq: 6, from: 'leder@arkivforbundet.example.no', ownWords: OTHER.replace('Arkivlaget', 'Arkivforbundet'), commitments: ['journalforing'] }),
    makeRecord({ seq: 7, from: 'kari@ks.no', ownWords: 'KS har ingen merknader til handlingsplanen utover det vi skrev i fjor om eInnsyn og kostnadene for små kommuner.' }),
  ];
  return fixtureStore(records);
}

function capture(): { out: Writable; text: () => string } {
  let text = '';
  return { out: new Writable({ write: (c, _e, cb) => ((text += String(c)), cb()) }), text: () => text };
}

describe('campaigns for caseworkers', () => {
  it('lists each member with its campaign, counts every member, and exports a kampanje column', async () => {
    const dir = store();
    const list = capture();
    expect(await listCommand(dir, rules, { json: true }, list.out)).toBe(0);
    const rows = list.text().trim().split('\n').map((l) => JSON.parse(l) as { id: string; campaign: { id: string; size: number } | null });
    expect(rows.map((r) => r.campaign)).toEqual([
      ...[1, 2, 3, 4].map(() => ({ id: `k-${recordId(1)}`, size: 4 })),
      { id: `k-${recordId(5)}`, size: 2 },
      { id: `k-${recordId(5)}`, size: 2 },
      null,
    ]);
    const text = capture();
    await listCommand(dir, rules, {}, text.out);
    expect(text.text()).toContain('7 innspill, av dem 6 i 2 kampanjer');

    const show = capture();
    await showCommand(dir, rules, recordId(3), true, show.out);
    expect(JSON.parse(show.text()).campaign).toEqual({ id: `k-${recordId(1)}`, size: 4 });
    const alone = capture();
    await showCommand(dir, rules, recordId(7), true, alone.out);
    expect(JSON.parse(alone.text()).campaign).toBeNull();

    const config = testConfig({ INNSPILL_DATA_DIR: dir });
    const csv = join(config.dataDir, '..', 'innspill.csv');
    const err = capture();
    expect(await exportCommand({ format: 'csv', out: csv, config, rules, stderr: err.out })).toBe(0);
    const lines = readFileSync(csv, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    const column = lines[0]!.indexOf('kampanje');
    expect(column).toBeGreaterThan(0);
    expect(lines.slice(1).map((l) => l[column])).toEqual(['k-2021-0001 (4)', 'k-2021-0001 (4)', 'k-2021-0001 (4)', 'k-2021-0001 (4)', 'k-2021-0005 (2)', 'k-2021-0005 (2)', '']);
    expect(err.text()).toContain('(av dem 6 i 2 kampanjer)');
  });

  it('lists the campaigns with the template, and keeps a split and a join through recomputation', async () => {
    const dir = store();
    const json = capture();
    await campaignsCommand(dir, rules, { json: true }, json.out);
    const campaigns = json.text().trim().split('\n').map((l) => JSON.parse(l) as { id: string; size: number; template: string; additions: Array<{ id: string; text: string }>; commitments: string[] });
    expect(campaigns.map((c) => [c.id, c.size])).toEqual([['k-2021-0001', 4], ['k-2021-0005', 2]]);
    expect(campaigns[0]!.template).toBe(TEMPLATE);
    expect(campaigns[0]!.additions).toEqual([1, 2, 3, 4].map((n) => ({ id: recordId(n), text: `Jeg går i klasse ${n}B på skolen vår.` })));
    expect(campaigns[0]!.commitments).toEqual(['ungdomspanel']);

    const out = capture();
    const err = capture();
    expect(await campaignSplitCommand(dir, rules, 'k-2021-0001', recordId(7), out.out, err.out)).toBe(1);
    expect(err.text()).toContain('er ikke med i kampanje k-2021-0001');
    expect(await campaignSplitCommand(dir, rules, 'k-2021-0001', recordId(2), out.out, err.out)).toBe(0);
    expect(await campaignJoinCommand(dir, rules, 'k-2021-0001', 'k-2021-0005', out.out, err.out)).toBe(0);
    expect(await campaignJoinCommand(dir, rules, 'k-2021-0001', 'k-9999-0001', out.out, err.out)).toBe(1);
    // Recomputed from the store by another command: the decisions stand.
    const after = capture();
    await campaignsCommand(dir, rules, { json: true }, after.out);
    const now = after.text().trim().split('\n').map((l) => JSON.parse(l) as { id: string; members: string[] });
    expect(now.map((c) => [c.id, c.members])).toEqual([['k-2021-0001', [1, 3, 4, 5, 6].map(recordId)]]);
    const text = capture();
    await campaignsCommand(dir, rules, {}, text.out);
    expect(text.text()).toMatch(/^KAMPANJE/);
    expect(text.text()).toContain('7 innspill, av dem 5 i 1 kampanje');
  });
});
