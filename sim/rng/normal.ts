import type { RandomSource } from './Stream';

const TWO_PI = 2 * Math.PI;

/**
 * Normal(mean, sd) by Box–Muller, using exactly two draws and caching no spare value, so a stream's
 * saved state is its whole state. With a 32-bit source the tails are cut at about ±6.66 sd.
 */
export function normal(rand: RandomSource, mean = 0, sd = 1): number {
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be >= 0, got ${sd}`);
  const r = Math.sqrt(-2 * Math.log(1 - rand()));
  return mean + sd * r * Math.cos(TWO_PI * rand());
}
