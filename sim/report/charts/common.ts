/** Pieces shared by the chart builders: the spec header, mean line + 90% band, dated event markers. */

import type { ReportInput } from '../../experiment/types';
import { sortedMarkers } from '../data';
import { roundSig } from '../format';
import { chartConfig, dateX, MARKER_RULE, NEUTRAL, strategyColour, strategyScale } from '../style';
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
  /** Round the fixed domain out to nice values (default: as given). */
  nice?: boolean;
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
  const scale = opts.domain
    ? { domain: opts.domain, zero: false, ...(opts.nice ? { nice: true } : {}) }
    : { zero: true };
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
  /** Label strategy-specific markers too (otherwise rules with tooltips only). Default: only with ≤ 3 strategies. */
  labelStrategies?: boolean;
  /**
   * Most label rows. A label that would need another row is left out (its rule keeps its tooltip)
   * rather than drawn over another label. Default 8.
   */
  maxRows?: number;
}

const LABEL_FONT_SIZE = 12;
const LABEL_LIMIT = 220;
const LABEL_GAP = 8;
const LABEL_TOP = 4;
const ROW_HEIGHT = 16;

/** Where a marker's label goes: its row from the top, and whether it sits left of the marker (right-aligned). */
export interface LabelPlace {
  row: number;
  left: boolean;
}

type Span = readonly [number, number];

/**
 * Give each label a row and a side of its marker so that no two labels in a row overlap (widths from
 * Helvetica metrics, so the layout is the same on every machine). Labels are taken in date order; each
 * goes into the first row where it fits to the right of its marker, or else to its left, and a new row
 * is opened when it fits in none. A label only goes on a side where it stays inside the plot (when it
 * fits on neither, on the side with more room). A label that would need more than `maxRows` rows gets
 * `null`: it is left out.
 */
export function placeLabels(
  items: ReadonlyArray<{ day: number; label: string }>,
  days: number,
  width: number,
  maxRows = Number.POSITIVE_INFINITY,
): Array<LabelPlace | null> {
  const rows: Span[][] = [];
  const free = (row: Span[], [a, b]: Span) => row.every(([c, d]) => b + LABEL_GAP <= c || d + LABEL_GAP <= a);
  return items.map((item) => {
    const day = Math.min(Math.max(item.day, 0), Math.max(0, days - 1));
    const x = (day / Math.max(1, days - 1)) * width;
    const w = Math.min(LABEL_LIMIT, textWidth(item.label, LABEL_FONT_SIZE));
    const right: Span = [x + 4, x + 4 + w];
    const left: Span = [x - 4 - w, x - 4];
    const fitsRight = right[1] <= width;
    const fitsLeft = left[0] >= 0;
    const sides =
      fitsRight && fitsLeft
        ? [right, left]
        : fitsRight
          ? [right]
          : fitsLeft
            ? [left]
            : [x < width / 2 ? right : left];
    for (let r = 0; r < maxRows; r++) {
      rows[r] ??= [];
      const span = sides.find((s) => free(rows[r]!, s));
      if (span) {
        rows[r]!.push(span);
        return { row: r, left: span === left };
      }
    }
    return null;
  });
}

/** Pixels that `rows` label rows take at the top of a plot, with a margin below them. */
export function labelBand(rows: number): number {
  return rows > 0 ? LABEL_TOP + rows * ROW_HEIGHT + 4 : 0;
}

/** Event markers as layers, and the pixels their labels take at the top of the plot (`headroom`). */
export interface MarkerLayers {
  layers: object[];
  headroom: number;
}

/**
 * Dated event markers as dashed rules with text labels on the chart. Scenario-wide events are grey;
 * a strategy's own events (its responses) take the strategy's colour. Labels sit in rows at the top
 * of the plot, never overlapping each other (see `placeLabels`), with a white halo so they stay
 * readable over lines; a chart keeps its data below them by leaving `headroom` pixels free at the top.
 */
export function markerLayers(input: ReportInput, opts: MarkerOptions): MarkerLayers {
  const ids = new Set(input.scenario.strategies.map((s) => s.id));
  const markers = sortedMarkers(input).filter(
    (m) =>
      (opts.kinds === undefined || opts.kinds.includes(m.kind)) &&
      (m.strategy === undefined || (opts.strategies !== false && ids.has(m.strategy))),
  );
  const labelOwn = opts.labelStrategies ?? input.scenario.strategies.length <= 3;
  const labelled = markers.filter((m) => labelOwn || m.strategy === undefined);
  const placed = placeLabels(labelled, opts.days, opts.width, opts.maxRows ?? 8);
  const rows = placed.reduce((n, p) => Math.max(n, (p?.row ?? -1) + 1), 0);
  const values = markers.map((m) => {
    const at = labelled.indexOf(m);
    const place = at >= 0 ? placed[at]! : null;
    return {
      date: m.date,
      label: m.label,
      kind: m.kind,
      strategy: m.strategy ?? '',
      labelY: LABEL_TOP + (place?.row ?? 0) * ROW_HEIGHT,
      left: place?.left ?? false,
      hidden: place === null,
    };
  });
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
      mark: {
        type: 'rule',
        strokeDash: [5, 3],
        strokeWidth: 1.5,
        ...(colourDef ? {} : { color: MARKER_RULE }),
      },
      encoding: { x: dateX(), ...(colourDef ? { color: colourDef } : {}), tooltip },
    });
  }
  for (const [subset, colourDef] of groups) {
    const colourEnc = colourDef ? { color: colourDef } : {};
    const fixed = colourDef ? {} : { color: NEUTRAL };
    for (const left of [false, true]) {
      const part = subset.filter((v) => v.left === left && !v.hidden);
      if (part.length === 0) continue;
      const text = {
        type: 'text',
        align: left ? 'right' : 'left',
        baseline: 'top',
        dx: left ? -4 : 4,
        fontSize: LABEL_FONT_SIZE,
        limit: LABEL_LIMIT,
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
  return { layers, headroom: labelBand(rows) };
}

/**
 * Top of a zero-based y domain that keeps the data (`hi` of every point) below the top `headroom`
 * pixels of a plot `height` pixels tall, where the event labels are.
 */
export function topWithHeadroom(
  values: ReadonlyArray<{ hi: number }>,
  height: number,
  headroom: number,
): number {
  let hi = 0;
  for (const v of values) if (v.hi > hi) hi = v.hi;
  if (hi <= 0) return 1;
  return roundSig((hi * height) / Math.max(1, height - headroom), 4);
}

/**
 * A domain for horizontal bars (including 0) with room beside every bar for its text label: labels
 * of values ≥ 0 go right of the bar's end, labels of negative values left of it, each `gap` pixels
 * away, in a plot `width` pixels wide. Widths from Helvetica metrics at `fontSize`.
 */
export function labelledDomain(
  items: ReadonlyArray<{ value: number; label: string }>,
  width: number,
  fontSize = 12,
  gap = 4,
): [number, number] {
  let min = 0;
  let max = 0;
  let left = 0;
  let right = 0;
  for (const { value, label } of items) {
    const room = textWidth(label, fontSize) + gap + 6;
    if (value < 0) left = Math.max(left, room);
    else right = Math.max(right, room);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (max === min) return [min - (left > 0 ? 1 : 0), max + 1];
  const perPixel = (max - min) / Math.max(width / 4, width - left - right);
  return [roundSig(min - left * perPixel, 4), roundSig(max + right * perPixel, 4)];
}

/** Number of days spanned by the series (for marker label placement). */
export function periodDays(input: ReportInput): number {
  let max = 0;
  for (const r of input.series) if (r.day > max) max = r.day;
  return max + 1;
}

/** A y encoding with one row per strategy, in `order` (every strategy keeps its row even without a value). */
export function strategyRows(order: string[]) {
  return {
    field: 'strategy',
    type: 'nominal',
    sort: order,
    scale: { domain: order },
    title: null,
    axis: { labelLimit: 220 },
  };
}
