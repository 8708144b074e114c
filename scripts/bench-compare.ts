/**
 * Strategy-comparison benchmark (issue: comparison; report): the flagship comparison at its defaults
 * (all strategies, outputs.replicates replicates) through the real CLI, with --workers 1 and --workers 2,
 * without and with the report. Prints one JSON line per configuration (wall seconds, including start-up)
 * and a final line with the speed-ups (with and without the report) and the time the report adds.
 * Run: npm run bench (after npm run build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scenario = process.argv[2] ?? 'scenarios/xiaomi-trust-crisis-2025.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'trustsim-bench-'));

/** Wall seconds of the whole command, and the simulation seconds the CLI reports on stderr. */
function time(workers: number, report: boolean): { wall: number; sim: number } {
  const out = join(tmp, `w${workers}${report ? 'r' : ''}`);
  const args = ['bin/trustsim.mjs', 'compare', scenario, '--workers', String(workers), '--out', out];
  if (!report) args.push('--no-report');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`compare failed (${r.status}): ${r.stderr}`);
  const sim = Number(/in ([0-9.]+) s/.exec(r.stderr)?.[1] ?? Number.NaN);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  console.log(
    JSON.stringify({
      scenario,
      workers,
      report,
      strategies: manifest.strategies.length,
      replicates: manifest.replicates,
      wallSeconds: +seconds.toFixed(2),
      simulationSeconds: sim,
      branchingSaving: manifest.branching?.saving,
    }),
  );
  return { wall: seconds, sim };
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
      identicalForWorkers1And2: same,
    }),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
