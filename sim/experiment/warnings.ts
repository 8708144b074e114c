/**
 * Plain-language warnings about the number of replicates behind the statistics. Pure, deterministic and
 * browser-safe: the output is sorted and free of duplicates.
 */
import type { MetricStats } from './types';

/** Below this many replicates the 5th/95th percentiles (the 90% interval) are poorly estimated. */
export const MIN_REPLICATES_FOR_INTERVAL = 20;

export interface MetricStatsEntry {
  strategy: string;
  metric: string;
  /** Optional segment id; shown in the message unless it is absent or "all". */
  segment?: string;
  stats: MetricStats;
}

export interface ReplicateWarningsInput {
  replicates: number;
  metricsStats: MetricStatsEntry[];
  /** Wanted half-width of the 95% confidence interval of the mean, in the metric's units. */
  targetHalfWidth?: number;
}

/**
 * Short, deterministic number format for messages: 3 significant digits without trailing zeros,
 * but whole numbers from 1000 up keep all their integer digits (1234.5 → "1235", not "1230").
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1000) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}

/**
 * Replicates needed for a 95% CI half-width of `target`, given half-width `halfWidth` reached with `n`
 * replicates: the half-width shrinks like 1/√n, so n·(halfWidth/target)², rounded up.
 */
export function replicatesNeeded(n: number, halfWidth: number, target: number): number {
  const exact = n * (halfWidth / target) ** 2;
  // Guard against rounding noise pushing an exact integer (e.g. 90.00000000000001) one step up.
  return Math.ceil(exact - 1e-9 * Math.max(1, exact));
}

/**
 * Warnings:
 * - with one replicate: there is no spread (lo = hi, and ci95 and sd are null);
 * - when 2 ≤ `replicates` < 20: the 90% interval (5th–95th percentile) rests on too few replicates;
 * - when `targetHalfWidth` is given: for every strategy/metric whose 95% CI half-width exceeds it,
 *   the half-width reached and the replicates that would be needed (n·(half-width/target)², rounded up).
 * Returned sorted (code-unit order) and deduplicated.
 */
export function replicateWarnings(input: ReplicateWarningsInput): string[] {
  const { replicates, metricsStats, targetHalfWidth } = input;
  const out = new Set<string>();
  if (replicates === 1) {
    out.add(
      'A single replicate has no spread: lo = hi = its value, and ci95 and sd are null. For intervals, ' +
        `compare ${MIN_REPLICATES_FOR_INTERVAL} or more replicates (trustsim compare --replicates ${MIN_REPLICATES_FOR_INTERVAL}).`,
    );
  } else if (replicates < MIN_REPLICATES_FOR_INTERVAL) {
    out.add(
      `The 90% interval is estimated from only ${replicates} replicate${replicates === 1 ? '' : 's'}; ` +
        `its ends are unreliable; use --replicates ${MIN_REPLICATES_FOR_INTERVAL} or more.`,
    );
  }
  if (targetHalfWidth !== undefined) {
    if (!(targetHalfWidth > 0 && Number.isFinite(targetHalfWidth))) {
      throw new RangeError(`targetHalfWidth must be a finite number > 0 (got ${targetHalfWidth})`);
    }
    for (const { strategy, metric, segment, stats } of metricsStats) {
      if (stats.ci95 === null) continue; // one replicate: no CI (the warning above says so)
      const halfWidth = (stats.ci95[1] - stats.ci95[0]) / 2;
      if (!(halfWidth > targetHalfWidth)) continue;
      const where = segment !== undefined && segment !== 'all' ? ` (segment ${segment})` : '';
      const needed = Math.max(stats.n + 1, replicatesNeeded(stats.n, halfWidth, targetHalfWidth));
      out.add(
        `${strategy} / ${metric}${where}: the 95% confidence interval of the mean is ` +
          `±${formatNumber(halfWidth)} wide with ${stats.n} replicates, more than the target ` +
          `±${formatNumber(targetHalfWidth)}; about ${needed} replicates would be needed.`,
      );
    }
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
