/**
 * House style shared by every chart: sizes readable on a projector and in print, the Okabe–Ito
 * colour-blind-safe palette, and one fixed strategy → colour mapping used by all charts.
 */

import type { ReportInput } from '../experiment/types';
import { textWidth } from './textWidth';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;
export const FONT = 'Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif';

/**
 * Okabe & Ito (2008), reordered so the first colours are the most distinct on white paper and
 * projectors. Sky blue is easily mistaken for the first colour (blue), so it comes after black and
 * only scenarios with seven or more strategies use both blues; yellow comes last because it is hard
 * to read on white.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#000000', // black
  '#56B4E9', // sky blue
  '#F0E442', // yellow
] as const;

/**
 * Colours for the ninth strategy on (the teaching scenario compensation-dose compares ten): each is at
 * least 30 CIE76 ΔE from every Okabe–Ito colour and from each other, and far from the marker grey.
 * Before, the palette cycled, so the ninth strategy was drawn in the first one's blue.
 */
export const EXTRA_COLOURS = [
  '#332288', // indigo
  '#661100', // brown
  '#8C6D31', // ochre
  '#E7298A', // magenta
  '#DDCC77', // sand
  '#EE6677', // rose
] as const;

/** Every strategy colour in order: Okabe–Ito, then the extra colours. */
export const STRATEGY_PALETTE: readonly string[] = [...OKABE_ITO, ...EXTRA_COLOURS];

/** Text colour of scenario-wide marker labels (incidents, rulings): neutral dark grey. */
export const NEUTRAL = '#4D4D4D';

/**
 * Colour of scenario-wide marker rules: a mid grey, so a dashed event line is not mistaken for the
 * line (or the response markers) of a strategy drawn in black.
 */
export const MARKER_RULE = '#8C8C8C';

/** Strategy ids in scenario order: the fixed colour domain. */
export function strategyIds(input: ReportInput): string[] {
  return input.scenario.strategies.map((s) => s.id);
}

/** Colour of each strategy, by its position in the scenario (the palette cycles past fourteen). */
export function strategyColours(input: ReportInput): string[] {
  return strategyIds(input).map((_, i) => STRATEGY_PALETTE[i % STRATEGY_PALETTE.length]!);
}

/** The strategy colour scale; identical in every chart so a strategy keeps its colour everywhere. */
export function strategyScale(input: ReportInput): { domain: string[]; range: string[] } {
  return { domain: strategyIds(input), range: strategyColours(input) };
}

export interface StrategyColourOptions {
  /**
   * Only these strategies (the ones a chart shows), so its legend lists no others; each keeps its
   * colour from the full scale. Default: every strategy.
   */
  only?: readonly string[];
  /** Legend swatch: a line for line and area charts (default), a filled square for bars. */
  symbol?: 'stroke' | 'square';
}

/** `color` channel for strategies. */
export function strategyColour(input: ReportInput, legend = true, opts: StrategyColourOptions = {}) {
  const full = strategyScale(input);
  const only = opts.only;
  const scale = only
    ? {
        domain: full.domain.filter((id) => only.includes(id)),
        range: full.range.filter((_, i) => only.includes(full.domain[i]!)),
      }
    : full;
  const symbol =
    opts.symbol === 'square'
      ? { symbolType: 'square', symbolStrokeWidth: 0, symbolOpacity: 1, symbolSize: 200 }
      : { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1, symbolSize: 300 };
  const columns = legendColumns(scale.domain);
  return {
    field: 'strategy',
    type: 'nominal' as const,
    title: 'strategy',
    scale,
    legend: legend
      ? {
          orient: 'top' as const,
          title: 'strategy',
          labelLimit: 320,
          ...symbol,
          ...(columns ? { columns } : {}),
        }
      : null,
  };
}

/**
 * Columns for a top legend whose entries in one row would be wider than a chart (eight strategies with ids like
 * "proactive-prevention" reached 1,040 px beside a 640 px plot, and vega shrank the plot to fit the page): as many
 * as fit, from each label's width at 12 px plus 40 px for the swatch and the gap. Undefined when one row fits.
 */
export function legendColumns(ids: readonly string[]): number | undefined {
  if (ids.length === 0) return undefined;
  const entry = (id: string) => 40 + textWidth(id, 12);
  const oneRow = ids.reduce((sum, id) => sum + entry(id), 0);
  if (oneRow <= CHART_WIDTH) return undefined;
  const widest = Math.max(...ids.map(entry));
  return Math.max(1, Math.min(ids.length, Math.floor(CHART_WIDTH / widest)));
}

/** Vega-Lite config: font sizes ≥ 12, left-anchored titles, light grid, white background. */
export function chartConfig() {
  return {
    font: FONT,
    background: 'white',
    padding: 8,
    view: { continuousWidth: CHART_WIDTH, continuousHeight: CHART_HEIGHT, stroke: '#d9d9d9' },
    title: {
      fontSize: 18,
      subtitleFontSize: 13,
      subtitleColor: '#444444',
      anchor: 'start' as const,
      offset: 12,
      color: '#111111',
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: 'normal' as const,
      labelColor: '#222222',
      titleColor: '#222222',
      gridColor: '#e6e6e6',
      labelLimit: 240,
    },
    legend: { labelFontSize: 12, titleFontSize: 13, symbolStrokeWidth: 3 },
    header: { labelFontSize: 13, titleFontSize: 13, labelColor: '#111111' },
    text: { fontSize: 12 },
    line: { strokeWidth: 2.5 },
    point: { size: 80 },
  };
}

/** Date axis used by every time chart (dates are UTC calendar days). */
export function dateAxis(title = 'date') {
  return { title, format: '%d %b', labelAngle: 0, labelFlush: true, tickCount: 8, labelOverlap: true };
}

/** x channel for the calendar date of a series row, as UTC so no machine timezone can shift a day. */
export function dateX(title = 'date', field = 'date') {
  return { field, type: 'temporal' as const, scale: { type: 'utc' as const }, axis: dateAxis(title) };
}
