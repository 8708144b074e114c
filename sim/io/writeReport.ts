/**
 * Write a report folder: `report-input.json` (everything `trustsim report <dir>` needs to rebuild),
 * `charts/<id>.vl.json` + `.svg` (+ `.png`), `report.html` (offline notebook) and `report.ipynb`.
 * Each file is written to a temporary name and renamed, so a reader never sees half a file.
 */

import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportInput } from '../experiment/types';
import { buildCharts } from '../report/buildCharts';
import { buildReportHtml } from '../report/html';
import { buildNotebook, notebookToJson } from '../report/notebook';
import { renderCharts, writeCharts } from './renderCharts';
import { readVegaBundles } from './vegaBundles';

export interface WriteReportOptions {
  /** Also write `charts/<id>.png` (rendered from the SVG with resvg). */
  png?: boolean;
}

export interface WriteReportResult {
  /** Paths written (joined onto `dir`), in writing order. */
  files: string[];
  /** Wall-clock seconds spent building and writing. */
  seconds: number;
}

export const REPORT_INPUT_FILE = 'report-input.json';

async function writeAtomic(file: string, data: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function writeAll(
  dir: string,
  input: ReportInput,
  opts: WriteReportOptions,
  withInput: boolean,
): Promise<WriteReportResult> {
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  if (withInput) {
    const file = join(dir, REPORT_INPUT_FILE);
    await writeAtomic(file, `${JSON.stringify(input)}\n`);
    files.push(file);
  }
  const charts = buildCharts(input);
  const [rendered, bundles] = await Promise.all([renderCharts(charts, opts), readVegaBundles()]);
  files.push(...(await writeCharts(join(dir, 'charts'), rendered)));
  const html = join(dir, 'report.html');
  await writeAtomic(html, buildReportHtml(input, charts, bundles));
  files.push(html);
  const ipynb = join(dir, 'report.ipynb');
  await writeAtomic(ipynb, notebookToJson(buildNotebook(input, rendered)));
  files.push(ipynb);
  return { files, seconds: (performance.now() - started) / 1000 };
}

/** Build and write the whole report for `input` into `dir`. */
export function writeReport(
  dir: string,
  input: ReportInput,
  opts: WriteReportOptions = {},
): Promise<WriteReportResult> {
  return writeAll(dir, input, opts, true);
}

/** Read `<dir>/report-input.json` and check its shape enough to report a clear error. */
export async function readReportInput(dir: string): Promise<ReportInput> {
  const file = join(dir, REPORT_INPUT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file}: not found. Run \`trustsim compare\` with --out ${dir} first.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const v = value as Partial<ReportInput> | null;
  const missing = ['scenario', 'summary', 'series', 'markers', 'manifest'].filter(
    (k) => v === null || typeof v !== 'object' || !(k in v),
  );
  if (missing.length > 0) throw new Error(`${file}: not a report input; missing ${missing.join(', ')}`);
  if (!Array.isArray(v!.series) || !Array.isArray(v!.markers))
    throw new Error(`${file}: "series" and "markers" must be arrays`);
  return value as ReportInput;
}

/** Rebuild charts, HTML and notebook from `<dir>/report-input.json` (which is left as it is). */
export async function rebuildReport(dir: string, opts: WriteReportOptions = {}): Promise<WriteReportResult> {
  const started = performance.now();
  const input = await readReportInput(dir);
  const result = await writeAll(dir, input, opts, false);
  return { files: result.files, seconds: (performance.now() - started) / 1000 };
}
