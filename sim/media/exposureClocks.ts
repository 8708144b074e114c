import type { Population } from '../population/Population';
import { MEDIA_LEVELS } from '../population/Population';
import { u01 } from '../rng/hash';

/**
 * Media exposure as exponential clocks: agent i meets incident k's coverage when the cumulative exposure
 * Λ_k(t) = Σ_days κ·λ_k·(2 if trending) reaches E_ik / m_i, with E_ik ~ Exp(1) drawn once per replicate and m_i
 * its media use. This is exactly the daily rule P(aware today | not yet) = 1 − exp(−κ·λ·m_i) (the exponential is
 * memoryless), but each day only the agents whose threshold Λ_k just passed are visited, not all N; and the
 * thresholds are the same for every strategy (common random numbers: more coverage exposes a superset).
 */
export interface ExposureClocks {
  /** Per incident: agents in increasing order of threshold (agents with no media use are left out). */
  order: Int32Array[];
  /** Per incident: the sorted thresholds E/m. */
  threshold: Float64Array[];
}

/** Built by a constructor, not a literal: a literal's field types widen the second time it runs (V8). */
class Clocks implements ExposureClocks {
  declare order: Int32Array[];
  declare threshold: Float64Array[];

  constructor(order: Int32Array[], threshold: Float64Array[]) {
    this.order = order;
    this.threshold = threshold;
  }
}

/** Stream purpose of the exposure thresholds: keyed (seed, replicate, EXPOSURE_PURPOSE). */
export const EXPOSURE_PURPOSE = 'media/exposure';

const PACK = 2 ** 21;

export function buildExposureClocks(pop: Population, incidents: number, key: number): ExposureClocks {
  const order: Int32Array[] = [];
  const threshold: Float64Array[] = [];
  const n = pop.n;
  for (let k = 0; k < incidents; k++) {
    const th = new Float64Array(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const m = pop.mediaLevel[i] / MEDIA_LEVELS;
      if (m <= 0) continue;
      th[i] = -Math.log(1 - u01(key, 0, i, k)) / m;
      count++;
    }
    const ord = new Int32Array(count);
    let c = 0;
    for (let i = 0; i < n; i++) if (pop.mediaLevel[i] > 0) ord[c++] = i;
    if (n < PACK) {
      // Pack (threshold as float32 bits, agent) into one exact double and sort natively: ties keep agent order.
      const f32 = new Float32Array(1);
      const u32 = new Uint32Array(f32.buffer);
      const keys = new Float64Array(count);
      for (let j = 0; j < count; j++) {
        f32[0] = th[ord[j]];
        keys[j] = u32[0] * PACK + ord[j];
      }
      keys.sort();
      for (let j = 0; j < count; j++) ord[j] = keys[j] % PACK;
    } else {
      const sorted = Array.from(ord).sort((a, b) => th[a] - th[b] || a - b);
      ord.set(sorted);
    }
    const sortedTh = new Float64Array(count);
    for (let j = 0; j < count; j++) sortedTh[j] = th[ord[j]];
    order.push(ord);
    threshold.push(sortedTh);
  }
  return new Clocks(order, threshold);
}
