import type { RandomSource } from '../rng/Stream';
import { buildCsr } from './buildCsr';
import { EdgeBuffer } from './EdgeBuffer';
import type { Graph } from './Graph';

/**
 * Undirected G(n, p) with p = meanDegree / (n − 1), in O(n + m) by geometric skipping over the
 * lower-triangle pairs (Batagelj & Brandes 2005, "Efficient generation of large random networks").
 * One draw per edge plus one.
 */
export function erdosRenyi(n: number, meanDegree: number, rand: RandomSource): Graph {
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError(`erdosRenyi: n must be an integer >= 0, got ${n}`);
  const maxDegree = Math.max(0, n - 1);
  if (!(meanDegree >= 0 && meanDegree <= maxDegree)) {
    throw new RangeError(`erdosRenyi: meanDegree must be in [0, n − 1 = ${maxDegree}], got ${meanDegree}`);
  }
  const p = n > 1 ? meanDegree / (n - 1) : 0;
  const expected = (p * n * (n - 1)) / 2;
  const edges = new EdgeBuffer(expected + 6 * Math.sqrt(expected) + 16);
  if (p === 1) {
    for (let v = 1; v < n; v++) for (let w = 0; w < v; w++) edges.push(v, w);
  } else if (p > 0) {
    const logQ = Math.log1p(-p);
    let v = 1;
    let w = -1;
    while (v < n) {
      w += 1 + Math.floor(Math.log(1 - rand()) / logQ);
      while (w >= v && v < n) {
        w -= v;
        v++;
      }
      if (v < n) edges.push(v, w);
    }
  }
  return buildCsr(n, edges.us, edges.vs, edges.count, { dedupe: false });
}
