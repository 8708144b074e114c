/**
 * Determinism of `trustsim compare`: the same seed gives byte-identical summary.json and timeseries.csv
 * (and manifest.json) for --workers 1, 2 (and 3, uneven) and on a rerun; a different seed gives different output.
 * Runs on the starter scenario and on the flagship, both small (--scale below 1, 4 replicates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureWorkerBuilt, FLAGSHIP, tempDir } from '../helpers/cli';

const FILES = ['summary.json', 'timeseries.csv', 'manifest.json'];
const tmp = tempDir('trustsim-determinism-');
afterAll(tmp.cleanup);

type Output = Record<string, string>;

async function compareOnce(scenario: string, tag: string, args: string[]): Promise<Output> {
  const out = join(tmp.dir, tag);
  const r = await cli('compare', scenario, '--no-report', '--quiet', '--out', out, ...args);
  if (r.code !== 0) throw new Error(`compare ${args.join(' ')} exited ${r.code}: ${r.err}`);
  return Object.fromEntries(FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

const cases = [
  {
    name: 'starter scenario',
    file: () => join(tmp.dir, 'starter.yaml'),
    scale: '0.2',
    seed: '5',
    workers: ['2', '3'],
  },
  { name: 'flagship', file: () => FLAGSHIP, scale: '0.1', seed: '2025', workers: ['2'] },
];

beforeAll(async () => {
  ensureWorkerBuilt();
  expect((await cli('init', join(tmp.dir, 'starter.yaml'))).code).toBe(0);
});

describe.each(cases)('compare is deterministic ($name)', ({ name, file, scale, seed, workers }) => {
  const common = ['--replicates', '4', '--scale', scale];
  const runs: Record<string, Output> = {};
  beforeAll(async () => {
    const tag = name.replace(/\W+/g, '-');
    runs.w1 = await compareOnce(file(), `${tag}-w1`, [...common, '--seed', seed, '--workers', '1']);
    runs.w1again = await compareOnce(file(), `${tag}-w1-again`, [
      ...common,
      '--seed',
      seed,
      '--workers',
      '1',
    ]);
    for (const w of workers)
      runs[`w${w}`] = await compareOnce(file(), `${tag}-w${w}`, [...common, '--seed', seed, '--workers', w]);
    runs.other = await compareOnce(file(), `${tag}-other-seed`, [
      ...common,
      '--seed',
      String(Number(seed) + 1),
      '--workers',
      '1',
    ]);
  });

  it.each(FILES)('%s: --workers 1 and --workers N give the same bytes', (f) => {
    expect(runs.w1[f].length).toBeGreaterThan(100);
    for (const w of workers) expect(runs[`w${w}`][f] === runs.w1[f], `--workers ${w}`).toBe(true);
  });

  it.each(FILES)('%s: a rerun gives the same bytes', (f) => {
    expect(runs.w1again[f] === runs.w1[f]).toBe(true);
  });

  it.each(['summary.json', 'timeseries.csv'])('%s: a different seed gives different output', (f) => {
    expect(runs.other[f] === runs.w1[f]).toBe(false);
  });

  it('a different seed changes the numbers, not just the seed field', () => {
    const a = JSON.parse(runs.w1['summary.json']);
    const b = JSON.parse(runs.other['summary.json']);
    expect(b.seed).toBe(a.seed + 1);
    expect(b.strategies.map((s: { id: string }) => s.id)).toEqual(
      a.strategies.map((s: { id: string }) => s.id),
    );
    const differ = a.strategies.filter(
      (s: { metrics: { trust: { mean: number } } }, i: number) =>
        s.metrics.trust.mean !== b.strategies[i].metrics.trust.mean,
    );
    expect(differ.length).toBe(a.strategies.length);
  });
});
