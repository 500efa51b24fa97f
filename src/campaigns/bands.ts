// The LSH buckets of one consultation: band key → the entries filed under it, the most recent
// first. Kept in typed arrays (a chained hash table): the daemon keeps every entry it has filed
// for as long as it runs, 64 band keys each, and as Maps of small arrays they cost about 8 KB of
// collected heap per entry (10,000 entries: 79 MB); here 16 bytes per entry and band outside it,
// about 1.7 KB per entry at 10,000 with the room the doubling leaves.

/** Nodes (one per entry and band) the arrays start with; they double as they fill. */
const INITIAL_NODES = 1024;

export class BandIndex {
  /** Per slot (the key's low bits): its most recent node + 1, 0 when empty. */
  private heads = new Int32Array(INITIAL_NODES);
  /** Per node: its band key, its entry, and the slot's node before it + 1 (0: none). */
  private keys = new Uint32Array(INITIAL_NODES);
  private items = new Int32Array(INITIAL_NODES);
  private next = new Int32Array(INITIAL_NODES);
  private count = 0;

  /**
   * Up to `limit` entries under `key`, the most recent first, into `out` (emptied first). A slot
   * holds other keys too; they are passed over.
   */
  recent(key: number, limit: number, out: number[]): number[] {
    out.length = 0;
    let node = this.heads[key & (this.heads.length - 1)]!;
    while (node !== 0 && out.length < limit) {
      const n = node - 1;
      if (this.keys[n] === key) out.push(this.items[n]!);
      node = this.next[n]!;
    }
    return out;
  }

  /** Files entry `item` under `key`, as the most recent. */
  add(key: number, item: number): void {
    if (this.count === this.keys.length) this.grow();
    const n = this.count++;
    this.keys[n] = key;
    this.items[n] = item;
    this.link(n);
  }

  private link(n: number): void {
    const slot = this.keys[n]! & (this.heads.length - 1);
    this.next[n] = this.heads[slot]!;
    this.heads[slot] = n + 1;
  }

  /** Twice the room, and the nodes chained again in filing order (so the most recent stays first). */
  private grow(): void {
    const size = this.keys.length * 2;
    const widen = <T extends Int32Array | Uint32Array>(from: T, to: T): T => (to.set(from), to);
    this.keys = widen(this.keys, new Uint32Array(size));
    this.items = widen(this.items, new Int32Array(size));
    this.next = new Int32Array(size);
    this.heads = new Int32Array(size);
    for (let n = 0; n < this.count; n++) this.link(n);
  }
}
