/**
 * Output files of `run` and `compare`: tidy CSV time series, summary.json, manifest.json, raw per-replicate rows.
 * All writes go into a temporary folder that is renamed into place (writeAtomicDir): an error or Ctrl-C
 * leaves no partial folder.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../engine/run';
import type { SeriesRow } from '../experiment/types';
import { stableStringify } from '../util/stableStringify';

/** Numbers in CSV: shortest round-trip form, so reruns are byte-identical. */
function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Tidy rows strategy, replicate, day, date, segment, metric, value for runs (segment-undefined cells left out). */
export function rawCsv(runs: RunResult[]): string {
  const lines = ['strategy,replicate,day,date,segment,metric,value'];
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
          lines.push(`${prefix}${L.names[m]},${num(v)}`);
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Aggregated rows strategy, day, date, segment, metric, mean, lo, hi (lo/hi bound the 90% interval across replicates). */
export function seriesCsv(rows: SeriesRow[]): string {
  const lines = ['strategy,day,date,segment,metric,mean,lo,hi'];
  for (const r of rows) {
    lines.push(
      `${csvField(r.strategy)},${r.day},${r.date},${csvField(r.segment)},${r.metric},${num(r.mean)},${num(r.lo)},${num(r.hi)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function jsonText(value: unknown): string {
  return `${stableStringify(value, 2)}\n`;
}

export async function writeText(dir: string, name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}
