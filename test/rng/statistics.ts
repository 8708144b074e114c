/**
 * Small statistics helpers for the fixed-seed distribution tests. Tolerances in the tests are stated as
 * multiples of a standard error (SE) computed here.
 */

export interface Moments {
  n: number;
  mean: number;
  /** Population variance (divisor n). */
  variance: number;
  /** Fourth central moment. */
  m4: number;
}

/** Draws `count` samples from `draw` and returns their moments. */
export function sampleMoments(count: number, draw: () => number): Moments {
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = draw();
  return moments(xs);
}

export function moments(xs: ArrayLike<number>): Moments {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / n, m4: m4 / n };
}

/** SE of the sample mean, from the true variance. */
export function seMean(variance: number, n: number): number {
  return Math.sqrt(variance / n);
}

/** SE of the sample variance, estimated from the sample's own fourth central moment: √((m4 − s⁴)/n). */
export function seVariance(m: Moments): number {
  return Math.sqrt(Math.max(0, m.m4 - m.variance * m.variance) / m.n);
}

/** Pearson correlation of two equal-length series. Under independence its SE is about 1/√n. */
export function correlation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

export interface ChiSquare {
  stat: number;
  df: number;
  /** df + 5·√(2·df): five standard deviations above the chi-square mean. */
  limit: number;
}

/**
 * Pearson chi-square of observed counts against expected counts. Adjacent bins are pooled from each end
 * until every pooled bin expects at least 5, so sparse tails do not dominate. df = bins − 1.
 */
export function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): ChiSquare {
  const obs: number[] = [];
  const exp: number[] = [];
  let o = 0;
  let e = 0;
  for (let i = 0; i < expected.length; i++) {
    o += observed[i]!;
    e += expected[i]!;
    if (e >= 5) {
      obs.push(o);
      exp.push(e);
      o = 0;
      e = 0;
    }
  }
  if (exp.length > 0) {
    obs[obs.length - 1]! += o;
    exp[exp.length - 1]! += e;
  }
  let stat = 0;
  for (let i = 0; i < exp.length; i++) stat += (obs[i]! - exp[i]!) ** 2 / exp[i]!;
  const df = exp.length - 1;
  return { stat, df, limit: df + 5 * Math.sqrt(2 * df) };
}

/** Counts of integer samples in 0..max (values above max land in the last bin). */
export function integerHistogram(count: number, max: number, draw: () => number): Float64Array {
  const hist = new Float64Array(max + 1);
  for (let i = 0; i < count; i++) hist[Math.min(draw(), max)]!++;
  return hist;
}

/** Expected counts of `count` draws over bins 0..max from a pmf; the last bin takes the whole upper tail. */
export function expectedFromPmf(count: number, max: number, pmf: (k: number) => number): Float64Array {
  const exp = new Float64Array(max + 1);
  let below = 0;
  for (let k = 0; k < max; k++) {
    const p = pmf(k);
    exp[k] = count * p;
    below += p;
  }
  exp[max] = count * Math.max(0, 1 - below);
  return exp;
}
