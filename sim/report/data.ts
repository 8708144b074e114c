/** Selecting and reshaping the report input's tidy rows into small inline datasets for charts. */

import type { Comparison, EventMarker, MetricStats, ReportInput, SeriesRow } from '../experiment/types';
import { roundSig } from './format';

/** Series point as inlined in a chart. */
export interface SeriesPoint {
  strategy: string;
  date: string;
  day: number;
  segment: string;
  metric: string;
  mean: number;
  lo: number;
  hi: number;
}

/** The baseline strategy id: the summary's, or the first strategy of the scenario. */
export function baselineId(input: ReportInput): string {
  return input.summary.baseline ?? input.scenario.strategies[0]?.id ?? '';
}

function toPoint(row: SeriesRow): SeriesPoint {
  return {
    strategy: row.strategy,
    date: row.date,
    day: row.day,
    segment: row.segment,
    metric: row.metric,
    mean: roundSig(row.mean),
    lo: roundSig(row.lo),
    hi: roundSig(row.hi),
  };
}

/** Rows for one metric and segment, ordered by strategy (scenario order) then day. */
export function seriesFor(input: ReportInput, metric: string, segment = 'all'): SeriesPoint[] {
  const order = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  return input.series
    .filter((r) => r.metric === metric && r.segment === segment && order.has(r.strategy))
    .sort((a, b) => order.get(a.strategy)! - order.get(b.strategy)! || a.day - b.day)
    .map(toPoint);
}

/** Markers ordered by day, then scenario-wide before strategy-specific, then label. */
export function sortedMarkers(input: ReportInput): EventMarker[] {
  return [...input.markers].sort(
    (a, b) =>
      a.day - b.day ||
      (a.strategy === undefined ? 0 : 1) - (b.strategy === undefined ? 0 : 1) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

/** Display names for incidents, made unique by appending the id when two labels coincide. */
export function incidentTitles(input: ReportInput): Map<string, string> {
  const counts = new Map<string, number>();
  for (const inc of input.scenario.incidents) counts.set(inc.label, (counts.get(inc.label) ?? 0) + 1);
  return new Map(
    input.scenario.incidents.map((inc) => [
      inc.id,
      counts.get(inc.label)! > 1 || inc.label.trim() === '' ? `${inc.label} (${inc.id})` : inc.label,
    ]),
  );
}

/** Display names for segments, unique in the same way; "all" is the whole population. */
export function segmentTitles(input: ReportInput): Map<string, string> {
  const counts = new Map<string, number>();
  for (const seg of input.scenario.segments) counts.set(seg.label, (counts.get(seg.label) ?? 0) + 1);
  const titles = new Map(
    input.scenario.segments.map((seg) => [
      seg.id,
      counts.get(seg.label)! > 1 || seg.label.trim() === '' ? `${seg.label} (${seg.id})` : seg.label,
    ]),
  );
  titles.set('all', 'whole population');
  return titles;
}

/** Final-day mean of a metric for one strategy: the summary's value, else the series' last day. */
export function finalMean(
  input: ReportInput,
  strategy: string,
  metric: string,
  segment = 'all',
): number | null {
  const summary = input.summary.strategies.find((s) => s.id === strategy);
  const stats = segment === 'all' ? summary?.metrics[metric] : summary?.segments[segment]?.[metric];
  if (stats) return stats.mean;
  let last: SeriesRow | null = null;
  for (const r of input.series) {
    if (
      r.strategy === strategy &&
      r.metric === metric &&
      r.segment === segment &&
      (!last || r.day > last.day)
    )
      last = r;
  }
  return last ? last.mean : null;
}

/** The ISO calendar day after `date` (YYYY-MM-DD), computed in UTC. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * True when the strategy and the baseline gave exactly the same value in every replicate: every
 * per-replicate difference is 0, so the mean, both ends of the 90% interval and (with two or more
 * replicates) both ends of the 95% CI are exactly 0. `pBetter` is then 0.5 by the ties-count-half
 * rule, which says nothing about uncertainty.
 */
export function identicalInEveryReplicate(c: Comparison): boolean {
  return (
    c.diff === 0 && c.lo === 0 && c.hi === 0 && (c.ci95 === null || (c.ci95[0] === 0 && c.ci95[1] === 0))
  );
}

/** A strategy's statistics for one summary key and segment ("all" = whole population), if defined. */
export function statsOf(
  input: ReportInput,
  strategy: string,
  key: string,
  segment = 'all',
): MetricStats | undefined {
  const s = input.summary.strategies.find((x) => x.id === strategy);
  return segment === 'all' ? s?.metrics[key] : s?.segments[segment]?.[key];
}

/** The claimant segments (people harmed by an incident), in scenario order. */
export function claimantSegments(input: ReportInput): ReportInput['scenario']['segments'] {
  return input.scenario.segments.filter((s) => s.claimant);
}

/**
 * Value kept against the baseline: the revenue and customer lifetime value the baseline lost and this strategy
 * did not (negative when it lost more). With the summary's paired comparison of `value_lost_cny`, `kept` is its
 * mean difference with the sign turned and [lo, hi] the 90% interval of the per-replicate differences, turned
 * too (`paired`). A report input written before that metric existed gives the difference of the means of
 * `revenue_lost_cny + clv_lost_cny`, with no interval. Null when the losses are not in the summary.
 */
export function valueKept(
  input: ReportInput,
  strategy: string,
): { kept: number; lo: number; hi: number; paired: boolean } | null {
  const base = baselineId(input);
  const c = input.summary.comparisons.find(
    (x) => x.strategy === strategy && x.metric === 'value_lost_cny' && x.segment === 'all',
  );
  if (c) return { kept: -c.diff, lo: -c.hi, hi: -c.lo, paired: true };
  const losses = (id: string) => {
    const revenue = finalMean(input, id, 'revenue_lost_cny');
    const clv = finalMean(input, id, 'clv_lost_cny');
    return revenue === null && clv === null ? null : (revenue ?? 0) + (clv ?? 0);
  };
  const own = losses(strategy);
  const baseLosses = losses(base);
  if (own === null || baseLosses === null) return null;
  // The baseline keeps nothing against itself (exactly 0, whatever the rounding of its own losses).
  if (strategy === base) return { kept: 0, lo: 0, hi: 0, paired: true };
  const kept = baseLosses - own;
  return { kept, lo: kept, hi: kept, paired: false };
}
