// MinHash signatures of shingle sets and the bands LSH buckets them by: messages whose own words
// share most shingles share a band with high probability, so candidates are found without
// comparing every pair. Pure and deterministic (fixed seeds).

/** Hashes per signature. */
export const SIGNATURE_LENGTH = 128;
/** LSH: bands × rows = SIGNATURE_LENGTH. Two rows per band: a pair at Jaccard 0.3 shares a band with probability 1 − (1 − 0.3²)^64 ≈ 0.998. */
export const ROWS_PER_BAND = 2;
export const BANDS = SIGNATURE_LENGTH / ROWS_PER_BAND;

/** murmur3's finaliser: a well-mixed 32-bit number from another. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** The signature of a set of shingles: per seed, the smallest mixed shingle. */
export function signatureOf(shingles: Iterable<number>): Uint32Array {
  const values = Uint32Array.from(shingles);
  const sig = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let k = 0; k < values.length; k++) {
      let h = values[k]! ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h >>>= 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}

/**
 * How much of the smaller set lies in the larger one, from the Jaccard estimate and the two sizes:
 * |A∩B| = J(|A|+|B|)/(1+J). A member who added a long paragraph of their own still contains the template.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / (1 + jaccard) / small);
}

/**
 * The bucket keys of a signature, one per band: its rows and the band's number mixed into one
 * 32-bit number (a rare collision only costs one comparison more).
 */
export function bandKeys(sig: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 0x9e3779b9);
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix(h ^ sig[b * ROWS_PER_BAND + r]!);
    keys[b] = h;
  }
  return keys;
}

/** A signature as text for the store (base64 of its bytes, little-endian) and back. */
export function encodeSignature(sig: Uint32Array): string {
  const bytes = Buffer.alloc(SIGNATURE_LENGTH * 4);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) bytes.writeUInt32LE(sig[i]!, i * 4);
  return bytes.toString('base64');
}

export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const sig = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) sig[i] = bytes.readUInt32LE(i * 4);
  return sig;
}
