// The LSH buckets in typed arrays (src/campaigns/bands.ts): what a bucket gives back is what was
// filed under its key, the most recent first, cut at the limit — also for keys that share a slot
// and after the arrays have grown.
import { describe, expect, it } from 'vitest';
import { BandIndex } from '../../src/campaigns/bands.js';

describe('BandIndex', () => {
  it('gives a bucket back most recent first, at most the limit', () => {
    const index = new BandIndex();
    for (const item of [3, 5, 8, 13]) index.add(0xdeadbeef, item);
    expect(index.recent(0xdeadbeef, 16, [])).toEqual([13, 8, 5, 3]);
    expect(index.recent(0xdeadbeef, 2, [])).toEqual([13, 8]);
    expect(index.recent(0xfeedface, 16, [])).toEqual([]);
  });

  it('keeps apart keys whose low bits are the same (one slot, two buckets)', () => {
    const index = new BandIndex();
    // 1024 slots at the start: these three keys all fall in slot 7.
    const [a, b, c] = [7, 7 + 1024, 7 + 5 * 1024];
    index.add(a, 1);
    index.add(b, 2);
    index.add(a, 3);
    index.add(c, 4);
    expect(index.recent(a, 16, [])).toEqual([3, 1]);
    expect(index.recent(b, 16, [])).toEqual([2]);
    expect(index.recent(c, 16, [])).toEqual([4]);
    // The limit counts the bucket's own entries, not the others in its slot.
    expect(index.recent(a, 1, [])).toEqual([3]);
  });

  it('keeps every bucket and its order when it grows', () => {
    const index = new BandIndex();
    const filed = new Map<number, number[]>();
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // 5,000 nodes: the arrays double three times; keys drawn from a small set so buckets fill.
    const keys = Array.from({ length: 300 }, next);
    for (let item = 0; item < 5000; item++) {
      const key = keys[next() % keys.length]!;
      index.add(key, item);
      filed.set(key, [item, ...(filed.get(key) ?? [])]);
    }
    for (const [key, items] of filed) expect(index.recent(key, 1e9, [])).toEqual(items);
    const some = keys[0]!;
    expect(index.recent(some, 16, [])).toEqual(filed.get(some)!.slice(0, 16));
  });

  it('empties the array it is given before filling it', () => {
    const index = new BandIndex();
    index.add(1, 9);
    const out = [100, 200, 300];
    expect(index.recent(1, 16, out)).toBe(out);
    expect(out).toEqual([9]);
  });
});
