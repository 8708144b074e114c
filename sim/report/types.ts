import type { TopLevelSpec } from 'vega-lite';
import type { ReportInput } from '../experiment/types';

/** The `$schema` every chart declares: JupyterLab renders Vega-Lite v3–v5 only, and v6 reads v5 specs. */
export const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** A Vega-Lite spec that declares the v5 schema. */
export type ChartSpec = TopLevelSpec & { $schema: typeof VEGA_LITE_V5_SCHEMA };

/** One chart of the report. */
export interface ReportChart {
  /** kebab-case; the file name under `charts/` (`<id>.vl.json`, `<id>.svg`). */
  id: string;
  title: string;
  /** "What to notice": one or two sentences for the reader. */
  caption: string;
  spec: ChartSpec;
}

/** A chart builder returns null when the input holds nothing to draw (e.g. no donation announced). */
export type ChartBuilder = (input: ReportInput) => ReportChart | null;

/**
 * Mark a built object as a chart spec. Builders assemble specs from small typed helpers; the tests
 * validate every spec against the Vega-Lite v5 JSON Schema and compile it with Vega-Lite 5 and 6,
 * which checks far more than the static types could.
 */
export function asChartSpec(
  spec: { $schema: typeof VEGA_LITE_V5_SCHEMA } & Record<string, unknown>,
): ChartSpec {
  return spec as unknown as ChartSpec;
}
