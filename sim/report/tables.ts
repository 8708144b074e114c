/** The report's tables as plain-text cells; the HTML and notebook builders escape and lay them out. */

import type { ReportInput } from '../experiment/types';
import { segmentTitles } from './data';
import { formatInterval, formatMetric, formatPercent } from './format';
import { compareMetricKeys, describeMetric } from './metrics';

export interface ReportTable {
  id: string;
  caption: string;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

/** Summary keys in the per-strategy table, when the summary has them. */
export const TABLE_METRICS = [
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'nps',
  'aware_share',
  'grievance',
  'complaints_auc',
  'wom_negative_auc',
  'wom_positive_auc',
  'rights_group_size',
  'lawsuits',
  'churned',
  'purchases_auc',
  'response_cost_cny',
  'revenue_lost_cny',
  'clv_lost_cny',
  'net_cny',
];

function labelWithUnit(key: string, incidents: Record<string, string>): string {
  const info = describeMetric(key, incidents);
  return `${info.label} (${info.unitText})`;
}

/** Per-strategy outcomes: mean and 90% interval (final day, or summed over days for `_auc`). */
export function strategyTable(input: ReportInput): ReportTable {
  const incidents = Object.fromEntries(input.scenario.incidents.map((i) => [i.id, i.label]));
  const summaries = input.scenario.strategies.map((s) => input.summary.strategies.find((x) => x.id === s.id));
  const keys = TABLE_METRICS.filter((k) => summaries.some((s) => s?.metrics[k] !== undefined));
  return {
    id: 'table-strategies',
    caption: 'Outcomes by strategy: mean over replicates, with the 90% interval in brackets',
    columns: ['metric', ...input.scenario.strategies.map((s) => s.id)],
    numeric: [false, ...input.scenario.strategies.map(() => true)],
    rows: keys.map((key) => {
      const info = describeMetric(key, incidents);
      return [
        labelWithUnit(key, incidents),
        ...summaries.map((s) => {
          const m = s?.metrics[key];
          return m ? `${formatMetric(m.mean, info, true)} (${formatInterval(m.lo, m.hi, info, true)})` : '–';
        }),
      ];
    }),
  };
}

/** Every paired comparison against the baseline: whole population first, then each segment. */
export function comparisonTable(input: ReportInput): ReportTable {
  const incidents = Object.fromEntries(input.scenario.incidents.map((i) => [i.id, i.label]));
  const titles = segmentTitles(input);
  const segOrder = new Map<string, number>([
    ['all', -1],
    ...input.scenario.segments.map((s, i): [string, number] => [s.id, i]),
  ]);
  const stratOrder = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  const rows = [...input.summary.comparisons]
    .sort(
      (a, b) =>
        (segOrder.get(a.segment) ?? 1e9) - (segOrder.get(b.segment) ?? 1e9) ||
        compareMetricKeys(a.metric, b.metric) ||
        (stratOrder.get(a.strategy) ?? 1e9) - (stratOrder.get(b.strategy) ?? 1e9),
    )
    .map((c) => {
      const info = describeMetric(c.metric, incidents);
      return [
        c.strategy,
        labelWithUnit(c.metric, incidents),
        titles.get(c.segment) ?? c.segment,
        formatMetric(c.diff, info, true),
        formatInterval(c.lo, c.hi, info, true),
        formatPercent(c.pBetter),
        info.direction === 1 ? 'higher' : info.direction === -1 ? 'lower' : '–',
      ];
    });
  return {
    id: 'table-comparisons',
    caption: 'Paired differences against the baseline (strategy − baseline, same random numbers)',
    columns: ['strategy', 'metric', 'group', 'difference', '90% interval', 'better in', 'better is'],
    numeric: [false, false, false, true, true, true, false],
    rows,
  };
}
