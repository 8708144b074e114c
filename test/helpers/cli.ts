/**
 * In-process CLI harness: `runCli` with a capturing io (stdout/stderr as strings, not a TTY), temporary
 * folders under os.tmpdir(), and a guard that the bundled worker (dist/worker.mjs) exists and is not older
 * than the sources before a test spreads replicates over worker threads.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../../sim/cli/context';
import { runCli } from '../../sim/cli/main';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FLAGSHIP = join(ROOT, 'scenarios/xiaomi-trust-crisis-2025.yaml');

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** An io that collects everything written; never a TTY (no progress bars). */
export function captureIO(env: Record<string, string | undefined> = { NO_COLOR: '1' }): CliIO & {
  stdout: () => string;
  stderr: () => string;
} {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (t) => {
      out.push(t);
    },
    err: (t) => {
      err.push(t);
    },
    isTTY: false,
    env,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** Run `trustsim <argv…>` in this process and return the exit code with what went to stdout and stderr. */
export async function cli(...argv: string[]): Promise<CliResult> {
  const io = captureIO();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** A fresh temporary folder; call the returned `cleanup` in afterAll/afterEach. */
export function tempDir(prefix = 'trustsim-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Lines that look like a JavaScript stack frame. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s{4}at /.test(l));
}

/** Files under `dir` (recursive), relative paths. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile());
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const f of filesUnder(dir))
    if (f.endsWith('.ts')) newest = Math.max(newest, statSync(join(dir, f)).mtimeMs);
  return newest;
}

/**
 * runReplicates with workers > 1 loads dist/worker.mjs: build it when it is missing or older than sim/
 * (`npm test` builds first anyway; this keeps a bare `vitest run <file>` honest after an edit in sim/).
 */
export function ensureWorkerBuilt(): void {
  const worker = join(ROOT, 'dist/worker.mjs');
  if (existsSync(worker) && statSync(worker).mtimeMs >= newestMtime(join(ROOT, 'sim'))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** Every shipped scenario file (scenarios/**\/*.yaml), absolute paths, sorted. */
export function shippedScenarios(): string[] {
  const dir = join(ROOT, 'scenarios');
  return filesUnder(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** Parse a tidy CSV (no quoted fields needed for our ids) into a header and rows. */
export function parseCsv(text: string): { header: string; rows: string[][] } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { header: lines[0], rows: lines.slice(1).map((l) => l.split(',')) };
}
