// Waiting for work that a stop must not wait for (a connection still being made, say).

/** Resolves true when `work` is done, false as soon as `signal` aborts (then `work` is left to settle on its own). */
export async function doneUnlessAborted(work: Promise<unknown>, signal: AbortSignal): Promise<boolean> {
  work.catch(() => undefined); // settles after a stop too; nobody waits for it then
  if (signal.aborted) return false;
  let onAbort = () => {};
  const stopped = new Promise<'stopped'>((resolve) => {
    onAbort = () => resolve('stopped');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return (await Promise.race([work.then(() => 'done' as const), stopped])) === 'done';
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
