// The mailboxes' waiting: until new mail is signalled, a time is up, or the daemon stops.

/** A wait that anyone holding `wake` can end early. */
export class Waker {
  private wakeUp: (() => void) | null = null;

  /** Ends the current wait, if there is one. */
  wake(): void {
    this.wakeUp?.();
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wakeUp = done;
    });
  }
}
