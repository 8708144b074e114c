/** The report's tables as plain-text cells; the HTML and notebook builders escape and lay them out. */

import type { Comparison, ReportInput } from '../experiment/types';
import { baselineId, claimantSegments, identicalInEveryReplicate, segmentTitles, statsOf } from './data';
import {
  formatFixed,
  formatMetric,
  formatPercent,
  formatSig,
  formatWithInterval,
  joinInterval,
} from './format';
import { compareMetricKeys, describeMetric } from './metrics';

export interface ReportTable {
  id: string;
  caption: string;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  /** A footnote shown under the table: what its special entries mean. */
  note?: string;
}

/** Summary keys in the per-strategy table, when the summary has them. */
export const TABLE_METRICS = [
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'nps',
  'aware_share',
  'aware_share_auc',
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

/** Summary keys in the claimants table (per claimant segment), when the summary has them. */
export const CLAIMANT_METRICS = ['trust', 'grievance', 'complaints_auc', 'churned'];

/** What a cell says when a strategy has no value for a metric. */
export const NOT_DEFINED = '– (not defined)';

/** The text for "better is": +1 higher, −1 lower, 0 neither. */
export function betterIs(direction: number): string {
  return direction > 0 ? 'higher' : direction < 0 ? 'lower' : '–';
}

function incidentLabels(input: ReportInput): Record<string, string> {
  return Object.fromEntries(input.scenario.incidents.map((i) => [i.id, i.label]));
}

function labelWithUnit(key: string, incidents: Record<string, string>): string {
  const info = describeMetric(key, incidents);
  return `${info.label} (${info.unitText})`;
}

/** "mean (lo–hi)" of one strategy's statistics, or the not-defined mark. */
function meanAndInterval(
  input: ReportInput,
  strategy: string,
  key: string,
  segment: string,
  incidents: Record<string, string>,
): string {
  const m = statsOf(input, strategy, key, segment);
  if (!m) return NOT_DEFINED;
  const info = describeMetric(key, incidents);
  const [mean, lo, hi] = formatWithInterval(m.mean, m.lo, m.hi, info, true);
  return `${mean} (${joinInterval(m.lo, m.hi, lo, hi)})`;
}

/** Per-strategy outcomes: mean and 90% interval (final day, or summed over days for `_auc`). */
export function strategyTable(input: ReportInput): ReportTable {
  const incidents = incidentLabels(input);
  const ids = input.scenario.strategies.map((s) => s.id);
  const keys = TABLE_METRICS.filter((k) => ids.some((id) => statsOf(input, id, k) !== undefined));
  return {
    id: 'table-strategies',
    caption:
      'Outcomes by strategy, whole population: mean over replicates, with the 90% interval in brackets',
    columns: ['metric', ...ids],
    numeric: [false, ...ids.map(() => true)],
    rows: keys.map((key) => [
      labelWithUnit(key, incidents),
      ...ids.map((id) => (statsOf(input, id, key) ? meanAndInterval(input, id, key, 'all', incidents) : '–')),
    ]),
  };
}

/**
 * Claimants' outcomes (the segments harmed by an incident): per claimant segment, trust, grievance,
 * complaints and churn, mean and 90% interval per strategy. Null when the scenario has no claimants.
 */
export function claimantTable(input: ReportInput): ReportTable | null {
  const incidents = incidentLabels(input);
  const titles = segmentTitles(input);
  const ids = input.scenario.strategies.map((s) => s.id);
  const rows: string[][] = [];
  let undefinedCells = false;
  for (const seg of claimantSegments(input)) {
    for (const key of CLAIMANT_METRICS) {
      if (!ids.some((id) => statsOf(input, id, key, seg.id) !== undefined)) continue;
      const cells = ids.map((id) => meanAndInterval(input, id, key, seg.id, incidents));
      if (cells.includes(NOT_DEFINED)) undefinedCells = true;
      rows.push([titles.get(seg.id) ?? seg.id, labelWithUnit(key, incidents), ...cells]);
    }
  }
  if (rows.length === 0) return null;
  const table: ReportTable = {
    id: 'table-claimants',
    caption:
      'Claimants (people harmed by an incident), by group: mean over replicates, with the 90% interval ' +
      'in brackets',
    columns: ['claimant group', 'metric', ...ids],
    numeric: [false, false, ...ids.map(() => true)],
    rows,
  };
  if (undefinedCells) {
    table.note =
      `${NOT_DEFINED}: the strategy has no value for this group, for example because its incident was ` +
      'prevented.';
  }
  return table;
}

/**
 * The ranking from summary.json: per ranked metric (whole population, final day and summed over
 * days), each strategy's mean rank, mean regret in the metric's units and P(best), best first.
 * Null when the summary has no ranking (a single strategy).
 */
export function rankingTable(input: ReportInput): ReportTable | null {
  const rows = input.summary.ranking;
  if (rows.length === 0) return null;
  const incidents = incidentLabels(input);
  const order = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  const metrics = [...new Set(rows.map((r) => r.metric))].sort(compareMetricKeys);
  const out: string[][] = [];
  for (const metric of metrics) {
    const info = describeMetric(metric, incidents);
    const label = labelWithUnit(metric, incidents);
    const ranked = rows
      .filter((r) => r.metric === metric)
      .sort(
        (a, b) =>
          a.meanRank - b.meanRank ||
          b.pBest - a.pBest ||
          (order.get(a.strategy) ?? 1e9) - (order.get(b.strategy) ?? 1e9) ||
          (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0),
      );
    for (const r of ranked) {
      out.push([
        label,
        betterIs(info.direction),
        r.strategy,
        formatFixed(r.meanRank, 1),
        // Three significant digits: regrets are small and close together, fixed decimals would hide them.
        info.unit === 'cny' ? formatMetric(r.meanRegret, info, true) : formatSig(r.meanRegret, 3),
        formatPercent(r.pBest),
      ]);
    }
  }
  return {
    id: 'table-ranking',
    caption: 'Ranking and regret across strategies (whole population), best first for each metric',
    columns: ['metric', 'better is', 'strategy', 'mean rank', 'mean regret', 'P(best)'],
    numeric: [false, false, false, true, true, true],
    rows: out,
    note:
      'Mean rank: in each replicated world the strategies are ranked from 1 (best) to ' +
      `${order.size || new Set(rows.map((r) => r.strategy)).size} (worst), and the ranks are averaged; ` +
      'tied strategies share a rank. Mean regret: how far the strategy fell short of the best strategy ' +
      'in the same world, in the metric’s own units (0 means it was always the best), averaged over ' +
      'replicates. P(best): the share of replicates in which the strategy was the best (a tie for best ' +
      'is shared).',
  };
}

/** Why a strategy has no comparison for a metric and segment, in a few words. */
function notDefinedReason(input: ReportInput, strategy: string, metric: string, segment: string): string {
  const base = baselineId(input);
  if (statsOf(input, strategy, metric, segment) === undefined) {
    return describeMetric(metric).base === 'satisfaction'
      ? `not defined: this group had no incident under ${strategy}, e.g. it was prevented`
      : `not defined under ${strategy}`;
  }
  if (statsOf(input, base, metric, segment) === undefined) return `not defined under the baseline ${base}`;
  return 'not defined';
}

/**
 * Every paired comparison against the baseline: whole population first, then each segment. A
 * strategy whose value is undefined (so summary.json has no comparison) gets a row that says so.
 */
export function comparisonTable(input: ReportInput): ReportTable {
  const incidents = incidentLabels(input);
  const titles = segmentTitles(input);
  const base = baselineId(input);
  const segOrder = new Map<string, number>([
    ['all', -1],
    ...input.scenario.segments.map((s, i): [string, number] => [s.id, i]),
  ]);
  const stratOrder = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  type Entry = { strategy: string; metric: string; segment: string; c: Comparison | null };
  const entries: Entry[] = input.summary.comparisons.map((c) => ({
    strategy: c.strategy,
    metric: c.metric,
    segment: c.segment,
    c,
  }));
  // Strategies compared against the baseline anywhere; a (segment, metric) that some of them lack
  // was left out of summary.json because the value is undefined.
  const compared = new Set(input.summary.comparisons.map((c) => c.strategy));
  const strategies = [
    ...input.scenario.strategies.map((s) => s.id).filter((id) => compared.has(id) && id !== base),
    ...[...compared].filter((id) => !stratOrder.has(id)).sort(),
  ];
  const seen = new Set(entries.map((e) => `${e.segment}\u0000${e.metric}\u0000${e.strategy}`));
  const groups = new Map<string, Comparison>();
  for (const c of input.summary.comparisons) {
    const k = `${c.segment}\u0000${c.metric}`;
    if (!groups.has(k)) groups.set(k, c);
  }
  for (const first of groups.values()) {
    for (const strategy of strategies) {
      if (seen.has(`${first.segment}\u0000${first.metric}\u0000${strategy}`)) continue;
      entries.push({ strategy, metric: first.metric, segment: first.segment, c: null });
    }
  }
  let identical = false;
  let missing = false;
  const rows = entries
    .sort(
      (a, b) =>
        (segOrder.get(a.segment) ?? 1e9) - (segOrder.get(b.segment) ?? 1e9) ||
        compareMetricKeys(a.metric, b.metric) ||
        (stratOrder.get(a.strategy) ?? 1e9) - (stratOrder.get(b.strategy) ?? 1e9),
    )
    .map((e) => {
      const info = describeMetric(e.metric, incidents);
      const head = [e.strategy, labelWithUnit(e.metric, incidents), titles.get(e.segment) ?? e.segment];
      // "Better is" follows the comparison's own direction (summary.json), as "better in" does.
      const direction = (e.c ?? groups.get(`${e.segment}\u0000${e.metric}`))?.direction ?? info.direction;
      const c = e.c;
      if (!c) {
        missing = true;
        return [
          ...head,
          `– (${notDefinedReason(input, e.strategy, e.metric, e.segment)})`,
          '–',
          '–',
          betterIs(direction),
        ];
      }
      const same = identicalInEveryReplicate(c);
      if (same) identical = true;
      const [diff, lo, hi] = formatWithInterval(c.diff, c.lo, c.hi, info, true);
      return [
        ...head,
        same ? '0' : diff,
        same ? '0' : joinInterval(c.lo, c.hi, lo, hi),
        same ? 'identical in every replicate' : formatPercent(c.pBetter),
        betterIs(direction),
      ];
    });
  const notes: string[] = [];
  if (identical) {
    notes.push(
      '"Identical in every replicate": the strategy and the baseline gave exactly the same value in ' +
        'every replicated world, so neither is better.',
    );
  }
  if (missing) {
    notes.push(
      '"Not defined": the metric has no value for that strategy and group, so summary.json holds no ' +
        'comparison for it.',
    );
  }
  const table: ReportTable = {
    id: 'table-comparisons',
    caption: 'Paired differences against the baseline (strategy − baseline, same random numbers)',
    columns: ['strategy', 'metric', 'group', 'difference', '90% interval', 'better in', 'better is'],
    numeric: [false, false, false, true, true, true, false],
    rows,
  };
  if (notes.length > 0) table.note = notes.join(' ');
  return table;
}
