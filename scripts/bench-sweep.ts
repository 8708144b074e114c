/**
 * Sweep benchmark: the flagship scenario swept over five values of the revenge half-life (its grade-A range,
 * 60–180 days), every strategy at outputs.replicates replicates per point, through the real CLI with --workers 1
 * and 2 (charts off). Prints one JSON line per worker count (wall seconds, world-replicates per second) and one
 * with the speed-up and whether both gave the same sweep.csv.
 * Run: npm run bench:sweep (after npm run build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scenario = process.argv[2] ?? 'scenarios/xiaomi-trust-crisis-2025.yaml';
const set = process.argv[3] ?? 'model.grievance.revengeHalfLifeDays=60:180:5';
const tmp = mkdtempSync(join(tmpdir(), 'trustsim-bench-sweep-'));

function time(workers: number): number {
  const out = join(tmp, `w${workers}`);
  const args = ['bin/trustsim.mjs', 'sweep', scenario, '--set', set, '--workers', String(workers)];
  args.push('--no-charts', '-q', '--out', out);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`sweep failed (${r.status}): ${r.stderr}`);
  const json = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
  const worlds = json.points.length * json.replicates;
  console.log(
    JSON.stringify({
      scenario,
      set,
      workers,
      points: json.points.length,
      strategies: json.strategies.length,
      replicatesPerPoint: json.replicates,
      wallSeconds: +seconds.toFixed(2),
      replicatesPerSecond: +(worlds / seconds).toFixed(2),
    }),
  );
  return seconds;
}

try {
  const w1 = time(1);
  const w2 = time(2);
  const same =
    readFileSync(join(tmp, 'w1', 'sweep.csv'), 'utf8') === readFileSync(join(tmp, 'w2', 'sweep.csv'), 'utf8');
  console.log(JSON.stringify({ speedupWall: +(w1 / w2).toFixed(2), identicalForWorkers1And2: same }));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
