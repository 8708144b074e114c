import type { RandomSource } from './Stream';

/** True with probability p. Uses exactly one draw. */
export function bernoulli(rand: RandomSource, p: number): boolean {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli: p must be in [0, 1], got ${p}`);
  return rand() < p;
}
