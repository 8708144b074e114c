import { gamma, gammaLog } from './gamma';
import type { RandomSource } from './Stream';

/**
 * Beta(a, b) variate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). When a or b is below 1 it works
 * in log space, so tiny shapes give values near 0 or 1 instead of 0/0.
 */
export function beta(rand: RandomSource, a: number, b: number): number {
  if (!(a > 0 && Number.isFinite(a))) throw new RangeError(`beta: a must be > 0, got ${a}`);
  if (!(b > 0 && Number.isFinite(b))) throw new RangeError(`beta: b must be > 0, got ${b}`);
  if (a >= 1 && b >= 1) {
    const x = gamma(rand, a);
    const y = gamma(rand, b);
    return x / (x + y);
  }
  const lx = gammaLog(rand, a);
  const ly = gammaLog(rand, b);
  // x / (x + y) = 1 / (1 + exp(ly - lx)), stable for any magnitudes.
  return 1 / (1 + Math.exp(ly - lx));
}

/**
 * Beta shape parameters with the given mean and standard deviation (method of moments).
 * Needs 0 < mean < 1 and 0 < sd² < mean·(1 − mean).
 */
export function betaFromMeanSd(mean: number, sd: number): { a: number; b: number } {
  if (!(mean > 0 && mean < 1)) throw new RangeError(`betaFromMeanSd: mean must be in (0, 1), got ${mean}`);
  const v = sd * sd;
  const max = mean * (1 - mean);
  if (!(sd > 0 && v < max)) {
    throw new RangeError(
      `betaFromMeanSd: sd must satisfy 0 < sd^2 < mean(1 - mean) = ${max} (sd < ${Math.sqrt(max)}), got sd=${sd}`,
    );
  }
  const nu = max / v - 1;
  return { a: mean * nu, b: (1 - mean) * nu };
}
