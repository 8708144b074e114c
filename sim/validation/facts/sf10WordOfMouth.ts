/**
 * SF10, word-of-mouth base rate and crisis flip (scenarios/validation/sf10-word-of-mouth.yaml). Counts of positive
 * and negative word of mouth (real people, one agent each) summed over the run, per segment; the crisis variant
 * adds one incident on day 1 and switches everyday chatter off so only talk about the incident is counted.
 */
import { dotChart } from '../charts';
import {
  compile,
  mean,
  memo,
  override,
  round,
  rowOf,
  scenarioOf,
  standardError,
  strategyCells,
  verdict,
} from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

const FILE = 'sf10-word-of-mouth';
const SIZES = { test: { replicates: 3 }, full: { replicates: 6 } };
const CRISIS_DAYS = 14;

interface Counts {
  pos: Record<string, number[]>;
  neg: Record<string, number[]>;
  crisisPos: number[];
  crisisNeg: number[];
  agents: Record<string, number>;
}

function counts(opts: CheckOptions): Counts {
  return memo(opts, FILE, () => {
    const base = scenarioOf(opts, FILE);
    const R = SIZES[opts.size].replicates;
    const calm = compile(override(base, {}));
    const segs = ['general', 'moderate', 'dissatisfied'];
    const out: Counts = { pos: {}, neg: {}, crisisPos: [], crisisNeg: [], agents: {} };
    for (const s of segs) {
      out.pos[s] = [];
      out.neg[s] = [];
      out.agents[s] = base.population.segments.find((g) => g.id === s)?.agents ?? 1;
    }
    for (const cells of strategyCells(calm, ['calm'], R)) {
      for (const s of segs) {
        const row = rowOf(calm, s);
        let p = 0;
        let n = 0;
        for (let d = 0; d < calm.days; d++) {
          p += cells.calm(d, 'wom_positive', row);
          n += cells.calm(d, 'wom_negative', row);
        }
        out.pos[s].push(p);
        out.neg[s].push(n);
      }
    }
    const crisis = compile(
      override(base, {
        model: { mechanisms: { chatter: false } },
        incidents: [
          {
            id: 'crisis',
            label: 'A product failure in the news',
            date: '2025-03-02',
            violation: { ability: 0.4, benevolence: 0.3, integrity: 0.3 },
            cluster: 'accidental',
            severity: 0.5,
            salience: 5,
          },
        ],
      }),
    );
    for (const cells of strategyCells(crisis, ['calm'], R)) {
      let p = 0;
      let n = 0;
      for (let d = 1; d <= CRISIS_DAYS; d++) {
        p += cells.calm(d, 'wom_positive');
        n += cells.calm(d, 'wom_negative');
      }
      out.crisisPos.push(p);
      out.crisisNeg.push(n);
    }
    return out;
  });
}

export const sf10BaseRate: ValidationCheck = {
  id: 'sf10-wom-base-rate',
  kind: 'fact',
  claim:
    'SF10: with no incident, positive and negative word of mouth run about 3:1 (accept 2–4:1) among the general public. Measured: PWOM ÷ NWOM counts over 60 days.',
  source: 'EVIDENCE.md §b SF10 (H); East, Hammond & Wright 2007 (15 studies)',
  scenarios: [FILE],
  run(opts) {
    const c = counts(opts);
    const ratio = c.pos.general.map((p, i) => p / c.neg.general[i]);
    return verdict({
      measured: mean(ratio),
      target: [2, 4],
      tolerance: 4 * standardError(ratio),
      relation: 'within',
      toleranceRule: 'band widened by 4 standard errors of the per-replicate ratio: 4·SD/√R',
      details: {
        replicates: ratio.length,
        pwom: round(mean(c.pos.general), 1),
        nwom: round(mean(c.neg.general), 1),
      },
      chart: dotChart({
        title: 'SF10: positive ÷ negative word of mouth in normal times',
        rows: [{ label: 'general public', value: mean(ratio) }],
        yTitle: 'PWOM ÷ NWOM',
        target: { lo: 2, hi: 4, label: '2–4:1' },
      }),
    });
  },
};

export const sf10AsymmetricU: ValidationCheck = {
  id: 'sf10-dissatisfied-talk-more',
  kind: 'fact',
  claim:
    'SF10: dissatisfied customers talk more per capita than moderately satisfied ones, by a modest factor of about 1.2–3, not 10 (asymmetric U). Measured: per-capita word of mouth, dissatisfied ÷ moderate, over 60 days with no incident.',
  source: 'EVIDENCE.md §b SF10† (M); Anderson 1998',
  scenarios: [FILE],
  run(opts) {
    const c = counts(opts);
    const per = (s: string, i: number) => (c.pos[s][i] + c.neg[s][i]) / c.agents[s];
    const ratio = c.pos.moderate.map((_, i) => per('dissatisfied', i) / per('moderate', i));
    return verdict({
      measured: mean(ratio),
      target: [1.2, 3],
      tolerance: 4 * standardError(ratio),
      relation: 'within',
      toleranceRule: 'band widened by 4 standard errors of the per-replicate ratio: 4·SD/√R',
      details: { replicates: ratio.length },
    });
  },
};

export const sf10CrisisFlip: ValidationCheck = {
  id: 'sf10-crisis-flip',
  kind: 'fact',
  claim:
    'SF10 (direction): during an incident, topic-specific negative word of mouth exceeds positive among the exposed. Measured: the negative share NWOM ÷ (NWOM + PWOM) of talk about the incident over its first 14 days (> 0.5).',
  source: 'EVIDENCE.md §b SF10 (L flip); East et al. 2007; Anderson 1998',
  scenarios: [FILE],
  run(opts) {
    const c = counts(opts);
    const ratio = c.crisisNeg.map((n, i) => n / (n + c.crisisPos[i]));
    return verdict({
      measured: mean(ratio),
      target: 0.5,
      tolerance: 4 * standardError(ratio),
      relation: 'greater',
      toleranceRule:
        'direction: the share must exceed 0.5 by more than 4 standard errors of its replicate mean',
      details: {
        replicates: ratio.length,
        nwom: round(mean(c.crisisNeg), 1),
        pwom: round(mean(c.crisisPos), 1),
      },
    });
  },
};
