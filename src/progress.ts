// A progress bar for long work, on a terminal only; elsewhere (journald, CI) it stays silent and
// the structured log tells the story.
import cliProgress from 'cli-progress';

export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private done = 0;

  constructor(label: string, total = 0, stream: NodeJS.WriteStream = process.stderr) {
    this.bar = stream.isTTY
      ? new cliProgress.SingleBar(
          { format: `${label} [{bar}] {value}${total > 0 ? '/{total}' : ''} {eta_formatted}`, stream, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
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
