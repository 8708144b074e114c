import type { Model } from '../engine/compileModel';
import type { RunResult } from '../engine/run';
import { COMPANY_METRICS, metricDirection } from '../metrics/metricLayout';
import { pairedComparison } from './paired';
import { rankStrategies } from './ranking';
import { areaUnderCurve, metricStats, quantileSorted, sortInPlace } from './stats';
import type {
  CompareSummary,
  Comparison,
  EventMarker,
  MetricStats,
  RankingRow,
  SeriesRow,
  StrategySummary,
} from './types';
import { replicateWarnings } from './warnings';

/** Metrics compared per segment as well as for the whole population. */
export const SEGMENT_COMPARISON_METRICS = [
  'trust',
  'grievance',
  'satisfaction',
  'complaints',
  'churned',
  'avoidance',
];
/** Metrics ranked across strategies (final day and area under the curve). */
export const RANKED_METRICS = ['trust', 'grievance', 'complaints', 'net_cny', 'churned'];

export interface SummariseOptions {
  baseline: string | null;
  seed: number;
  /** Optional target half-width of the 95% CI of mean final trust; a warning says how many replicates would reach it. */
  targetHalfWidth?: number;
}

/** Final-day value and area under the curve of every metric, per segment row, for one run. */
export function runFigures(run: RunResult): { final: Float64Array; auc: Float64Array } {
  const M = run.layout.names.length;
  const rows = run.layout.segments.length;
  const final = new Float64Array(rows * M);
  const auc = new Float64Array(rows * M);
  const series = new Float64Array(run.days);
  for (let r = 0; r < rows; r++) {
    for (let m = 0; m < M; m++) {
      for (let d = 0; d < run.days; d++) series[d] = run.values[(d * rows + r) * M + m];
      final[r * M + m] = series[run.days - 1];
      // A metric may be undefined (NaN) before it exists, e.g. claimants' satisfaction before the first incident:
      // its area runs from the first defined day.
      let first = 0;
      while (first < run.days && Number.isNaN(series[first])) first++;
      auc[r * M + m] = first >= run.days ? Number.NaN : areaUnderCurve(series.subarray(first));
    }
  }
  return { final, auc };
}

/**
 * Summary statistics across replicates: per strategy and segment, each metric's final-day value and
 * area under the curve (mean, 90% interval, 95% CI); paired differences against the baseline; a ranking
 * with regret; and warnings when replicates are too few.
 * `byStrategy[s][r]` is strategy s in replicate r (replicates in the same order for every strategy).
 */
export function summarise(
  model: Model,
  strategyIds: string[],
  byStrategy: RunResult[][],
  opts: SummariseOptions,
): CompareSummary {
  const layout = byStrategy[0][0].layout;
  const M = layout.names.length;
  const segs = layout.segments;
  const R = byStrategy[0].length;
  const figs = byStrategy.map((runs) => runs.map(runFigures));
  const values = (s: number, kind: 'final' | 'auc', r: number, m: number) => {
    const out = new Float64Array(R);
    for (let q = 0; q < R; q++) out[q] = figs[s][q][kind][r * M + m];
    return out;
  };
  const defined = (r: number, m: number) =>
    r === 0 ||
    (!COMPANY_METRICS.has(layout.names[m].split('.')[0]) && !layout.names[m].startsWith('media_attention.'));
  const strategies: StrategySummary[] = strategyIds.map((id, s) => {
    const st = model.strategies.find((x) => x.id === id)!;
    const bySeg: Record<string, Record<string, MetricStats>> = {};
    for (let r = 0; r < segs.length; r++) {
      const metrics: Record<string, MetricStats> = {};
      for (let m = 0; m < M; m++) {
        if (!defined(r, m)) continue;
        const fin = values(s, 'final', r, m);
        if (Number.isNaN(fin[0])) continue;
        metrics[layout.names[m]] = metricStats(fin);
        metrics[`${layout.names[m]}_auc`] = metricStats(values(s, 'auc', r, m));
      }
      bySeg[segs[r]] = metrics;
    }
    const { all, ...segments } = bySeg;
    return { id, label: st.label, metrics: all, segments };
  });
  const comparisons: Comparison[] = [];
  const b = opts.baseline ? strategyIds.indexOf(opts.baseline) : -1;
  if (b >= 0) {
    strategyIds.forEach((id, s) => {
      if (s === b) return;
      for (let r = 0; r < segs.length; r++) {
        for (let m = 0; m < M; m++) {
          const name = layout.names[m];
          if (!defined(r, m) || (r > 0 && !SEGMENT_COMPARISON_METRICS.includes(name))) continue;
          for (const kind of ['final', 'auc'] as const) {
            const sv = values(s, kind, r, m);
            const bv = values(b, kind, r, m);
            if (Number.isNaN(sv[0]) || Number.isNaN(bv[0])) continue;
            const metric = kind === 'final' ? name : `${name}_auc`;
            comparisons.push(
              pairedComparison(sv, bv, {
                strategy: id,
                baseline: opts.baseline!,
                metric,
                segment: segs[r],
                direction: metricDirection(name),
              }),
            );
          }
        }
      }
    });
  }
  const ranking: RankingRow[] = [];
  if (strategyIds.length > 1) {
    for (const name of RANKED_METRICS) {
      const m = layout.index[name];
      for (const kind of ['final', 'auc'] as const) {
        const byId: Record<string, Float64Array> = {};
        strategyIds.forEach((id, s) => {
          byId[id] = values(s, kind, 0, m);
        });
        ranking.push(...rankStrategies(byId, kind === 'final' ? name : `${name}_auc`, metricDirection(name)));
      }
    }
  }
  const warnings = replicateWarnings({
    replicates: R,
    metricsStats: strategies.map((st) => ({ strategy: st.id, metric: 'trust', stats: st.metrics.trust })),
    targetHalfWidth: opts.targetHalfWidth,
  });
  return {
    scenario: summaryName(model),
    title: model.scenario.meta.title,
    seed: opts.seed,
    replicates: R,
    baseline: b >= 0 ? opts.baseline : null,
    strategies,
    comparisons,
    ranking,
    warnings,
  };
}

/** The scenario's name in outputs (summary.json's `scenario`, the default output folder): its slug or title. */
export function summaryName(model: Pick<Model, 'scenario'>): string {
  return model.scenario.meta.slug ?? slugify(model.scenario.meta.title);
}

export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

/** Mean and 90% interval per strategy, day, segment and metric (cells that are undefined for a segment are left out). */
export function aggregateSeries(byStrategy: RunResult[][], strategyIds: string[]): SeriesRow[] {
  const first = byStrategy[0][0];
  const layout = first.layout;
  const M = layout.names.length;
  const segs = layout.segments;
  const R = byStrategy[0].length;
  const rows: SeriesRow[] = [];
  const buf = new Float64Array(R);
  strategyIds.forEach((id, s) => {
    const runs = byStrategy[s];
    for (let d = 0; d < first.days; d++) {
      for (let r = 0; r < segs.length; r++) {
        for (let m = 0; m < M; m++) {
          let nan = false;
          let sum = 0;
          for (let q = 0; q < R; q++) {
            const v = runs[q].values[(d * segs.length + r) * M + m];
            if (Number.isNaN(v)) nan = true;
            buf[q] = v;
            sum += v;
          }
          if (nan) continue;
          sortInPlace(buf);
          rows.push({
            strategy: id,
            day: d,
            date: first.dates[d],
            segment: segs[r],
            metric: layout.names[m],
            mean: sum / R,
            lo: quantileSorted(buf, 0.05),
            hi: quantileSorted(buf, 0.95),
          });
        }
      }
    }
  });
  return rows;
}

/** Scenario-wide markers (incidents, events) once, plus each strategy's own responses, deduplicated. */
export function collectMarkers(byStrategy: RunResult[][], dates: string[]): EventMarker[] {
  const seen = new Set<string>();
  const out: EventMarker[] = [];
  for (const runs of byStrategy) {
    const run = runs[0];
    for (const mk of run.markers) {
      const own =
        mk.kind === 'response' ||
        mk.kind === 'announcement' ||
        mk.endogenous === true ||
        mk.label.endsWith('(prevented)');
      const key = `${mk.day}|${mk.kind}|${mk.label}|${own ? run.strategy : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const em: EventMarker = { day: mk.day, date: dates[mk.day], label: mk.label, kind: mk.kind };
      if (own) em.strategy = run.strategy;
      if (mk.incident) em.incident = mk.incident;
      out.push(em);
    }
  }
  out.sort(
    (a, b) =>
      a.day - b.day ||
      a.kind.localeCompare(b.kind) ||
      a.label.localeCompare(b.label) ||
      (a.strategy ?? '').localeCompare(b.strategy ?? ''),
  );
  return out;
}
