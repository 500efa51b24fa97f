// The digest schedule against a real SMTP receiver: a seconds-level cron expression, digests that
// cover exactly what was filed since the one before, across a restart and a missed schedule.
import { rmSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestSchedule } from '../../src/digest/schedule.js';
import { readDigestState } from '../../src/digest/state.js';
import { Store } from '../../src/store/json-store.js';
import { captureLog, digestConfig } from '../helpers/digest-env.js';
import { consultationFixture, fixtureStore, makeRecord, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../helpers/smtp-sink.js';

const rules = projectRules();
const fixture = consultationFixture();
let sink: SmtpSink;
let dir: string;
const schedules: DigestSchedule[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
  dir = fixtureStore(fixture.filter((r) => r.seq <= 8));
});
afterEach(async () => {
  for (const s of schedules.splice(0)) s.stop();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(cron: string) {
  return digestConfig(dir, { INNSPILL_SMTP_HOST: sink.host, INNSPILL_SMTP_PORT: String(sink.port), INNSPILL_SMTP_TLS: 'false', INNSPILL_DIGEST_CRON: cron });
}

async function startSchedule(cron: string, now: () => Date = () => new Date()): Promise<DigestSchedule> {
  const store = await Store.open(dir, { lock: false }); // a fresh store per schedule: a restart
  const s = new DigestSchedule(config(cron), () => rules, store, captureLog().log, now);
  schedules.push(s);
  s.start();
  return s;
}

/** The ids of the submissions listed in a digest's text part. */
function listed(mail: ParsedMail): string[] {
  return [...new Set([...(mail.text ?? '').matchAll(/^\[(\d{4}-\d{4})\]/gm)].map((m) => m[1]!))].sort();
}

const parse = (m: CapturedMail) => simpleParser(m.raw);
const ids = (...seqs: number[]) => seqs.map((n) => `2021-${String(n).padStart(4, '0')}`);

describe('scheduled digests over SMTP', () => {
  it('sends on schedule only what is new, and carries on after a restart without repeat or skip', async () => {
    const first = await startSchedule('*/2 * * * * *');
    const [raw1] = await sink.waitFor(1, 5000);
    const mail1 = await parse(raw1!);
    expect(raw1!.envelope).toEqual({ from: '', to: ['saksbehandler@kmd.dep.no'] });
    expect(mail1.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail1.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail1.from?.value).toEqual([{ name: rules.consultation.ministry, address: 'postmottak@kmd.dep.no' }]);
    expect(mail1.text).toContain('INNSPILL PER FORPLIKTELSE');
    expect(mail1.html).toContain('<svg');
    expect(mail1.subject).toMatch(/\(6 innspill\)$/);
    expect(listed(mail1)).toEqual(ids(1, 2, 3, 4, 5, 6));

    writeRecords(dir, fixture.filter((r) => r.seq > 8)); // filed while the daemon runs
    const [, raw2] = await sink.waitFor(2, 5000); // the cron tick, nothing else, sends this one
    const mail2 = await parse(raw2!);
    expect(mail2.subject).toMatch(/\(7 nye\)$/);
    expect(listed(mail2)).toEqual(ids(9, 11, 12, 13, 14, 15, 16));
    expect(await first.runNow()).toEqual({ sent: false, count: 0 }); // nothing new: no mail
    expect(sink.messages).toHaveLength(2);
    first.stop();

    writeRecords(dir, [
      makeRecord({ seq: 17, from: 'post@wwf.no', name: 'WWF Norge', subject: 'Innspill om antikorrupsjon', commitments: ['antikorrupsjon'] }),
      makeRecord({ seq: 18, from: 'post@frittord.no', name: 'Fritt Ord', subject: 'Innsyn og ytringsfrihet', commitments: ['einnsyn'] }),
    ]);
    const second = await startSchedule('*/2 * * * * *'); // "restart": a new schedule over the same store
    const [, , raw3] = await sink.waitFor(3, 5000);
    expect(listed(await parse(raw3!))).toEqual(ids(17, 18));
    expect(await second.runNow()).toEqual({ sent: false, count: 0 }); // and it has recorded it

    const state = await readDigestState(await Store.open(dir, { lock: false }));
    expect(state.lastSeq).toBe(18);
    expect(state.history.map((h) => [h.firstSeq, h.lastSeq, h.count])).toEqual([
      [1, 8, 6],
      [9, 16, 7],
      [17, 18, 2],
    ]);
  });

  it('sends a tick that node-cron missed because the process was busy, instead of skipping it', async () => {
    const due = new Date(Math.ceil((Date.now() + 2500) / 1000) * 1000); // once a minute, at this second
    const s = await startSchedule(`${due.getUTCSeconds()} * * * * *`);
    await sink.waitFor(1, 5000); // the catch-up for the fixture
    expect(await s.catchUp()).toBe(false);
    writeRecords(dir, [makeRecord({ seq: 9, from: 'post@ffo.no', subject: 'Innspill om ungdomspanel', commitments: ['ungdomspanel'] })]);
    const nap = new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(nap, 0, 0, due.getTime() + 2500 - Date.now()); // the process is stuck over the tick, > 1 s past it
    const [, late] = await sink.waitFor(2, 3000);
    expect(listed(await parse(late!))).toEqual(ids(9));
  });

  it('catches up at once on a digest missed while innspill was down', async () => {
    const store = await Store.open(dir, { lock: false });
    await store.writeState('digest', { lastSeq: 4, lastSentAt: '2021-05-10T06:00:01.000Z', history: [] }); // Monday 08:00
    const s = await startSchedule('0 8 * * 1-5', () => new Date('2021-05-12T10:00:00Z')); // started Wednesday noon
    const [raw] = await sink.waitFor(1, 5000);
    expect(await s.catchUp()).toBe(false); // waits for the first to finish; nothing is missed any more
    const mail = await parse(raw!);
    expect(mail.subject).toBe('Innspill OGP 4B – oversikt 12.05.2021 (2 nye)');
    expect(listed(mail)).toEqual(ids(5, 6));
    expect(await readDigestState(store)).toMatchObject({ lastSeq: 8, lastSentAt: '2021-05-12T10:00:00.000Z' });
  });

  it('keeps the state when the SMTP server refuses, so the next digest covers the same submissions', async () => {
    const s = await startSchedule('0 8 * * 1-5', () => new Date('2021-05-10T05:00:00Z')); // Monday 07:00: nothing missed
    expect(await s.catchUp()).toBe(false);
    sink.failNext(451);
    writeRecords(dir, [makeRecord({ seq: 9, from: 'post@ffo.no', subject: 'Innspill om ungdomspanel', commitments: ['ungdomspanel'] })]);
    await expect(s.runNow()).rejects.toThrow(/prøve igjen senere/);
    expect(await readDigestState(await Store.open(dir, { lock: false }))).toMatchObject({ lastSeq: 0, lastSentAt: null });
    const retried = await s.runNow();
    expect(retried).toEqual({ sent: true, count: 7 });
    expect(listed(await parse(sink.messages.at(-1)!))).toEqual(ids(1, 2, 3, 4, 5, 6, 9));
  });
});
