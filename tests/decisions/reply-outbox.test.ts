// The answer to a command mail is durable: when the SMTP server cannot take it (451), it is kept in
// the store and tried again like a receipt — after the retry wait, across a restart — and
// delivered exactly once. The daemons here run one pass each (`run --once`) on an injected clock.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { records, testConfig } from '../helpers/daemon.js';
import { deliver } from '../helpers/maildir.js';
import { mail } from '../helpers/mail.js';
import { forgedReply } from '../helpers/decisions.js';
import { projectRules } from '../helpers/rules.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { Daemon } from '../../src/daemon.js';
import { createLogger } from '../../src/log.js';
import type { Config } from '../../src/config.js';

const CASEWORKER = 'saksbehandler@kmd.dep.no';
let sink: SmtpSink;
beforeEach(async () => {
  sink = await startSmtpSink();
});
afterEach(() => sink.close());

async function pass(config: Config, at: string): Promise<void> {
  const daemon = new Daemon(config, projectRules(), createLogger({ level: 'silent', secrets: [] }), { now: () => new Date(at) });
  await daemon.open();
  try {
    await daemon.runOnce();
  } finally {
    await daemon.close();
  }
}
const kept = (config: Config) => {
  const dir = join(config.dataDir, 'state', 'replies');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
};
const answers = () => sink.messages.filter((m) => m.envelope.to.includes(CASEWORKER));

describe('answers to command mails', () => {
  it('are kept when the server says "try later", and sent once after the wait, across a restart', async () => {
    const config = testConfig({ INNSPILL_SMTP_HOST: sink.host, INNSPILL_SMTP_PORT: String(sink.port), INNSPILL_SMTP_TLS: 'false', INNSPILL_CASEWORKERS: CASEWORKER, INNSPILL_RECEIPT_RETRY_SECONDS: '600' });
    deliver(config.maildir, forgedReply());
    await pass(config, '2021-05-12T08:00:00Z');
    const [held] = records(config);
    expect(held!.receipt.status).toBe('held');

    // A wrong token: refused, and the answer saying why meets a busy server.
    sink.failNext(451, 1, '4.3.0 try again later');
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Beslutning', body: `/innspill ${held!.id} #AAAAAAAAAAAAAAAA\n` }));
    await pass(config, '2021-05-12T08:01:00Z');
    expect(answers()).toHaveLength(0);
    expect(kept(config)).toHaveLength(1);

    // Restarted before the wait is over: not tried yet.
    await pass(config, '2021-05-12T08:05:00Z');
    expect(answers()).toHaveLength(0);
    expect(kept(config)).toHaveLength(1);

    // After the wait: delivered once, and no longer kept.
    await pass(config, '2021-05-12T08:12:00Z');
    expect(answers()).toHaveLength(1);
    expect(answers()[0]!.raw.toString()).toContain('Ingenting er endret');
    expect(answers()[0]!.envelope.from).toBe('');
    expect(kept(config)).toEqual([]);
    await pass(config, '2021-05-12T09:00:00Z');
    expect(answers()).toHaveLength(1);
    // The refused command changed nothing.
    expect(records(config).find((r) => r.id === held!.id)!.receipt.status).toBe('held');
  }, 120_000);

  it('are given up on a permanent refusal (550), not tried for ever', async () => {
    const config = testConfig({ INNSPILL_SMTP_HOST: sink.host, INNSPILL_SMTP_PORT: String(sink.port), INNSPILL_SMTP_TLS: 'false', INNSPILL_CASEWORKERS: CASEWORKER });
    sink.failNext(550, 1, '5.1.1 no such user');
    deliver(config.maildir, mail({ from: CASEWORKER, subject: 'Beslutning', body: '/innspill 2021-9999 #AAAAAAAAAAAAAAAA\n' }));
    await pass(config, '2021-05-12T08:00:00Z');
    expect(kept(config)).toEqual([]);
    await pass(config, '2021-05-13T08:00:00Z');
    expect(answers()).toHaveLength(0);
  }, 120_000);
});
