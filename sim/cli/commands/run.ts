import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { compileModel } from '../../engine/compileModel';
import { run } from '../../engine/run';
import { resolveStrategies, unknownStrategy } from '../../experiment/compare';
import { summarise } from '../../experiment/summarise';
import { checkOutDir, writeAtomicDir } from '../../io/atomicDir';
import { buildManifest, edgeListFileOf } from '../../io/manifest';
import { jsonText, rawCsv, writeText } from '../../io/writeOutputs';
import { type CliIO, progress } from '../context';
import { InputError } from '../errors';
import { loadOrFail } from '../loadOrFail';
import { parseIntOption, parseList, scaleOption, seedOption } from '../options';

export interface RunCliOptions {
  strategy?: string;
  seed?: number;
  replicate: number;
  scale: number;
  out?: string;
  format: string[];
  quiet?: boolean;
}

export function registerRun(program: Command, io: CliIO): void {
  program
    .command('run')
    .description('simulate one strategy on one replicated world and write its daily metrics')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--strategy <id>', 'strategy id (default: the baseline, else the first)')
    .addOption(seedOption('with --replicate, it keys the world'))
    .option('--replicate <n>', 'which replicated world', parseIntOption('--replicate', 0, 1_000_000, 3), 0)
    .addOption(scaleOption())
    .option(
      '--out <dir>',
      'write timeseries.csv, summary.json and manifest.json in this folder, new or written by trustsim before (default: the rows as CSV on stdout, or the summary JSON with --format json)',
    )
    .addOption(
      new Option('--format <list>', 'csv, json or both')
        .argParser(parseList)
        .default(['csv', 'json'], 'csv,json'),
    )
    .option('-q, --quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Examples:
  trustsim run scenarios/xiaomi-trust-crisis-2025.yaml --strategy silence --out out/silence
  trustsim run scenarios/teaching/compensation-dose.yaml --strategy cash-1500 --seed 7 > rows.csv

timeseries.csv has tidy rows: strategy, replicate, day, date, segment, metric, value
(counts in real people, ¥ cumulative; see docs/metrics.md).`,
    )
    .action(async (file: string, opts: RunCliOptions) => {
      await runCommand(file, opts, io);
    });
}

export async function runCommand(file: string, opts: RunCliOptions, io: CliIO): Promise<void> {
  for (const f of opts.format) {
    if (f !== 'csv' && f !== 'json')
      throw new InputError(
        `--format takes csv and/or json, got "${f}"`,
        'e.g. --format csv or --format csv,json',
      );
  }
  const scenario = await loadOrFail(file, io, opts.scale);
  const model = compileModel(scenario, opts.scale);
  let strategy = opts.strategy;
  if (!strategy) strategy = resolveStrategies(model).baseline ?? model.strategies[0].id;
  if (!model.strategies.some((s) => s.id === strategy)) {
    throw new InputError(unknownStrategy(strategy, model), 'see `trustsim list <scenario>`');
  }
  // The output folder is checked before any work: nothing it holds may be lost.
  if (opts.out && checkOutDir(opts.out, [file]) === 'replace' && !opts.quiet)
    io.err(`replacing ${opts.out}, written by an earlier run\n`);
  const seed = opts.seed ?? scenario.outputs.seed;
  const bar = progress(io, strategy, Boolean(opts.quiet));
  const t0 = performance.now();
  let result: ReturnType<typeof run>;
  try {
    result = run(model, { strategy, seed, replicate: opts.replicate, onDay: (d, t) => bar.update(d, t) });
  } finally {
    bar.stop();
  }
  const summary = summarise(model, [strategy], [[result]], { baseline: null, seed });
  const csv = rawCsv([result]);
  if (!opts.out) {
    if (opts.format.includes('csv')) io.out(new TextDecoder().decode(csv));
    else io.out(jsonText(summary));
    return;
  }
  const manifest = buildManifest({
    edgeListFile: edgeListFileOf(scenario),
    command: 'run',
    scenarioFile: file,
    seed,
    firstReplicate: opts.replicate,
    replicates: 1,
    strategies: [strategy],
    baseline: null,
    options: { scale: opts.scale, replicate: opts.replicate, format: opts.format },
    rerunArgs: [
      '--strategy',
      strategy,
      '--seed',
      String(seed),
      '--replicate',
      String(opts.replicate),
      ...(opts.scale !== 1 ? ['--scale', String(opts.scale)] : []),
      '--format',
      opts.format.join(','),
    ],
  });
  const written: string[] = [];
  await writeAtomicDir(opts.out, async (dir) => {
    if (opts.format.includes('csv')) written.push(await writeText(dir, 'timeseries.csv', csv));
    if (opts.format.includes('json')) written.push(await writeText(dir, 'summary.json', jsonText(summary)));
    written.push(await writeText(dir, 'manifest.json', jsonText(manifest)));
  });
  for (const w of summary.warnings) io.err(`warning: ${w}\n`);
  if (!opts.quiet)
    io.err(`ran ${strategy} (${model.days} days) in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
  // stdout: every file written, one per line, as compare and report do.
  const out = opts.out;
  io.out(`${written.map((f) => join(out, basename(f))).join('\n')}\n`);
}
