/**
 * SF3, SCCT ordering and the Velcro effect (scenarios/validation/sf02-responsibility-vs-response.yaml with the
 * response held fixed at silence): post-crisis trust as the mean trust change T(14) − T(0) of the agents who know
 * of the crisis on day 14, for each crisis cluster, and for the accidental cluster with and without a prior
 * similar incident in the crisis history. Same seeds throughout.
 */
import { dotChart } from '../charts';
import {
  advance,
  compile,
  mean,
  memo,
  round,
  scenarioOf,
  standardError,
  startSim,
  verdict,
} from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';
import { CLUSTERS, SF2_FILE, scaled } from './sf02Responsibility';

const SIZES = { test: { scale: 0.5, replicates: 3 }, full: { scale: 1, replicates: 8 } };
const READ_DAY = 14;

interface Ordering {
  /** Per replicate: trust on day 14 for victim, accidental, preventable, accidental with history. */
  trust: number[][];
}

function ordering(opts: CheckOptions): Ordering {
  return memo(opts, 'sf03', () => {
    const size = SIZES[opts.size];
    const base = scenarioOf(opts, SF2_FILE);
    const variants = [
      ...CLUSTERS.map((cluster) =>
        scaled(base, size.scale, { incidents: [{ ...base.incidents[0], cluster }] }),
      ),
      scaled(base, size.scale, {
        incidents: [{ ...base.incidents[0], cluster: 'accidental' }],
        history: [
          {
            id: 'prior-incident',
            label: 'A similar incident last year',
            date: '2024-03-01',
            kind: 'incident',
          },
        ],
      }),
    ].map(compile);
    const trust: number[][] = [];
    for (let r = 0; r < size.replicates; r++) {
      let structure: ReturnType<typeof startSim>['structure'] | undefined;
      trust.push(
        variants.map((model) => {
          const sim = startSim(model, 'silence', base.outputs.seed, r, structure);
          structure = sim.structure;
          advance(sim, READ_DAY + 1);
          const { pop } = sim.structure;
          const f = model.facetW;
          let sum = 0;
          let n = 0;
          for (let i = 0; i < pop.n; i++) {
            if (sim.w.s.aware[i] < 0) continue;
            sum +=
              sim.w.s.T[i] - (f[0] * pop.ability0[i] + f[1] * pop.benevolence0[i] + f[2] * pop.integrity0[i]);
            n++;
          }
          return sum / n;
        }),
      );
    }
    return { trust };
  });
}

export const sf3Ordering: ValidationCheck = {
  id: 'sf03-scct-ordering',
  kind: 'fact',
  claim:
    'SF3 (ordering): with the response held fixed, post-crisis trust is ordered victim > accidental > preventable. Measured: the smaller of the two adjacent gaps, which must be positive.',
  source: 'EVIDENCE.md §b SF3 (M); Coombs 2007; Schoofs et al. 2019',
  scenarios: [SF2_FILE],
  run(opts) {
    const { trust } = ordering(opts);
    const gaps = trust.map((t) => Math.min(t[0] - t[1], t[1] - t[2]));
    const m = (j: number) => mean(trust.map((t) => t[j]));
    return verdict({
      measured: mean(gaps),
      target: 0,
      tolerance: 4 * standardError(gaps),
      relation: 'greater',
      toleranceRule:
        'direction: the smaller adjacent gap must exceed 4 standard errors of its replicate mean',
      details: {
        replicates: trust.length,
        trustVictim: round(m(0)),
        trustAccidental: round(m(1)),
        trustPreventable: round(m(2)),
      },
      chart: dotChart({
        title: 'SF3: trust change of the aware on day 14 (no response)',
        rows: [
          { label: 'victim', value: m(0) },
          { label: 'accidental', value: m(1) },
          { label: 'preventable', value: m(2) },
          { label: 'accidental + history', value: m(3) },
        ],
        yTitle: 'mean trust change T(14) − T(0)',
        sort: ['victim', 'accidental', 'preventable', 'accidental + history'],
      }),
    });
  },
};

export const sf3Velcro: ValidationCheck = {
  id: 'sf03-velcro',
  kind: 'fact',
  claim:
    'SF3 (Velcro): a prior similar incident lowers post-crisis trust by at least half the gap between adjacent clusters. Measured: (trust without history − with history) ÷ mean adjacent-cluster gap ≥ 0.5.',
  source: 'EVIDENCE.md §b SF3† (M); Coombs 2007; Coombs & Holladay 2006',
  scenarios: [SF2_FILE],
  run(opts) {
    const { trust } = ordering(opts);
    const ratios = trust.map((t) => (t[1] - t[3]) / ((t[0] - t[2]) / 2));
    return verdict({
      measured: mean(ratios),
      target: 0.5,
      tolerance: 4 * standardError(ratios),
      relation: 'at-least',
      toleranceRule: 'threshold lowered by 4 standard errors of the per-replicate ratio: 4·SD/√R',
      details: {
        replicates: trust.length,
        velcroDrop: round(mean(trust.map((t) => t[1] - t[3]))),
        meanAdjacentGap: round(mean(trust.map((t) => (t[0] - t[2]) / 2))),
      },
    });
  },
};
