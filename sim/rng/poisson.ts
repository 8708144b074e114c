import { logFactorial } from './logFactorial';
import type { RandomSource } from './Stream';

/** Below this mean the sampler inverts the CDF; at or above it, PTRS. */
const INVERSION_LIMIT = 10;

/** Inversion by sequential search; one uniform per variate (bar rare rounding retries). */
function poissonInversion(rand: RandomSource, mean: number): number {
  const p0 = Math.exp(-mean);
  for (;;) {
    const u = rand();
    let k = 0;
    let p = p0;
    let cdf = p0;
    while (u >= cdf) {
      k++;
      p *= mean / k;
      cdf += p;
      if (p === 0 && cdf <= u) break; // rounding left u beyond the summed CDF: draw again
    }
    if (u < cdf) return k;
  }
}

/** PTRS, the transformed rejection with squeeze of Hörmann (1993), for mean >= 10. */
function poissonPtrs(rand: RandomSource, mean: number): number {
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logInvalpha = Math.log(invalpha);
  for (;;) {
    const u = rand() - 0.5;
    const v = rand();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvalpha - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) {
      return k;
    }
  }
}

/**
 * Poisson(mean) variate, exact: inversion for mean < 10, PTRS (Hörmann 1993, "The transformed
 * rejection method for generating Poisson random variables") for mean >= 10.
 */
export function poisson(rand: RandomSource, mean: number): number {
  if (!(mean >= 0 && Number.isFinite(mean)))
    throw new RangeError(`poisson: mean must be finite and >= 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < INVERSION_LIMIT) return poissonInversion(rand, mean);
  return poissonPtrs(rand, mean);
}
