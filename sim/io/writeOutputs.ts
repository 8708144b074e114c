/**
 * Output files of `run` and `compare`: tidy CSV time series, summary.json, manifest.json, raw per-replicate rows.
 * All writes go into a temporary folder that is renamed into place (writeAtomicDir): an error or Ctrl-C
 * leaves no partial folder.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../engine/run';
import type { SweepParameter, SweepRow } from '../experiment/sweep';
import type { SeriesRow } from '../experiment/types';
import { stableStringify } from '../util/stableStringify';
import { ByteWriter } from './ByteWriter';

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COMMA = 44;
const NEWLINE = 10;

/** A number field: shortest round-trip form, empty when not finite. */
function numField(out: ByteWriter, v: number): void {
  if (Number.isFinite(v)) out.text(String(v));
}

/**
 * Tidy rows strategy, replicate, day, date, segment, metric, value for runs (segment-undefined cells left out),
 * as UTF-8 bytes.
 */
export function rawCsv(runs: RunResult[]): Uint8Array {
  const out = new ByteWriter(1 << 20);
  out.text('strategy,replicate,day,date,segment,metric,value\n');
  for (const run of runs) {
    const L = run.layout;
    const M = L.names.length;
    const rows = L.segments.length;
    const strat = csvField(run.strategy);
    for (let d = 0; d < run.days; d++) {
      for (let r = 0; r < rows; r++) {
        const prefix = `${strat},${run.replicate},${d},${run.dates[d]},${csvField(L.segments[r])},`;
        for (let m = 0; m < M; m++) {
          const v = run.values[(d * rows + r) * M + m];
          if (Number.isNaN(v)) continue;
          out.text(prefix);
          out.text(L.names[m]);
          out.char(COMMA);
          numField(out, v);
          out.char(NEWLINE);
        }
      }
    }
  }
  return out.bytes();
}

/**
 * Aggregated rows strategy, day, date, segment, metric, mean, lo, hi (lo/hi bound the 90% interval across
 * replicates), as UTF-8 bytes. The row prefix is built once per strategy, day and segment.
 */
export function seriesCsv(rows: SeriesRow[]): Uint8Array {
  const out = new ByteWriter(rows.length * 96);
  out.text('strategy,day,date,segment,metric,mean,lo,hi\n');
  let strategy = '';
  let day = -1;
  let date = '';
  let segment = '';
  let prefix = '';
  for (const r of rows) {
    // The prefix is rebuilt when any field in it changes (the date too, though in a real table it follows the day).
    if (r.day !== day || r.strategy !== strategy || r.segment !== segment || r.date !== date) {
      strategy = r.strategy;
      day = r.day;
      date = r.date;
      segment = r.segment;
      prefix = `${csvField(strategy)},${day},${r.date},${csvField(segment)},`;
    }
    out.text(prefix);
    out.text(r.metric);
    out.char(COMMA);
    numField(out, r.mean);
    out.char(COMMA);
    numField(out, r.lo);
    out.char(COMMA);
    numField(out, r.hi);
    out.char(NEWLINE);
  }
  return out.bytes();
}

export function jsonText(value: unknown): string {
  return `${stableStringify(value, 2)}\n`;
}

export async function writeText(dir: string, name: string, text: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

/**
 * sweep.csv: one row per point, strategy, segment ("all", and those asked for) and metric: the point's parameter
 * values (one column per swept key), mean, 90% interval, 95% CI of the mean, and the paired difference against the baseline
 * with the 90% interval of the per-replicate differences, the 95% CI of their mean and pBetter (empty for the baseline
 * itself, without a baseline, with one replicate for the CIs, or where a value does not exist).
 */
export function sweepCsv(params: SweepParameter[], rows: SweepRow[]): Uint8Array {
  const out = new ByteWriter(rows.length * 160);
  const head = ['point', ...params.map((p) => p.key), 'strategy', 'segment', 'metric', 'mean', 'lo', 'hi'];
  head.push('ci95_lo', 'ci95_hi', 'diff', 'diff_lo', 'diff_hi', 'diff_ci95_lo', 'diff_ci95_hi', 'p_better');
  out.text(`${head.map(csvField).join(',')}\n`);
  const num = (v: number | null) => {
    out.char(COMMA);
    if (v !== null) numField(out, v);
  };
  for (const r of rows) {
    out.text(String(r.point));
    for (const v of r.values) {
      out.char(COMMA);
      out.text(csvField(String(v)));
    }
    out.char(COMMA);
    out.text(csvField(r.strategy));
    out.char(COMMA);
    out.text(csvField(r.segment));
    out.char(COMMA);
    out.text(csvField(r.metric));
    num(r.mean);
    num(r.lo);
    num(r.hi);
    num(r.ci95 ? r.ci95[0] : null);
    num(r.ci95 ? r.ci95[1] : null);
    num(r.diff);
    num(r.diffLo);
    num(r.diffHi);
    num(r.diffCi95 ? r.diffCi95[0] : null);
    num(r.diffCi95 ? r.diffCi95[1] : null);
    num(r.pBetter);
    out.char(NEWLINE);
  }
  return out.bytes();
}
