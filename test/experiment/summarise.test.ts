/**
 * summarise and runFigures on the small crisis scenario (seed 11, 4 replicates): the final value and area of
 * every cell, areas that start on a metric's first defined day, per-strategy statistics, and paired comparisons
 * whose direction (larger or smaller is better) follows each metric, recomputed here from the replicates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileModel, type Model } from '../../sim/engine/compileModel';
import { type RunResult, run } from '../../sim/engine/run';
import { isTie } from '../../sim/experiment/paired';
import { areaUnderCurve, metricStats } from '../../sim/experiment/stats';
import { runFigures, summarise } from '../../sim/experiment/summarise';
import type { CompareSummary } from '../../sim/experiment/types';
import { HIGHER_IS_BETTER, metricDirection } from '../../sim/metrics/metricLayout';
import { crisisScenario } from '../helpers/world';

const SEED = 11;
const R = 4;
const IDS = ['passive', 'fair', 'silence'];

let model: Model;
let byStrategy: RunResult[][];
let summary: CompareSummary;

beforeAll(() => {
  model = compileModel(crisisScenario());
  byStrategy = IDS.map((strategy) =>
    Array.from({ length: R }, (_, replicate) => run(model, { strategy, seed: SEED, replicate })),
  );
  summary = summarise(model, IDS, byStrategy, { baseline: 'passive', seed: SEED });
});

/** The daily series of one cell (segment row, metric) of a run. */
function series(res: RunResult, row: number, name: string): number[] {
  const M = res.layout.names.length;
  const rows = res.layout.segments.length;
  const m = res.layout.index[name]!;
  return Array.from({ length: res.days }, (_, d) => res.values[(d * rows + row) * M + m]!);
}

describe('runFigures', () => {
  it('gives each cell’s last-day value and its trapezoid area over the whole calendar', () => {
    const res = byStrategy[0]![0]!;
    const { final, auc } = runFigures(res);
    const M = res.layout.names.length;
    const trust = series(res, 0, 'trust');
    let area = 0;
    for (let d = 1; d < trust.length; d++) area += (trust[d - 1]! + trust[d]!) / 2;
    expect(final[res.layout.index.trust!]).toBe(trust.at(-1));
    expect(auc[res.layout.index.trust!]).toBeCloseTo(area, 9);
    expect(final.length).toBe(res.layout.segments.length * M);
  });

  it('starts the area of a metric undefined at first (claimants’ satisfaction) on its first defined day', () => {
    const res = byStrategy[0]![0]!;
    const row = res.layout.segments.indexOf('claimants');
    expect(row).toBeGreaterThan(0);
    const sat = series(res, row, 'satisfaction');
    const first = sat.findIndex((v) => !Number.isNaN(v));
    expect(first).toBeGreaterThan(0); // undefined before the first incident
    const { auc } = runFigures(res);
    const a = auc[row * res.layout.names.length + res.layout.index.satisfaction!]!;
    expect(Number.isFinite(a)).toBe(true);
    expect(a).toBeCloseTo(areaUnderCurve(sat.slice(first)), 12);
  });
});

describe('summarise', () => {
  it('summarises each strategy’s final values and areas across the replicates', () => {
    for (const [s, id] of IDS.entries()) {
      const st = summary.strategies.find((x) => x.id === id)!;
      const fin = byStrategy[s]!.map((r) => runFigures(r).final[r.layout.index.trust!]!);
      expect(st.metrics.trust).toEqual(metricStats(fin));
    }
    expect(summary.replicates).toBe(R);
    expect(summary.baseline).toBe('passive');
  });

  it('compares every other strategy with the baseline in each metric’s own direction', () => {
    const cs = summary.comparisons;
    expect(cs.length).toBeGreaterThan(0);
    expect(cs.every((c) => c.baseline === 'passive' && c.strategy !== 'passive')).toBe(true);
    for (const c of cs) expect(c.direction, c.metric).toBe(metricDirection(c.metric));
    // Both directions occur, and the headline metrics point the documented way.
    const dir = (metric: string) => cs.find((c) => c.metric === metric && c.segment === 'all')!.direction;
    expect([dir('trust'), dir('net_cny'), dir('satisfaction_auc')]).toEqual([1, 1, 1]);
    expect([dir('complaints'), dir('complaints_auc'), dir('grievance'), dir('churned')]).toEqual([
      -1, -1, -1, -1,
    ]);
    expect(HIGHER_IS_BETTER.has('complaints')).toBe(false);
  });

  it('pBetter and diff agree with the paired replicate values (fair vs passive)', () => {
    const layout = byStrategy[0]![0]!.layout;
    let checked = 0;
    for (const metric of ['trust', 'complaints_auc', 'grievance', 'net_cny']) {
      const name = metric.replace(/_auc$/, '');
      const kind = metric.endsWith('_auc') ? 'auc' : 'final';
      const pick = (s: number) => byStrategy[s]!.map((r) => runFigures(r)[kind][layout.index[name]!]!);
      const fair = pick(1);
      const passive = pick(0);
      const dir = HIGHER_IS_BETTER.has(name) ? 1 : -1;
      let better = 0;
      for (let r = 0; r < R; r++) {
        if (isTie(fair[r]!, passive[r]!)) better += 0.5;
        else if (dir * (fair[r]! - passive[r]!) > 0) better += 1;
      }
      const c = summary.comparisons.find(
        (x) => x.strategy === 'fair' && x.metric === metric && x.segment === 'all',
      );
      expect(c, metric).toBeDefined();
      expect(c!.pBetter, metric).toBe(better / R);
      // Relative tolerance: for ¥ figures (~10⁷) an absolute 1e-9 is below one ulp, and summation order moves the
      // last bit.
      const expected = fair.reduce((a, v, r) => a + v - passive[r]!, 0) / R;
      expect(Math.abs(c!.diff - expected), metric).toBeLessThanOrEqual(
        1e-12 * Math.max(1, Math.abs(expected)),
      );
      checked++;
    }
    expect(checked).toBe(4);
  });
});
