/**
 * Descriptive statistics across replicates. Pure, deterministic and browser-safe.
 *
 * `mean`, `sd` and `quantile` are hand-written rather than calls to mathjs `mean` / `std` / `quantileSeq`
 * because they are measurably faster on the plain number arrays used here; they follow the same
 * algorithms (left-to-right sum; two-pass variance with n − 1; type-7 interpolation, as
 * `x₍ᵢ₎ + f·(x₍ᵢ₊₁₎ − x₍ᵢ₎)` kept within [x₍ᵢ₎, x₍ᵢ₊₁₎]) and test/experiment/stats.test.ts checks with
 * fast-check that they agree with mathjs to 1e-12 on random inputs.
 * Measured with tsx on Node 20.20 (2,000 random samples of uniform numbers, mean time per sample):
 *   - sd:                    n=20 0.06 µs vs mathjs `std` 1.9 µs; n=100 0.15 µs vs 5.1 µs; n=1000 1.3 µs vs 51 µs;
 *   - 5th + 95th percentile: n=20 0.9 µs vs mathjs `quantileSeq(xs, [0.05, 0.95])` 3.7 µs;
 *                            n=100 3.9 µs vs 15 µs; n=1000 49 µs vs 139 µs (one sort serves both ends);
 *   - `metricStats` whole:   n=20 0.8 µs vs 5.5 µs with mathjs mean/std/quantileSeq; n=100 3.8 µs vs 22 µs;
 *                            n=1000 49 µs vs 213 µs (≈ 4–7× faster).
 * That matters because summaries are computed for every strategy × segment × metric (× day for series).
 */
import { tQuantile } from './studentT';
import type { MetricStats } from './types';

function requireNonEmpty(xs: ArrayLike<number>, what: string): void {
  if (xs.length === 0) throw new RangeError(`${what} of an empty sample`);
}

/** Arithmetic mean. Throws on an empty sample. */
export function mean(xs: ArrayLike<number>): number {
  requireNonEmpty(xs, 'mean');
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/** Sample standard deviation (denominator n − 1); 0 for a single value. Throws on an empty sample. */
export function sd(xs: ArrayLike<number>): number {
  const m = mean(xs);
  const n = xs.length;
  if (n === 1) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1));
}

/**
 * Sorts `a` in place exactly as `Float64Array.prototype.sort` does (ascending, −0 before +0, NaN last), by
 * insertion sort when it is short. For the 20-odd replicates of a series cell this is several times faster
 * than the built-in sort, whose per-call cost dominates at that size (a property test checks they agree).
 */
export function sortInPlace(a: Float64Array): Float64Array {
  const n = a.length;
  if (n > 32) return a.sort();
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && sortsBefore(x, a[j])) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}

/** The built-in typed-array order: numbers ascending, −0 before +0, NaN after everything. */
function sortsBefore(x: number, y: number): boolean {
  if (x < y) return true;
  if (Number.isNaN(x)) return false;
  if (Number.isNaN(y)) return true;
  return x === 0 && y === 0 && 1 / x < 1 / y;
}

/** Ascending copy of `xs` (numeric order; NaN sorts last). The input is not modified. */
export function sortedCopy(xs: ArrayLike<number>): Float64Array {
  return sortInPlace(Float64Array.from(xs));
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1] (got ${p})`);
}

/**
 * Quantile of an already ascending-sorted sample, linear interpolation between order statistics
 * (Hyndman–Fan type 7; R's default and mathjs `quantileSeq`): h = p·(n − 1), Q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎),
 * computed in that form and kept within [x₍⌊h⌋₎, x₍⌊h⌋+1₎], so Q is monotone in p and never leaves the
 * sample's range (mathjs's (1 − f)·x₍⌊h⌋₎ + f·x₍⌊h⌋+1₎ agrees to rounding but can fall an ulp below the sample
 * minimum, or step back as p grows). NaN if the sample contains NaN.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  requireNonEmpty(sorted, 'quantile');
  checkProbability(p);
  const n = sorted.length;
  if (Number.isNaN(sorted[n - 1]!)) return Number.NaN;
  const h = p * (n - 1);
  const i = Math.floor(h);
  const f = h % 1;
  if (f === 0) return sorted[i]!;
  const a = sorted[i]!;
  const b = sorted[i + 1]!;
  if (a === b) return a;
  const q = a + f * (b - a);
  // An infinite end (∞ − ∞ is NaN), or b − a overflowing to ∞ between huge finite ends: the other form.
  if (!Number.isFinite(q)) return a * (1 - f) + b * f;
  return q < a ? a : q > b ? b : q;
}

/** Type-7 quantile (see `quantileSorted`) of an unsorted sample; 0 ≤ p ≤ 1. The input is not modified. */
export function quantile(xs: ArrayLike<number>, p: number): number {
  requireNonEmpty(xs, 'quantile');
  checkProbability(p);
  return quantileSorted(sortedCopy(xs), p);
}

const t975Cache = new Map<number, number>();

/** t(0.975, df): the two-sided 95% critical value of Student's t (memoised; df ≥ 1). */
export function tCritical95(df: number): number {
  let t = t975Cache.get(df);
  if (t === undefined) {
    t = tQuantile(0.975, df);
    t975Cache.set(df, t);
  }
  return t;
}

/** Half-width of the 95% Student-t confidence interval of a mean: t(0.975, n − 1)·sd/√n; 0 when n ≤ 1. */
export function ciHalfWidth95(sdValue: number, n: number): number {
  if (n <= 1) return 0;
  return (tCritical95(n - 1) * sdValue) / Math.sqrt(n);
}

/**
 * Summary of one metric across replicates: mean, 90% percentile interval [lo, hi] = [Q(0.05), Q(0.95)]
 * (type-7 quantiles), 95% Student-t confidence interval of the mean, sample sd and n.
 * A single replicate gives no spread to estimate: lo = hi = the value, and sd and ci95 are null (not a
 * zero-width interval, which would claim certainty). Throws on an empty sample.
 */
export function metricStats(xs: ArrayLike<number>): MetricStats {
  const n = xs.length;
  requireNonEmpty(xs, 'metricStats');
  const m = mean(xs);
  const sorted = sortedCopy(xs);
  const lo = quantileSorted(sorted, 0.05);
  const hi = quantileSorted(sorted, 0.95);
  if (n === 1) return { mean: m, lo, hi, ci95: null, sd: null, n };
  const s = sd(xs);
  const half = ciHalfWidth95(s, n);
  return { mean: m, lo, hi, ci95: [m - half, m + half], sd: s, n };
}

/**
 * Area under a daily curve by the trapezoid rule. `values[i]` is the value on day i (sampled every `dt`
 * days); the area spans (n − 1)·dt days:
 *   AUC = dt · Σᵢ₌₀ⁿ⁻² (vᵢ + vᵢ₊₁)/2 = dt · ((v₀ + vₙ₋₁)/2 + v₁ + … + vₙ₋₂).
 * Units are value·days. Fewer than two values span no time, so the area is 0. `dt` must be > 0.
 */
export function areaUnderCurve(values: ArrayLike<number>, dt = 1): number {
  if (!(dt > 0 && Number.isFinite(dt)))
    throw new RangeError(`areaUnderCurve needs a finite dt > 0 (got ${dt})`);
  const n = values.length;
  if (n < 2) return 0;
  let sum = (values[0]! + values[n - 1]!) / 2;
  for (let i = 1; i < n - 1; i++) sum += values[i]!;
  return sum * dt;
}
