// The hooks every IMAP suite needs, in one place: a fresh Dovecot (and, when asked, an SMTP sink)
// before each test, and one in-process daemon the test starts; after each test the daemon is
// stopped first, then the servers. The servers are new in every test: read them through the
// returned object (`servers.dovecot`, `servers.sink`).
import { afterEach, beforeEach } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Daemon } from '../../src/daemon.js';
import { DaemonHarness } from './daemon.js';
import { startDovecot, type DovecotOptions, type DovecotServer } from './dovecot.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

export interface ServersPerTest {
  readonly dovecot: DovecotServer;
  /** only when asked for with { sink: … } */
  readonly sink: SmtpSink;
  /** Starts the daemon of this test (stopped after it). */
  start(config: Config): Promise<Daemon>;
}

export function serversPerTest(opts: { dovecot?: DovecotOptions; sink?: Parameters<typeof startSmtpSink>[0] | true } = {}): ServersPerTest {
  const harness = new DaemonHarness();
  let dovecot: DovecotServer | null = null;
  let sink: SmtpSink | null = null;
  beforeEach(async () => {
    const sinkOptions = opts.sink === true ? {} : opts.sink;
    [dovecot, sink] = await Promise.all([startDovecot(opts.dovecot), sinkOptions ? startSmtpSink(sinkOptions) : null]);
  });
  afterEach(async () => {
    await harness.stop();
    await Promise.all([dovecot?.stop(), sink?.close()]);
    dovecot = null;
    sink = null;
  });
  return {
    get dovecot() {
      if (!dovecot) throw new Error('Dovecot runs only inside a test (beforeEach starts it)');
      return dovecot;
    },
    get sink() {
      if (!sink) throw new Error(opts.sink ? 'the SMTP sink runs only inside a test' : 'no SMTP sink asked for: serversPerTest({ sink: true })');
      return sink;
    },
    start: (config) => harness.start(config),
  };
}
