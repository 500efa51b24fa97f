// A progress bar for long work, on a terminal only; elsewhere (journald, CI) it stays silent and
// the structured log tells the story.
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

/**
 * cli-progress, loaded only for a bar on a terminal: a daemon under systemd or the bench never
 * draws one, and the package with its helpers is 25 modules (6.6 MB resident when imported
 * alone into a bare node) kept for the process's lifetime (issue 17).
 */
const loadCliProgress = (): typeof cliProgress => createRequire(import.meta.url)('cli-progress') as typeof cliProgress;

export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private done = 0;

  constructor(label: string, total = 0, stream: NodeJS.WriteStream = process.stderr) {
    const bars = stream.isTTY ? loadCliProgress() : null;
    this.bar = bars
      ? new bars.SingleBar(
          { format: `${label} [{bar}] {value}${total > 0 ? '/{total}' : ''} {eta_formatted}`, stream, hideCursor: true, clearOnComplete: false },
          bars.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0);
  }

  add(n: number): void {
    this.done += n;
    if (!this.bar) return;
    if (this.bar.getTotal() < this.done) this.bar.setTotal(this.done);
    this.bar.update(this.done);
  }

  stop(): void {
    this.bar?.stop();
  }
}
