import type { ReportInput } from '../../experiment/types';
import { baselineId, finalMean, statsOf, valueKept } from '../data';
import { formatYuanShort, formatYuanShortInterval, nearlyEqual, roundSig, yuanShortExpr } from '../format';
import { CHART_WIDTH, strategyColour } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { labelledDomain, specHeader, strategyRows } from './common';

const MEASURES = ['response cost', 'value kept vs baseline'] as const;

/**
 * The ¥ ledger: what each response cost against the value it kept. Value kept = the baseline's losses
 * (revenue + CLV) − this strategy's losses, so it is 0 for the baseline and negative when a strategy
 * loses more than the baseline. The two measures get a panel each, with its own ¥ scale.
 */
export function ledger(input: ReportInput): ReportChart | null {
  const base = baselineId(input);
  const values: Array<{ strategy: string; measure: string; value: number; valueLabel: string }> = [];
  for (const s of input.scenario.strategies) {
    const cost = finalMean(input, s.id, 'response_cost_cny');
    const value = valueKept(input, s.id);
    if (cost !== null) {
      // The cost's 90% interval across replicates beside it.
      const stats = statsOf(input, s.id, 'response_cost_cny');
      const spread =
        stats && !nearlyEqual(stats.lo, stats.hi) ? ` (${formatYuanShortInterval(stats.lo, stats.hi)})` : '';
      values.push(row(s.id, MEASURES[0], cost, spread));
    }
    if (value !== null) {
      // Value kept with its paired 90% interval (the per-replicate differences from the baseline).
      const spread =
        value.paired && !nearlyEqual(value.lo, value.hi)
          ? ` (${formatYuanShortInterval(value.lo, value.hi)})`
          : '';
      values.push(row(s.id, MEASURES[1], value.kept, spread));
    }
  }
  if (values.length === 0) return null;
  const id = 'ledger';
  const title = 'The ¥ ledger: response cost vs value kept';
  const caption =
    `Each panel has its own ¥ scale, so compare the ¥ labels across the panels, not the bar lengths: a ` +
    `response pays for itself when the value it kept (lower panel) is more than it cost (upper panel). Value ` +
    `kept is the revenue and customer lifetime value that ${base} loses and this strategy does not. Brackets ` +
    'give 90% intervals across replicates: of the cost (none: the same in every replicate), and of the value ' +
    `kept, paired: the difference from ${base} in each replicate.`;
  const ids = input.scenario.strategies.map((s) => s.id);
  const width = CHART_WIDTH - 160;
  const yEnc = strategyRows(ids);
  const panel = (measure: string) => {
    const rows = values.filter((v) => v.measure === measure);
    const domain = labelledDomain(
      rows.map((r) => ({ value: r.value, label: r.valueLabel })),
      width,
    );
    return {
      title: { text: measure, anchor: 'start', fontSize: 14, fontWeight: 'bold', offset: 8 },
      width,
      height: Math.max(60, ids.length * 30),
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y: yEnc,
            x: {
              field: 'value',
              type: 'quantitative',
              title: 'yuan (¥)',
              scale: { domain, nice: false },
              axis: { labelExpr: yuanShortExpr(), tickCount: 6, labelOverlap: true },
            },
            color: strategyColour(input, false),
            tooltip: [
              { field: 'strategy', type: 'nominal', title: 'strategy' },
              { field: 'measure', type: 'nominal', title: 'measure' },
              { field: 'valueLabel', type: 'nominal', title: '¥' },
            ],
          },
        },
        // Value labels beside the bars; a layer only for signs that occur (an empty layer warns).
        ...(
          [
            ['datum.value >= 0', 'left', 4, rows.some((v) => v.value >= 0)],
            ['datum.value < 0', 'right', -4, rows.some((v) => v.value < 0)],
          ] as const
        )
          .filter(([, , , present]) => present)
          .map(([filter, align, dx]) => ({
            transform: [{ filter }],
            mark: { type: 'text', align, dx, baseline: 'middle', fontSize: 12 },
            encoding: { y: yEnc, x: { field: 'value', type: 'quantitative' }, text: { field: 'valueLabel' } },
          })),
      ],
    };
  };
  const spec = asChartSpec({
    ...specHeader(title, `Cumulative to the end of the period · baseline: ${base}`, caption),
    // One panel per measure, each with its own x scale: response costs would not show on a scale of value kept.
    vconcat: MEASURES.filter((m) => values.some((v) => v.measure === m)).map(panel),
    spacing: 24,
  });
  return { id, title, caption, spec };
}

function row(strategy: string, measure: string, value: number, interval = '') {
  return { strategy, measure, value: roundSig(value), valueLabel: `${formatYuanShort(value)}${interval}` };
}
