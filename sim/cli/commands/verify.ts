/**
 * `trustsim verify <dir>`: reruns the command that wrote an output folder, from its manifest, into a fresh folder
 * and compares every file byte for byte. The manifest's `rerun` line names the command, the scenario (the path as
 * typed, relative to the folder the command ran in) and every option that shapes the outputs; its `scenarioHash`
 * (and `edgeListHash`) say whether the scenario is still the one the folder was written from.
 */
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { isWithin, onInterrupt } from '../../io/atomicDir';
import { fileHash, shellWords, VERSION } from '../../io/manifest';
import type { CliIO } from '../context';
import { InputError, NotReproducedError } from '../errors';

/** Runs `trustsim <argv…>` with the given io and returns its exit code (main's runCli, handed in). */
export type RunCli = (argv: string[], io: CliIO) => Promise<number>;

/** The commands whose folders carry a manifest with a rerun line. */
const RERUNNABLE = new Set(['run', 'compare', 'sweep']);

/**
 * Files under `dir`, recursively, as sorted relative paths with `/` separators. A symbolic link counts as the file
 * it names; a broken one is listed too (the rerun never writes it, so it comes out "extra"), not a crash.
 */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => {
      const st = statSync(join(dir, f), { throwIfNoEntry: false });
      return st ? st.isFile() : lstatSync(join(dir, f)).isSymbolicLink();
    })
    .map((f) => f.split(/[\\/]/).join('/'))
    .sort();
}

/** Where two files first differ: "line L" for text, else "byte B" (1-based); null when identical. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  if (i === n && a.length === b.length) return null;
  let line = 1;
  let text = true;
  for (let k = 0; k < i; k++) {
    if (a[k] === 10) line++;
    else if (a[k] === 0) text = false;
  }
  if (i === n)
    return `${a.length < b.length ? 'the original' : 'the rerun'} ends first, at ${text ? `line ${line}` : `byte ${i + 1}`}`;
  return text ? `from line ${line}` : `from byte ${i + 1}`;
}

interface Manifest {
  command: string;
  rerun: string;
  scenarioHash?: string;
  edgeListFile?: string;
  edgeListHash?: string;
  trustsim?: string;
  node?: string;
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError(
      `${dir} is not a folder`,
      'give a folder written by trustsim run --out, compare or sweep',
    );
  if (!existsSync(file))
    throw new InputError(
      `${dir} has no manifest.json`,
      'verify reruns a folder written by trustsim run --out, compare or sweep (they write manifest.json)',
    );
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof m.command !== 'string' || !RERUNNABLE.has(m.command) || typeof m.rerun !== 'string')
    throw new InputError(
      `${file} is not a trustsim run, compare or sweep manifest (it needs "command" and "rerun")`,
      'give a folder written by trustsim run --out, compare or sweep',
    );
  return m as unknown as Manifest;
}

/**
 * The folder the original command ran in, as far as it can be told: the manifest gives the scenario's path as
 * typed there. The current folder when the path is absolute; else the current folder or the nearest folder above
 * the output folder (an output folder usually sits inside the project it was written from, e.g. out/flagship)
 * from which the path names the scenario with the manifest's `hash`, else the first of them from which it names a
 * file at all. The scenario's hash is checked afterwards either way.
 */
export function runFolder(typed: string, dir: string, hash?: string): string {
  if (isAbsolute(typed)) return process.cwd();
  // Where the path names a file: the current folder first, then the folders above the output folder. The first
  // where the file has the manifest's hash wins (the current folder may hold another copy, e.g. another checkout
  // of the same project); else the first where it exists, whose hash is then reported as changed.
  const found: string[] = [];
  if (existsSync(typed)) found.push(process.cwd());
  for (let a = resolve(dir); ; a = dirname(a)) {
    if (existsSync(join(a, typed)) && !found.includes(a)) found.push(a);
    if (dirname(a) === a) break;
  }
  const same = (base: string) => fileHash(resolve(base, typed)) === hash;
  return (hash !== undefined ? found.find(same) : undefined) ?? found[0] ?? process.cwd();
}

/** The words of the manifest's rerun line (shellWords), or bad input (exit 2) when it cannot be read. */
function rerunLine(m: Manifest): string[] {
  try {
    return shellWords(m.rerun);
  } catch (e) {
    throw new InputError(`the manifest's rerun line cannot be read: ${(e as Error).message}`);
  }
}

/**
 * The rerun's words after `trustsim`: [command, scenario, options…], checked against the manifest; the scenario
 * (and edge list) paths are read from `base`, the folder the command is rerun in. `words` is the rerun line.
 */
function rerunWords(m: Manifest, words: string[], dir: string, base: string): string[] {
  if (words[0] !== 'trustsim' || words[1] !== m.command || words.length < 3)
    throw new InputError(
      `the manifest's rerun line does not start with \`trustsim ${m.command} <scenario>\`: ${m.rerun}`,
    );
  const rest = words.slice(1);
  if (rest.some((w) => w === '--out' || w.startsWith('--out=')))
    throw new InputError(`the manifest's rerun line names an output folder: ${m.rerun}`);
  const scenario = rest[1];
  const at = (file: string) => resolve(base, file);
  if (!existsSync(at(scenario)))
    throw new InputError(
      `the scenario ${scenario} that wrote ${dir} is not there`,
      'the manifest gives the path as typed: run verify from the folder the original command ran in',
    );
  const hashOf = (file: string) => fileHash(at(file));
  if (m.scenarioHash !== undefined && hashOf(scenario) !== m.scenarioHash)
    throw new InputError(
      `${at(scenario)} has changed since ${dir} was written (hash ${m.scenarioHash} then, ${hashOf(scenario)} now)`,
      'a changed scenario gives other outputs: verify against the scenario version the folder was written from',
    );
  if (m.edgeListFile !== undefined && m.edgeListHash !== undefined) {
    if (!existsSync(at(m.edgeListFile)))
      throw new InputError(
        `the edge list ${m.edgeListFile} that ${scenario} reads is not there`,
        'run verify from the folder the original command ran in',
      );
    if (hashOf(m.edgeListFile) !== m.edgeListHash)
      throw new InputError(
        `the edge list ${at(m.edgeListFile)} has changed since ${dir} was written`,
        'a changed network gives other outputs: verify against the edge list the folder was written from',
      );
  }
  return rest;
}

/** The absolute path with symbolic links resolved, for the part of it that exists. */
function canonicalPath(p: string): string {
  const abs = resolve(p);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(canonicalPath(parent), basename(abs));
}

/**
 * The rerun may not be written into the folder being checked, inside it, or around it: the command replaces its
 * output folder whole, so the original would be overwritten (and then compared with itself) or deleted.
 */
function checkRerunFolder(dir: string, out: string): void {
  const d = canonicalPath(dir);
  const o = canonicalPath(out);
  if (isWithin(o, d) || isWithin(d, o))
    throw new InputError(
      `--out ${out} ${o === d ? 'is' : isWithin(o, d) ? 'is inside' : 'contains'} ${dir}, the folder being verified: the rerun would overwrite it`,
      'keep the rerun in a separate folder',
    );
}

export interface VerifyOptions {
  out?: string;
  quiet?: boolean;
  /** The global --debug: passed on to the rerun (and its `report --png`), so that its errors show their stack. */
  debug?: boolean;
}

/** One file's verdict. */
interface FileVerdict {
  file: string;
  status: 'identical' | 'differs' | 'missing' | 'extra';
  detail?: string;
}

export async function verifyCommand(
  dir: string,
  opts: VerifyOptions,
  io: CliIO,
  runCli: RunCli,
): Promise<void> {
  const manifest = readManifest(dir);
  if (opts.out !== undefined) checkRerunFolder(dir, opts.out);
  const line = rerunLine(manifest);
  const base = runFolder(line[2] ?? '', dir, manifest.scenarioHash);
  const words = rerunWords(manifest, line, dir, base);
  const moved = base !== process.cwd();
  const env: string[] = [];
  if (manifest.trustsim !== undefined && manifest.trustsim !== VERSION)
    env.push(`trustsim ${manifest.trustsim} wrote it, this is ${VERSION}`);
  if (manifest.node !== undefined && manifest.node !== process.version)
    env.push(`Node ${manifest.node} wrote it, this is ${process.version} (the manifest records it)`);
  for (const e of env) io.err(`note: ${e}\n`);
  if (!opts.quiet) io.err(`rerunning${moved ? ` in ${base}` : ''}: ${manifest.rerun}\n`);

  const scratch = opts.out === undefined ? mkdtempSync(join(tmpdir(), 'trustsim-verify-')) : null;
  // An interrupt removes the temporary rerun too, then the process dies of the same signal (as writeAtomicDir does).
  const off =
    scratch === null ? () => undefined : onInterrupt(() => rmSync(scratch, { recursive: true, force: true }));
  // Absolute, since the rerun may run in another folder.
  const out = resolve(opts.out ?? join(scratch as string, 'rerun'));
  // --debug is not in the rerun line (it does not shape the outputs), but a failing rerun should show its stack.
  const debug = opts.debug ? ['--debug'] : [];
  try {
    // The rerun's file list (stdout) is not wanted here; its progress, warnings and errors go to stderr.
    // With --quiet its stderr (warnings, verdicts) is kept back, and shown only if the rerun fails.
    const held: string[] = [];
    const child: CliIO = {
      ...io,
      out: () => {},
      ...(opts.quiet ? { err: (t: string) => void held.push(t) } : {}),
    };
    // The rerun runs where the scenario's path, as typed, names it, so the manifest it writes is the same.
    const here = process.cwd();
    if (moved) process.chdir(base);
    let code: number;
    try {
      code = await runCli([...words, '--out', out, ...(opts.quiet ? ['--quiet'] : []), ...debug], child);
    } finally {
      if (moved) process.chdir(here);
    }
    if (code !== 0) {
      for (const t of held) io.err(t);
      const msg = `the rerun \`${manifest.rerun}\` failed (exit ${code})`;
      if (code === 2) throw new InputError(msg, 'its error is above');
      throw new Error(msg);
    }
    const before = filesUnder(dir);
    // PNG charts in a compare folder whose rerun line has no --png were added by `trustsim report <dir> --png`:
    // do the same to the rerun, so that they are compared too.
    if (
      manifest.command === 'compare' &&
      !words.includes('--png') &&
      before.some((f) => /^charts\/[^/]+\.png$/.test(f))
    ) {
      if (!opts.quiet)
        io.err('the folder has PNG charts from `trustsim report --png`: rendering them for the rerun too\n');
      const png = await runCli(['report', out, '--png', ...debug], child);
      if (png !== 0) {
        for (const t of held) io.err(t);
        throw new Error(`\`trustsim report ${out} --png\` on the rerun failed (exit ${png})`);
      }
    }
    const after = new Set(filesUnder(out));
    const verdicts: FileVerdict[] = [];
    for (const f of before) {
      if (!after.has(f)) {
        verdicts.push({ file: f, status: 'extra', detail: 'the rerun does not write it' });
        continue;
      }
      after.delete(f);
      const d = firstDifference(readFileSync(join(dir, f)), readFileSync(join(out, f)));
      verdicts.push(
        d === null ? { file: f, status: 'identical' } : { file: f, status: 'differs', detail: d },
      );
    }
    for (const f of after)
      verdicts.push({ file: f, status: 'missing', detail: `the rerun writes it, ${dir} lacks it` });
    verdicts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const width = Math.max(...verdicts.map((v) => v.status.length));
    for (const v of verdicts)
      io.out(`${v.status.padEnd(width)}  ${v.file}${v.detail ? `  (${v.detail})` : ''}\n`);
    const bad = verdicts.filter((v) => v.status !== 'identical');
    if (opts.out !== undefined && !opts.quiet)
      io.err(`the rerun is in ${relative(process.cwd(), out) || '.'}\n`);
    if (bad.length > 0)
      throw new NotReproducedError(
        `${bad.length} of the ${verdicts.length} files of ${dir} differ from a rerun (${bad.map((v) => v.file).join(', ')})`,
        env.length > 0
          ? `${env.join('; ')}: the manifest (which the report also holds) records that`
          : undefined,
      );
    if (!opts.quiet) io.err(`reproduced: all ${verdicts.length} files of ${dir} are byte-identical\n`);
  } finally {
    off();
    if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  }
}

export function registerVerify(program: Command, io: CliIO, runCli: RunCli): void {
  program
    .command('verify')
    .description(
      'rerun the command that wrote an output folder, from its manifest, and check that every file comes out byte-identical',
    )
    .argument('<dir>', 'a folder written by `trustsim run --out`, `compare` or `sweep`')
    .option(
      '--out <dir>',
      'keep the rerun in this folder, apart from <dir> (default: a temporary folder, removed afterwards)',
    )
    .option(
      '-q, --quiet',
      "no progress, and the rerun's warnings only if it fails; the per-file list still goes to stdout",
    )
    .addHelpText(
      'after',
      `
The manifest gives the scenario's path as typed in the folder the original command ran in, and its hash. Run
verify from that folder, or from anywhere when the output folder sits inside it (e.g. out/flagship): verify then
finds the scenario from the nearest folder above it. A scenario changed since is reported (exit 2), not compared.

stdout: one line per file, "identical", "differs" (with the first differing line), "extra" (only in <dir>) or
"missing" (only in the rerun).

Exit codes: 0 every file byte-identical, 3 some file differs, 2 bad input (no manifest, scenario missing or
changed), 1 internal error.

Examples:
  trustsim compare scenarios/xiaomi-trust-crisis-2025.yaml --out out/flagship
  trustsim verify out/flagship
  trustsim verify out/flagship --out out/flagship-rerun     keep the rerun to inspect it`,
    )
    .action(async (dir: string, opts: VerifyOptions) => {
      // --debug is the program's option (before or after the command word).
      const debug = Boolean((program.opts() as { debug?: boolean }).debug);
      await verifyCommand(dir, { ...opts, debug }, io, runCli);
    });
}
