import type { ReportInput } from '../../experiment/types';
import { baselineId } from '../data';
import { roundSig, yuanShortExpr } from '../format';
import { compareMetricKeys, describeMetric } from '../metrics';
import { CHART_WIDTH, strategyColour } from '../style';
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
  const panel = (metric: string, header: string) => ({
    title: {
      text: allZero(header) ? `${header} · no difference in any replicate` : header,
      anchor: 'start',
      fontSize: 13,
      fontWeight: 'normal',
      limit: 0,
      offset: 8,
    },
    width: CHART_WIDTH - 160,
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
            scale: allZero(header) ? { domain: [-1, 1] } : { zero: true, nice: true },
            ...(describeMetric(metric, incidentLabels).unit === 'cny'
              ? { axis: { labelExpr: yuanShortExpr() } }
              : {}),
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
