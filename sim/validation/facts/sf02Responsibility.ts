/**
 * SF2, responsibility dominates response (scenarios/validation/sf02-responsibility-vs-response.yaml): a factorial
 * over crisis cluster {victim, accidental, preventable} × response {deny, diminish, rebuild} on the same seeds and
 * population. The unit is the agent who learned of the crisis by day 14; reputation is its trust change
 * T(day 14) − T(0). Responsibility is coded by the cluster's R (0.2, 0.5, 0.8), the response by accommodativeness
 * (deny 0, diminish 1, rebuild 2). Correlations are computed per replicate over all cells and averaged.
 */
import type { Scenario } from '../../scenario/schema';
import { dotChart } from '../charts';
import {
  advance,
  compile,
  correlation,
  mean,
  memo,
  override,
  round,
  scenarioOf,
  standardError,
  startSim,
  verdict,
} from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

export const SF2_FILE = 'sf02-responsibility-vs-response';
const SIZES = { test: { scale: 0.5, replicates: 3 }, full: { scale: 1, replicates: 8 } };
export const CLUSTERS = ['victim', 'accidental', 'preventable'] as const;
const RESPONSES = ['deny', 'diminish', 'rebuild'] as const;
/** Day the reputation is read (the crisis breaks on day 0). */
const READ_DAY = 14;

/** The scenario at the check's size: every segment's agents (and size, one person each) scaled. */
export function scaled(sc: Scenario, scale: number, patch: Record<string, unknown> = {}): Scenario {
  return override(sc, {
    population: {
      segments: sc.population.segments.map((g) => {
        const a = Math.max(1, Math.round((g.agents ?? g.size) * scale));
        return { ...g, agents: a, size: a };
      }),
    },
    ...patch,
  });
}

interface Factorial {
  rR: number[];
  rS: number[];
  ratio: number[];
  cells: Array<{ cluster: string; response: string; dT: number }>;
  agents: number;
}

function factorial(opts: CheckOptions): Factorial {
  return memo(opts, SF2_FILE, () => {
    const size = SIZES[opts.size];
    const base = scenarioOf(opts, SF2_FILE);
    const models = CLUSTERS.map((cluster) =>
      compile(scaled(base, size.scale, { incidents: [{ ...base.incidents[0], cluster }] })),
    );
    const seed = base.outputs.seed;
    const out: Factorial = { rR: [], rS: [], ratio: [], cells: [], agents: 0 };
    const cellSum = new Float64Array(9);
    const cellN = new Float64Array(9);
    for (let r = 0; r < size.replicates; r++) {
      const X: number[] = [];
      const S: number[] = [];
      const Y: number[] = [];
      let structure: ReturnType<typeof startSim>['structure'] | undefined;
      models.forEach((model, ci) => {
        const R = model.scenario.model.incidents.responsibility[CLUSTERS[ci]];
        RESPONSES.forEach((resp, si) => {
          const sim = startSim(model, resp, seed, r, structure);
          structure = sim.structure;
          advance(sim, READ_DAY + 1);
          const { pop } = sim.structure;
          const f = model.facetW;
          const s = sim.w.s;
          for (let i = 0; i < pop.n; i++) {
            if (s.aware[i] < 0) continue;
            const T0 = f[0] * pop.ability0[i] + f[1] * pop.benevolence0[i] + f[2] * pop.integrity0[i];
            const dT = s.T[i] - T0;
            X.push(R);
            S.push(si);
            Y.push(dT);
            cellSum[ci * 3 + si] += dT;
            cellN[ci * 3 + si]++;
          }
        });
      });
      const rR = correlation(X, Y);
      const rS = correlation(S, Y);
      out.rR.push(rR);
      out.rS.push(rS);
      out.ratio.push(Math.abs(rR) / Math.abs(rS));
      out.agents += Y.length;
    }
    CLUSTERS.forEach((cluster, ci) => {
      RESPONSES.forEach((response, si) => {
        out.cells.push({ cluster, response, dT: cellSum[ci * 3 + si] / cellN[ci * 3 + si] });
      });
    });
    return out;
  });
}

function chart(f: Factorial) {
  return dotChart({
    title: 'SF2: mean trust change of the aware on day 14, by crisis cluster × response',
    rows: f.cells.map((c) => ({ label: `${c.cluster} / ${c.response}`, value: c.dT, group: c.cluster })),
    yTitle: 'trust change T(14) − T(0)',
    sort: f.cells.map((c) => `${c.cluster} / ${c.response}`),
  });
}

const TOL = 'band widened by 4 standard errors of the per-replicate correlation: 4·SD/√R';

export const sf2ResponsibilityCorrelation: ValidationCheck = {
  id: 'sf02-responsibility-correlation',
  kind: 'fact',
  claim:
    'SF2: across a crisis cluster × response factorial, the correlation between attributed responsibility and reputation is −0.54 ± 0.15.',
  source: 'EVIDENCE.md §b SF2 (H); Ma & Zhan 2016 (35 investigations, r = −.54)',
  scenarios: [SF2_FILE],
  run(opts) {
    const f = factorial(opts);
    return verdict({
      measured: mean(f.rR),
      target: [-0.69, -0.39],
      tolerance: 4 * standardError(f.rR),
      relation: 'within',
      toleranceRule: TOL,
      details: { replicates: f.rR.length, agentObservations: f.agents },
      chart: chart(f),
    });
  },
};

export const sf2ResponseCorrelation: ValidationCheck = {
  id: 'sf02-response-correlation',
  kind: 'fact',
  claim:
    'SF2: across the same factorial, the correlation between the response (coded by accommodativeness: deny 0, diminish 1, rebuild 2) and reputation is +0.23 ± 0.12.',
  source: 'EVIDENCE.md §b SF2 (H); Ma & Zhan 2016 (r = .23)',
  scenarios: [SF2_FILE],
  run(opts) {
    const f = factorial(opts);
    return verdict({
      measured: mean(f.rS),
      target: [0.11, 0.35],
      tolerance: 4 * standardError(f.rS),
      relation: 'within',
      toleranceRule: TOL,
      details: { replicates: f.rS.length, agentObservations: f.agents },
    });
  },
};

export const sf2Ratio: ValidationCheck = {
  id: 'sf02-responsibility-dominates-response',
  kind: 'fact',
  claim: 'SF2: responsibility dominates the response: |r(responsibility)| / |r(response)| ∈ [1.5, 3.5].',
  source: 'EVIDENCE.md §b SF2 (H); Ma & Zhan 2016',
  scenarios: [SF2_FILE],
  run(opts) {
    const f = factorial(opts);
    return verdict({
      measured: mean(f.ratio),
      target: [1.5, 3.5],
      tolerance: 4 * standardError(f.ratio),
      relation: 'within',
      toleranceRule: 'band widened by 4 standard errors of the per-replicate ratio: 4·SD/√R',
      details: {
        replicates: f.ratio.length,
        rResponsibility: round(mean(f.rR)),
        rResponse: round(mean(f.rS)),
      },
    });
  },
};
