// The batches a mailbox hands out, by their place in one pass: `sizes(0)` messages first, then
// `sizes(1)`, and so on.

/** The size of the n-th batch of a pass (0: the first). */
export type BatchSizes = (index: number) => number;

/**
 * Small batches first, doubling up to `max`: 1, 2, 4, 8, 16, `max`, `max`, … A message filed in a
 * batch waits for the whole batch to be read; the first of a burst that meets an idle daemon is
 * then filed on its own, as fast as one arriving alone, while a long backlog still goes in batches
 * of `max` after the first 31 messages.
 */
export function growingBatches(max: number): BatchSizes {
  return (index) => Math.min(max, 2 ** index);
}

/** [start, end) of each batch over `length` items. */
export function* batchRanges(length: number, sizes: BatchSizes): Generator<[number, number]> {
  for (let start = 0, n = 0; start < length; n++) {
    const end = Math.min(length, start + Math.max(1, Math.floor(sizes(n))));
    yield [start, end];
    start = end;
  }
}
