// The caseworker's commands over a filled store: list with its filters, show, reclassify after
// a rules change, and the receipt outbox (list, retry by hand).
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Daemon } from '../../src/daemon.js';
import { FilesMailbox } from '../../src/mailbox/files.js';
import { createLogger } from '../../src/log.js';
import { listCommand, showCommand } from '../../src/commands/list.js';
import { reclassify, reclassifyCommand } from '../../src/commands/reclassify.js';
import { receiptsList, receiptsRetry } from '../../src/commands/receipts.js';
import { loadRules } from '../../src/rules/load.js';
import { Store } from '../../src/store/json-store.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { fileFixtures, fixturesDir, records, smtpEnv, testConfig } from '../helpers/daemon.js';
import { OGP, projectRules, rulesDir } from '../helpers/rules.js';
import type { Config } from '../../src/config.js';

const FILES = [
  'reply-nb-ks-einnsyn-outlook.eml',
  'reply-nb-nho-anskaffelser-2359.eml',
  'reply-nn-sd-ingen-merknader-odt.eml',
  'reply-nb-advokatforeningen-innspill-pdf-sen.eml',
  'auto-ooo-nb-exchange.eml',
  'reply-en-pwyp-korrigert.eml',
];

function capture(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d: Buffer) => (text += d.toString()));
  return { out, text: () => text };
}

let config: Config;
beforeAll(async () => {
  config = testConfig();
  await fileFixtures(config, FILES);
}, 60_000);

describe('list and show', () => {
  it('lists everything, or by commitment, category and lateness', async () => {
    const all = capture();
    await listCommand(config.dataDir, projectRules(), {}, all.out);
    expect(all.text()).toMatch(/6 innspill\n$/);
    const einnsyn = capture();
    await listCommand(config.dataDir, projectRules(), { commitment: 'einnsyn', json: true }, einnsyn.out);
    const lines = einnsyn.text().trim().split('\n').map((l) => JSON.parse(l) as { subject: string; commitments: Array<{ id: string }> });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((r) => r.commitments.some((c) => c.id === 'einnsyn'))).toBe(true);
    const late = capture();
    await listCommand(config.dataDir, projectRules(), { late: true, json: true }, late.out);
    expect(late.text().trim().split('\n')).toHaveLength(1);
    const unclassified = capture();
    await listCommand(config.dataDir, projectRules(), { commitment: 'uklassifisert', json: true }, unclassified.out);
    expect(unclassified.text()).toContain('"organisation":"Samferdselsdepartementet"');
  });

  it('refuses an unknown commitment or category with the ids it knows', async () => {
    await expect(listCommand(config.dataDir, projectRules(), { commitment: 'e-innsyn' }, capture().out)).rejects.toThrow(/ukjent forpliktelse «e-innsyn»; disse finnes: ungdomspanel/);
    await expect(listCommand(config.dataDir, projectRules(), { category: 'presse' }, capture().out)).rejects.toThrow(/ukjent avsenderkategori «presse»/);
  });

  it('shows one submission with why it was sorted there, and says when an id does not exist', async () => {
    const one = capture();
    const id = records(config)[0]!.id;
    expect(await showCommand(config.dataDir, projectRules(), id, false, one.out)).toBe(0);
    expect(one.text()).toMatch(new RegExp(`Innspill: +${id}`));
    expect(one.text()).toMatch(/Avsenderens egne ord:/);
    expect(await showCommand(config.dataDir, projectRules(), '2021-9999', false, capture().out)).toBe(1);
  });
});

describe('reclassify', () => {
  it('applies changed rules to every record, keeping ids, order and receipt state', async () => {
    const before = records(config);
    // A caseworker removes eInnsyn's strongest terms.
    const changed = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
    cpSync(rulesDir, changed, { recursive: true });
    const file = join(changed, OGP, 'commitments.yaml');
    writeFileSync(file, withoutEinnsynTerms(readFileSync(file, 'utf8')));
    const store = await Store.open(config.dataDir, { lock: true });
    const summary = await reclassify(store, loadRules(changed), new Date());
    await store.close();
    const after = records(config);
    expect(summary.records).toBe(before.length);
    expect(summary.commitmentsChanged).toBeGreaterThan(0);
    expect(after.map((r) => [r.id, r.seq, r.filedAt, r.receipt.status])).toEqual(before.map((r) => [r.id, r.seq, r.filedAt, r.receipt.status]));
    expect(after.some((r, i) => r.classifiedAt !== before[i]!.classifiedAt)).toBe(true);
    // And back: the shipped rules give the first result again.
    const again = await Store.open(config.dataDir, { lock: true });
    await reclassify(again, projectRules(), new Date());
    await again.close();
    expect(records(config).map((r) => r.commitments.map((c) => c.id))).toEqual(before.map((r) => r.commitments.map((c) => c.id)));
  });
});

/** commitments.yaml with eInnsyn's strong and medium terms replaced by one that never matches. */
function withoutEinnsynTerms(yaml: string): string {
  return yaml.replace(/(  - id: einnsyn\n    strong:\n)(?:      (?:- |# ?).*\n)+(    medium:\n)(?:      (?:- |# ?).*\n)+/, '$1      - ingen-treff-xyzzy\n$2      - ingen-treff-xyzzy\n');
}

/** The message with the named header fields (and their folded lines) taken out of its header. */
function withoutHeaders(raw: Buffer, names: string[]): Buffer {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.slice(0, end).split(/\r?\n/)) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = names.some((n) => line.toLowerCase().startsWith(`${n.toLowerCase()}:`));
    if (!dropping) kept.push(line);
  }
  return Buffer.from(`${kept.join('\r\n')}${text.slice(end)}`, 'latin1');
}

describe('reclassify over mail whose time only the mailbox knows', () => {
  it('keeps the received time and the late mark, and says exactly which records changed and how', async () => {
    const c = testConfig();
    // No Received or Date header: the Maildir's arrival time (after the deadline) is all there is.
    const arrived = new Date('2021-05-20T10:00:00Z');
    const name = `${arrived.getTime() / 1000}.M1P1.host`;
    mkdirSync(join(c.maildir, 'new'), { recursive: true });
    writeFileSync(join(c.maildir, 'new', name), withoutHeaders(readFileSync(join(fixturesDir, FILES[0]!)), ['Received', 'Date']));
    utimesSync(join(c.maildir, 'new', name), arrived, arrived);
    const daemon = new Daemon(c, projectRules(), createLogger({ level: 'silent', secrets: [] }));
    await daemon.open();
    await daemon.runOnce();
    await daemon.close();
    const [first] = records(c);
    expect(first).toMatchObject({ receivedAt: arrived.toISOString(), receivedFrom: 'mailbox', late: true });

    // The same rules again: nothing changes, and the report says so.
    const same = capture();
    expect(await reclassifyCommand(c, projectRules(), createLogger({ level: 'silent', secrets: [] }), same.out, same.out)).toBe(0);
    expect(records(c)[0]).toMatchObject({ receivedAt: arrived.toISOString(), receivedFrom: 'mailbox', late: true, commitments: first!.commitments });
    expect(same.text()).toContain('1 innspill klassifisert på nytt: 0 endret, 1 uendret');

    // Rules without eInnsyn's terms: the one record changes in its commitments, and only there.
    const changed = mkdtempSync(join(tmpdir(), 'innspill-rules-'));
    cpSync(rulesDir, changed, { recursive: true });
    const file = join(changed, OGP, 'commitments.yaml');
    writeFileSync(file, withoutEinnsynTerms(readFileSync(file, 'utf8')));
    const report = capture();
    expect(await reclassifyCommand(c, loadRules(changed), createLogger({ level: 'silent', secrets: [] }), report.out, report.out)).toBe(0);
    const after = records(c)[0]!;
    expect(after).toMatchObject({ receivedAt: arrived.toISOString(), late: true });
    const idsOf = (r: { commitments: Array<{ id: string }> }) => r.commitments.map((x) => x.id).join(', ') || '–';
    expect(idsOf(after)).not.toBe(idsOf(first!));
    expect(report.text()).toContain('1 innspill klassifisert på nytt: 1 endret, 0 uendret');
    expect(report.text()).toContain(`${first!.id}  forpliktelser: ${idsOf(first!)} → ${idsOf(after)}\n`);
    expect(report.text()).not.toMatch(/mottatt:|etter fristen:/);
  });
});

describe('the receipt outbox by hand', () => {
  it('lists failed receipts and retries one when the server takes it', async () => {
    const sink = await startSmtpSink();
    sink.failNext(550, 1, '5.1.1 no such user');
    const c = testConfig(smtpEnv(sink));
    const daemon = new Daemon(c, projectRules(), createLogger({ level: 'silent', secrets: [] }), { mailbox: new FilesMailbox([join(fixturesDir, FILES[0]!)]) });
    await daemon.open();
    await daemon.runOnce();
    await daemon.close();
    const failed = capture();
    await receiptsList(c, 'failed', failed.out);
    const id = records(c)[0]!.id;
    expect(failed.text()).toContain(`${id}`);
    expect(failed.text()).toContain('5.1.1 no such user');
    const retried = capture();
    expect(await receiptsRetry(c, projectRules(), createLogger({ level: 'silent', secrets: [] }), id, retried.out)).toBe(0);
    expect(retried.text()).toBe(`${id}: kvittering sendt\n`);
    expect(sink.messages).toHaveLength(1);
    await sink.close();
  });
});
