/**
 * O6: the stationary rate of the media's self-exciting attention (scenarios/validation/o6-hawkes.yaml): mean
 * daily attention λ after a burn-in against μ/(1 − n). The tolerance is 4 standard errors of the time average,
 * from the process's long-run variance n²μ/(1 − n)³ per day over all replicate-days.
 */

import { run } from '../../engine/run';
import { lineChart, thin } from '../charts';
import { hawkesIntensityLongRunVariance, hawkesMeanRate } from '../closedForms';
import { compile, mean, override, round, scenarioOf, sd, verdict } from '../helpers';
import type { ValidationCheck } from '../types';

const FILE = 'o6-hawkes';
const SIZES = { test: { replicates: 4, days: 3650 }, full: { replicates: 40, days: 3650 } };
const BURN_IN = 100;

export const hawkesRate: ValidationCheck = {
  id: 'o6-hawkes-stationary-rate',
  kind: 'oracle',
  claim:
    'Media attention as a Hawkes process with background μ = 0.5 stories a day and branching ratio n = 0.8 (α = 0.8, β = 1) has stationary mean rate μ/(1 − n) = 2.5.',
  source: 'EVIDENCE.md §c O6; Hawkes 1971',
  scenarios: [FILE],
  run(opts) {
    const size = SIZES[opts.size];
    const sc = override(scenarioOf(opts, FILE), {});
    const model = compile(sc);
    const mp = sc.model.media;
    const target = hawkesMeanRate(mp.baseline, mp.branchingRatio);
    const layout = model.incidents[0].id;
    const means: number[] = [];
    let path: Array<{ day: number; attention: number }> = [];
    let used = 0;
    for (let r = 0; r < size.replicates; r++) {
      const res = run(model, { strategy: 'none', seed: sc.outputs.seed, replicate: r });
      const M = res.layout.names.length;
      const j = res.layout.index[`media_attention.${layout}`];
      const rows = model.segmentIds.length + 1;
      let sum = 0;
      const days = Math.min(size.days, res.days);
      for (let d = BURN_IN; d < days; d++) sum += res.values[d * rows * M + j];
      means.push(sum / (days - BURN_IN));
      used += days - BURN_IN;
      if (r === 0)
        path = thin(
          Array.from({ length: 200 }, (_, d) => ({ day: d + 1, attention: res.values[d * rows * M + j] })),
          200,
        );
    }
    const se = Math.sqrt(hawkesIntensityLongRunVariance(mp.baseline, mp.branchingRatio) / used);
    return verdict({
      measured: mean(means),
      target,
      tolerance: 4 * se,
      relation: 'equal',
      toleranceRule:
        '4 standard errors of the time average: 4·√(n²μ/((1 − n)³·T)), T = replicate-days after a 100-day burn-in',
      details: {
        replicates: size.replicates,
        replicateDays: used,
        replicateSe: round(size.replicates > 1 ? sd(means) / Math.sqrt(size.replicates) : 0),
        analyticSe: round(se),
      },
      chart: lineChart({
        title: 'Hawkes media attention: the first 200 days of replicate 0',
        rows: path,
        x: 'day',
        xTitle: 'day',
        y: 'attention',
        yTitle: 'expected stories a day λ(t)',
        targets: [{ label: 'μ/(1 − n) = 2.5', value: target }],
      }),
    });
  },
};
