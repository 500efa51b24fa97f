// The digest schedule against a real SMTP receiver: digests that cover exactly what was filed
// since the one before, across a restart and a missed schedule. The ticks come from a clock the
// test ticks by hand (tests/helpers/cron.ts), the time from an injected clock: no real cron tick.
// That node-cron's own ticks, late ones included, reach the schedule: tests/digest/cron-clock.test.ts.
import { rmSync } from 'node:fs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestSchedule } from '../../src/digest/schedule.js';
import { readDigestState } from '../../src/digest/state.js';
import { Store } from '../../src/store/json-store.js';
import { handCron, type HandCron } from '../helpers/cron.js';
import { captureLog, digestConfig } from '../helpers/digest-env.js';
import { consultationFixture, fixtureStore, makeRecord, writeRecords } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../helpers/smtp-sink.js';

const rules = projectRules();
const fixture = consultationFixture();
let sink: SmtpSink;
let dir: string;
let cron: HandCron;
const schedules: DigestSchedule[] = [];

beforeEach(async () => {
  cron = handCron();
  sink = await startSmtpSink();
  dir = fixtureStore(fixture.filter((r) => r.seq <= 8));
});
afterEach(async () => {
  for (const s of schedules.splice(0)) await s.stop();
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
});

function config(cron: string) {
  return digestConfig(dir, { INNSPILL_SMTP_HOST: sink.host, INNSPILL_SMTP_PORT: String(sink.port), INNSPILL_SMTP_TLS: 'false', INNSPILL_DIGEST_CRON: cron });
}

async function startSchedule(expression: string, now: () => Date): Promise<DigestSchedule> {
  const store = await Store.open(dir, { lock: false }); // a fresh store per schedule: a restart
  const s = new DigestSchedule(config(expression), () => rules, store, captureLog().log, now, cron.clock);
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

const WEEKDAYS_8 = '0 8 * * 1-5';

describe('scheduled digests over SMTP', () => {
  it('sends on schedule only what is new, and carries on after a restart without repeat or skip', async () => {
    let now = new Date('2021-05-12T10:00:00Z'); // Wednesday noon in Oslo: the fixture was filed Monday
    const first = await startSchedule(WEEKDAYS_8, () => now);
    const [raw1] = await sink.waitFor(1); // the catch-up for the fixture
    expect(await first.catchUp()).toBe(false);
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
    now = new Date('2021-05-13T06:00:00Z'); // Thursday 08:00 in Oslo
    await cron.tick(); // the tick, nothing else, sends this one
    const [, raw2] = await sink.waitFor(2);
    const mail2 = await parse(raw2!);
    expect(mail2.subject).toMatch(/\(7 nye\)$/);
    expect(listed(mail2)).toEqual(ids(9, 11, 12, 13, 14, 15, 16));
    expect(await first.runNow()).toEqual({ sent: false, count: 0 }); // nothing new: no mail
    expect(sink.messages).toHaveLength(2);
    await first.stop();
    expect(cron.started).toBe(0);

    writeRecords(dir, [
      makeRecord({ seq: 17, from: 'post@wwf.no', name: 'WWF Norge', subject: 'Innspill om antikorrupsjon', commitments: ['antikorrupsjon'] }),
      makeRecord({ seq: 18, from: 'post@frittord.no', name: 'Fritt Ord', subject: 'Innsyn og ytringsfrihet', commitments: ['einnsyn'] }),
    ]);
    now = new Date('2021-05-13T10:00:00Z'); // "restart" Thursday noon: a new schedule over the same store
    const second = await startSchedule(WEEKDAYS_8, () => now);
    expect(await second.catchUp()).toBe(false); // Thursday's digest went out before the restart
    expect(sink.messages).toHaveLength(2);
    now = new Date('2021-05-14T06:00:00Z'); // Friday 08:00
    await cron.tick();
    const [, , raw3] = await sink.waitFor(3);
    expect(listed(await parse(raw3!))).toEqual(ids(17, 18));
    expect(await second.runNow()).toEqual({ sent: false, count: 0 }); // and it has recorded it

    const state = await readDigestState(await Store.open(dir, { lock: false }));
    expect(state.lastSeq).toBe(18);
    expect(state.history.map((h) => [h.firstSeq, h.lastSeq, h.count])).toEqual([
      [1, 8, 6],
      [9, 16, 7],
      [17, 18, 2],
    ]);
    expect(state.history.map((h) => h.sentAt)).toEqual(['2021-05-12T10:00:00.000Z', '2021-05-13T06:00:00.000Z', '2021-05-14T06:00:00.000Z']);
  });

  it('a tick while a digest is being sent waits for it: one digest per submission, never two at once', async () => {
    const now = () => new Date('2021-05-12T10:00:00Z');
    const s = await startSchedule(WEEKDAYS_8, now); // its catch-up is under way
    await cron.tick(); // comes while the catch-up sends: waits, then finds nothing new
    expect(await s.catchUp()).toBe(false);
    expect(sink.messages).toHaveLength(1);
    expect(listed(await parse(sink.messages[0]!))).toEqual(ids(1, 2, 3, 4, 5, 6));
  });

  it('catches up at once on a digest missed while innspill was down', async () => {
    const store = await Store.open(dir, { lock: false });
    await store.writeState('digest', { lastSeq: 4, lastSentAt: '2021-05-10T06:00:01.000Z', history: [] }); // Monday 08:00
    const s = await startSchedule(WEEKDAYS_8, () => new Date('2021-05-12T10:00:00Z')); // started Wednesday noon
    const [raw] = await sink.waitFor(1);
    expect(await s.catchUp()).toBe(false); // waits for the first to finish; nothing is missed any more
    const mail = await parse(raw!);
    expect(mail.subject).toBe('Innspill OGP 4B – oversikt 12.05.2021 (2 nye)');
    expect(listed(mail)).toEqual(ids(5, 6));
    expect(await readDigestState(store)).toMatchObject({ lastSeq: 8, lastSentAt: '2021-05-12T10:00:00.000Z' });
  });

  it('keeps the state when the SMTP server refuses, so the next digest covers the same submissions', async () => {
    const s = await startSchedule(WEEKDAYS_8, () => new Date('2021-05-10T05:00:00Z')); // Monday 07:00: nothing missed
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
