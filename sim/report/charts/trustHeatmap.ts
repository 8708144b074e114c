import type { ReportInput } from '../../experiment/types';
import { nextDay, segmentTitles } from '../data';
import { roundSig } from '../format';
import { CHART_WIDTH, dateAxis } from '../style';
import { asChartSpec, type ReportChart } from '../types';
import { specHeader } from './common';

/** Trust by segment × day, one heatmap row block per strategy (baseline first). */
export function trustHeatmap(input: ReportInput): ReportChart | null {
  const titles = segmentTitles(input);
  const segments = input.scenario.segments;
  const strategyOrder = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  const segmentOrder = new Map(segments.map((s, i) => [s.id, i]));
  const values = input.series
    .filter((r) => r.metric === 'trust' && segmentOrder.has(r.segment) && strategyOrder.has(r.strategy))
    .sort(
      (a, b) =>
        strategyOrder.get(a.strategy)! - strategyOrder.get(b.strategy)! ||
        segmentOrder.get(a.segment)! - segmentOrder.get(b.segment)! ||
        a.day - b.day,
    )
    .map((r) => ({
      strategy: r.strategy,
      segment: titles.get(r.segment)!,
      date: r.date,
      dateEnd: nextDay(r.date),
      mean: roundSig(r.mean, 4),
    }));
  if (values.length === 0) return null;
  const id = 'trust-heatmap';
  const title = 'Trust by segment and day';
  const caption =
    'Which groups lose trust, when, and whether they come back. Claimants usually fall furthest; compare each ' +
    "strategy's block with the baseline's to see which groups a response actually reaches.";
  const spec = asChartSpec({
    ...specHeader(title, 'Mean trust per segment · one block per strategy', caption),
    data: { values },
    facet: {
      row: {
        field: 'strategy',
        type: 'nominal',
        sort: input.scenario.strategies.map((s) => s.id),
        title: null,
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelFontSize: 14,
          labelFontWeight: 'bold',
        },
      },
    },
    spec: {
      width: CHART_WIDTH - 120,
      height: Math.max(60, segments.length * 30),
      // No ARIA label per cell: thousands of them (one per segment, day and strategy) made up most of the SVG,
      // 1.8 MB of the flagship's report, and no screen reader can use them; the chart's description (the caption)
      // stays, and the notebook's interactive chart keeps its tooltips.
      mark: { type: 'rect', aria: false },
      encoding: {
        x: { field: 'date', type: 'temporal', scale: { type: 'utc' }, axis: dateAxis('date') },
        x2: { field: 'dateEnd' },
        y: {
          field: 'segment',
          type: 'nominal',
          sort: segments.map((s) => titles.get(s.id)!),
          title: null,
          axis: { labelLimit: 260 },
        },
        color: {
          field: 'mean',
          type: 'quantitative',
          title: 'trust (scale 0–1)',
          scale: { scheme: 'viridis', domain: [0, 1] },
          legend: { orient: 'right', gradientLength: 160 },
        },
        tooltip: [
          { field: 'strategy', type: 'nominal', title: 'strategy' },
          { field: 'segment', type: 'nominal', title: 'segment' },
          { field: 'date', type: 'nominal', title: 'date' },
          { field: 'mean', type: 'quantitative', title: 'trust', format: '.3f' },
        ],
      },
    },
  });
  return { id, title, caption, spec };
}
