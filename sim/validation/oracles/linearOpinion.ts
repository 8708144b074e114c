/**
 * O4 and O5: DeGroot and Friedkin–Johnsen on small fixed matrices, given as edge lists with self-loops
 * (scenarios/validation/o4-degroot-*.yaml, o5-friedkin-johnsen.yaml). One agent per segment with fixed initial
 * trust on every facet; the segment rows of the metric cube are then the agents' opinions.
 * These runs are deterministic: the tolerance is the population's clamp of initial facets into [1e-4, 1 − 1e-4]
 * (the limit is a convex combination of x(0), so it moves by at most 1e-4) plus the contraction left after the
 * run, ρ^t (ρ = second eigenvalue modulus of W for DeGroot, spectral radius of ΛW for Friedkin–Johnsen), bounded
 * here by 1e-9.
 */
import type { Scenario } from '../../scenario/schema';
import { lineChart } from '../charts';
import { degrootConsensus, friedkinJohnsenLimit, rowNormalise } from '../closedForms';
import { advance, compile, metricOf, round, scenarioOf, startSim, verdict } from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

const CLAMP = 1e-4;
const CONTRACTION = 1e-9;
const TOLERANCE_RULE =
  'deterministic: 1e-4 (initial facets are kept inside [1e-4, 1 − 1e-4]; the limit is a convex combination of x(0)) + 1e-9 (ρ^t left after the run)';

/** The weight matrix of a scenario's edge list (directed: "u v w" is W[u][v]; undirected: both ways). */
export function edgeListMatrix(sc: Scenario): number[][] {
  const n = sc.population.segments.reduce((s, g) => s + (g.agents ?? 1), 0);
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const line of (sc.network.edges ?? '').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [u, v, w] = t.split(/[\s,]+/).map(Number);
    a[u][v] = w ?? 1;
    if (!sc.network.directed) a[v][u] = w ?? 1;
  }
  return rowNormalise(a);
}

function initialOpinions(sc: Scenario): number[] {
  return sc.population.segments.map((g) => g.trust.ability.mean);
}

/** Run to the end of the calendar; each segment's final trust and the whole path (for the chart). */
function opinions(opts: CheckOptions, file: string) {
  const sc = scenarioOf(opts, file);
  const model = compile(sc);
  const sim = startSim(model, sc.strategies[0].id, sc.outputs.seed, 0);
  advance(sim, model.days);
  const S = model.segmentIds.length;
  const final: number[] = [];
  const path: Array<{ day: number; trust: number; agent: string }> = [];
  for (let s = 0; s < S; s++) {
    final.push(metricOf(sim.w, model.days - 1, 'trust', s + 1));
    for (let d = 0; d < Math.min(model.days, 40); d++)
      path.push({ day: d + 1, trust: metricOf(sim.w, d, 'trust', s + 1), agent: model.segmentIds[s] });
  }
  return { sc, final, path, days: model.days };
}

function degrootCheck(file: string, id: string, claim: string): ValidationCheck {
  return {
    id,
    kind: 'oracle',
    claim,
    source: 'EVIDENCE.md §c O4; DeGroot 1974',
    scenarios: [file],
    run(opts) {
      const { sc, final, path, days } = opinions(opts, file);
      const W = edgeListMatrix(sc);
      const target = degrootConsensus(W, initialOpinions(sc));
      let worst = 0;
      for (const x of final) worst = Math.max(worst, Math.abs(x - target));
      return verdict({
        measured: worst,
        target: 0,
        tolerance: CLAMP + CONTRACTION,
        relation: 'at-most',
        toleranceRule: `largest |x_i(t) − πᵀx(0)| over agents; ${TOLERANCE_RULE}`,
        details: { consensus: round(target), final: final.map((x) => round(x, 8)), days },
        chart: lineChart({
          title: `DeGroot on ${file.replace('o4-degroot-', '')}: opinions converge to πᵀx(0) = ${round(target, 4)}`,
          rows: path,
          x: 'day',
          xTitle: 'day',
          y: 'trust',
          yTitle: 'opinion (trust)',
          series: 'agent',
          targets: [{ label: 'πᵀx(0)', value: target }],
        }),
      });
    },
  };
}

export const degrootPath = degrootCheck(
  'o4-degroot-path',
  'o4-degroot-path',
  'DeGroot x(t+1) = Wx(t) with W = [[.5,.5,0],[.25,.5,.25],[0,.5,.5]] and x(0) = (1,0,0) reaches consensus πᵀx(0) = 0.25 (π = (.25,.5,.25)).',
);

export const degrootStar = degrootCheck(
  'o4-degroot-star',
  'o4-degroot-star',
  'DeGroot on a star with self-loops (W = D⁻¹A, hub at 0, three leaves at 1) reaches the degree-weighted consensus 0.6.',
);

export const friedkinJohnsen: ValidationCheck = {
  id: 'o5-friedkin-johnsen',
  kind: 'oracle',
  claim:
    'Friedkin–Johnsen x(t+1) = ΛWx(t) + (I − Λ)x(0) with the W of O4, Λ = 0.8·I and x(0) = (1,0,0) converges to x* = (I − ΛW)⁻¹(I − Λ)x(0) = (0.4667, 0.2, 0.1333): no consensus.',
  source: 'EVIDENCE.md §c O5; Friedkin & Johnsen 1990',
  scenarios: ['o5-friedkin-johnsen'],
  run(opts) {
    const { sc, final, path, days } = opinions(opts, 'o5-friedkin-johnsen');
    const W = edgeListMatrix(sc);
    const lambda = sc.population.segments.map((g) => g.susceptibility);
    const target = friedkinJohnsenLimit(W, lambda, initialOpinions(sc));
    let worst = 0;
    for (let i = 0; i < final.length; i++) worst = Math.max(worst, Math.abs(final[i] - target[i]));
    return verdict({
      measured: worst,
      target: 0,
      tolerance: CLAMP + CONTRACTION,
      relation: 'at-most',
      toleranceRule: `largest |x_i(t) − x*_i| over agents; ${TOLERANCE_RULE}`,
      details: {
        limit: target.map((x) => round(x)),
        final: final.map((x) => round(x, 8)),
        spread: round(Math.max(...final) - Math.min(...final)),
        days,
      },
      chart: lineChart({
        title: 'Friedkin–Johnsen: stubbornness keeps disagreement',
        rows: path,
        x: 'day',
        xTitle: 'day',
        y: 'trust',
        yTitle: 'opinion (trust)',
        series: 'agent',
        targets: target.map((v, i) => ({ label: `x*${i}`, value: v })),
      }),
    });
  },
};
