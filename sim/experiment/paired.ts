/**
 * Paired comparison of a strategy against a baseline under common random numbers: replicate r of every
 * strategy sees the same random world, so the per-replicate differences d_r = s_r − b_r remove the
 * world-to-world noise shared by both. Pure, deterministic and browser-safe.
 */
import { metricStats } from './stats';
import type { Comparison } from './types';

export interface PairedComparisonMeta {
  strategy: string;
  baseline: string;
  metric: string;
  /** Segment id, or "all". */
  segment: string;
  /** +1 when larger values are better, −1 when smaller are better. */
  direction: 1 | -1;
}

/** Relative tolerance under which two replicate values count as a tie. */
export const TIE_TOLERANCE = 1e-12;

/**
 * True when a and b are equal up to TIE_TOLERANCE·max(1, |a|, |b|). Symmetric in a and b, so
 * pBetter(s vs b) + pBetter(b vs s) = 1 holds exactly.
 */
export function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Compares `strategyValues` with `baselineValues` replicate by replicate.
 * - diff: mean of d_r = s_r − b_r; lo/hi: 5th/95th type-7 percentiles of d; ci95: mean(d) ± t(0.975, n−1)·sd(d)/√n.
 * - pBetter: share of replicates with direction·d_r > 0; ties (|d_r| ≤ 1e-12·max(1, |s_r|, |b_r|)) count one half.
 * Throws when the two arrays differ in length or are empty.
 */
export function pairedComparison(
  strategyValues: ArrayLike<number>,
  baselineValues: ArrayLike<number>,
  meta: PairedComparisonMeta,
): Comparison {
  const n = strategyValues.length;
  if (n !== baselineValues.length) {
    throw new RangeError(
      `pairedComparison ${meta.strategy} vs ${meta.baseline} (${meta.metric}, ${meta.segment}): ` +
        `${n} strategy replicates but ${baselineValues.length} baseline replicates`,
    );
  }
  if (n === 0) {
    throw new RangeError(`pairedComparison ${meta.strategy} vs ${meta.baseline}: no replicates`);
  }
  const d = new Float64Array(n);
  let better = 0; // counts halves for ties
  for (let r = 0; r < n; r++) {
    const s = strategyValues[r]!;
    const b = baselineValues[r]!;
    d[r] = s - b;
    if (isTie(s, b)) better += 0.5;
    else if (meta.direction * d[r]! > 0) better += 1;
  }
  const st = metricStats(d);
  return {
    strategy: meta.strategy,
    baseline: meta.baseline,
    metric: meta.metric,
    segment: meta.segment,
    diff: st.mean,
    lo: st.lo,
    hi: st.hi,
    ci95: st.ci95,
    pBetter: better / n,
    direction: meta.direction,
  };
}
