import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { compileModel } from '../../engine/compileModel';
import { assembleComparison, resolveStrategies } from '../../experiment/compare';
import { checkOutDir, defaultOutDir, writeAtomicDir } from '../../io/atomicDir';
import { buildManifest, edgeListFileOf } from '../../io/manifest';
import { jsonText, rawCsv, seriesCsv, writeText } from '../../io/writeOutputs';
import { ComputePool } from '../../node/ComputePool';
import { type CliIO, progress } from '../context';
import { InputError } from '../errors';
import { loadOrFail } from '../loadOrFail';
import {
  type ComparisonCliOptions,
  comparisonRerunArgs,
  parseFloatOption,
  parseList,
  replicatesOption,
  scaleOption,
  seedOption,
  workersOption,
} from '../options';
import { buildReportInput } from '../reportInput';

export interface CompareCliOptions extends ComparisonCliOptions {
  raw?: boolean;
  report: boolean;
  png?: boolean;
  ciWidth?: number;
}

export function registerCompare(program: Command, io: CliIO): void {
  program
    .command('compare')
    .description(
      'run every strategy on the same replicated worlds (common random numbers) and compare them with paired statistics',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--strategies <ids>', 'comma-separated strategy ids (default: all)', parseList)
    .option(
      '--baseline <id>',
      'strategy to compare against (default: the scenario’s outputs.baseline; else a strategy with the id passive-firefighting, when one is compared; else none)',
    )
    .addOption(replicatesOption('replicated worlds'))
    .addOption(seedOption('replicate r uses (seed, r)'))
    .addOption(workersOption())
    .addOption(scaleOption())
    .option(
      '--out <dir>',
      'output folder, new or written by trustsim before (then replaced whole) (default: out/<scenario file name>)',
    )
    .option('--raw', 'also write raw.csv with every replicate’s rows')
    .option('--no-report', 'skip the charts, report.html and report.ipynb')
    .option('--png', 'also render charts as PNG')
    .option(
      '--ci-width <w>',
      'warn when the 95% CI half-width of mean final trust is wider than this',
      parseFloatOption('--ci-width', 0, 1, 0.01),
    )
    .option('-q, --quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  trustsim compare scenarios/xiaomi-trust-crisis-2025.yaml
  trustsim compare scenarios/xiaomi-trust-crisis-2025.yaml --strategies passive-firefighting,honour-and-apologise --replicates 40
  trustsim compare scenarios/teaching/compensation-dose.yaml --baseline voucher-30 --workers 2 --out out/dose

Writes <out>/summary.json, timeseries.csv (mean and 90% interval per strategy, day, segment, metric),
manifest.json, and the report: report.html, report.ipynb, charts/*.vl.json and charts/*.svg.`,
    )
    .action(async (file: string, opts: CompareCliOptions) => {
      await compareCommand(file, opts, io);
    });
}

/** The options that shape compare's outputs, as command-line words (the manifest's `rerun`). */
export function compareRerunArgs(
  picked: { strategies: string[]; baseline: string | null },
  replicates: number,
  seed: number,
  opts: CompareCliOptions,
): string[] {
  const args = comparisonRerunArgs(picked, replicates, seed, opts.scale);
  if (opts.ciWidth !== undefined) args.push('--ci-width', String(opts.ciWidth));
  if (opts.raw) args.push('--raw');
  if (!opts.report) args.push('--no-report');
  if (opts.png) args.push('--png');
  return args;
}

export async function compareCommand(file: string, opts: CompareCliOptions, io: CliIO): Promise<void> {
  // The pool's worker threads start first, so their start-up overlaps this thread's reading and checking of the
  // scenario; they run replicates and then render the report's charts. Until the scenario gives the replicate
  // count, at most one thread per core starts (a thread beyond the count only helps with the charts).
  const requested = opts.workers ?? availableParallelism();
  const pool = new ComputePool(Math.max(1, Math.min(requested, opts.replicates ?? availableParallelism())));
  try {
    const scenario = await loadOrFail(file, io, opts.scale);
    const model = compileModel(scenario, opts.scale);
    let picked: { strategies: string[]; baseline: string | null };
    try {
      picked = resolveStrategies(model, opts.strategies, opts.baseline);
    } catch (e) {
      throw new InputError((e as Error).message, 'see `trustsim list <scenario>` for the ids');
    }
    // Without a baseline there are no paired differences: say so, rather than leave their table out silently.
    if (picked.baseline === null && picked.strategies.length > 1) {
      io.err(
        'note: no baseline (the scenario has no outputs.baseline), so there are no paired differences; ' +
          `add --baseline ${picked.strategies[0]} or outputs.baseline to the scenario\n`,
      );
    }
    // The output folder is checked before any work: nothing it holds may be lost.
    const out = opts.out ?? defaultOutDir(file);
    if (checkOutDir(out, [file]) === 'replace' && !opts.quiet)
      io.err(`replacing ${out}, written by an earlier run\n`);
    const replicates = opts.replicates ?? scenario.outputs.replicates;
    const seed = opts.seed ?? scenario.outputs.seed;
    const workers = Math.max(1, Math.min(requested, replicates));
    pool.grow(workers);
    // The report's modules load before the replicates: with worker threads, they take more replicates meanwhile
    // instead of waiting for this thread to load them after its last one.
    const reporting = opts.report ? await import('../../io/writeReport') : null;
    const t0 = performance.now();
    const bar = progress(io, 'replicates', Boolean(opts.quiet));
    let reps: Awaited<ReturnType<ComputePool['runReplicates']>>;
    try {
      reps = await pool.runReplicates(model, picked.strategies, seed, replicates, {
        onDone: (d, t) => bar.update(d, t),
        thenRender: Boolean(opts.report),
      });
    } finally {
      bar.stop();
    }
    // The report takes about a second more: say so on a terminal, where the bar has just gone.
    if (opts.report && !opts.quiet && io.isTTY) io.err('summarising and building the report…\n');
    const res = assembleComparison(
      model,
      { ...picked, replicates, seed, targetHalfWidth: opts.ciWidth },
      reps,
    );
    const simSeconds = (performance.now() - t0) / 1000;
    const manifest = buildManifest({
      edgeListFile: edgeListFileOf(scenario),
      command: 'compare',
      scenarioFile: file,
      seed,
      replicates,
      strategies: picked.strategies,
      baseline: picked.baseline,
      options: {
        scale: opts.scale,
        raw: Boolean(opts.raw),
        report: Boolean(opts.report),
        png: Boolean(opts.png),
        ciWidth: opts.ciWidth ?? null,
      },
      rerunArgs: compareRerunArgs(picked, replicates, seed, opts),
      extra: {
        branching: {
          worldDaysSimulated: res.branching.simulatedDays,
          worldDaysWithoutBranching: res.branching.naiveDays,
          saving: Number(res.branching.saving.toFixed(4)),
          firstDivergenceDay: res.branching.branchDay,
        },
      },
    });
    // The charts start rendering on the worker threads now, while this thread writes the tables.
    const report = reporting?.prepareReport(buildReportInput(model, res, manifest), {
      png: Boolean(opts.png),
      render: (charts, o) => pool.renderCharts(charts, o),
    });
    let reportSeconds = 0;
    // Every file written, relative to the folder (which is written beside `out` and then renamed to it).
    const written: string[] = [];
    await writeAtomicDir(out, async (dir) => {
      const put = async (name: string, text: string | Uint8Array) => {
        await writeText(dir, name, text);
        written.push(name);
      };
      await put('summary.json', jsonText(res.summary));
      await put('timeseries.csv', seriesCsv(res.series));
      await put('manifest.json', jsonText(manifest));
      if (opts.raw) await put('raw.csv', rawCsv(res.byStrategy.flat()));
      if (reporting && report) {
        const r = await reporting.writePreparedReport(dir, report);
        reportSeconds = r.seconds;
        written.push(...r.files.map((f) => relative(dir, f)));
      }
    });
    for (const w of res.summary.warnings) io.err(`warning: ${w}\n`);
    if (!opts.quiet) {
      io.err(
        `compared ${picked.strategies.length} strategies × ${replicates} replicates in ${simSeconds.toFixed(1)} s` +
          ` (${workers} worker${workers === 1 ? '' : 's'}; shared prefixes saved ${(100 * res.branching.saving).toFixed(0)}% of world-days)` +
          (opts.report ? `; report built in ${reportSeconds.toFixed(1)} s` : '') +
          '\n',
      );
    }
    // stdout: every file written, one per line (as `report` does), for scripts to pick up.
    io.out(`${written.map((f) => join(out, f)).join('\n')}\n`);
  } finally {
    await pool.close();
  }
}
