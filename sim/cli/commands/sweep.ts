import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { type Command, Option } from 'commander';
import { compileModel } from '../../engine/compileModel';
import { resolveStrategies } from '../../experiment/compare';
import { summarise } from '../../experiment/summarise';
import {
  parseAssignment,
  SweepInputError,
  type SweepParameter,
  type SweepPointResult,
  sweepGrid,
  sweepRows,
  sweepVerdicts,
} from '../../experiment/sweep';
import type { CompareSummary } from '../../experiment/types';
import { checkOutDir, defaultOutDir, writeAtomicDir } from '../../io/atomicDir';
import { loadSweepScenarios } from '../../io/loadScenario';
import { buildManifest, edgeListFileOf } from '../../io/manifest';
import { appendJournal, journalPath, readJournal, removeJournal, startJournal } from '../../io/sweepJournal';
import { jsonText, sweepCsv, writeText } from '../../io/writeOutputs';
import { metricLayout } from '../../metrics/metricLayout';
import { ComputePool } from '../../node/ComputePool';
import { formatDiagnostic } from '../../scenario/diagnostics';
import { didYouMean } from '../../scenario/didYouMean';
import { type CliIO, progress } from '../context';
import { InputError } from '../errors';
import {
  type ComparisonCliOptions,
  comparisonRerunArgs,
  parseList,
  replicatesOption,
  scaleOption,
  seedOption,
  workersOption,
} from '../options';

export interface SweepCliOptions extends ComparisonCliOptions {
  set: string[];
  charts: boolean;
  metrics: string[];
  segments?: string[];
  resume?: boolean;
}

/** Most `--set` problems printed; the rest are counted. */
const MAX_PROBLEMS = 20;

export function registerSweep(program: Command, io: CliIO): void {
  program
    .command('sweep')
    .description(
      'compare the strategies at every value of one or more parameters (a grid), on the same replicated worlds',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(
      new Option(
        '--set <key=values>',
        'a parameter and its values: key=v1,v2,… or key=lo:hi:n (n evenly spaced); repeat for a grid',
      )
        .argParser((v: string, prev: string[]) => [...prev, v])
        .default([] as string[], 'none; at least one is needed'),
    )
    .option('--strategies <ids>', 'comma-separated strategy ids (default: all)', parseList)
    .option('--baseline <id>', 'strategy to compare against (default: as in compare)')
    .addOption(replicatesOption('replicated worlds per point'))
    .addOption(seedOption('every point uses the same replicated worlds'))
    .addOption(workersOption())
    .addOption(scaleOption())
    .option(
      '--out <dir>',
      'output folder, new or written by trustsim before (default: out/<scenario file name>-sweep)',
    )
    .addOption(
      new Option('--metrics <list>', 'whole-population metrics to chart (see docs/metrics.md)')
        .argParser(parseList)
        .default(['trust', 'net_cny'], 'trust,net_cny'),
    )
    .option(
      '--segments <ids>',
      'also report these segments (e.g. the claimants), in sweep.csv, the verdicts and the charts',
      parseList,
    )
    .option('--no-charts', 'skip the charts')
    .option(
      '--resume',
      'continue an interrupted sweep: only the points its journal (<out>.sweep-journal.jsonl) lacks are run',
    )
    .option('-q, --quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Keys are written as in the scenario file, joined by dots; in a list, a word picks the item with that id:
  model.media.halfLifeDays   model.trust.learningRate   population.segments.fans.agents   network.kind

Examples:
  trustsim sweep scenarios/xiaomi-trust-crisis-2025.yaml --set model.media.halfLifeDays=1,3,7 --replicates 10
  trustsim sweep scenarios/xiaomi-trust-crisis-2025.yaml --set model.recovery.escalationProbability=0:0.6:4 \\
      --strategies passive-firefighting,fair-compensation,honour-and-apologise
  trustsim sweep scenarios/teaching/apology-vs-denial.yaml --set network.kind=erdos-renyi,watts-strogatz \\
      --set network.meanDegree=8,16
  trustsim sweep scenarios/teaching/compensation-dose.yaml --set model.recovery.voucherFactor=0.5:0.8:4 \\
      --segments buyers

Every point runs the same replicated worlds (same seed), so points differ only by the parameter.
Writes <out>/sweep.csv (per point, strategy, segment and metric: mean, 90% interval, 95% CI, and the paired
difference against the baseline with its 90% interval and 95% CI, and p_better; see docs/metrics.md), sweep.json (the points, and per metric whether the best strategy changes
across the sweep, and where that change may be noise: the leader best in fewer than 75% of the replicates), manifest.json, and charts/sweep-<metric>[-<segment>].vl.json and .svg.
Figures are for the whole population; --segments adds segments such as the claimants.

Long sweeps: each finished point is recorded in <out>.sweep-journal.jsonl beside the output folder. After an
interruption, run the same command with --resume: the points already done are not run again, and the outputs
are byte-identical to an uninterrupted run's. The journal is removed once the folder is written.`,
    )
    .action(async (file: string, opts: SweepCliOptions) => {
      await sweepCommand(file, opts, io);
    });
}

/** A summary with only the whole population and `segments` (and no ranking): what sweep.csv uses. */
function slim(summary: CompareSummary, segments: string[]): CompareSummary {
  const keep = new Set(['all', ...segments]);
  return {
    ...summary,
    strategies: summary.strategies.map((st) => ({
      ...st,
      segments: Object.fromEntries(Object.entries(st.segments).filter(([id]) => keep.has(id))),
    })),
    comparisons: summary.comparisons.filter((c) => keep.has(c.segment)),
    ranking: [],
  };
}

export async function sweepCommand(file: string, opts: SweepCliOptions, io: CliIO): Promise<void> {
  if (opts.set.length === 0) {
    throw new InputError(
      'nothing to sweep: give at least one --set key=values',
      'e.g. --set model.media.halfLifeDays=1,3,7 (see trustsim sweep --help)',
    );
  }
  let params: SweepParameter[];
  let grid: ReturnType<typeof sweepGrid>;
  try {
    params = opts.set.map(parseAssignment);
    grid = sweepGrid(params);
  } catch (e) {
    if (e instanceof SweepInputError) throw new InputError(e.message, e.hint);
    throw e;
  }
  const loaded = await loadSweepScenarios(file, params, grid, { scale: opts.scale });
  for (const w of loaded.warnings) io.err(`${formatDiagnostic(w)}\n`);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(`${formatDiagnostic(d)}\n`);
    for (const p of loaded.setProblems.slice(0, MAX_PROBLEMS)) io.err(`${p}\n`);
    const n = loaded.errors.length + loaded.setProblems.length;
    const more = loaded.setProblems.length > MAX_PROBLEMS ? ` (${MAX_PROBLEMS} shown)` : '';
    throw new InputError(`${file}: ${n} problem${n === 1 ? '' : 's'}${more}; nothing was run or written`);
  }
  const scenarios = loaded.scenarios;
  const first = compileModel(scenarios[0], opts.scale);
  let picked: { strategies: string[]; baseline: string | null };
  try {
    picked = resolveStrategies(first, opts.strategies, opts.baseline);
  } catch (e) {
    throw new InputError((e as Error).message, 'see `trustsim list <scenario>` for the ids');
  }
  const segments = opts.segments ?? [];
  for (const id of segments) {
    if (!first.segmentIds.includes(id)) {
      const near = didYouMean(id, first.segmentIds);
      throw new InputError(
        `--segments: unknown segment "${id}"${near ? ` (did you mean "${near}"?)` : ''}`,
        `the scenario has: ${first.segmentIds.join(', ')}`,
      );
    }
  }
  const known = new Set(metricLayout(first).names.flatMap((n) => [n, `${n}_auc`]));
  for (const m of opts.charts ? opts.metrics : []) {
    if (!known.has(m)) {
      const near = didYouMean(m, known);
      throw new InputError(
        `--metrics: unknown metric "${m}"${near ? ` (did you mean "${near}"?)` : ''}`,
        'e.g. trust, grievance, complaints_auc, churned, net_cny (see docs/metrics.md)',
      );
    }
  }
  // The output folder is checked before any work: nothing it holds may be lost.
  const out = opts.out ?? defaultOutDir(file, '-sweep');
  if (checkOutDir(out, [file]) === 'replace' && !opts.quiet)
    io.err(`replacing ${out}, written by an earlier run\n`);
  const replicates = opts.replicates ?? scenarios[0].outputs.replicates;
  const seed = opts.seed ?? scenarios[0].outputs.seed;
  const workers = Math.max(1, Math.min(opts.workers ?? availableParallelism(), replicates));
  const manifest = buildManifest({
    edgeListFile: edgeListFileOf(scenarios[0]),
    command: 'sweep',
    scenarioFile: file,
    seed,
    replicates,
    strategies: picked.strategies,
    baseline: picked.baseline,
    options: { scale: opts.scale, set: opts.set, points: grid.length },
    rerunArgs: [
      ...opts.set.flatMap((s) => ['--set', s]),
      ...comparisonRerunArgs(picked, replicates, seed, opts.scale),
      ...(segments.length > 0 ? ['--segments', segments.join(',')] : []),
      ...(opts.charts ? ['--metrics', opts.metrics.join(',')] : ['--no-charts']),
    ],
  });
  // The journal: what a run with --resume may take over. Its fingerprint is everything that shapes a point's result.
  const journal = journalPath(out);
  const fingerprint = JSON.stringify([
    manifest.trustsim,
    manifest.scenarioHash,
    manifest.edgeListHash ?? null,
    manifest.rerun,
  ]);
  const results: SweepPointResult[] = new Array(grid.length);
  const earlier = readJournal<SweepPointResult>(journal);
  const resumable = earlier.fingerprint === fingerprint && earlier.points === grid.length;
  if (opts.resume) {
    if (earlier.fingerprint !== null && !resumable)
      throw new InputError(
        `${journal} is the journal of another sweep (other options, scenario or trustsim version): nothing to resume`,
        'run the exact command that was interrupted with --resume, or drop --resume to start this sweep afresh',
      );
    if (!opts.quiet)
      io.err(
        earlier.fingerprint === null
          ? `no interrupted sweep to resume (no ${journal}): running every point\n`
          : `resuming: ${earlier.done.size} of ${grid.length} points are done (from ${journal})\n`,
      );
    for (const [p, r] of earlier.done) results[p] = r;
  } else if (resumable && earlier.done.size > 0 && !opts.quiet) {
    io.err(
      `an interrupted run of this sweep left ${earlier.done.size} of ${grid.length} points in ${journal}; ` +
        'starting afresh (add --resume to continue it instead)\n',
    );
  }
  const kept = new Map<number, SweepPointResult>();
  for (let p = 0; p < grid.length; p++) if (results[p] !== undefined) kept.set(p, results[p]);
  const todo = grid.map((_, p) => p).filter((p) => results[p] === undefined);
  startJournal(journal, fingerprint, grid.length, kept);
  const bar = progress(io, `${todo.length} points × ${replicates} replicates`, Boolean(opts.quiet));
  const t0 = performance.now();
  if (todo.length > 0) {
    const pool = new ComputePool(workers);
    try {
      // One stream of (point, replicate) items for the points to run: worker threads go on with the next point
      // while this thread summarises the one just finished. A point's results depend on its scenario and the
      // seed only, so running a subset gives each point the same figures.
      await pool.runPoints(
        {
          scenarios: todo.map((p) => scenarios[p]),
          model: (q) => (todo[q] === 0 ? first : compileModel(scenarios[todo[q]], opts.scale)),
          scale: first.scale,
          strategies: picked.strategies,
          seed,
          replicates,
          onPoint: (q, reps, model) => {
            const p = todo[q];
            const byStrategy = picked.strategies.map((_, s) => reps.map((r) => r.runs[s]));
            const summary = summarise(model, picked.strategies, byStrategy, {
              baseline: picked.baseline,
              seed,
            });
            // Only the segments asked for are kept: a point's per-segment figures are about a megabyte, and a
            // sweep may have a thousand points.
            results[p] = { point: grid[p], summary: slim(summary, segments) };
            appendJournal(journal, p, results[p]);
          },
        },
        { onDone: (d, t) => bar.update(d, t) },
      );
    } finally {
      bar.stop();
      await pool.close();
    }
  } else bar.stop();
  const seconds = (performance.now() - t0) / 1000;
  const rows = sweepRows(results, segments);
  const verdicts = sweepVerdicts(params, results, segments);
  const charts = [];
  if (opts.charts) {
    const { sweepChart } = await import('../../report/sweepChart');
    const titles = new Map(scenarios[0].population.segments.map((sg) => [sg.id, sg.label ?? sg.id]));
    for (const segment of ['all', ...segments]) {
      for (const m of opts.metrics) {
        // A metric a segment does not have (company-level ones) gives no chart for it.
        const chart = sweepChart(params, rows, m, picked.strategies, segment, titles.get(segment) ?? segment);
        if (chart) charts.push(chart);
      }
    }
  }
  const warnings = [...new Set(results.flatMap((r) => r.summary.warnings))].sort();
  const sweepJson = {
    scenario: results[0].summary.scenario,
    title: results[0].summary.title,
    seed,
    replicates,
    strategies: picked.strategies,
    baseline: picked.baseline,
    parameters: params,
    points: results.map((r, i) => ({
      point: i,
      values: Object.fromEntries(params.map((p, k) => [p.key, r.point[k]])),
      best: Object.fromEntries(
        verdicts.map((v) => [v.segment === 'all' ? v.metric : `${v.segment}/${v.metric}`, v.bestByPoint[i]]),
      ),
    })),
    segments: ['all', ...segments],
    verdicts: verdicts.map((v) => ({ segment: v.segment, metric: v.metric, stable: v.stable, text: v.text })),
    warnings,
  };
  const rendered =
    charts.length > 0 ? await (await import('../../io/renderCharts')).renderCharts(charts) : [];
  const written: string[] = [];
  // The folder is written beside `out` and then renamed to it: names are kept relative to it.
  await writeAtomicDir(out, async (dir) => {
    const keep = (f: string) => written.push(relative(dir, f));
    keep(await writeText(dir, 'sweep.csv', sweepCsv(params, rows)));
    keep(await writeText(dir, 'sweep.json', jsonText(sweepJson)));
    keep(await writeText(dir, 'manifest.json', jsonText(manifest)));
    if (rendered.length > 0) {
      const { writeCharts } = await import('../../io/renderCharts');
      for (const f of await writeCharts(join(dir, 'charts'), rendered)) keep(f);
    }
  });
  // The folder holds every point now: the journal is no longer needed.
  removeJournal(journal);
  for (const w of warnings) io.err(`warning: ${w}\n`);
  for (const v of verdicts) io.err(`${v.text}\n`);
  if (!opts.quiet) {
    io.err(
      `swept ${grid.length} point${grid.length === 1 ? '' : 's'} × ${picked.strategies.length} strategies × ` +
        `${replicates} replicates in ${seconds.toFixed(1)} s (${workers} worker${workers === 1 ? '' : 's'}` +
        `${kept.size > 0 ? `; ${kept.size} point${kept.size === 1 ? '' : 's'} taken from the journal` : ''})\n`,
    );
  }
  io.out(`${written.map((f) => join(out, f)).join('\n')}\n`);
}
