import { churnProbability, purchaseProbability } from '../behaviour/actOnBehaviour';
import { buildExposureClocks, EXPOSURE_PURPOSE, type ExposureClocks } from '../media/exposureClocks';
import type { MetricLayout } from '../metrics/metricLayout';
import { barabasiAlbert } from '../network/barabasiAlbert';
import { completeGraph } from '../network/completeGraph';
import { erdosRenyi } from '../network/erdosRenyi';
import { fromEdgeList } from '../network/fromEdgeList';
import type { Graph } from '../network/Graph';
import { stochasticBlockModel } from '../network/stochasticBlockModel';
import { wattsStrogatz } from '../network/wattsStrogatz';
import { initPopulation, type Population } from '../population/Population';
import { streamKey } from '../rng/hash';
import { Stream } from '../rng/Stream';
import type { NetworkSpec, Scenario } from '../scenario/schema';
import { compileModel, type Model, ModelError } from './compileModel';
import { createRuntime } from './decideStrategy';
import { step } from './step';
import { createWorld, type Marker, type World } from './World';

/** Population and network of one replicate: what every strategy shares (common random numbers). */
export interface Structure {
  pop: Population;
  graph: Graph;
  clocks: ExposureClocks;
}

/** A constructor, not a literal: a literal's field types widen the second time it runs (V8). */
class SharedStructure implements Structure {
  declare pop: Population;
  declare graph: Graph;
  declare clocks: ExposureClocks;

  constructor(pop: Population, graph: Graph, clocks: ExposureClocks) {
    this.pop = pop;
    this.graph = graph;
    this.clocks = clocks;
  }
}

export function buildNetwork(spec: NetworkSpec, pop: Population, seed: number, replicate: number): Graph {
  const rand = new Stream(seed, replicate, 'network').next;
  const n = pop.n;
  const k = Math.min(spec.meanDegree, Math.max(0, n - 1));
  switch (spec.kind) {
    case 'erdos-renyi':
      return erdosRenyi(n, k, rand);
    case 'watts-strogatz': {
      let kk = Math.max(2, 2 * Math.round(k / 2));
      if (kk >= n) kk = n % 2 === 0 ? n - 2 : n - 1;
      return wattsStrogatz(n, Math.max(0, kk), spec.rewire, rand);
    }
    case 'barabasi-albert':
      return barabasiAlbert(n, Math.max(1, Math.min(n - 1, Math.round(k / 2))), rand);
    case 'complete':
      return completeGraph(n);
    case 'edge-list': {
      if (spec.edges === undefined)
        throw new ModelError('network.kind edge-list needs `edges` (or `file`, read by the loader)');
      const g = fromEdgeList(spec.edges, { n, directed: spec.directed });
      if (g.n !== n) throw new ModelError(`the edge list names ${g.n} agents but the population has ${n}`);
      return g;
    }
    default:
      return stochasticBlockModel(pop.segment, pop.segments, k, spec.homophily, rand);
  }
}

export function buildStructure(model: Model, seed: number, replicate: number): Structure {
  const pop = initPopulation(model.scenario.population.segments, model.scale, seed, replicate);
  const graph = buildNetwork(model.scenario.network, pop, seed, replicate);
  const clocks = buildExposureClocks(
    pop,
    model.incidents.length,
    streamKey(seed, replicate, EXPOSURE_PURPOSE),
  );
  return new SharedStructure(pop, graph, clocks);
}

/** A fresh world at day 0 on a shared structure. */
export function initWorld(model: Model, structure: Structure, seed: number, replicate: number): World {
  const w = createWorld(model, structure.pop, structure.graph, seed, replicate, structure.clocks);
  const p = model.scenario.model.behaviour;
  const pop = structure.pop;
  for (let i = 0; i < pop.n; i++) {
    const T = w.s.T[i];
    w.pBuy0[i] = purchaseProbability(p, T, 0);
    w.pChurn0[i] = churnProbability(p, T, 0);
    w.s.pBuy[i] = w.pBuy0[i];
    w.s.buyRateSeg[pop.segment[i]] += w.pBuy0[i] * pop.weight[i];
  }
  return w;
}

export interface RunOptions {
  strategy: string;
  seed: number;
  replicate: number;
  scale?: number;
  /** Called after each day (progress). */
  onDay?: (day: number, days: number) => void;
}

/** The outcome of one run: the metric cube and the dated markers. */
export interface RunResult {
  strategy: string;
  seed: number;
  replicate: number;
  days: number;
  dates: string[];
  layout: MetricLayout;
  /** values[(day·(S+1) + segment)·M + metric]; segment 0 = all. */
  values: Float64Array;
  markers: Marker[];
}

export function resultOf(w: World, strategy: string): RunResult {
  return {
    strategy,
    seed: w.seed,
    replicate: w.replicate,
    days: w.model.days,
    dates: w.model.dates,
    layout: w.layout,
    values: w.s.values,
    markers: w.s.markers.map((mk) => ({ ...mk, strategy })),
  };
}

/** run: one strategy, one replicate, from day 0 to the end of the calendar. */
export function run(scenario: Scenario | Model, opts: RunOptions): RunResult {
  const model =
    'scenario' in scenario && 'days' in scenario
      ? scenario
      : compileModel(scenario as Scenario, opts.scale ?? 1);
  const st = model.strategies.find((s) => s.id === opts.strategy);
  if (!st)
    throw new ModelError(
      `unknown strategy "${opts.strategy}"; the scenario has: ${model.strategies.map((s) => s.id).join(', ')}`,
    );
  const w = initWorld(model, buildStructure(model, opts.seed, opts.replicate), opts.seed, opts.replicate);
  const rt = createRuntime(st);
  for (let d = 0; d < model.days; d++) {
    step(w, rt);
    opts.onDay?.(d + 1, model.days);
  }
  return resultOf(w, st.id);
}
