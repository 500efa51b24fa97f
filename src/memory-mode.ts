// The daemon's heap, kept near what it holds (issue 17). Its live heap is small (about 40 MB after
// 1,400 messages filed: the heap snapshot of a run), but V8 let the heap grow far beyond that
// between collections, so its resident memory rose with the amount of mail read: 202–205 MB after
// 300 text messages, 241 MB after 2,000 (scripts/bench/daemon-memory.ts). A full collection after
// a filed batch (20 messages) brings the heap back to what is live, and V8 sizes its next limit
// from there: 300 messages then peaked at 141 MB, but for about a third more CPU in the daemon
// (11.4 → 15.2 s; collections also drop compiled code). So it runs only when the heap has grown
// past HEAP_MARK: at 96 MB the 300 messages peaked at 169 MB for 12.4 s of CPU (at 64 MB: 143 MB,
// 15.3 s). One run each on a machine loaded by other work: the CPU figures are rough.
// (--optimize-for-size did as well, 134 MB after 2,000, but nearly doubled the CPU per message.)
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** The heap size (V8's total, live and garbage) from which a filed batch is followed by a collection. */
export const HEAP_MARK = 96 * 1024 * 1024;

/** What was live after the last collection made here (bytes). */
let liveAfterLast = 0;

/**
 * A full collection when the heap has grown past `mark`, and to more than twice what was live after
 * the last one (a process whose live heap is above the mark, such as a test runner with the daemon
 * inside, is not collected after every batch); returns whether one ran.
 */
export function collectGarbageIfAbove(mark = HEAP_MARK): boolean {
  const total = getHeapStatistics().total_heap_size;
  if (total <= mark || total <= 2 * liveAfterLast) return false;
  collectGarbage();
  liveAfterLast = getHeapStatistics().used_heap_size;
  return true;
}

/** A full garbage collection now (a few tens of milliseconds for the daemon's heap). */
export function collectGarbage(): void {
  if (gc === undefined) {
    // `gc` is only given to code compiled after the flag is set: a fresh context has it.
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    gc = typeof found === 'function' ? (found as () => void) : null;
  }
  gc?.();
}
