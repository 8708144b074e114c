import { logFactorial } from './logFactorial';
import type { RandomSource } from './Stream';

/** Below this n·min(p, 1−p) the sampler inverts the CDF; at or above it, BTRS. */
const INVERSION_LIMIT = 10;

/** Inversion by sequential search (Kachitvichyanukul & Schmeiser's BINV), for n·p < 10, p <= 0.5. */
function binomialInversion(rand: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let r = r0;
    let u = rand();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break; // rounding left u stranded past the last term: draw again
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

/** BTRS, the transformed rejection with squeeze of Hörmann (1993), for n·p >= 10, p <= 0.5. */
function binomialBtrs(rand: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rand() - 0.5;
    let v = rand();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * Binomial(n, p) variate, exact: inversion when n·min(p, 1−p) < 10, otherwise BTRS (Hörmann 1993,
 * "The generation of binomial random variates"). p > 0.5 is sampled as n − Binomial(n, 1 − p).
 */
export function binomial(rand: RandomSource, n: number, p: number): number {
  if (!(Number.isSafeInteger(n) && n >= 0))
    throw new RangeError(`binomial: n must be an integer >= 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomial(rand, n, 1 - p);
  if (n * p < INVERSION_LIMIT) return binomialInversion(rand, n, p);
  return binomialBtrs(rand, n, p);
}
