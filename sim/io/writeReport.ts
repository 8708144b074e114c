/**
 * Write a report folder: `report-input.json` (everything `trustsim report <dir>` needs to rebuild),
 * `charts/<id>.vl.json` + `.svg` (+ `.png`), `report.html` (offline notebook) and `report.ipynb`.
 * Each file is written to a temporary name and renamed, so a reader never sees half a file.
 */

import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportInput } from '../experiment/types';
import { buildCharts } from '../report/buildCharts';
import { buildReportHtml } from '../report/html';
import { buildNotebook, notebookToJson } from '../report/notebook';
import type { ReportChart } from '../report/types';
import { shellWord } from './manifest';
import { type ChartRenderer, type RenderJob, renderHere, writeCharts } from './renderCharts';
import { readVegaBundles } from './vegaBundles';

export interface WriteReportOptions {
  /** Also write `charts/<id>.png` (rendered from the SVG with resvg). */
  png?: boolean;
  /** Who renders the charts: default `renderHere` (this thread); a ComputePool's spreads them over threads. */
  render?: ChartRenderer;
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

/** A report whose charts are built and being rendered (possibly on other threads) while the caller goes on. */
export interface PreparedReport {
  input: ReportInput;
  charts: ReportChart[];
  rendering: RenderJob;
  started: number;
}

/**
 * Build the charts of `input` and start rendering them. With a ComputePool's renderer the worker threads render
 * while this thread writes the other outputs; `writePreparedReport` then waits for them.
 */
export function prepareReport(input: ReportInput, opts: WriteReportOptions = {}): PreparedReport {
  const started = performance.now();
  const charts = buildCharts(input);
  const rendering = (opts.render ?? renderHere)(charts, { png: opts.png });
  // A failure is reported when the report is written; until then it must not count as unhandled.
  rendering.done.catch(() => undefined);
  return { input, charts, rendering, started };
}

/** Write the report of `prepared` into `dir` (with `report-input.json` unless `withInput` is false). */
export async function writePreparedReport(
  dir: string,
  prepared: PreparedReport,
  withInput = true,
): Promise<WriteReportResult> {
  const { input, charts } = prepared;
  // Only when missing: a recursive mkdir in flight would re-create a temporary folder that an interrupt has
  // just removed (writeAtomicDir), leaving an empty folder behind.
  if (!existsSync(dir)) await mkdir(dir, { recursive: true });
  const files: string[] = [];
  if (withInput) {
    const file = join(dir, REPORT_INPUT_FILE);
    await writeAtomic(file, `${JSON.stringify(input)}\n`);
    files.push(file);
  }
  // The HTML needs the specs, not the SVGs: it is written while the charts may still be rendering.
  const html = join(dir, 'report.html');
  await writeAtomic(html, buildReportHtml(input, charts, await readVegaBundles()));
  // This thread's other work is done: it renders whatever charts are left, beside the workers.
  await prepared.rendering.help?.();
  const rendered = await prepared.rendering.done;
  files.push(...(await writeCharts(join(dir, 'charts'), rendered)));
  files.push(html);
  const ipynb = join(dir, 'report.ipynb');
  await writeAtomic(ipynb, notebookToJson(buildNotebook(input, rendered)));
  files.push(ipynb);
  return { files, seconds: (performance.now() - prepared.started) / 1000 };
}

/** Build and write the whole report for `input` into `dir`. */
export function writeReport(
  dir: string,
  input: ReportInput,
  opts: WriteReportOptions = {},
): Promise<WriteReportResult> {
  return writePreparedReport(dir, prepareReport(input, opts));
}

/**
 * What to do when a folder has no report-input.json: a compare folder written with --no-report gets its own
 * manifest's rerun line without --no-report; any other folder, the plain compare command.
 */
async function missingInputHint(dir: string): Promise<string> {
  let manifest: { command?: unknown; rerun?: unknown } | null = null;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    manifest = null;
  }
  if (
    manifest?.command === 'compare' &&
    typeof manifest.rerun === 'string' &&
    /--no-report\b/.test(manifest.rerun)
  ) {
    const rerun = manifest.rerun.replace(/ --no-report\b/, '');
    return `This folder was written by \`trustsim compare --no-report\`, which builds no report. Run it again without --no-report: ${rerun} --out ${shellWord(dir)}`;
  }
  if (manifest?.command === 'run')
    return `This folder was written by \`trustsim run\`; reports come from \`trustsim compare <scenario> --out ${shellWord(dir)}\`.`;
  if (manifest === null)
    // Not a trustsim output folder: compare would refuse to write into it, so point at a folder of its own.
    return 'This folder holds no trustsim outputs. Reports are written by `trustsim compare <scenario>` into its own folder (by default out/<scenario file name>); `trustsim report` rebuilds them there.';
  return `Run \`trustsim compare <scenario> --out ${shellWord(dir)}\` first.`;
}

/** Read `<dir>/report-input.json` and check its shape enough to report a clear error. */
export async function readReportInput(dir: string): Promise<ReportInput> {
  const file = join(dir, REPORT_INPUT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file}: not found. ${await missingInputHint(dir)}`);
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
  const result = await writePreparedReport(dir, prepareReport(input, opts), false);
  return { files: result.files, seconds: (performance.now() - started) / 1000 };
}
