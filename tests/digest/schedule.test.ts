// The schedule and the digest state with digests written to the outbox folder (no SMTP server):
// what is sent when, and that the state moves on exactly once per digest sent.
// tests/integration/digest-schedule.test.ts does the same against a real SMTP receiver. The
// ticks come from a clock ticked by hand (tests/helpers/cron.ts): no real timer runs.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { DigestSchedule } from '../../src/digest/schedule.js';
import { sendDigest } from '../../src/digest/send.js';
import { readDigestState } from '../../src/digest/state.js';
import { Store } from '../../src/store/json-store.js';
import { handCron } from '../helpers/cron.js';
import { captureLog, digestConfig } from '../helpers/digest-env.js';
import { consultationFixture, fixtureStore } from '../helpers/records.js';
import { projectRules } from '../helpers/rules.js';

const rules = projectRules();
const WEEKDAYS_8 = '0 8 * * 1-5';
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

async function setup(env: Record<string, string> = {}) {
  const dir = fixtureStore(consultationFixture());
  const store = await Store.open(dir, { lock: false });
  const config = digestConfig(dir, { INNSPILL_DIGEST_CRON: WEEKDAYS_8, ...env });
  const { log, lines } = captureLog();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const outbox = join(config.outboxDir, 'digests');
  const sent = () => {
    try {
      return readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    } catch {
      return [];
    }
  };
  const cron = handCron();
  const schedule = (now: string) => {
    const s = new DigestSchedule(config, () => rules, store, log, () => new Date(now), cron.clock);
    cleanup.push(() => s.stop());
    return s;
  };
  return { dir, store, config, lines, outbox, sent, schedule, cron };
}

describe('sending a digest', () => {
  it('mails everything new once, records it, and sends nothing when nothing is new', async () => {
    const { store, config, sent, outbox } = await setup();
    const first = await sendDigest({ config, rules, store, now: new Date('2021-05-12T06:00:00Z') });
    expect(first).toMatchObject({ sent: true, count: 13 });
    expect(await readDigestState(store)).toEqual({
      lastSeq: 16,
      lastSentAt: '2021-05-12T06:00:00.000Z',
      history: [{ sentAt: '2021-05-12T06:00:00.000Z', firstSeq: 1, lastSeq: 16, count: 13, messageId: first.messageId }],
    });
    const mail = await simpleParser(readFileSync(join(outbox, sent()[0]!)));
    expect(mail.subject).toBe('Innspill OGP 4B – oversikt 12.05.2021 (13 innspill)');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.text).toContain('INNSPILL PER FORPLIKTELSE');
    expect(mail.html).toContain('<svg');

    expect(await sendDigest({ config, rules, store, now: new Date('2021-05-13T06:00:00Z') })).toMatchObject({ sent: false, count: 0 });
    expect(sent()).toHaveLength(1);
  });

  it('sends an empty digest when configured to', async () => {
    const { store, config, sent } = await setup({ INNSPILL_DIGEST_SEND_EMPTY: 'true' });
    await sendDigest({ config, rules, store, now: new Date('2021-05-12T06:00:00Z') });
    const again = await sendDigest({ config, rules, store, now: new Date('2021-05-13T06:00:00Z') });
    expect(again).toMatchObject({ sent: true, count: 0 });
    expect(again.model!.subject).toBe('Innspill OGP 4B – oversikt 13.05.2021 (ingen nye)');
    expect(sent()).toHaveLength(2);
    expect((await readDigestState(store)).history.map((h) => [h.firstSeq, h.lastSeq, h.count])).toEqual([
      [1, 16, 13],
      [17, 16, 0],
    ]);
  });

  it('keeps the last 50 digests in the history', async () => {
    const { store, config } = await setup({ INNSPILL_DIGEST_SEND_EMPTY: 'true' });
    for (let day = 0; day < 52; day++) await sendDigest({ config, rules, store, now: new Date(Date.UTC(2021, 3, 1 + day, 6)) });
    const { history } = await readDigestState(store);
    expect(history).toHaveLength(50);
    expect(history[0]!.sentAt).toBe('2021-04-03T06:00:00.000Z');
  });
});

describe('the digest schedule', () => {
  it('without recipients, logs it once and schedules nothing', async () => {
    const { config, store, lines, schedule, cron } = await setup();
    config.digest.to = [];
    const s = schedule('2021-05-12T10:00:00Z');
    s.start();
    expect(s.nextRun()).toBeNull();
    expect(cron.started).toBe(0);
    expect(lines.filter((l) => /no digest recipients/.test(l.msg))).toHaveLength(1);
    expect(await readDigestState(store)).toMatchObject({ lastSeq: 0 });
  });

  it('with a broken cron expression, refuses the configuration at start, in words', async () => {
    await expect(setup({ INNSPILL_DIGEST_CRON: 'every morning' })).rejects.toThrow(/INNSPILL_DIGEST_CRON: is not a valid cron schedule/);
  });

  it('on start, sends a digest at once when one fell due while it was down', async () => {
    const { store, sent, schedule } = await setup();
    await store.writeState('digest', { lastSeq: 8, lastSentAt: '2021-05-10T06:00:01.000Z', history: [] }); // Monday's digest
    const s = schedule('2021-05-12T10:00:00Z'); // Wednesday noon: Tuesday's and Wednesday's were missed
    s.start();
    expect(s.nextRun()).toBeInstanceOf(Date);
    expect(await s.runNow()).toEqual({ sent: false, count: 0 }); // waits for the catch-up; then nothing is new
    expect(sent()).toHaveLength(1);
    expect(await readDigestState(store)).toMatchObject({ lastSeq: 16, lastSentAt: '2021-05-12T10:00:00.000Z', history: [{ firstSeq: 9, lastSeq: 16, count: 7 }] });
  });

  it('does not catch up when no digest fell due since the last one', async () => {
    const { store, sent, schedule } = await setup();
    await store.writeState('digest', { lastSeq: 8, lastSentAt: '2021-05-10T06:00:01.000Z', history: [] });
    const s = schedule('2021-05-10T09:00:00Z'); // same Monday, 11:00 in Oslo
    s.start();
    expect(await s.catchUp()).toBe(false);
    expect(sent()).toHaveLength(0);
  });

  it('before the first digest, catches up when a schedule passed after the oldest unsent record was filed', async () => {
    const { sent, schedule } = await setup();
    // The fixture was filed from Monday 10 May 10:00 (Oslo); Tuesday 08:00 has passed.
    expect(await schedule('2021-05-11T07:00:00Z').catchUp()).toBe(false); // not started: nothing scheduled
    const s = schedule('2021-05-11T07:00:00Z');
    s.start();
    expect(await s.runNow()).toEqual({ sent: false, count: 0 });
    expect(sent()).toHaveLength(1);
  });
});
