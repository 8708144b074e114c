import type { RandomSource } from './Stream';

/** Up to this k, Floyd's algorithm checks membership by scanning the output (O(k²) but no memory). */
const SCAN_LIMIT = 48;

/**
 * Writes k distinct integers drawn uniformly from [0, n) into out[0..k) and returns `out`
 * (a new Int32Array of length k when `out` is omitted).
 *
 * Every k-subset is equally likely, but the ORDER within out[0..k) is not a random permutation:
 * shuffle it if order matters. Cost: O(k) expected, with O(k) scratch when k is large, or O(n) with
 * no scratch when k is a large share of n (Knuth's selection sampling, which returns values sorted).
 */
export function sampleWithoutReplacement(
  rand: RandomSource,
  n: number,
  k: number,
  out?: Int32Array,
): Int32Array {
  if (!(Number.isInteger(n) && n >= 0 && n <= 0x7fffffff)) {
    throw new RangeError(`sampleWithoutReplacement: n must be an integer in [0, 2^31), got ${n}`);
  }
  if (!(Number.isInteger(k) && k >= 0 && k <= n)) {
    throw new RangeError(`sampleWithoutReplacement: k must be an integer in [0, n=${n}], got ${k}`);
  }
  const res = out ?? new Int32Array(k);
  if (res.length < k) {
    throw new RangeError(`sampleWithoutReplacement: out has length ${res.length}, need at least k=${k}`);
  }
  if (k <= SCAN_LIMIT) return floydScan(rand, n, k, res);
  if (4 * k >= n) return selection(rand, n, k, res);
  return floydHashed(rand, n, k, res);
}

/** Floyd's algorithm with membership by linear scan of the chosen values. */
function floydScan(rand: RandomSource, n: number, k: number, out: Int32Array): Int32Array {
  let size = 0;
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(rand() * (j + 1));
    let seen = false;
    for (let i = 0; i < size; i++) {
      if (out[i] === t) {
        seen = true;
        break;
      }
    }
    out[size++] = seen ? j : t;
  }
  return out;
}

/** Floyd's algorithm with membership in an open-addressing hash set (Int32Array, −1 = empty). */
function floydHashed(rand: RandomSource, n: number, k: number, out: Int32Array): Int32Array {
  let cap = 1;
  while (cap < 2 * k) cap <<= 1;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  let size = 0;
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(rand() * (j + 1));
    // Insert t; if it is already there, insert j instead (j is never present yet).
    let v = t;
    let slot = Math.imul(v, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const cur = table[slot]!;
      if (cur === -1) break;
      if (cur === v) {
        v = j;
        slot = Math.imul(v, 0x9e3779b1) >>> 0;
        continue;
      }
      slot++;
    }
    table[slot] = v;
    out[size++] = v;
  }
  return out;
}

/** Knuth's Algorithm S (selection sampling): one pass over [0, n), output sorted. */
function selection(rand: RandomSource, n: number, k: number, out: Int32Array): Int32Array {
  let need = k;
  let size = 0;
  for (let i = 0; i < n && need > 0; i++) {
    if ((n - i) * rand() < need) {
      out[size++] = i;
      need--;
    }
  }
  return out;
}
