/**
 * Parameter sweeps: `--set key=values` assignments, the grid of points they span, setting a value at a key path
 * in a raw scenario, and the tidy table and summary of a sweep. Pure, deterministic and browser-safe; the CLI
 * (sim/cli/commands/sweep.ts) validates each point's scenario and runs the comparison at every point.
 *
 * Every point is compared on the same replicated worlds (the same seed and replicate keys), so differences
 * between points, like differences between strategies, come from the parameter and not from chance.
 */
import { metricDirection } from '../metrics/metricLayout';
import type { CompareSummary } from './types';

export type SweepValue = number | string | boolean;

export interface SweepParameter {
  /** Key path as written: `model.media.halfLifeDays`, `population.segments.fans.agents`, `network.kind`. */
  key: string;
  values: SweepValue[];
}

/** Most points a sweep may have (the product of every parameter's value count). */
export const MAX_SWEEP_POINTS = 1000;

/** An assignment the user wrote that cannot be used. */
export class SweepInputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Rounds away binary noise from evenly spaced values (0.1 + 0.2 → 0.3), to 12 significant digits. */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

/** A scalar as YAML would read it: numbers, true/false, else the string itself. */
export function parseScalar(text: string): SweepValue {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  return t;
}

/**
 * Parses one `--set` assignment: `key=v1,v2,…` (a list) or `key=lo:hi:n` (n evenly spaced numbers from lo to
 * hi, both included). Values are numbers, true/false or words.
 */
export function parseAssignment(text: string): SweepParameter {
  const eq = text.indexOf('=');
  if (eq <= 0) {
    throw new SweepInputError(
      `--set ${text}: expected key=values`,
      'e.g. --set model.media.halfLifeDays=1,3,7 or --set model.trust.learningRate=0.05:0.25:5',
    );
  }
  const key = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1).trim();
  if (!/^[A-Za-z_][\w-]*(\.[\w-]+|\[\d+\])*$/.test(key)) {
    throw new SweepInputError(
      `--set ${text}: "${key}" is not a key path`,
      'write keys as in the scenario file, joined by dots: model.media.halfLifeDays, population.segments.fans.agents',
    );
  }
  const range = /^([^:,]+):([^:,]+):([^:,]+)$/.exec(rest);
  if (range) {
    const [lo, hi, n] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isInteger(n) || n < 2) {
      throw new SweepInputError(
        `--set ${text}: a range is lo:hi:n with numbers lo and hi and a whole n ≥ 2`,
        'e.g. 0.05:0.25:5 gives 0.05, 0.1, 0.15, 0.2, 0.25',
      );
    }
    if (n > MAX_SWEEP_POINTS) throw new SweepInputError(`--set ${text}: at most ${MAX_SWEEP_POINTS} values`);
    const values = Array.from({ length: n }, (_, i) => tidy(lo + ((hi - lo) * i) / (n - 1)));
    return { key, values };
  }
  const parts = rest.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw new SweepInputError(`--set ${text}: a value is empty`, 'separate values with commas: 1,3,7');
  }
  const values = parts.map(parseScalar);
  values.forEach((v, i) => {
    // 1e400 reads as a number but overflows to Infinity, which no scenario value can be.
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new SweepInputError(
        `--set ${text}: ${parts[i]} is too large to be a number (it would be infinite)`,
        'write an ordinary number, e.g. 1e6',
      );
    }
  });
  const seen = new Set<string>();
  for (const v of values) {
    const k = JSON.stringify(v);
    if (seen.has(k)) throw new SweepInputError(`--set ${text}: the value ${String(v)} appears twice`);
    seen.add(k);
  }
  return { key, values };
}

/** Every combination of the parameters' values, the last parameter varying fastest. */
export function sweepGrid(params: SweepParameter[]): SweepValue[][] {
  const keys = new Set<string>();
  for (const p of params) {
    if (keys.has(p.key))
      throw new SweepInputError(`--set ${p.key} is given twice`, 'list all its values in one --set');
    keys.add(p.key);
  }
  const total = params.reduce((n, p) => n * p.values.length, 1);
  if (total > MAX_SWEEP_POINTS) {
    throw new SweepInputError(
      `the sweep has ${total} points (${params.map((p) => p.values.length).join(' × ')}), more than ${MAX_SWEEP_POINTS}`,
      'use fewer values per parameter',
    );
  }
  let grid: SweepValue[][] = [[]];
  for (const p of params) grid = grid.flatMap((point) => p.values.map((v) => [...point, v]));
  return grid;
}

/** Splits `a.b[2].c` into ['a', 'b', 2, 'c']. */
export function keyPath(key: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of key.split('.')) {
    const m = /^([^[\]]*)((\[\d+\])*)$/.exec(part);
    if (!m) throw new SweepInputError(`"${key}" is not a key path`);
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/**
 * Sets `value` at `key` in a raw scenario (plain objects and arrays, as read from YAML), creating missing
 * maps on the way. In a list, a word picks the element with that `id` (`population.segments.fans`) and a
 * number (`segments.1` or `segments[1]`) picks by position. Returns a new object; the input is not changed.
 * The result still has to pass the scenario schema: an unknown or misspelt key is reported there.
 */
export function setAtPath(raw: unknown, key: string, value: SweepValue): unknown {
  const path = keyPath(key);
  const root = structuredClone(raw) as Record<string, unknown>;
  let node: unknown = root;
  const where: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      let index: number;
      if (typeof seg === 'number' || /^\d+$/.test(seg)) {
        index = Number(seg);
        if (index >= node.length) {
          throw new SweepInputError(
            `--set ${key}: ${where.join('.')} has ${node.length} item${node.length === 1 ? '' : 's'}, so there is no item ${index}`,
          );
        }
      } else {
        index = node.findIndex(
          (x) => x !== null && typeof x === 'object' && (x as { id?: unknown }).id === seg,
        );
        if (index < 0) {
          const ids = node.map((x) => (x as { id?: unknown })?.id).filter((x) => typeof x === 'string');
          throw new SweepInputError(
            `--set ${key}: ${where.join('.')} has no item with id "${seg}"`,
            ids.length > 0 ? `its ids: ${ids.join(', ')}` : 'pick an item by its position: [0], [1], …',
          );
        }
      }
      if (last) node[index] = value;
      else node = node[index];
      where.push(String(seg));
      continue;
    }
    if (node === null || typeof node !== 'object') {
      throw new SweepInputError(`--set ${key}: ${where.join('.')} is a single value, not a map with keys`);
    }
    const obj = node as Record<string, unknown>;
    const name = String(seg);
    if (last) obj[name] = value;
    else {
      if (obj[name] === undefined || obj[name] === null)
        obj[name] = typeof path[i + 1] === 'number' ? [] : {};
      node = obj[name];
    }
    where.push(name);
  }
  return root;
}

/** A point's values as `key=value` words, for messages and chart labels. */
export function pointLabel(params: SweepParameter[], point: SweepValue[]): string {
  return params.map((p, i) => `${p.key}=${String(point[i])}`).join(', ');
}

export interface SweepPointResult {
  point: SweepValue[];
  summary: CompareSummary;
}

/** One tidy row of sweep.csv: a point, a strategy, a segment ("all" for the whole population) and a metric. */
export interface SweepRow {
  point: number;
  values: SweepValue[];
  strategy: string;
  segment: string;
  metric: string;
  mean: number;
  lo: number;
  hi: number;
  ci95: [number, number] | null;
  /** Paired difference against the baseline at this point (null for the baseline itself, or with no baseline). */
  diff: number | null;
  /** The 5th and 95th percentiles of the per-replicate differences (the spread, not a confidence interval). */
  diffLo: number | null;
  diffHi: number | null;
  /** The 95% CI of the mean paired difference (null with one replicate); absent in rows built by hand. */
  diffCi95?: [number, number] | null;
  pBetter: number | null;
}

/** A strategy's figures for one segment: the whole population for "all". */
function figures(s: CompareSummary['strategies'][number], segment: string) {
  return segment === 'all' ? s.metrics : (s.segments[segment] ?? {});
}

/**
 * Every point's figures per strategy and metric, for the whole population and each of `segments`, with the
 * paired difference against the baseline where the summary has one.
 */
export function sweepRows(results: SweepPointResult[], segments: string[] = []): SweepRow[] {
  const rows: SweepRow[] = [];
  const wanted = ['all', ...segments];
  results.forEach(({ point, summary }, p) => {
    const cmp = new Map<string, CompareSummary['comparisons'][number]>();
    for (const c of summary.comparisons) cmp.set(`${c.strategy}\u0000${c.segment}\u0000${c.metric}`, c);
    for (const segment of wanted) {
      for (const s of summary.strategies) {
        for (const [metric, st] of Object.entries(figures(s, segment))) {
          const c = cmp.get(`${s.id}\u0000${segment}\u0000${metric}`);
          rows.push({
            point: p,
            values: point,
            strategy: s.id,
            segment,
            metric,
            mean: st.mean,
            lo: st.lo,
            hi: st.hi,
            ci95: st.ci95,
            diff: c?.diff ?? null,
            diffLo: c?.lo ?? null,
            diffHi: c?.hi ?? null,
            diffCi95: c?.ci95 ?? null,
            pBetter: c?.pBetter ?? null,
          });
        }
      }
    }
  });
  return rows;
}

/** Metrics whose best strategy the sweep reports per point (those a segment has, for segments). */
export const SWEEP_VERDICT_METRICS = ['trust', 'grievance', 'complaints_auc', 'churned', 'net_cny'];

export interface SweepVerdict {
  /** "all", or a segment id. */
  segment: string;
  metric: string;
  /** The strategy with the best mean at each point (in the metric's direction). */
  bestByPoint: string[];
  /** Whether the best strategy is the same at every point. */
  stable: boolean;
  /**
   * Where the best strategy changes: the points (labels) at which the leader was best in fewer than
   * CLEAR_LEAD_SHARE of the replicates, so that the change may be noise (empty when not known: segments have no
   * ranking).
   */
  closePoints: string[];
  /** Plain-language reading. */
  text: string;
}

/**
 * A leader best in at least this share of a point's replicates (the ranking's pBest) is clearly ahead there;
 * below it, a change of the best strategy across the sweep may be replicate noise.
 */
export const CLEAR_LEAD_SHARE = 0.75;

/**
 * Per metric (for the whole population, then for each of `segments`): which strategy is best at each point, and
 * whether that changes across the sweep.
 */
export function sweepVerdicts(
  params: SweepParameter[],
  results: SweepPointResult[],
  segments: string[] = [],
): SweepVerdict[] {
  const out: SweepVerdict[] = [];
  for (const segment of ['all', ...segments]) {
    for (const metric of SWEEP_VERDICT_METRICS) {
      const value = (s: CompareSummary['strategies'][number]) => figures(s, segment)[metric]?.mean;
      if (results.some((r) => r.summary.strategies.some((s) => value(s) === undefined))) continue;
      const dir = metricDirection(metric);
      const bestByPoint = results.map((r) => {
        let best = r.summary.strategies[0];
        for (const s of r.summary.strategies) if (dir * (value(s)! - value(best)!) > 0) best = s;
        return best.id;
      });
      const stable = bestByPoint.every((b) => b === bestByPoint[0]);
      const name = segment === 'all' ? metric : `${segment} / ${metric}`;
      // The share of replicates in which each point's leader was best (the ranking covers the whole population).
      const close: string[] = [];
      const shares: string[] = [];
      if (segment === 'all' && !stable) {
        results.forEach((r, i) => {
          const row = r.summary.ranking.find((x) => x.metric === metric && x.strategy === bestByPoint[i]);
          if (row && row.pBest < CLEAR_LEAD_SHARE) {
            const label = pointLabel(params, r.point);
            close.push(label);
            shares.push(`${bestByPoint[i]} led at ${label} in only ${Math.round(100 * row.pBest)}%`);
          }
        });
      }
      let text: string;
      if (stable) text = `${name}: ${bestByPoint[0]} is best at every point of the sweep`;
      else {
        // Runs of neighbouring points with the same best strategy: "A at k=1 … k=3; B at k=7".
        const runs: string[] = [];
        for (let i = 0; i < bestByPoint.length; ) {
          let j = i;
          while (j + 1 < bestByPoint.length && bestByPoint[j + 1] === bestByPoint[i]) j++;
          const from = pointLabel(params, results[i].point);
          runs.push(
            `${bestByPoint[i]} at ${i === j ? from : `${from} … ${pointLabel(params, results[j].point)}`}`,
          );
          i = j + 1;
        }
        text = `${name}: the best strategy changes across the sweep: ${runs.join('; ')}`;
        if (close.length > 0) {
          // "b led at k=2 in only 55% of the 4 replicates; a led at k=3 in only 60%"
          shares[0] += ` of the ${results[0].summary.replicates} replicates`;
          text += ` (not clear-cut: ${shares.join('; ')}; the change may be noise, and more replicates would tell)`;
        }
      }
      out.push({ segment, metric, bestByPoint, stable, closePoints: close, text });
    }
  }
  return out;
}
