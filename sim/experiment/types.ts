/**
 * Shapes shared by the experiment layer (replicates, comparison, statistics) and the report layer.
 * These are the on-disk contracts of `trustsim compare` / `trustsim run`:
 * `<out>/summary.json` is a `CompareSummary`, `<out>/timeseries.csv` holds `SeriesRow`s,
 * `<out>/report-input.json` is a `ReportInput` (everything `trustsim report <dir>` needs to rebuild charts).
 */

/** Interval statistics of one metric across replicates. lo/hi bound the 90% percentile interval. */
export interface MetricStats {
  mean: number;
  /** 5th percentile across replicates (lower bound of the 90% interval). */
  lo: number;
  /** 95th percentile across replicates (upper bound of the 90% interval). */
  hi: number;
  /** 95% confidence interval of the mean (Student t); null with a single replicate, which gives no spread. */
  ci95: [number, number] | null;
  /** Sample standard deviation (n − 1); null with a single replicate. */
  sd: number | null;
  n: number;
}

/** Summary-metric key: `<metric>` is the final-day value, `<metric>_auc` the area under the daily curve (value·days). */
export type SummaryMetricKey = string;

export interface StrategySummary {
  id: string;
  label: string;
  /** Whole population ("all" segment). */
  metrics: Record<SummaryMetricKey, MetricStats>;
  /** Per segment id, same keys as `metrics`. */
  segments: Record<string, Record<SummaryMetricKey, MetricStats>>;
}

/** Paired difference strategy − baseline, computed per replicate (common random numbers). */
export interface Comparison {
  strategy: string;
  baseline: string;
  metric: SummaryMetricKey;
  /** Segment id, or "all". */
  segment: string;
  /** Mean of per-replicate differences (strategy − baseline). */
  diff: number;
  /** 90% percentile interval of the per-replicate differences. */
  lo: number;
  hi: number;
  /** 95% confidence interval of the mean difference; null with a single replicate. */
  ci95: [number, number] | null;
  /** Share of replicates in which the strategy is better than the baseline (ties count one half). */
  pBetter: number;
  /** +1 when larger values are better for this metric, −1 when smaller are better. */
  direction: 1 | -1;
}

export interface RankingRow {
  metric: SummaryMetricKey;
  strategy: string;
  /** Mean rank across replicates (1 = best). */
  meanRank: number;
  /** Mean regret: per replicate, |best value − this strategy's value|, averaged. */
  meanRegret: number;
  /** Share of replicates in which this strategy is the best. */
  pBest: number;
}

export interface CompareSummary {
  scenario: string;
  title: string;
  seed: number;
  replicates: number;
  baseline: string | null;
  strategies: StrategySummary[];
  comparisons: Comparison[];
  ranking: RankingRow[];
  warnings: string[];
}

/** One row of the aggregated daily time series (`timeseries.csv`). */
export interface SeriesRow {
  strategy: string;
  day: number;
  /** ISO date YYYY-MM-DD. */
  date: string;
  segment: string;
  metric: string;
  mean: number;
  lo: number;
  hi: number;
}

/** A dated marker for charts: incidents, responses, rulings, lawsuits, announcements. */
export interface EventMarker {
  day: number;
  date: string;
  label: string;
  kind: 'incident' | 'response' | 'ruling' | 'lawsuit' | 'announcement' | 'event';
  /** Set when the marker belongs to one strategy only (responses); absent for scenario-wide events. */
  strategy?: string;
  incident?: string;
}

export interface ReportInput {
  scenario: {
    slug: string;
    title: string;
    description: string;
    language: string;
    start: string;
    end: string;
    strategies: Array<{ id: string; label: string; description: string }>;
    /** `agents`: the agents simulated for the segment (absent in report inputs written before it was added). */
    segments: Array<{ id: string; label: string; size: number; agents?: number; claimant: boolean }>;
    incidents: Array<{ id: string; label: string; date: string }>;
  };
  summary: CompareSummary;
  series: SeriesRow[];
  markers: EventMarker[];
  manifest: Record<string, unknown>;
}
