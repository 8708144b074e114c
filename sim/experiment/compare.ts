import type { Model } from '../engine/compileModel';
import type { RunResult } from '../engine/run';
import { didYouMean } from '../scenario/didYouMean';
import { type ReplicateResult, runReplicate } from './runReplicate';
import { aggregateSeries, collectMarkers, summarise } from './summarise';
import type { CompareSummary, EventMarker, SeriesRow } from './types';

export interface CompareOptions {
  strategies: string[];
  baseline: string | null;
  replicates: number;
  seed: number;
  targetHalfWidth?: number;
}

export interface CompareResult {
  summary: CompareSummary;
  series: SeriesRow[];
  markers: EventMarker[];
  /** byStrategy[s][r]: the raw runs, replicate order. */
  byStrategy: RunResult[][];
  branching: {
    simulatedDays: number;
    naiveDays: number;
    /** 1 − simulated/naive: the share of world-days the shared prefixes saved. */
    saving: number;
    branchDay: Record<string, number>;
  };
}

/** "unknown strategy "x" — did you mean "y"? The scenario has: …" */
export function unknownStrategy(id: string, model: Pick<Model, 'strategies'>): string {
  const ids = model.strategies.map((s) => s.id);
  const near = didYouMean(id, ids);
  return `unknown strategy "${id}"${near ? ` (did you mean "${near}"?)` : ''}; the scenario has: ${ids.join(', ')}`;
}

/** Default strategies and baseline: all of them, and passive-firefighting when it exists (else none). */
export function resolveStrategies(
  model: Model,
  strategies?: string[],
  baseline?: string | null,
): { strategies: string[]; baseline: string | null } {
  const ids = strategies && strategies.length > 0 ? strategies : model.strategies.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new Error(`strategy "${twice}" is listed twice`);
  for (const id of ids) {
    if (!model.strategies.some((s) => s.id === id)) {
      throw new Error(unknownStrategy(id, model));
    }
  }
  let b = baseline === undefined ? (model.scenario.outputs.baseline ?? null) : baseline;
  if (b === null && baseline === undefined && ids.includes('passive-firefighting'))
    b = 'passive-firefighting';
  // A --baseline that is no strategy at all: say so (with a did-you-mean), not that it was left out of --strategies.
  if (b !== null && !model.strategies.some((s) => s.id === b)) throw new Error(unknownStrategy(b, model));
  if (b !== null && !ids.includes(b)) {
    const from = baseline === undefined ? ' (the scenario’s outputs.baseline)' : '';
    throw new Error(
      `baseline "${b}"${from} is not among the strategies compared (${ids.join(', ')}); ` +
        `add it to --strategies, or compare against one of them with --baseline ${ids[0]}`,
    );
  }
  return { strategies: ids, baseline: b };
}

/** Puts replicate results (in any order) together into the comparison. Results depend only on replicate indices. */
export function assembleComparison(
  model: Model,
  opts: CompareOptions,
  reps: ReplicateResult[],
): CompareResult {
  const sorted = [...reps].sort((a, b) => a.replicate - b.replicate);
  const byStrategy = opts.strategies.map((_, s) => sorted.map((r) => r.runs[s]));
  const summary = summarise(model, opts.strategies, byStrategy, {
    baseline: opts.baseline,
    seed: opts.seed,
    targetHalfWidth: opts.targetHalfWidth,
  });
  let simulatedDays = 0;
  let naiveDays = 0;
  for (const r of sorted) {
    simulatedDays += r.simulatedDays;
    naiveDays += r.naiveDays;
  }
  const branchDay: Record<string, number> = {};
  for (const id of opts.strategies) branchDay[id] = Math.min(...sorted.map((r) => r.branchDay[id]));
  return {
    summary,
    series: aggregateSeries(byStrategy, opts.strategies),
    markers: collectMarkers(byStrategy, model.dates),
    byStrategy,
    branching: {
      simulatedDays,
      naiveDays,
      saving: naiveDays > 0 ? 1 - simulatedDays / naiveDays : 0,
      branchDay,
    },
  };
}

/** The whole comparison in this thread (browser-safe); the CLI spreads replicates over worker threads instead. */
export function compare(
  model: Model,
  opts: CompareOptions,
  onReplicate?: (done: number, total: number) => void,
): CompareResult {
  const reps: ReplicateResult[] = [];
  for (let r = 0; r < opts.replicates; r++) {
    reps.push(runReplicate(model, opts.strategies, opts.seed, r));
    onReplicate?.(r + 1, opts.replicates);
  }
  return assembleComparison(model, opts, reps);
}
