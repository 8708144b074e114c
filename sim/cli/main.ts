#!/usr/bin/env node
/**
 * trustsim command line. Commands stay thin: parse → call the library → write. Everything is testable
 * in-process through `runCli(argv, io)` (commander's exitOverride and configureOutput).
 */
import { Command, CommanderError } from 'commander';
import { OutDirError } from '../io/atomicDir';
import { VERSION } from '../io/manifest';
import { registerCompare } from './commands/compare';
import { registerInit } from './commands/init';
import { registerList } from './commands/list';
import { registerReport } from './commands/report';
import { registerRun } from './commands/run';
import { registerSchema } from './commands/schema';
import { registerSweep } from './commands/sweep';
import { registerValidate } from './commands/validate';
import { registerVerify } from './commands/verify';
import { type CliIO, nodeIO } from './context';
import { fileSystemProblem, InputError, NotReproducedError } from './errors';

export function buildProgram(io: CliIO): Command {
  const program = new Command();
  program
    .name('trustsim')
    .description(
      'Deterministic agent-based simulator of brand trust in a crisis: consumers’ trust in ability, benevolence and integrity reacts to incidents, the company’s responses, media attention and word of mouth.',
    )
    .version(VERSION)
    .option('--debug', 'show stack traces for errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText(
      'after',
      `
Start here:
  trustsim validate scenarios/xiaomi-trust-crisis-2025.yaml     check a scenario
  trustsim list scenarios/xiaomi-trust-crisis-2025.yaml         its strategies, incidents, segments
  trustsim run scenarios/xiaomi-trust-crisis-2025.yaml --strategy silence --out out/silence
  trustsim compare scenarios/xiaomi-trust-crisis-2025.yaml      all strategies + report.html
  trustsim sweep scenarios/xiaomi-trust-crisis-2025.yaml --set model.media.halfLifeDays=1,3,7
  trustsim init my-case.yaml                                     a commented starter scenario
  trustsim verify out/xiaomi-trust-crisis-2025                   rerun a folder from its manifest, byte for byte

Exit codes: 0 ok, 2 bad input (scenario, option or folder), 1 internal error,
3 verify found a file that differs.`,
    );
  registerValidate(program, io);
  registerRun(program, io);
  registerCompare(program, io);
  registerSweep(program, io);
  registerReport(program, io);
  registerList(program, io);
  registerSchema(program, io);
  registerInit(program, io);
  registerVerify(program, io, runCli);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** Runs the CLI and returns the exit code (never calls process.exit). */
export async function runCli(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram(io);
  // `trustsim <typo> --help` would print the general help and exit 0, as if the command existed: drop the
  // --help so that the unknown command is reported (with a suggestion) and exits 2.
  const first = argv.find((a) => !a.startsWith('-'));
  const known = new Set(['help', ...program.commands.map((c) => c.name())]);
  if (first !== undefined && !known.has(first)) argv = argv.filter((a) => a !== '--help' && a !== '-h');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (e instanceof NotReproducedError) {
      io.err(`not reproduced: ${e.message}${e.hint ? `\nnote: ${e.hint}` : ''}\n`);
      return 3;
    }
    if (e instanceof InputError || e instanceof OutDirError) {
      io.err(`error: ${e.message}${e.hint ? `\nhint: ${e.hint}` : ''}\n`);
      if (debug) io.err(`${e.stack}\n`);
      return 2;
    }
    const fs = fileSystemProblem(e);
    if (fs) {
      io.err(`error: ${fs.message}\nhint: ${fs.hint}\n`);
      if (debug && e instanceof Error) io.err(`${e.stack}\n`);
      return 2;
    }
    io.err(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error) io.err(`${e.stack}\n`);
    else io.err('(run again with --debug for the stack trace, and please report it)\n');
    return 1;
  }
}

const isMain =
  typeof process !== 'undefined' &&
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain || (globalThis as { __TRUSTSIM_BIN__?: boolean }).__TRUSTSIM_BIN__) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
