/** Small Vega-Lite builders for the validation report: one picture per check where a picture helps. */
import { asChartSpec, type ChartSpec, VEGA_LITE_V5_SCHEMA } from '../report/types';

type Row = Record<string, number | string>;

/** Keep at most `max` evenly spaced rows (charts stay small; the first and last row are kept). */
export function thin<T>(rows: T[], max = 240): T[] {
  if (rows.length <= max) return rows;
  const out: T[] = [];
  const stepSize = (rows.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(rows[Math.round(i * stepSize)]);
  return out;
}

/** Lines of `y` over `x` by `series`, with optional horizontal target rules. */
export function lineChart(opts: {
  title: string;
  rows: Row[];
  x: string;
  xTitle: string;
  y: string;
  yTitle: string;
  series?: string;
  targets?: Array<{ label: string; value: number }>;
  xScaleZero?: boolean;
}): ChartSpec {
  const line = {
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x: {
        field: opts.x,
        type: 'quantitative',
        title: opts.xTitle,
        scale: { zero: opts.xScaleZero ?? true },
      },
      y: { field: opts.y, type: 'quantitative', title: opts.yTitle },
      ...(opts.series
        ? { color: { field: opts.series, type: 'nominal', title: null, legend: { labelLimit: 320 } } }
        : {}),
    },
  };
  const layers: unknown[] = [{ data: { values: opts.rows }, ...line }];
  if (opts.targets?.length) {
    layers.push({
      data: { values: opts.targets },
      mark: { type: 'rule', strokeDash: [4, 3], color: '#444' },
      encoding: { y: { field: 'value', type: 'quantitative' } },
    });
    layers.push({
      data: { values: opts.targets },
      mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: '#444', fontSize: 10 },
      encoding: {
        y: { field: 'value', type: 'quantitative' },
        x: { value: 0 },
        text: { field: 'label', type: 'nominal' },
      },
    });
  }
  return asChartSpec({
    $schema: VEGA_LITE_V5_SCHEMA,
    title: opts.title,
    width: 420,
    height: 220,
    layer: layers,
  });
}

/** Points (mean) with error bars (lo..hi) per category, with an optional target band. */
export function dotChart(opts: {
  title: string;
  rows: Array<{ label: string; value: number; lo?: number; hi?: number; group?: string }>;
  yTitle: string;
  target?: { lo: number; hi: number; label: string };
  sort?: string[];
}): ChartSpec {
  const rows = opts.rows.map((r) => ({
    ...r,
    lo: r.lo ?? r.value,
    hi: r.hi ?? r.value,
    group: r.group ?? 'measured',
  }));
  const x = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: opts.sort ?? null,
    axis: { labelAngle: -30 },
  };
  const layers: unknown[] = [];
  if (opts.target) {
    layers.push({
      data: { values: [opts.target] },
      mark: { type: 'rect', color: '#9bd39b', opacity: 0.35 },
      encoding: { y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
    });
  }
  layers.push({
    data: { values: rows },
    mark: { type: 'rule' },
    encoding: { x, y: { field: 'lo', type: 'quantitative', title: opts.yTitle }, y2: { field: 'hi' } },
  });
  layers.push({
    data: { values: rows },
    mark: { type: 'point', filled: true, size: 60 },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: opts.yTitle, scale: { zero: false } },
      ...(new Set(rows.map((r) => r.group)).size > 1
        ? { color: { field: 'group', type: 'nominal', title: null } }
        : {}),
    },
  });
  return asChartSpec({
    $schema: VEGA_LITE_V5_SCHEMA,
    title: opts.title,
    width: 420,
    height: 220,
    layer: layers,
  });
}
