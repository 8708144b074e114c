/**
 * Fast 32-bit integer hashing for counter-based randomness.
 *
 * `u01(key, day, agent, k)` is a pure function of its integer arguments, so a per-agent-per-day draw
 * never depends on how many numbers some other process has drawn (common random numbers across
 * strategies). The mixing is MurmurHash3 (x86, 32-bit) over the argument words with the stream key as
 * seed, finished by its `fmix32` avalanche step. Integer arguments are taken modulo 2^32.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;
const imul = Math.imul;

/** MurmurHash3's finaliser: full avalanche of a 32-bit word. Returns a uint32. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 body round: mixes word `k` into running hash `h`. Returns an int32. */
function mixWord(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 of the three words (a, b, c) seeded with `key`. Returns a uint32. */
export function hash4(key: number, a: number, b: number, c: number): number {
  let h = key | 0;
  h = mixWord(h, a);
  h = mixWord(h, b);
  h = mixWord(h, c);
  return fmix32(h ^ 12);
}

/**
 * Stable uint32 hash of a string: FNV-1a over its UTF-16 code units, then `fmix32`.
 * Stable across platforms because JavaScript strings are UTF-16 everywhere.
 */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/**
 * The uint32 key of the counter-based stream for (seed, replicate, purpose).
 * `seed` and `replicate` must be safe integers; all 53 bits of the seed are used.
 */
export function streamKey(seed: number, replicate: number, purpose: string): number {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`streamKey: seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(replicate)) {
    throw new RangeError(`streamKey: replicate must be a safe integer, got ${replicate}`);
  }
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  return hash4(hashString(purpose), lo, hi, replicate >>> 0);
}

/**
 * Counter-based uniform in [0, 1) with 32 bits of resolution: a pure function of
 * (key, day, agent, k). `k` is a sub-index, e.g. the neighbour slot or the n-th draw of the day.
 *
 * This is `hash4(key, day, agent, k) · 2⁻³²` (a test checks they agree), in two parts: `dayKey` mixes in the
 * day, `u01At` the agent and k. A loop over agents on one day calls `dayKey` once and `u01At` per agent.
 */
export function u01(key: number, day: number, agent: number, k = 0): number {
  return u01At(dayKey(key, day), agent, k);
}

/**
 * The running hash of u01(key, day, ·, ·) after its first word: hoist it out of a loop over agents, then draw with
 * `u01At(dayKey(key, day), agent, k)`, which equals `u01(key, day, agent, k)` (a property test checks it).
 */
export function dayKey(key: number, day: number): number {
  let w = imul(day, C1);
  w = imul((w << 15) | (w >>> 17), C2);
  const h = (key | 0) ^ w;
  return (imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/**
 * u01 with the (key, day) part done by `dayKey`: two mixing rounds and the finaliser. Its body is small enough
 * for the optimising compiler to inline it at several call sites of one kernel (u01 written out flat was not:
 * two inlined copies used up a function's inlining budget, and a call that is not inlined boxes its result).
 */
export function u01At(dk: number, agent: number, k: number): number {
  let w = imul(agent, C1);
  w = imul((w << 15) | (w >>> 17), C2);
  let h = dk ^ w;
  h = (imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  w = imul(k, C1);
  w = imul((w << 15) | (w >>> 17), C2);
  h ^= w;
  h = (imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) ^ 12;
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) * INV_TWO_POW_32;
}
