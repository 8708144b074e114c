import type { ReportInput } from '../../experiment/types';
import { baselineId } from '../data';
import { formatFixed, roundSig, yuanShortExpr } from '../format';
import { compareMetricKeys, describeMetric } from '../metrics';
import { CHART_WIDTH, strategyColour } from '../style';
import { textWidth } from '../textWidth';
import { asChartSpec, type ReportChart } from '../types';
import { specHeader, strategyRows } from './common';

/** Key metrics shown when the summary compares them; otherwise every compared metric, up to 9. */
export const FOREST_METRICS = [
  'trust',
  'trust_auc',
  'nps',
  'aware_share_auc',
  'complaints_auc',
  'rights_group_size',
  'lawsuits',
  'churned',
  'net_cny',
];

/** Forest plot: paired difference against the baseline, with its 90% interval, per strategy and metric. */
export function forestPlot(input: ReportInput): ReportChart | null {
  const base = baselineId(input);
  const known = new Set(input.scenario.strategies.map((s) => s.id));
  const comps = input.summary.comparisons.filter(
    (c) => c.segment === 'all' && c.strategy !== c.baseline && known.has(c.strategy),
  );
  const available = [...new Set(comps.map((c) => c.metric))];
  let metrics = FOREST_METRICS.filter((m) => available.includes(m));
  if (metrics.length === 0) metrics = available.sort(compareMetricKeys).slice(0, 9);
  if (metrics.length === 0) return null;
  const incidentLabels = Object.fromEntries(input.scenario.incidents.map((i) => [i.id, i.label]));
  const headers = metrics.map((m) => {
    const info = describeMetric(m, incidentLabels);
    const better = info.direction === 1 ? 'higher is better' : info.direction === -1 ? 'lower is better' : '';
    return `${info.label} (${info.unitText})${better ? ` · ${better}` : ''}`;
  });
  const order = new Map(input.scenario.strategies.map((s, i) => [s.id, i]));
  const values = comps
    .filter((c) => metrics.includes(c.metric))
    .sort(
      (a, b) =>
        metrics.indexOf(a.metric) - metrics.indexOf(b.metric) ||
        order.get(a.strategy)! - order.get(b.strategy)!,
    )
    .map((c) => ({
      strategy: c.strategy,
      metric: headers[metrics.indexOf(c.metric)]!,
      diff: roundSig(c.diff),
      lo: roundSig(c.lo),
      hi: roundSig(c.hi),
      pBetter: roundSig(c.pBetter, 3),
    }));
  const shown = input.scenario.strategies
    .map((s) => s.id)
    .filter((id) => values.some((v) => v.strategy === id));
  const id = 'forest-plot';
  const title = `Differences against the baseline (${base})`;
  const caption =
    'Each dot is the mean paired difference (strategy − baseline, same random numbers), each whisker its 90% ' +
    'interval. A whisker that crosses the dashed zero line means the data do not settle which is better.';
  const yEnc = strategyRows(shown);
  const colour = strategyColour(input, false);
  // One panel per metric, each with its own x scale and tick format (¥ metrics get ¥ ticks).
  // A panel where every strategy equals the baseline in every replicate has a zero-width domain, which
  // vega draws with a single "0.000000" tick: give it a small symmetric domain and say why it is flat.
  const allZero = (header: string) =>
    values.filter((v) => v.metric === header).every((v) => v.diff === 0 && v.lo === 0 && v.hi === 0);
  const width = CHART_WIDTH - 160;
  // Each panel's own domain and ticks, through 0 with its label (and off the frame when the data end at 0).
  const xScale = (metric: string, header: string) => {
    const cny = describeMetric(metric, incidentLabels).unit === 'cny';
    const axis = cny ? { labelExpr: yuanShortExpr() } : {};
    const rows = values.filter((v) => v.metric === header);
    const lo = Math.min(...rows.map((v) => Math.min(v.lo, v.diff)));
    const hi = Math.max(...rows.map((v) => Math.max(v.hi, v.diff)));
    if (allZero(header)) return { scale: { domain: [-1, 1] }, ...(cny ? { axis } : {}) };
    const ticks = forestAxis(lo, hi, width, cny);
    if (!ticks) return { scale: { zero: true, nice: true }, ...(cny ? { axis } : {}) };
    return {
      scale: { domain: ticks.domain, nice: false, zero: false },
      axis: { ...axis, values: ticks.values, tickCount: ticks.values.length },
    };
  };
  const panel = (metric: string, header: string) => ({
    title: {
      text: allZero(header) ? `${header} · no difference in any replicate` : header,
      anchor: 'start',
      fontSize: 13,
      fontWeight: 'normal',
      limit: 0,
      offset: 8,
    },
    width,
    height: Math.max(24, shown.length * 24),
    transform: [{ filter: { field: 'metric', equal: header } }],
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 3 },
        encoding: {
          y: yEnc,
          x: {
            field: 'lo',
            type: 'quantitative',
            title: 'difference (strategy − baseline)',
            ...xScale(metric, header),
          },
          x2: { field: 'hi' },
          color: colour,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y: yEnc,
          x: { field: 'diff', type: 'quantitative' },
          color: colour,
          tooltip: [
            { field: 'strategy', type: 'nominal', title: 'strategy' },
            { field: 'diff', type: 'quantitative', title: 'mean difference', format: ',.3~f' },
            { field: 'lo', type: 'quantitative', title: '90% interval from', format: ',.3~f' },
            { field: 'hi', type: 'quantitative', title: '90% interval to', format: ',.3~f' },
            { field: 'pBetter', type: 'quantitative', title: 'P(better than baseline)', format: '.0%' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#000000', strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
    ],
  });
  const spec = asChartSpec({
    ...specHeader(title, 'Strategy − baseline · whiskers = 90% interval of paired differences', caption),
    data: { values },
    vconcat: metrics.map((m, i) => panel(m, headers[i]!)),
    spacing: 20,
  });
  return { id, title, caption, spec };
}

/** Least room between two tick labels, in pixels. */
const TICK_GAP = 16;
/** Least room between the data and the frame at the far ends, in pixels (a dot's radius is about 5). */
const EDGE_ROOM = 8;

/**
 * Domain and tick values for a forest-plot panel whose data (interval ends and means) span `lo`..`hi`:
 * ticks on a round step (1, 2 or 5 × 10ⁿ) through 0, as many as fit with their labels apart (12 px
 * Helvetica, as drawn), so vega hides none of them; the "0" tick, a multiple of every step, is always
 * drawn and labelled. When the data lie on one side of 0 (every strategy no better, or no worse, than
 * the baseline), half a step of room beyond 0 keeps its label and the dashed zero line off the frame;
 * data that would end within a few pixels of the frame get one more step, so no dot sits on it.
 * Null when there is nothing to scale (all zero, or not finite) or the span is beyond 10⁻¹² … 10¹⁸
 * (vega's own scale then). Pure arithmetic: the same data give the same ticks.
 */
export function forestAxis(
  lo: number,
  hi: number,
  width: number,
  cny = false,
): { domain: [number, number]; values: number[] } | null {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  const [a, b] = [Math.min(lo, hi, 0), Math.max(lo, hi, 0)];
  if (!(b - a >= 1e-12 && b - a <= 1e18)) return null;
  // The labels as drawn: `yuanShortExpr` for ¥ ("¥120M"), else vega's format for the step ("−2.5").
  const label = (v: number, step: number) =>
    cny ? yuanTick(v) : formatFixed(v, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  let power = Math.floor(Math.log10(b - a)) - 3;
  for (;;) {
    for (const m of [1, 2, 5]) {
      const step = roundSig(m * 10 ** power, 6);
      let first = Math.floor(a / step + 1e-9);
      let last = Math.ceil(b / step - 1e-9);
      // 0 at an end of the ticks: half a step of room beyond it.
      const [padLo, padHi] = [first === 0 ? 0.5 : 0, last === 0 ? 0.5 : 0];
      // Two steps from the data's ends always end the search, however narrow the panel.
      const enough = last - first <= 2;
      // A dot or whisker end closer to the frame than EDGE_ROOM pixels: one step more on that side.
      const near = (units: number) => (units * width) / (last - first + padLo + padHi) < EDGE_ROOM;
      if (first < 0 && near(a / step - first)) first--;
      if (last > 0 && near(last - b / step)) last++;
      const pitch = width / (last - first + padLo + padHi);
      const widest = Math.max(
        ...[first, 0, last].map((i) => textWidth(label(roundSig(i * step, 6), step), 12)),
      );
      if ((pitch >= widest + TICK_GAP && pitch >= 40) || enough) {
        const values: number[] = [];
        for (let i = first; i <= last; i++) values.push(roundSig(i * step, 6) || 0);
        const domain: [number, number] = [
          roundSig((first - padLo) * step, 6) || 0,
          roundSig((last + padHi) * step, 6) || 0,
        ];
        return { domain, values };
      }
    }
    power++;
  }
}

/** A ¥ tick label as `yuanShortExpr` writes it: "¥0", "¥500k", "−¥2.5M", "¥120M". */
function yuanTick(value: number): string {
  const abs = Math.abs(value);
  const [scaled, suffix] =
    abs >= 1e9 ? [abs / 1e9, 'B'] : abs >= 1e6 ? [abs / 1e6, 'M'] : abs >= 1e3 ? [abs / 1e3, 'k'] : [abs, ''];
  const text = formatFixed(scaled, 3).replace(/\.?0+$/, '');
  return `${value < 0 ? '−' : ''}¥${text}${suffix}`;
}
