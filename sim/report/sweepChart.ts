/**
 * The sweep chart: one metric's mean across replicates against the swept parameter, a line per strategy with
 * its 95% CI of the mean as a band, so a reader sees at once whether the lines cross (the ranking changes) or
 * stay apart, for the whole population or one segment. A second or third swept parameter gives one panel per
 * combination of their values.
 */
import type { SweepParameter, SweepRow } from '../experiment/sweep';
import { describeMetric } from './metrics';
import { CHART_WIDTH, chartConfig, FONT, NEUTRAL, STRATEGY_PALETTE } from './style';
import { asChartSpec, type ReportChart, VEGA_LITE_V5_SCHEMA } from './types';

export function sweepChart(
  params: SweepParameter[],
  rows: SweepRow[],
  metric: string,
  strategies: string[],
  segment = 'all',
  segmentTitle = segment,
): ReportChart | null {
  const mine = rows.filter((r) => r.metric === metric && r.segment === segment);
  if (mine.length === 0 || params.length === 0) return null;
  const info = describeMetric(metric);
  const who = segment === 'all' ? '' : ` of ${segmentTitle}`;
  const title = `${info.label[0].toUpperCase()}${info.label.slice(1)}${who} across the sweep`;
  const x = params[0];
  const numeric = x.values.every((v) => typeof v === 'number');
  const panels = params.slice(1);
  const palette = STRATEGY_PALETTE;
  const values = mine.map((r) => ({
    x: numeric ? r.values[0] : String(r.values[0]),
    panel: panels.map((p, i) => `${p.key}=${String(r.values[i + 1])}`).join(', '),
    strategy: r.strategy,
    // The strategy's colour itself: the bands and points use it directly (no scale, so no legend of their own,
    // which would merge with the lines' legend and show the bands' faint colour).
    colour: palette[strategies.indexOf(r.strategy) % palette.length] ?? NEUTRAL,
    mean: r.mean,
    // One replicate gives no CI: the band is the point.
    ciLo: r.ci95 ? r.ci95[0] : r.mean,
    ciHi: r.ci95 ? r.ci95[1] : r.mean,
  }));
  const color = {
    field: 'strategy',
    type: 'nominal',
    title: 'strategy',
    scale: { domain: strategies, range: strategies.map((_, i) => palette[i % palette.length]) },
  };
  const xEnc = numeric
    ? { field: 'x', type: 'quantitative', title: x.key, scale: { zero: false } }
    : { field: 'x', type: 'ordinal', title: x.key, sort: x.values.map(String) };
  const yTitle = `${info.label} (${info.unitText})`;
  const layer = {
    layer: [
      {
        mark: { type: 'area', opacity: 0.15 },
        encoding: {
          x: xEnc,
          y: { field: 'ciLo', type: 'quantitative', title: yTitle, scale: { zero: false } },
          y2: { field: 'ciHi' },
          fill: { field: 'colour', type: 'nominal', scale: null },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: xEnc,
          y: { field: 'mean', type: 'quantitative', title: yTitle },
          stroke: { ...color, legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: xEnc,
          y: { field: 'mean', type: 'quantitative', title: yTitle },
          fill: { field: 'colour', type: 'nominal', scale: null },
          tooltip: [
            { field: 'strategy', type: 'nominal' },
            { field: 'x', title: x.key },
            { field: 'mean', type: 'quantitative', format: '.4~g' },
            { field: 'ciLo', type: 'quantitative', title: '95% CI from', format: '.4~g' },
            { field: 'ciHi', type: 'quantitative', title: '95% CI to', format: '.4~g' },
          ],
        },
      },
    ],
  };
  const caption =
    `Mean ${info.label.toLowerCase()}${who} over replicates at each value of ${x.key}, with the 95% confidence ` +
    'interval of the mean as a band. Where lines cross, the better strategy depends on this parameter.';
  const base = {
    $schema: VEGA_LITE_V5_SCHEMA as typeof VEGA_LITE_V5_SCHEMA,
    description: caption,
    title: { text: title, font: FONT },
    data: { values },
    config: chartConfig(),
  };
  const width = panels.length > 0 ? Math.max(200, Math.floor(CHART_WIDTH / 2)) : CHART_WIDTH;
  const spec =
    panels.length > 0
      ? {
          ...base,
          facet: {
            field: 'panel',
            type: 'nominal',
            title: panels.map((p) => p.key).join(', '),
            // In the order of the grid (8 before 16), not alphabetical.
            sort: [...new Set(values.map((v) => v.panel))],
          },
          columns: 2,
          spec: { width, height: 220, ...layer },
        }
      : { ...base, width, height: 280, ...layer };
  return {
    id: `sweep-${metric.replace(/[^\w-]/g, '-')}${segment === 'all' ? '' : `-${segment.replace(/[^\w-]/g, '-')}`}`,
    title,
    caption,
    spec: asChartSpec(spec),
  };
}
