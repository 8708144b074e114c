import type { RandomSource } from '../rng/Stream';
import { buildCsr } from './buildCsr';
import type { Graph } from './Graph';

/**
 * Watts–Strogatz small world: a ring lattice where each node links to its k/2 successors, then each
 * edge's far end is rewired with probability beta to a uniform random node other than its source.
 * Rewiring can duplicate an edge; duplicates are removed when the CSR is built, so for beta > 0 the
 * mean degree is a hair below k (by about beta·k²/n).
 */
export function wattsStrogatz(n: number, k: number, beta: number, rand: RandomSource): Graph {
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError(`wattsStrogatz: n must be an integer >= 0, got ${n}`);
  if (!(Number.isInteger(k) && k >= 0 && k % 2 === 0 && (k < n || k === 0))) {
    throw new RangeError(`wattsStrogatz: k must be an even integer in [0, n), got k=${k} with n=${n}`);
  }
  if (!(beta >= 0 && beta <= 1)) throw new RangeError(`wattsStrogatz: beta must be in [0, 1], got ${beta}`);
  const half = k / 2;
  const m = n * half;
  const us = new Int32Array(m);
  const vs = new Int32Array(m);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 1; j <= half; j++) {
      let v = i + j;
      if (v >= n) v -= n;
      if (beta > 0 && rand() < beta) {
        v = Math.floor(rand() * (n - 1));
        if (v >= i) v++;
      }
      us[e] = i;
      vs[e] = v;
      e++;
    }
  }
  return buildCsr(n, us, vs, m);
}
