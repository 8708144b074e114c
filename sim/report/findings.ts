/**
 * Key findings written from the numbers: one sentence per strategy and key metric, from the paired
 * comparisons against the baseline, plus the ¥ ledger and the ranking. Plain text; the HTML and
 * notebook builders escape it for their format.
 */

import type { Comparison, ReportInput } from '../experiment/types';
import { baselineId, finalMean } from './data';
import { formatFixed, formatInterval, formatMetric, formatPercent, formatYuan } from './format';
import { describeMetric, type MetricInfo } from './metrics';

/** Metrics that get a finding, with the phrase used in the sentence. */
export const FINDING_METRICS: ReadonlyArray<readonly [string, string]> = [
  ['trust', 'trust at the end of the period'],
  ['nps', 'the net promoter score at the end'],
  ['churned', 'customers lost'],
  ['rights_group_size', 'rights-group membership'],
  ['lawsuits', 'lawsuits filed'],
  ['net_cny', 'the net result'],
];

const UNIT_SUFFIX: Partial<Record<MetricInfo['unit'], string>> = {
  people: ' people',
  'people/day': ' people per day',
  cases: ' cases',
  nps: ' points',
  'stories/day': ' stories per day',
};

function amount(value: number, info: MetricInfo): string {
  return `${formatMetric(value, info)}${UNIT_SUFFIX[info.unit] ?? ''}`;
}

/** One sentence for one comparison (strategy − baseline). */
export function comparisonSentence(c: Comparison, phrase: string): string {
  const info = describeMetric(c.metric);
  const higher = c.diff >= 0;
  const size = Math.abs(c.diff);
  const [lo, hi] = higher ? [c.lo, c.hi] : [-c.hi, -c.lo];
  const unclear = c.lo <= 0 && c.hi >= 0;
  const verdict = unclear
    ? 'the interval includes zero, so the data do not settle which is better'
    : `${c.strategy} did better in ${formatPercent(c.pBetter)} of replicates`;
  const diffText = size === 0 ? 'the same as' : `${amount(size, info)} ${higher ? 'higher' : 'lower'} than`;
  return (
    `Under ${c.strategy}, ${phrase} was ${diffText} under ${c.baseline} ` +
    `(90% interval ${formatInterval(lo, hi, info)}); ${verdict}.`
  );
}

/** The findings, in reading order. */
export function keyFindings(input: ReportInput): string[] {
  const out: string[] = [];
  const base = baselineId(input);
  const comps = input.summary.comparisons.filter((c) => c.segment === 'all');
  for (const s of input.scenario.strategies) {
    if (s.id === base) continue;
    for (const [metric, phrase] of FINDING_METRICS) {
      const c = comps.find((x) => x.strategy === s.id && x.metric === metric);
      if (c) out.push(comparisonSentence(c, phrase));
    }
    const cost = finalMean(input, s.id, 'response_cost_cny');
    const lossS = lossesOf(input, s.id);
    const lossB = lossesOf(input, base);
    if (cost !== null && lossS !== null && lossB !== null) {
      const kept = lossB - lossS;
      out.push(
        kept >= 0
          ? `${s.id} spent ${formatYuan(cost)} on its response and kept ${formatYuan(kept)} of revenue and ` +
              `customer value that ${base} lost.`
          : `${s.id} spent ${formatYuan(cost)} on its response and still lost ${formatYuan(-kept)} more in ` +
              `revenue and customer value than ${base}.`,
      );
    }
  }
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
  return out;
}

function lossesOf(input: ReportInput, strategy: string): number | null {
  const revenue = finalMean(input, strategy, 'revenue_lost_cny');
  const clv = finalMean(input, strategy, 'clv_lost_cny');
  return revenue === null && clv === null ? null : (revenue ?? 0) + (clv ?? 0);
}
