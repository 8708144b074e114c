/**
 * SF1, negativity asymmetry (scenarios/validation/sf01-negativity.yaml): per agent, the trust change after one bad
 * event and, in a paired world (same seed and population), after one good event of equal nominal magnitude.
 * |ΔT⁻|/|ΔT⁺| is taken over agents with intermediate prior trust (0.4 ≤ T ≤ 0.6) and over agents with T ≥ 0.8.
 */
import { dotChart } from '../charts';
import {
  advance,
  compile,
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

const FILE = 'sf01-negativity';
const SIZES = { test: { agents: 2000, replicates: 4 }, full: { agents: 4000, replicates: 10 } };

interface Ratios {
  mid: number[];
  high: number[];
  midN: number;
  highN: number;
}

function ratios(opts: CheckOptions): Ratios {
  return memo(opts, FILE, () => {
    const size = SIZES[opts.size];
    const base = scenarioOf(opts, FILE);
    const sc = override(base, {
      population: { segments: [{ ...base.population.segments[0], size: size.agents, agents: size.agents }] },
    });
    const model = compile(sc);
    const out: Ratios = { mid: [], high: [], midN: 0, highN: 0 };
    for (let r = 0; r < size.replicates; r++) {
      const bad = startSim(model, 'bad-news', sc.outputs.seed, r);
      const good = startSim(model, 'good-news', sc.outputs.seed, r, bad.structure);
      advance(bad, 2);
      advance(good, 2);
      const pop = bad.structure.pop;
      const T0 = Float64Array.from(bad.w.s.T, (_, i) => {
        const f = model.facetW;
        return f[0] * pop.ability0[i] + f[1] * pop.benevolence0[i] + f[2] * pop.integrity0[i];
      });
      const acc = { midNeg: 0, midPos: 0, highNeg: 0, highPos: 0, mid: 0, high: 0 };
      for (let i = 0; i < pop.n; i++) {
        const neg = Math.abs(bad.w.s.T[i] - T0[i]);
        const pos = Math.abs(good.w.s.T[i] - T0[i]);
        if (T0[i] >= 0.4 && T0[i] <= 0.6) {
          acc.midNeg += neg;
          acc.midPos += pos;
          acc.mid++;
        } else if (T0[i] >= 0.8) {
          acc.highNeg += neg;
          acc.highPos += pos;
          acc.high++;
        }
      }
      out.mid.push(acc.midNeg / acc.midPos);
      out.high.push(acc.highNeg / acc.highPos);
      out.midN += acc.mid;
      out.highN += acc.high;
    }
    return out;
  });
}

export const sf1Ratio: ValidationCheck = {
  id: 'sf01-negativity-ratio',
  kind: 'fact',
  claim:
    'SF1: for agents with intermediate prior trust (0.4 ≤ T ≤ 0.6), one negative event moves trust 1.5–5 times as much as one positive event of equal nominal magnitude (|ΔT⁻|/|ΔT⁺| ∈ [1.5, 5], default about 2.25).',
  source:
    'EVIDENCE.md §b SF1 (direction H, size L); Slovic 1993; Baumeister et al. 2001; Tversky & Kahneman 1992 (λ = 2.25)',
  scenarios: [FILE],
  run(opts) {
    const r = ratios(opts);
    const m = mean(r.mid);
    return verdict({
      measured: m,
      target: [1.5, 5],
      tolerance: 4 * standardError(r.mid),
      relation: 'within',
      toleranceRule: 'band widened by 4 standard errors of the replicate mean ratio: 4·SD/√R',
      details: { replicates: r.mid.length, agentsPerReplicate: Math.round(r.midN / r.mid.length) },
      chart: dotChart({
        title: 'SF1: |ΔT⁻| / |ΔT⁺| by prior trust',
        rows: [
          { label: 'intermediate 0.4–0.6', value: m },
          { label: 'high ≥ 0.8', value: mean(r.high) },
        ],
        yTitle: 'negative ÷ positive trust change',
        target: { lo: 1.5, hi: 5, label: 'literature band' },
      }),
    });
  },
};

export const sf1HighTrust: ValidationCheck = {
  id: 'sf01-negativity-smaller-at-high-trust',
  kind: 'fact',
  claim:
    'SF1 (direction only): for agents with prior trust T ≥ 0.8 the negative/positive ratio is smaller than for the intermediate group (confirmation, commitment). Measured: ratio(0.4–0.6) − ratio(≥ 0.8) > 0.',
  source: 'EVIDENCE.md §b SF1†; Poortinga & Pidgeon 2004; Ahluwalia et al. 2000',
  scenarios: [FILE],
  run(opts) {
    const r = ratios(opts);
    const diffs = r.mid.map((x, i) => x - r.high[i]);
    return verdict({
      measured: mean(diffs),
      target: 0,
      tolerance: 4 * standardError(diffs),
      relation: 'greater',
      toleranceRule: 'direction: the paired difference must exceed 4 standard errors of its replicate mean',
      details: {
        ratioIntermediate: round(mean(r.mid)),
        ratioHigh: round(mean(r.high)),
        highTrustAgentsPerReplicate: Math.round(r.highN / r.high.length),
      },
    });
  },
};
