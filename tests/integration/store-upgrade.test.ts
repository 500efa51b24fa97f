// A store written before innspill ran several consultations (records with no `consultation`,
// ids 2021-NNNN, state/digest.json) upgrades by being used: nothing is rewritten or lost, its
// records are the default consultation's (OGP 4B), its numbering goes on, a reply in the thread of
// one of its records follows it up there, and the new consultation numbers its own from 0001.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { onePass, fixture, records, testConfig } from '../helpers/daemon.js';
import { consultationFixture, writeRecords } from '../helpers/records.js';
import { deliver } from '../helpers/maildir.js';
import { projectRules } from '../helpers/rules.js';
import { listCommand, showCommand } from '../../src/commands/list.js';
import { buildDigest } from '../../src/digest/build.js';
import { rulesFor } from '../../src/rules/views.js';
import { Store } from '../../src/store/json-store.js';
import { readDigestState } from '../../src/digest/state.js';

describe('a store from before several consultations', () => {
  it('is read as the default consultation’s, keeps every file as it was, and numbers on', async () => {
    const config = testConfig();
    const old = consultationFixture();
    expect(old.every((r) => !('consultation' in r))).toBe(true);
    writeRecords(config.dataDir, old);
    const store0 = await Store.open(config.dataDir, { lock: true });
    await store0.writeState('digest', { lastSeq: 3, lastSentAt: '2021-05-10T06:00:00.000Z', history: [] });
    await store0.close();
    const bytes = new Map(old.map((r) => [r.id, readFileSync(join(config.dataDir, 'records', `${r.id}.json`))]));
    const lastOld = Math.max(...old.map((r) => r.seq));
    const followed = old.find((r) => r.messageId && !r.automatic && r.readable)!;

    deliver(config.maildir, fixture('consultation-pbl-norsk-eiendom-case-number.eml'));
    deliver(config.maildir, fixture('reply-nb-ks-einnsyn-outlook.eml'));
    deliver(
      config.maildir,
      Buffer.from(
        `From: Kari Nordmann <${followed.from!.address}>\r\nTo: postmottak@kmd.dep.no\r\nSubject: SV: ${followed.subject}\r\nDate: Tue, 11 May 2021 10:00:00 +0200\r\n` +
          `Message-ID: <tillegg-1@example.no>\r\nIn-Reply-To: ${followed.messageId}\r\nReferences: ${followed.messageId}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n` +
          'Et tillegg til det vi skrev: vi ber om at plan- og byggesaksprosessene også får åpne data.\r\n',
      ),
    );
    await onePass(config);

    // Nothing old rewritten for the upgrade: a record changes only where its pending receipt was sent.
    for (const [id, before] of bytes) {
      const now = readFileSync(join(config.dataDir, 'records', `${id}.json`));
      if (now.equals(before)) continue;
      const { receipt: _a, ...was } = JSON.parse(before.toString()) as Record<string, unknown>;
      const { receipt: _b, ...is } = JSON.parse(now.toString()) as Record<string, unknown>;
      expect(is, id).toEqual(was);
    }
    const all = records(config);
    const fresh = all.filter((r) => !bytes.has(r.id));
    const hearing = fresh.find((r) => r.consultation?.id === 'pbl-2021')!;
    expect(hearing.id).toBe('pbl-2021-0001');
    const ogp = fresh.filter((r) => r.consultation?.id === 'ogp-4b').map((r) => r.id);
    const next = (n: number) => `2021-${String(n).padStart(4, '0')}`;
    expect(ogp).toEqual([next(lastOld + 1), next(lastOld + 2)]);
    // The reply in an old record's thread: the default consultation's, a follow-up of that record.
    const reply = fresh.find((r) => r.messageId === '<tillegg-1@example.no>')!;
    expect(reply).toMatchObject({ consultation: { id: 'ogp-4b', reason: { code: 'thread' } }, followUpOf: followed.id });

    // The commands and the digest see the old records as OGP 4B's.
    let listed = '';
    await listCommand(config.dataDir, projectRules(), { json: true, consultation: 'ogp-4b' }, { write: (s: string) => ((listed += s), true) } as unknown as NodeJS.WritableStream);
    expect(listed.trim().split('\n')).toHaveLength(old.length + 2);
    // Without --consultation the listing says whose each line is (OGP's ids have no prefix), and show too.
    let human = '';
    await listCommand(config.dataDir, projectRules(), {}, { write: (s: string) => ((human += s), true) } as unknown as NodeJS.WritableStream);
    const lineOf = (id: string) => human.split('\n').find((l) => l.startsWith(`${id} `))!;
    expect(human.split('\n')[0]).toMatch(/^ID +INNSPILLSRUNDE +MOTTATT/);
    expect(lineOf('pbl-2021-0001')).toMatch(/^pbl-2021-0001 +PBL-høring 2021 /);
    expect(lineOf(followed.id)).toMatch(/^\S+ +OGP 4B /);
    let shown = '';
    await showCommand(config.dataDir, projectRules(), followed.id, false, { write: (s: string) => ((shown += s), true) } as unknown as NodeJS.WritableStream);
    expect(shown).toMatch(/Innspillsrunde: +OGP 4B \(17\/1886\)/);
    const store = await Store.open(config.dataDir, { lock: false });
    const digest = buildDigest(await store.readAll(), rulesFor(projectRules(), 'ogp-4b'), { since: null, now: new Date('2021-05-20T06:00:00Z') });
    const pblDigest = buildDigest(await store.readAll(), rulesFor(projectRules(), 'pbl-2021'), { since: null, now: new Date('2021-05-20T06:00:00Z') });
    // The old digest state is still OGP's; the hearing starts its own.
    expect((await readDigestState(store)).lastSeq).toBe(3);
    expect((await readDigestState(store, 'digest-pbl-2021')).lastSeq).toBe(0);
    await store.close();
    expect(digest.totals.submissions.inPeriod).toBeGreaterThan(pblDigest.totals.submissions.inPeriod);
    expect(pblDigest.totals.submissions.inPeriod).toBe(1);
    expect(readdirSync(join(config.dataDir, 'records'))).toHaveLength(old.length + 3);
  });
});
