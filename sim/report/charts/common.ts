/** Pieces shared by the chart builders: the spec header, mean line + 90% band, dated event markers. */

import type { ReportInput } from '../../experiment/types';
import { sortedMarkers } from '../data';
import { chartConfig, dateX, NEUTRAL, strategyColour, strategyScale } from '../style';
import { textWidth } from '../textWidth';
import { VEGA_LITE_V5_SCHEMA } from '../types';

/** `$schema`, title, description (the caption) and config: the start of every top-level spec. */
export function specHeader(title: string, subtitle: string, caption: string) {
  return {
    $schema: VEGA_LITE_V5_SCHEMA,
    title: { text: title, subtitle },
    description: caption,
    config: chartConfig(),
  } as const;
}

export interface BandOptions {
  yTitle: string;
  /** Fixed y domain, e.g. [0, 1] for shares. */
  domain?: [number, number];
  legend?: boolean;
}

/** Tooltip fields of a series point (date as written, so no timezone shifts it). */
function seriesTooltip(yTitle: string) {
  return [
    { field: 'strategy', type: 'nominal' as const, title: 'strategy' },
    { field: 'date', type: 'nominal' as const, title: 'date' },
    { field: 'mean', type: 'quantitative' as const, title: yTitle, format: ',.3~f' },
    { field: 'lo', type: 'quantitative' as const, title: '5th percentile', format: ',.3~f' },
    { field: 'hi', type: 'quantitative' as const, title: '95th percentile', format: ',.3~f' },
  ];
}

/** The 90% band (lo–hi area) under the mean line, one colour per strategy. */
export function bandAndLine(input: ReportInput, opts: BandOptions) {
  const scale = opts.domain ? { domain: opts.domain, zero: false } : { zero: true };
  const colour = strategyColour(input, opts.legend ?? true);
  return [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x: dateX(),
        y: { field: 'lo', type: 'quantitative' as const, title: opts.yTitle, scale, stack: null },
        y2: { field: 'hi' },
        color: colour,
      },
    },
    {
      mark: { type: 'line' as const },
      encoding: {
        x: dateX(),
        y: { field: 'mean', type: 'quantitative' as const, title: opts.yTitle, scale },
        color: colour,
        tooltip: seriesTooltip(opts.yTitle),
      },
    },
  ];
}

export interface MarkerOptions {
  /** Include strategy-specific markers (responses), coloured by strategy. Default true. */
  strategies?: boolean;
  /** Kinds to include; default all. */
  kinds?: string[];
  /** Days in the period, to place labels. */
  days: number;
  /** Plot width in pixels, to place labels. */
  width: number;
  /** Most label rows to use before labels may overlap. Default 5. */
  maxRows?: number;
  /** Label strategy-specific markers too (otherwise rules with tooltips only). Default: only with ≤ 3 strategies. */
  labelStrategies?: boolean;
}

const LABEL_FONT_SIZE = 12;
const LABEL_GAP = 8;
const ROW_HEIGHT = 16;

/**
 * Give each label a row so that labels in one row do not overlap: labels are laid out left to right
 * and each takes the first row whose last label ends before it starts (widths from Helvetica metrics).
 * Labels in the last quarter of the period are right-aligned so they stay inside the plot.
 */
export function placeLabels(
  items: Array<{ day: number; label: string }>,
  days: number,
  width: number,
  maxRows: number,
): Array<{ row: number; late: boolean }> {
  const ends: number[] = [];
  return items.map((item) => {
    const x = (item.day / Math.max(1, days - 1)) * width;
    const w = Math.min(220, textWidth(item.label, LABEL_FONT_SIZE));
    const late = item.day > days * 0.72;
    const [from, to] = late ? [x - 4 - w, x - 4] : [x + 4, x + 4 + w];
    let row = ends.findIndex((end) => end + LABEL_GAP <= from);
    if (row < 0 && ends.length < maxRows) row = ends.length;
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = Math.max(ends[row] ?? Number.NEGATIVE_INFINITY, to);
    return { row, late };
  });
}

/**
 * Dated event markers as dashed rules with text labels on the chart. Scenario-wide events are grey;
 * a strategy's own events (its responses) take the strategy's colour. Labels sit in rows at the top
 * of the plot, with a white halo so they stay readable over lines and bands.
 */
export function markerLayers(input: ReportInput, opts: MarkerOptions) {
  const ids = new Set(input.scenario.strategies.map((s) => s.id));
  const markers = sortedMarkers(input).filter(
    (m) =>
      (opts.kinds === undefined || opts.kinds.includes(m.kind)) &&
      (m.strategy === undefined || (opts.strategies !== false && ids.has(m.strategy))),
  );
  const labelOwn = opts.labelStrategies ?? input.scenario.strategies.length <= 3;
  const labelled = markers.filter((m) => labelOwn || m.strategy === undefined);
  const placed = placeLabels(labelled, opts.days, opts.width, opts.maxRows ?? 5);
  const places = markers.map((m) => {
    const at = labelled.indexOf(m);
    return at >= 0 ? placed[at]! : { row: 0, late: false, hidden: true };
  });
  const values = markers.map((m, i) => ({
    date: m.date,
    label: m.label,
    kind: m.kind,
    strategy: m.strategy ?? '',
    labelY: 4 + places[i]!.row * ROW_HEIGHT,
    late: places[i]!.late,
    hidden: 'hidden' in places[i]!,
  }));
  const layers: object[] = [];
  const labelY = { field: 'labelY', type: 'quantitative' as const, scale: null };
  const shared = values.filter((v) => v.strategy === '');
  const own = values.filter((v) => v.strategy !== '');
  const colour = { field: 'strategy', type: 'nominal' as const, scale: strategyScale(input) };
  const tooltip = [
    { field: 'label', type: 'nominal' as const, title: 'event' },
    { field: 'kind', type: 'nominal' as const, title: 'kind' },
    { field: 'date', type: 'nominal' as const, title: 'date' },
  ];
  const groups = (
    [
      [shared, null],
      [own, colour],
    ] as const
  ).filter(([subset]) => subset.length > 0);
  // All rules first, then all labels, so no rule is drawn across a label.
  for (const [subset, colourDef] of groups) {
    layers.push({
      data: { values: subset },
      mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 1.5, ...(colourDef ? {} : { color: NEUTRAL }) },
      encoding: { x: dateX(), ...(colourDef ? { color: colourDef } : {}), tooltip },
    });
  }
  for (const [subset, colourDef] of groups) {
    const colourEnc = colourDef ? { color: colourDef } : {};
    const fixed = colourDef ? {} : { color: NEUTRAL };
    for (const late of [false, true]) {
      const part = subset.filter((v) => v.late === late && !v.hidden);
      if (part.length === 0) continue;
      const text = {
        type: 'text',
        align: late ? 'right' : 'left',
        baseline: 'top',
        dx: late ? -4 : 4,
        fontSize: LABEL_FONT_SIZE,
        limit: 220,
      };
      const encoding = { x: dateX(), y: labelY, text: { field: 'label', type: 'nominal' } };
      layers.push({
        data: { values: part },
        mark: {
          ...text,
          color: 'white',
          stroke: 'white',
          strokeWidth: 4,
          strokeJoin: 'round',
          opacity: 0.85,
        },
        encoding,
      });
      layers.push({
        data: { values: part },
        mark: { ...text, ...fixed },
        encoding: { ...encoding, ...colourEnc },
      });
    }
  }
  return layers;
}

/** Number of days spanned by the series (for marker label placement). */
export function periodDays(input: ReportInput): number {
  let max = 0;
  for (const r of input.series) if (r.day > max) max = r.day;
  return max + 1;
}
