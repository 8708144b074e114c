import type { World } from '../engine/World';
import { becomeAware } from '../incidents/becomeAware';
import { u01 } from '../rng/hash';
import { poisson } from '../rng/poisson';
import type { MediaParams } from '../scenario/schema';

/** Hawkes kernel on a daily grid: decay e^(−β) per day with β = ln 2 / half-life, and α chosen so that the
 * branching ratio n = α / (1 − e^(−β)) is the parameter; the stationary mean rate is then μ / (1 − n). */
export function hawkesCoefficients(p: MediaParams): { decay: number; alpha: number } {
  const decay = Math.exp(-Math.LN2 / p.halfLifeDays);
  return { decay, alpha: p.branchingRatio * (1 - decay) };
}

/**
 * updateMedia: per active incident, today's expected stories λ = μ + excitation + shocks + posts/postsPerStory;
 * the day's stories are drawn Poisson(λ) (a discrete Hawkes process) and excite tomorrow. Trending when λ
 * crosses the threshold. Then unaware agents are exposed: P(aware today) = 1 − exp(−κ·λ·mediaUse), doubled while
 * trending, drawn as exponential clocks (exposureClocks.ts) so only the newly exposed are visited.
 */
export function updateMedia(w: World): void {
  const s = w.s;
  const I = s.inc;
  const p = w.model.scenario.model.media;
  const { decay, alpha } = hawkesCoefficients(p);
  const N = w.pop.n;
  const day = s.day;
  for (let k = 0; k < I.active.length; k++) {
    if (!I.active[k]) {
      I.attention[k] = 0;
      I.shock[k] = 0;
      I.posts[k] = 0;
      continue;
    }
    const lambda = p.baseline + I.excitation[k] + I.shock[k] + I.posts[k] / p.postsPerStory;
    I.shock[k] = 0;
    I.posts[k] = 0;
    let j = 0;
    const key = w.keys.stories;
    const stories = p.randomStories ? poisson(() => u01(key, day, k, j++), lambda) : lambda;
    I.stories[k] = stories;
    I.attention[k] = lambda;
    I.trending[k] = lambda >= p.trendingThreshold ? 1 : 0;
    I.excitation[k] = I.excitation[k] * decay + alpha * stories;
    if (lambda <= 0 || p.exposureRate === 0) continue;
    // Exposure: the exponential clocks whose thresholds today's coverage passes (see exposureClocks.ts).
    I.exposureCum[k] += p.exposureRate * lambda * (I.trending[k] ? 2 : 1);
    const cum = I.exposureCum[k];
    const order = w.clocks.order[k];
    const th = w.clocks.threshold[k];
    const inc = w.model.incidents[k];
    const base = k * N;
    let ptr = I.exposurePtr[k];
    while (ptr < th.length && th[ptr] <= cum) {
      const i = order[ptr++];
      if (s.aware[base + i] < 0) becomeAware(w, inc, i);
    }
    I.exposurePtr[k] = ptr;
  }
}
