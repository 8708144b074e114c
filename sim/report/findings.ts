/**
 * Key findings written from the numbers: one sentence per strategy and key metric, from the paired
 * comparisons against the baseline, plus the ¥ ledger, the claimants and the ranking. Plain text; the
 * HTML and notebook builders escape it for their format.
 */

import type { Comparison, ReportInput } from '../experiment/types';
import {
  baselineId,
  claimantSegments,
  finalMean,
  identicalInEveryReplicate,
  segmentTitles,
  statsOf,
  valueKept,
} from './data';
import {
  formatFixed,
  formatInterval,
  formatMetric,
  formatPercent,
  formatWithInterval,
  formatYuan,
  joinInterval,
  nearlyEqual,
} from './format';
import { describeMetric, type MetricInfo } from './metrics';

/** How a finding names a metric. */
export interface FindingPhrase {
  metric: string;
  /** A level, compared as "higher"/"lower": "trust at the end of the period". */
  level?: string;
  /** A count, compared as "more"/"fewer": (amount, comparative, singular) → "45,420 more customers churned". */
  count?: (amount: string, comparative: 'more' | 'fewer', one: boolean) => string;
  /** A count when equal: "the same number of customers churned". */
  same?: string;
}

/** Metrics that get a finding, with the words used in the sentence (terms as in the tables). */
export const FINDING_METRICS: readonly FindingPhrase[] = [
  { metric: 'trust', level: 'trust at the end of the period' },
  { metric: 'nps', level: 'the net promoter score at the end' },
  // How far and how long the crisis travelled: the share of people aware, summed over the days.
  { metric: 'aware_share_auc', level: 'awareness of the crisis summed over days (share aware × days)' },
  {
    metric: 'complaints_auc',
    count: (n, more, one) => `people complained on ${n} ${more} person-${one ? 'day' : 'days'}`,
    same: 'complaints summed over days were the same',
  },
  {
    metric: 'churned',
    count: (n, more, one) => `${n} ${more} ${one ? 'customer' : 'customers'} churned`,
    same: 'the same number of customers churned',
  },
  {
    metric: 'rights_group_size',
    count: (n, more, one) =>
      `there ${one ? 'was' : 'were'} ${n} ${more} rights-group ${one ? 'member' : 'members'} at the end`,
    same: 'rights-group membership at the end was the same',
  },
  {
    metric: 'lawsuits',
    count: (n, more, one) => `${n} ${more} ${one ? 'lawsuit was' : 'lawsuits were'} filed`,
    same: 'the same number of lawsuits were filed',
  },
  { metric: 'net_cny', level: 'the net result' },
];

const UNIT_SUFFIX: Partial<Record<MetricInfo['unit'], string>> = {
  people: ' people',
  'people/day': ' people per day',
  cases: ' cases',
  nps: ' points',
  'stories/day': ' stories per day',
};

/** Differences smaller than this (in absolute value) are written "less than 0.000001", not as 4.3e−8. */
const NEGLIGIBLE = 1e-6;

/** The verdict after a difference: how often the strategy did better, or that the data do not settle it. */
function verdict(c: Comparison): string {
  if (describeMetric(c.metric).direction === 0) {
    // Neither direction is better in the report's reading (awareness): say which way it went, not who won.
    if (c.lo <= 0 && c.hi >= 0)
      return 'the interval includes zero, so the data do not settle which way it goes';
    const below = c.direction < 0 ? c.pBetter : 1 - c.pBetter;
    const [way, share] = c.diff < 0 ? ['lower', below] : ['higher', 1 - below];
    return share === 1
      ? `it was ${way} under ${c.strategy} in every replicate`
      : `it was ${way} under ${c.strategy} in ${formatPercent(share)} of replicates`;
  }
  if (c.lo <= 0 && c.hi >= 0) return 'the interval includes zero, so the data do not settle which is better';
  if (c.pBetter === 1) return `${c.strategy} did better in every replicate`;
  if (c.pBetter === 0) return `${c.strategy} did worse in every replicate`;
  return `${c.strategy} did better in ${formatPercent(c.pBetter)} of replicates`;
}

/**
 * One sentence for one comparison (strategy − baseline). `phrase` is a level phrase ("trust at the
 * end of the period") or a FindingPhrase; by default the metric's entry in FINDING_METRICS, else its label.
 */
export function comparisonSentence(c: Comparison, phrase?: string | FindingPhrase): string {
  const p: FindingPhrase =
    typeof phrase === 'string'
      ? { metric: c.metric, level: phrase }
      : (phrase ??
        FINDING_METRICS.find((m) => m.metric === c.metric) ?? {
          metric: c.metric,
          level: describeMetric(c.metric).label,
        });
  const info = describeMetric(c.metric);
  const higher = c.diff >= 0;
  const size = Math.abs(c.diff);
  const [lo, hi] = higher ? [c.lo, c.hi] : [-c.hi, -c.lo];
  // The difference and its interval are formatted together, so they show the same digits.
  const [n, a, b] = formatWithInterval(size, lo, hi, info);
  const interval = `(90% interval ${joinInterval(lo, hi, a, b)})`;
  if (identicalInEveryReplicate(c)) {
    return p.count && p.same
      ? `Under ${c.strategy}, ${p.same} as under ${c.baseline} in every replicate.`
      : `Under ${c.strategy}, ${p.level ?? info.label} was the same as under ${c.baseline} in every replicate.`;
  }
  if (p.count) {
    const what =
      size === 0
        ? `${p.same ?? info.label} on average as`
        : `${p.count(n, higher ? 'more' : 'fewer', n === '1')} than`;
    return `Under ${c.strategy}, ${what} under ${c.baseline} ${interval}; ${verdict(c)}.`;
  }
  if (size > 0 && info.unit !== 'cny' && Math.max(size, Math.abs(lo), Math.abs(hi)) < NEGLIGIBLE) {
    // Below a millionth the numbers would need scientific notation ("4.3e−8"): say how small they are.
    return (
      `Under ${c.strategy}, ${p.level ?? info.label} was ${higher ? 'higher' : 'lower'} than under ` +
      `${c.baseline} by less than 0.000001 (the whole 90% interval lies within ±0.000001); ${verdict(c)}.`
    );
  }
  const diffText =
    size === 0
      ? 'on average the same as'
      : `${n}${UNIT_SUFFIX[info.unit] ?? ''} ${higher ? 'higher' : 'lower'} than`;
  return `Under ${c.strategy}, ${p.level ?? info.label} was ${diffText} under ${c.baseline} ${interval}; ${verdict(c)}.`;
}

/**
 * One finding per claimant segment about its grievance at the end: which strategy left it lowest,
 * and which strategies left it nearly the same (means within a twentieth of the spread between the
 * lowest and the highest strategy of each other), with the baseline marked.
 */
export function claimantFindings(input: ReportInput): string[] {
  const out: string[] = [];
  const base = baselineId(input);
  const titles = segmentTitles(input);
  const info = describeMetric('grievance');
  const name = (id: string) => (id === base ? `${id} (the baseline)` : id);
  const list = (ids: string[]) =>
    ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
  for (const seg of claimantSegments(input)) {
    const values = input.scenario.strategies
      .map((s) => ({ id: s.id, mean: statsOf(input, s.id, 'grievance', seg.id)?.mean }))
      .filter((v): v is { id: string; mean: number } => v.mean !== undefined && Number.isFinite(v.mean))
      .sort((a, b) => a.mean - b.mean);
    if (values.length < 2) continue;
    const min = values[0]!.mean;
    const max = values[values.length - 1]!.mean;
    const head = `Claimants, ${titles.get(seg.id) ?? seg.id}: grievance at the end`;
    if (max === min) {
      out.push(`${head} was ${formatMetric(min, info)} under every strategy.`);
      continue;
    }
    const lowest = values.filter((v) => v.mean === min).map((v) => name(v.id));
    const tolerance = (max - min) / 20;
    const groups: Array<typeof values> = [];
    for (const v of values) {
      // Measured from the group's lowest value, not its last one: a chain of small steps must not make a
      // group wider than the tolerance the sentence quotes ("0.73–0.79 … within 0.04 of each other").
      const last = groups[groups.length - 1];
      if (last && v.mean - last[0]!.mean <= tolerance) last.push(v);
      else groups.push([v]);
    }
    const range = (g: typeof values) => {
      const [a, b] = [g[0]!.mean, g[g.length - 1]!.mean];
      return formatMetric(a, info) === formatMetric(b, info)
        ? formatMetric(a, info)
        : formatInterval(a, b, info);
    };
    const baseMean = values.find((v) => v.id === base)?.mean;
    let sentence =
      `${head} was lowest under ${list(lowest)} (${formatMetric(min, info)})` +
      (baseMean !== undefined && baseMean !== min
        ? ` and ${formatMetric(baseMean, info)} under the baseline ${base}`
        : '');
    if (groups.length === 1) {
      sentence += `; every strategy left it nearly the same (${range(values)}).`;
    } else {
      sentence +=
        `. Grouped where it was nearly the same (within ${formatMetric(tolerance, info)} of each other): ` +
        `${groups.map((g) => `${range(g)} under ${list(g.map((v) => name(v.id)))}`).join('; ')}.`;
    }
    out.push(sentence);
  }
  return out;
}

/** Findings under one heading: one strategy against the baseline, the claimants, or the ranking. */
export interface FindingGroup {
  heading: string;
  items: string[];
}

/** The findings, in reading order. */
export function keyFindings(input: ReportInput): string[] {
  return keyFindingGroups(input).flatMap((g) => g.items);
}

/**
 * The findings grouped for reading: one group per strategy (its differences against the baseline and
 * its ¥ ledger), then the claimants, then the best strategies. Empty groups are left out.
 */
export function keyFindingGroups(input: ReportInput): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const base = baselineId(input);
  const comps = input.summary.comparisons.filter((c) => c.segment === 'all');
  for (const s of input.scenario.strategies) {
    if (s.id === base) continue;
    const out: string[] = [];
    groups.push({ heading: `${s.label} (${s.id}) against the baseline (${base})`, items: out });
    for (const phrase of FINDING_METRICS) {
      const c = comps.find((x) => x.strategy === s.id && x.metric === phrase.metric);
      if (c) out.push(comparisonSentence(c, phrase));
    }
    const cost = finalMean(input, s.id, 'response_cost_cny');
    const value = valueKept(input, s.id);
    if (cost !== null && value !== null) {
      const { kept } = value;
      // The paired 90% interval of what was kept (or lost more), when the summary has it.
      const keptRange =
        !value.paired || nearlyEqual(value.lo, value.hi)
          ? ''
          : kept >= 0
            ? ` (90% interval ${joinInterval(value.lo, value.hi, formatYuan(value.lo), formatYuan(value.hi))})`
            : ` (90% interval ${joinInterval(-value.hi, -value.lo, formatYuan(-value.hi), formatYuan(-value.lo))})`;
      // The ledger's response cost is every ¥ the company paid, not only what the strategy chose to
      // spend: lawsuits' legal costs and court-ordered payments land there even under silence.
      const paid =
        `Under ${s.id}, the company paid ${formatYuan(cost)} in all (its response cost: what the strategy spent, plus legal ` +
        'costs and court-ordered payments)';
      // The cost's own 90% interval across replicates (the net-result finding above carries the paired one).
      const stats = statsOf(input, s.id, 'response_cost_cny');
      const spread = !stats
        ? ''
        : nearlyEqual(stats.lo, stats.hi)
          ? ' The response cost was the same in every replicate.'
          : ` The response cost's 90% interval across replicates: ${formatYuan(stats.lo)}–${formatYuan(stats.hi)}.`;
      out.push(
        (kept >= 0
          ? `${paid} and kept ${formatYuan(kept)}${keptRange} of revenue and customer value that ${base} lost.`
          : `${paid} and still lost ${formatYuan(-kept)}${keptRange} more in revenue and customer value than ${base}.`) +
          spread,
      );
    }
  }
  groups.push({ heading: 'Claimants: grievance at the end', items: claimantFindings(input) });
  const out: string[] = [];
  groups.push({ heading: 'Best strategy across replicates', items: out });
  const rank = input.summary.ranking.filter((r) => r.metric === 'net_cny' || r.metric === 'trust');
  for (const metric of ['trust', 'net_cny']) {
    const rows = rank.filter((r) => r.metric === metric);
    if (rows.length === 0) continue;
    const best = [...rows].sort((a, b) => a.meanRank - b.meanRank || b.pBest - a.pBest)[0]!;
    out.push(
      `Best on ${describeMetric(metric).label}: ${best.strategy} (mean rank ${formatFixed(best.meanRank, 1)}, ` +
        `best in ${formatPercent(best.pBest)} of replicates).`,
    );
  }
  return groups.filter((g) => g.items.length > 0);
}
