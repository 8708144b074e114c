import type { RandomSource } from '../rng/Stream';
import { buildCsr } from './buildCsr';
import type { Graph } from './Graph';

/**
 * Barabási–Albert preferential attachment. Starts from a clique on nodes 0..m; each later node links to
 * m distinct earlier nodes chosen with probability proportional to degree, by drawing uniform slots among
 * all edge endpoints so far (Batagelj & Brandes 2005) and redrawing repeats.
 * Mean degree (m(m + 1) + 2m(n − m − 1)) / n ≈ 2m; degree tail ~ k^−3.
 */
export function barabasiAlbert(n: number, m: number, rand: RandomSource): Graph {
  if (!(Number.isInteger(m) && m >= 1))
    throw new RangeError(`barabasiAlbert: m must be an integer >= 1, got ${m}`);
  if (!(Number.isInteger(n) && n >= m + 1)) {
    throw new RangeError(`barabasiAlbert: n must be an integer >= m + 1 = ${m + 1}, got ${n}`);
  }
  const seedEdges = (m * (m + 1)) / 2;
  const total = seedEdges + (n - m - 1) * m;
  const us = new Int32Array(total);
  const vs = new Int32Array(total);
  let e = 0;
  for (let v = 1; v <= m; v++) {
    for (let w = 0; w < v; w++) {
      us[e] = v;
      vs[e] = w;
      e++;
    }
  }
  const chosen = new Int32Array(m);
  for (let v = m + 1; v < n; v++) {
    // Endpoint slot s is us[s >> 1] or vs[s >> 1]: each node fills one slot per unit of degree.
    const slots = 2 * e;
    for (let c = 0; c < m; c++) {
      let t: number;
      let repeat: boolean;
      do {
        const s = Math.floor(rand() * slots);
        t = s & 1 ? vs[s >> 1]! : us[s >> 1]!;
        repeat = false;
        for (let j = 0; j < c; j++) {
          if (chosen[j] === t) {
            repeat = true;
            break;
          }
        }
      } while (repeat);
      chosen[c] = t;
    }
    for (let c = 0; c < m; c++) {
      us[e] = v;
      vs[e] = chosen[c]!;
      e++;
    }
  }
  return buildCsr(n, us, vs, total, { dedupe: false });
}
