/**
 * Render report charts in Node: Vega-Lite 6 compile → Vega view with no renderer → SVG string,
 * and optionally PNG through @resvg/resvg-js (prebuilt, no native build). Output is deterministic:
 * the same spec gives the same bytes (vega measures text by estimate when no canvas is installed,
 * and the specs use UTC date scales, so neither fonts nor the machine's timezone leak in).
 */

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

/** Convert an SVG string to PNG bytes with resvg (system fonts, 2× zoom, white background). */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
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
  await mkdir(dir, { recursive: true });
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
