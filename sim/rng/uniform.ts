import type { RandomSource } from './Stream';

/** Uniform real in [lo, hi). */
export function uniform(rand: RandomSource, lo = 0, hi = 1): number {
  if (!(hi >= lo)) throw new RangeError(`uniform: need lo <= hi, got lo=${lo}, hi=${hi}`);
  return lo + (hi - lo) * rand();
}

/**
 * Uniform integer in [0, n) by `floor(rand() * n)`. With a 32-bit source the relative bias is at most
 * n / 2^32 (2.3e-4 for n = 1e6); use `Stream.nextInt` where exactness matters.
 */
export function uniformInt(rand: RandomSource, n: number): number {
  return Math.floor(rand() * n);
}
