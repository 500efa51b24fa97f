// SIGTERM and SIGINT for the long-running daemon, caught from the first moment `innspill run`
// starts: a stop asked for while the rules are read, the store is opened or the mailbox is
// still being reached is remembered and honoured as soon as there is something to stop, and
// the process exits 0 like any other clean stop (systemd sends SIGTERM whenever it likes).
import type { Logger } from './log.js';

export type StopSignal = 'SIGTERM' | 'SIGINT';

export class StopSignals {
  /** The first stop signal received, or null. */
  received: StopSignal | null = null;
  private readonly listeners: Array<(signal: StopSignal, repeated: boolean) => void> = [];
  private readonly handler = (signal: StopSignal) => {
    const repeated = this.received !== null;
    this.received ??= signal;
    for (const l of this.listeners) l(signal, repeated);
  };

  constructor() {
    process.on('SIGTERM', this.handler);
    process.on('SIGINT', this.handler);
  }

  /** Called for every stop signal; at once when one came before. `repeated` from the second on. */
  onStop(listener: (signal: StopSignal, repeated: boolean) => void): void {
    this.listeners.push(listener);
    if (this.received) listener(this.received, false);
  }

  dispose(): void {
    process.off('SIGTERM', this.handler);
    process.off('SIGINT', this.handler);
    this.listeners.length = 0;
  }
}

let early: StopSignals | null = null;

/**
 * Called by the entry points (src/main.ts, bin/innspill.js) before the rest of the program is
 * loaded: for the long-running `innspill run`, stop signals are caught while the modules load.
 */
export function catchStopSignalsEarly(argv: string[]): void {
  if (argv[2] === 'run' && !argv.slice(3).includes('--once')) early ??= new StopSignals();
}

/** The stop signals caught since the start (or from now on, when the entry point did not catch them). */
export function stopSignals(): StopSignals {
  const signals = early ?? new StopSignals();
  early = null;
  return signals;
}

/**
 * Called once everything is closed: the process ends by itself when nothing is left open. Something
 * a part failed to close (a folder watch, a timer) must not keep a stopped daemon running until
 * systemd kills it: after `ms` it says what is still open, for the operator and the developers,
 * and exits 0 (the stop itself was clean).
 */
export function exitIfStillRunning(log: Pick<Logger, 'warn'>, ms: number): void {
  setTimeout(() => {
    log.warn({ open: process.getActiveResourcesInfo() }, `still running ${ms / 1000} s after it stopped; exiting`);
    process.exit(0);
  }, ms).unref();
}
