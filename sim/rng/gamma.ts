import { normal } from './normal';
import type { RandomSource } from './Stream';

/** Marsaglia–Tsang (2000) squeeze-rejection for shape >= 1, scale 1. */
function gammaAtLeastOne(rand: RandomSource, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rand);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rand(); // (0, 1]
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Gamma(shape, scale) variate (mean shape·scale). Marsaglia–Tsang; for shape < 1 it uses the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a). Very small shapes can underflow to 0: use `gammaLog` then.
 */
export function gamma(rand: RandomSource, shape: number, scale = 1): number {
  if (!(shape > 0 && Number.isFinite(shape))) throw new RangeError(`gamma: shape must be > 0, got ${shape}`);
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`gamma: scale must be > 0, got ${scale}`);
  if (shape >= 1) return scale * gammaAtLeastOne(rand, shape);
  const g = gammaAtLeastOne(rand, shape + 1);
  return scale * g * (1 - rand()) ** (1 / shape);
}

/** The natural log of a Gamma(shape, 1) variate, computed without underflow for tiny shapes. */
export function gammaLog(rand: RandomSource, shape: number): number {
  if (!(shape > 0 && Number.isFinite(shape)))
    throw new RangeError(`gammaLog: shape must be > 0, got ${shape}`);
  if (shape >= 1) return Math.log(gammaAtLeastOne(rand, shape));
  const g = gammaAtLeastOne(rand, shape + 1);
  return Math.log(g) + Math.log(1 - rand()) / shape;
}
