/** Shared plumbing of the validation checks: scenario overrides, runs, metric reads, statistics, verdicts. */
import { compileModel, type Model } from '../engine/compileModel';
import { createRuntime, type StrategyRuntime } from '../engine/decideStrategy';
import { buildStructure, initWorld, type Structure } from '../engine/run';
import { step } from '../engine/step';
import type { World } from '../engine/World';
import { runReplicate } from '../experiment/runReplicate';
import { mean, sd } from '../experiment/stats';
import { type Scenario, scenarioSchema } from '../scenario/schema';
import type { CheckOptions, CheckResult, Relation } from './types';

export { mean, sd };

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isPlain(base) || !isPlain(patch)) return patch === undefined ? base : patch;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v);
  return out;
}

/** A deep patch: objects merge key by key, arrays and scalars replace. */
export type Patch = Plain;

/** The scenario with `patch` merged in, validated again by the schema (so defaults and ranges still hold). */
export function override(sc: Scenario, patch: Patch): Scenario {
  return scenarioSchema.parse(merge(structuredClone(sc), patch));
}

/** The scenario file of scenarios/validation by name; a missing one is a programming error. */
export function scenarioOf(opts: CheckOptions, name: string): Scenario {
  const sc = opts.scenarios[name];
  if (!sc) throw new Error(`validation scenario "${name}" is not loaded (scenarios/validation/${name}.yaml)`);
  return sc;
}

/** Compute once per validation run (checks that share one simulation). */
export function memo<T>(opts: CheckOptions, key: string, compute: () => T): T {
  const cache = opts.cache;
  if (!cache) return compute();
  const k = `${opts.size}:${key}`;
  if (!cache.has(k)) cache.set(k, compute());
  return cache.get(k) as T;
}

export interface Sim {
  model: Model;
  structure: Structure;
  w: World;
  rt: StrategyRuntime;
}

/** A world at day 0 for one strategy on replicate r (common random numbers: same seed, same structure). */
export function startSim(
  model: Model,
  strategy: string,
  seed: number,
  replicate: number,
  structure?: Structure,
): Sim {
  const st = model.strategies.find((s) => s.id === strategy);
  if (!st) throw new Error(`unknown strategy "${strategy}"`);
  const s = structure ?? buildStructure(model, seed, replicate);
  return { model, structure: s, w: initWorld(model, s, seed, replicate), rt: createRuntime(st) };
}

/** Step whole days; `onDay(w)` after each (w.s.day is then the number of days done). Stops early when it returns true. */
export function advance(sim: Sim, days: number, onDay?: (w: World) => boolean | undefined): void {
  for (let d = 0; d < days && sim.w.s.day < sim.model.days; d++) {
    step(sim.w, sim.rt);
    if (onDay?.(sim.w)) return;
  }
}

export function compile(sc: Scenario): Model {
  return compileModel(sc);
}

/** One cell of a world's metric cube: values[(day·(S+1) + row)·M + metric]; row 0 = all segments. */
export function metricOf(w: World, day: number, name: string, row = 0): number {
  const M = w.layout.names.length;
  const j = w.layout.index[name];
  if (j === undefined) throw new Error(`no metric ${name}`);
  return w.s.values[(day * (w.pop.segments + 1) + row) * M + j];
}

/** Row of a segment in the metric cube (1-based; 0 is "all"). */
export function rowOf(model: Model, segment: string): number {
  const i = model.segmentIds.indexOf(segment);
  if (i < 0) throw new Error(`unknown segment ${segment}`);
  return i + 1;
}

/** Pearson correlation of paired samples. */
export function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i] - mx;
    const b = y[i] - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Standard error of a mean from its sample (replicate SD / √n); 0 for fewer than two values. */
export function standardError(xs: number[]): number {
  return xs.length < 2 ? 0 : sd(xs) / Math.sqrt(xs.length);
}

/** Does `measured` stand in `relation` to `target` within `tolerance`? */
export function holds(
  measured: number,
  target: number | [number, number],
  tolerance: number,
  relation: Relation,
): boolean {
  if (!Number.isFinite(measured)) return false;
  const t = typeof target === 'number' ? target : Number.NaN;
  switch (relation) {
    case 'equal':
      return Math.abs(measured - t) <= tolerance;
    case 'within': {
      const [lo, hi] = target as [number, number];
      return measured >= lo - tolerance && measured <= hi + tolerance;
    }
    case 'at-least':
      return measured >= t - tolerance;
    case 'at-most':
      return measured <= t + tolerance;
    case 'greater':
      return measured > t + tolerance;
  }
}

/** A check result with its verdict computed from the relation. */
export function verdict(r: Omit<CheckResult, 'pass'>): CheckResult {
  return { ...r, pass: holds(r.measured, r.target, r.tolerance, r.relation) };
}

/** Round for reports (keeps the JSON readable; verdicts are computed before rounding). */
export function round(x: number, digits = 6): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Reads one cell of a run's metric cube: (day, metric, row = 0 for all segments). */
export type Cell = (day: number, name: string, row?: number) => number;

/**
 * Every strategy of a model on replicates 0..R−1 with common random numbers (runReplicate: one population and
 * network per replicate, shared prefixes branched): per replicate, strategy id → a reader of its metric cube.
 */
export function strategyCells(
  model: Model,
  strategies: string[],
  replicates: number,
): Array<Record<string, Cell>> {
  const out: Array<Record<string, Cell>> = [];
  const rows = model.segmentIds.length + 1;
  for (let r = 0; r < replicates; r++) {
    const rep = runReplicate(model, strategies, model.scenario.outputs.seed, r);
    const row: Record<string, Cell> = {};
    rep.runs.forEach((res, k) => {
      const M = res.layout.names.length;
      const values = res.values;
      row[strategies[k]] = (day, name, seg = 0) => {
        const j = res.layout.index[name];
        if (j === undefined) throw new Error(`no metric ${name}`);
        return values[(day * rows + seg) * M + j];
      };
    });
    out.push(row);
  }
  return out;
}

/** Like strategyCells, reduced at once to one number per strategy and replicate. */
export function strategyMetric(
  model: Model,
  strategies: string[],
  replicates: number,
  pick: (cell: Cell) => number,
): Array<Record<string, number>> {
  return strategyCells(model, strategies, replicates).map((row) =>
    Object.fromEntries(strategies.map((id) => [id, pick(row[id])])),
  );
}
