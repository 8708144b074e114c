/**
 * Render report charts in Node: Vega-Lite 6 compile → Vega view with no renderer → SVG string,
 * and optionally PNG through @resvg/resvg-js (prebuilt, no native build). Output is deterministic:
 * the same spec gives the same bytes (vega measures text by estimate when no canvas is installed,
 * and the specs use UTC date scales, so neither fonts nor the machine's timezone leak in).
 */

import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { textWidth } from '../report/textWidth';
import type { ReportChart } from '../report/types';

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/**
 * Vega's text measure, replaced with Helvetica advance widths. Without node-canvas vega estimates
 * 0.8 em per character, which spreads legends and truncates labels far too early; with node-canvas
 * the result would depend on the machine's fonts. vega calls a user-defined measure for truncation
 * too (as vl-convert does), so the measure caps at `limit` to stay consistent with `truncate`.
 */
function measureText(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const raw = text == null ? '' : String(text).trim();
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
  const width = textWidth(raw, size, bold);
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

/** Install the deterministic text measure on vega's scenegraph (idempotent). */
export function useDeterministicTextMetrics(): void {
  (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = measureText;
}

export interface RenderedChart extends ReportChart {
  svg: string;
  png?: Uint8Array;
}

export interface RenderOptions {
  /** Also render PNG (2× scale). */
  png?: boolean;
}

/** Vega-Lite warnings collected while compiling; compile errors throw. */
export interface CompileResult {
  vgSpec: vega.Spec;
  warnings: string[];
}

/** Compile a Vega-Lite spec with Vega-Lite 6, collecting warnings instead of printing them. */
export function compileChart(spec: ReportChart['spec']): CompileResult {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(n?: number) {
      if (n === undefined) return level;
      level = n;
      return this;
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  // vega tags inline data objects with ids and may parse fields in place: give it a private copy,
  // so the chart's spec stays as built (it is also written to .vl.json, HTML and the notebook).
  const { spec: vgSpec } = compile(structuredClone(spec), { logger: logger as never });
  return { vgSpec: vgSpec as vega.Spec, warnings };
}

/** Render one Vega-Lite spec to an SVG string. */
export async function renderSvg(spec: ReportChart['spec']): Promise<string> {
  const { vgSpec } = compileChart(spec);
  useDeterministicTextMetrics();
  // Gradient and clip-path ids count up across renders; restart them so each SVG stands alone.
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const WARM_UP_VALUES = [
  { s: 'a', g: 'x', date: '2025-01-01', end: '2025-01-02', mean: 0.5, lo: 0.4, hi: 0.6 },
  { s: 'a', g: 'x', date: '2025-01-02', end: '2025-01-03', mean: 0.55, lo: 0.45, hi: 0.65 },
  { s: 'b', g: 'y', date: '2025-01-01', end: '2025-01-02', mean: 0.3, lo: 0.2, hi: 0.4 },
  { s: 'b', g: 'y', date: '2025-01-02', end: '2025-01-03', mean: 0.35, lo: 0.25, hi: 0.45 },
];
const WARM_UP_TIME = { field: 'date', type: 'temporal', scale: { type: 'utc' }, axis: { format: '%d %b' } };
/**
 * A small chart with every mark, scale and guide kind the report uses (faceted layers of area, line, rule, text,
 * bar and point on a UTC time axis with a colour legend; a rect heatmap with a gradient legend; a vconcat).
 * Rendering it once compiles the renderer's code paths, so the report's first charts do not pay for that.
 */
export const WARM_UP_SPEC = {
  data: { values: WARM_UP_VALUES },
  vconcat: [
    {
      facet: { column: { field: 'g', type: 'nominal' } },
      spec: {
        width: 120,
        height: 60,
        layer: [
          {
            mark: { type: 'area', opacity: 0.2 },
            encoding: {
              x: WARM_UP_TIME,
              y: { field: 'lo', type: 'quantitative', stack: null },
              y2: { field: 'hi' },
              color: { field: 's', type: 'nominal', legend: { orient: 'top', symbolType: 'stroke' } },
            },
          },
          {
            mark: 'line',
            encoding: {
              x: WARM_UP_TIME,
              y: { field: 'mean', type: 'quantitative' },
              color: { field: 's', type: 'nominal' },
            },
          },
          { mark: 'rule', encoding: { y: { datum: 0.5 } } },
          {
            mark: 'text',
            encoding: { x: WARM_UP_TIME, y: { field: 'mean', type: 'quantitative' }, text: { field: 's' } },
          },
        ],
      },
    },
    {
      width: 120,
      height: 40,
      layer: [
        {
          mark: 'bar',
          encoding: { x: { field: 's', type: 'nominal' }, y: { field: 'hi', type: 'quantitative' } },
        },
        {
          mark: 'point',
          encoding: { x: { field: 's', type: 'nominal' }, y: { field: 'lo', type: 'quantitative' } },
        },
      ],
    },
    {
      width: 120,
      height: 40,
      mark: 'rect',
      encoding: {
        x: WARM_UP_TIME,
        x2: { field: 'end' },
        y: { field: 'g', type: 'nominal' },
        color: { field: 'mean', type: 'quantitative', scale: { scheme: 'viridis', domain: [0, 1] } },
        tooltip: [{ field: 'mean', type: 'quantitative', format: '.3f' }],
      },
    },
  ],
} as unknown as ReportChart['spec'];

/** Renders WARM_UP_SPEC and throws the result away: a thread with nothing else to do calls it before charts come. */
export async function warmUpRenderer(): Promise<void> {
  await renderSvg(WARM_UP_SPEC);
}

/**
 * The fonts PNG text is drawn with, in the order resvg falls back through them for a character the
 * first font lacks. The SVGs ask for Helvetica Neue, Helvetica, Arial, Liberation Sans, DejaVu Sans:
 * Liberation Sans (Debian's fonts-liberation) is the first one Debian has, DejaVu Sans
 * (fonts-dejavu-core) the next. Neither has CJK characters, which scenario text may hold
 * ("Long-time fans (米粉)"); Droid Sans Fallback (fonts-droid-fallback, Apache-2.0) covers them.
 */
export const PNG_FONT_FILES: readonly string[] = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

/** resvg's font options: `fontFiles` and whether it also loads every system font. */
export interface PngFontOptions {
  loadSystemFonts: boolean;
  fontFiles: string[];
  defaultFontFamily: string;
}

/**
 * With every file of `files` present, resvg loads only these, so no other font installed on the
 * machine can change a PNG (resvg loads system fonts first, and the first font with a character
 * wins). Otherwise (not Debian, or a package missing) it loads the system fonts, then the files
 * that are there.
 */
export function pngFontOptions(files: readonly string[] = PNG_FONT_FILES): PngFontOptions {
  const found = files.filter((file) => existsSync(file));
  return {
    loadSystemFonts: found.length < files.length,
    fontFiles: found,
    defaultFontFamily: 'DejaVu Sans',
  };
}

/** Convert an SVG string to PNG bytes with resvg (the fonts of `pngFontOptions`, 2× zoom, white background). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: pngFontOptions(),
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Render one chart to SVG (and PNG when asked). */
export async function renderChart(chart: ReportChart, opts: RenderOptions = {}): Promise<RenderedChart> {
  const svg = await renderSvg(chart.spec);
  const rendered: RenderedChart = { ...chart, svg };
  if (opts.png) rendered.png = await svgToPng(svg);
  return rendered;
}

/** Render every chart to SVG (and PNG when asked), one after the other on this thread. */
export async function renderCharts(
  charts: ReportChart[],
  opts: RenderOptions = {},
): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const chart of charts) out.push(await renderChart(chart, opts));
  return out;
}

/** Charts being rendered: `done` gives them in chart order; `help`, when there, lends this thread to the job. */
export interface RenderJob {
  done: Promise<RenderedChart[]>;
  help?: () => Promise<void>;
}

/** Starts rendering a list of charts: here (`renderCharts`), or over a ComputePool's threads. */
export type ChartRenderer = (charts: ReportChart[], opts: RenderOptions) => RenderJob;

/** The default renderer: every chart on this thread. */
export const renderHere: ChartRenderer = (charts, opts) => ({ done: renderCharts(charts, opts) });

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * Write `<dir>/<id>.vl.json` (the Vega-Lite spec, 2-space JSON), `<dir>/<id>.svg` and, when rendered,
 * `<dir>/<id>.png`. Returns the written paths in order.
 */
export async function writeCharts(dir: string, charts: RenderedChart[]): Promise<string[]> {
  // Not recursive: the folder above exists, and if an interrupt has just removed it (writeAtomicDir) this fails
  // instead of re-creating it.
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  const files: string[] = [];
  for (const chart of charts) {
    const base = join(dir, chart.id);
    await writeAtomic(`${base}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
    await writeAtomic(`${base}.svg`, chart.svg);
    files.push(`${base}.vl.json`, `${base}.svg`);
    if (chart.png) {
      await writeAtomic(`${base}.png`, chart.png);
      files.push(`${base}.png`);
    }
  }
  return files;
}
