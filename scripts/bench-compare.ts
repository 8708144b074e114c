/**
 * Strategy-comparison benchmark (issue: comparison; report): the flagship comparison at its defaults
 * (all strategies, outputs.replicates replicates) through the real CLI, with --workers 1 and --workers 2,
 * without and with the report. Prints one JSON line per configuration (wall seconds, including start-up, and the
 * CPU seconds of all its threads) and a final line with the speed-ups (with and without the report), the time the
 * report adds, and the most two workers could gain given the CPU they use: the one-worker wall time over half the
 * two-worker CPU time.
 * Last, it runs two independent copies of the one-worker run at once (two processes that share nothing) and
 * prints `twoCopiesSpeedup`: twice the one-worker wall time over the time both copies take. That is what this
 * machine gives when the work needs no coordination at all, a practical ceiling for what two workers can gain.
 * Run: npm run bench (after npm run build).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scenario = process.argv[2] ?? 'scenarios/xiaomi-trust-crisis-2025.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'trustsim-bench-'));

/** Wall and CPU seconds of the whole command, and the simulation seconds the CLI reports on stderr. */
function time(workers: number, report: boolean): { wall: number; cpu: number; sim: number } {
  const out = join(tmp, `w${workers}${report ? 'r' : ''}`);
  const cpuFile = join(tmp, `cpu-${workers}${report ? 'r' : ''}.json`);
  const args = [
    '--import',
    './scripts/cpu-at-exit.mjs',
    'bin/trustsim.mjs',
    'compare',
    scenario,
    '--workers',
    String(workers),
    '--out',
    out,
  ];
  if (!report) args.push('--no-report');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, TRUSTSIM_CPU_FILE: cpuFile },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`compare failed (${r.status}): ${r.stderr}`);
  const sim = Number(/in ([0-9.]+) s/.exec(r.stderr)?.[1] ?? Number.NaN);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const usage = JSON.parse(readFileSync(cpuFile, 'utf8')) as { user: number; system: number };
  const cpu = usage.user + usage.system;
  console.log(
    JSON.stringify({
      scenario,
      workers,
      report,
      strategies: manifest.strategies.length,
      replicates: manifest.replicates,
      wallSeconds: +seconds.toFixed(2),
      cpuSeconds: +cpu.toFixed(2),
      simulationSeconds: sim,
      branchingSaving: manifest.branching?.saving,
    }),
  );
  return { wall: seconds, cpu, sim };
}

/** Wall seconds until two one-worker runs started together have both finished. */
async function twoCopies(): Promise<number> {
  const one = (k: number) =>
    new Promise<void>((done, fail) => {
      const args = ['bin/trustsim.mjs', 'compare', scenario, '--workers', '1', '--no-report', '--quiet'];
      const child = spawn(process.execPath, [...args, '--out', join(tmp, `copy${k}`)], { stdio: 'ignore' });
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`copy ${k} failed (${code})`))));
    });
  const t0 = performance.now();
  await Promise.all([one(1), one(2)]);
  return (performance.now() - t0) / 1000;
}

try {
  time(1, false); // warm the file cache
  const w1 = time(1, false);
  const w2 = time(2, false);
  const w1r = time(1, true);
  const w2r = time(2, true);
  const same =
    readFileSync(join(tmp, 'w1', 'summary.json'), 'utf8') ===
      readFileSync(join(tmp, 'w2', 'summary.json'), 'utf8') &&
    readFileSync(join(tmp, 'w1', 'timeseries.csv'), 'utf8') ===
      readFileSync(join(tmp, 'w2', 'timeseries.csv'), 'utf8') &&
    readFileSync(join(tmp, 'w1r', 'report.html'), 'utf8') ===
      readFileSync(join(tmp, 'w2r', 'report.html'), 'utf8');
  console.log(
    JSON.stringify({
      speedupWall: +(w1.wall / w2.wall).toFixed(2),
      speedupSimulation: +(w1.sim / w2.sim).toFixed(2),
      speedupWallWithReport: +(w1r.wall / w2r.wall).toFixed(2),
      reportAddsSeconds: +(w2r.wall - w2.wall).toFixed(2),
      // Even with both cores busy all the time, two workers take at least half their CPU time.
      speedupBound: +(w1.wall / (w2.cpu / 2)).toFixed(2),
      speedupBoundWithReport: +(w1r.wall / (w2r.cpu / 2)).toFixed(2),
      identicalForWorkers1And2: same,
    }),
  );
  const both = await twoCopies();
  console.log(
    JSON.stringify({
      twoCopiesOfWorkers1Seconds: +both.toFixed(2),
      twoCopiesSpeedup: +((2 * w1.wall) / both).toFixed(2),
    }),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
