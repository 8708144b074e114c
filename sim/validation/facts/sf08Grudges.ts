/**
 * SF8, grudge dynamics of victims (scenarios/validation/sf08-grudges.yaml): mean grievance (revenge) and avoidance
 * per day, days 1–61 (the failure breaks on day 1, so day 61 is 60 days after it), of the victims who complained
 * publicly, split by prior commitment (loyal ≥ 0.6, others ≤ 0.3), and of the bystanders. Read from the engine's
 * per-agent state.
 */
import { lineChart } from '../charts';
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

const FILE = 'sf08-grudges';
const SIZES = { test: { replicates: 3 }, full: { replicates: 8 } };
const FAILURE_DAY = 1;
const HORIZON = 60;
const LOYAL = 0.6;
const OTHER = 0.3;

interface Series {
  /** Per replicate, per group, per day (0..HORIZON after the failure): mean grievance and avoidance. */
  g: Record<'victims' | 'loyal' | 'other' | 'bystanders', number[]>[];
  a: Record<'victims' | 'loyal' | 'other', number[]>[];
  counts: { victims: number; loyal: number; other: number };
}

function series(opts: CheckOptions): Series {
  return memo(opts, FILE, () => {
    const sc = override(scenarioOf(opts, FILE), {});
    const model = compile(sc);
    const out: Series = { g: [], a: [], counts: { victims: 0, loyal: 0, other: 0 } };
    for (let r = 0; r < SIZES[opts.size].replicates; r++) {
      const sim = startSim(model, 'silence', sc.outputs.seed, r);
      const { pop } = sim.structure;
      const g = {
        victims: [] as number[],
        loyal: [] as number[],
        other: [] as number[],
        bystanders: [] as number[],
      };
      const a = { victims: [] as number[], loyal: [] as number[], other: [] as number[] };
      advance(sim, FAILURE_DAY + HORIZON + 1, (w) => {
        const day = w.s.day - 1;
        if (day < FAILURE_DAY) return false;
        const acc = { vg: 0, va: 0, vn: 0, lg: 0, la: 0, ln: 0, og: 0, oa: 0, on: 0, bg: 0, bn: 0 };
        for (let i = 0; i < pop.n; i++) {
          if (w.s.claimantOf[i] < 0) {
            acc.bg += w.s.grievance[i];
            acc.bn++;
            continue;
          }
          const cd = w.s.complainDay[i];
          if (cd < 0 || cd > FAILURE_DAY + HORIZON) continue;
          const gi = w.s.grievance[i];
          const ai = w.s.avoidance[i];
          acc.vg += gi;
          acc.va += ai;
          acc.vn++;
          const c = pop.commitment[i];
          if (c >= LOYAL) {
            acc.lg += gi;
            acc.la += ai;
            acc.ln++;
          } else if (c <= OTHER) {
            acc.og += gi;
            acc.oa += ai;
            acc.on++;
          }
        }
        g.victims.push(acc.vg / acc.vn);
        g.loyal.push(acc.lg / acc.ln);
        g.other.push(acc.og / acc.on);
        g.bystanders.push(acc.bg / acc.bn);
        a.victims.push(acc.va / acc.vn);
        a.loyal.push(acc.la / acc.ln);
        a.other.push(acc.oa / acc.on);
        if (day === FAILURE_DAY) {
          out.counts.victims += acc.vn;
          out.counts.loyal += acc.ln;
          out.counts.other += acc.on;
        }
        return false;
      });
      out.g.push(g);
      out.a.push(a);
    }
    return out;
  });
}

function chart(s: Series) {
  const rows: Array<{ day: number; value: number; series: string }> = [];
  for (const k of ['loyal', 'other', 'bystanders'] as const)
    for (const [d, v] of s.g[0][k].entries()) rows.push({ day: d, value: v, series: `grievance: ${k}` });
  for (const k of ['loyal', 'other'] as const)
    for (const [d, v] of s.a[0][k].entries()) rows.push({ day: d, value: v, series: `avoidance: ${k}` });
  return lineChart({
    title: 'SF8: revenge and avoidance of unrecovered victims who complained (replicate 0)',
    rows,
    x: 'day',
    xTitle: 'days since the failure',
    y: 'value',
    yTitle: 'mean grievance / avoidance',
    series: 'series',
  });
}

/** Largest day-to-day rise of a series over days [from, HORIZON]. */
function largestRise(x: number[], from = 0): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let d = from + 1; d < x.length; d++) m = Math.max(m, x[d] - x[d - 1]);
  return m;
}

const FLOAT = 1e-6;

export const sf8RevengeDeclines: ValidationCheck = {
  id: 'sf08-revenge-declines',
  kind: 'fact',
  claim:
    'SF8: the revenge (grievance, which drives negative word of mouth) of unrecovered victims who complained publicly declines monotonically over the 60 days after the failure. Measured: the largest day-to-day rise of their mean grievance after its peak (≤ 0), reported with the decline from the peak to day 60.',
  source: 'EVIDENCE.md §b SF8 (M); Grégoire, Tripp & Legoux 2009',
  scenarios: [FILE],
  run(opts) {
    const s = series(opts);
    const rises = s.g.map((g) => {
      const x = g.victims;
      const peak = x.indexOf(Math.max(...x));
      return largestRise(x, peak);
    });
    const drops = s.g.map((g) => Math.max(...g.victims) - g.victims[HORIZON]);
    return verdict({
      measured: Math.max(...rises),
      target: 0,
      tolerance: FLOAT,
      relation: 'at-most',
      toleranceRule: 'deterministic monotonicity of each replicate’s mean path: float32 rounding only (1e-6)',
      details: {
        replicates: s.g.length,
        victimsFollowed: s.counts.victims,
        declineFromPeakToDay60: round(mean(drops)),
      },
      chart: chart(s),
    });
  },
};

export const sf8RevengeAboveBaseline: ValidationCheck = {
  id: 'sf08-revenge-above-baseline-at-60',
  kind: 'fact',
  claim:
    'SF8: 60 days after the failure the victims’ revenge still stays above the non-victim baseline. Measured: mean grievance of the victims minus that of bystanders on day 60.',
  source: 'EVIDENCE.md §b SF8 (M); Grégoire et al. 2009 (“remains high after two months”)',
  scenarios: [FILE],
  run(opts) {
    const s = series(opts);
    const d = s.g.map((g) => g.victims[HORIZON] - g.bystanders[HORIZON]);
    return verdict({
      measured: mean(d),
      target: 0,
      tolerance: 4 * standardError(d),
      relation: 'greater',
      toleranceRule: 'direction: the difference must exceed 4 standard errors of its replicate mean',
      details: { replicates: d.length },
    });
  },
};

export const sf8AvoidanceGrows: ValidationCheck = {
  id: 'sf08-avoidance-non-decreasing',
  kind: 'fact',
  claim:
    'SF8: the unrecovered victims’ purchase avoidance is non-decreasing over days 0–60. Measured: the largest day-to-day fall of their mean avoidance (≤ 0).',
  source: 'EVIDENCE.md §b SF8 (M); Grégoire et al. 2009',
  scenarios: [FILE],
  run(opts) {
    const s = series(opts);
    const falls = s.a.map((a) => largestRise(a.victims.map((x) => -x)));
    return verdict({
      measured: Math.max(...falls),
      target: 0,
      tolerance: FLOAT,
      relation: 'at-most',
      toleranceRule: 'deterministic monotonicity of each replicate’s mean path: float32 rounding only (1e-6)',
      details: { avoidanceDay60: round(mean(s.a.map((a) => a.victims[HORIZON]))) },
    });
  },
};

export const sf8LoyalStronger: ValidationCheck = {
  id: 'sf08-loyal-stronger',
  kind: 'fact',
  claim:
    'SF8 (direction): both effects are stronger for victims who were loyal before the failure (commitment ≥ 0.6 against ≤ 0.3): revenge decays more slowly and avoidance grows faster. Measured: the smaller of [share of peak revenge left on day 60, loyal − others] and [avoidance gained by day 60, loyal − others].',
  source: 'EVIDENCE.md §b SF8 (M); Grégoire et al. 2009 (“love becomes hate”)',
  scenarios: [FILE],
  run(opts) {
    const s = series(opts);
    const left = (x: number[]) => x[HORIZON] / Math.max(...x);
    const decay = s.g.map((g) => left(g.loyal) - left(g.other));
    const avoid = s.a.map((a) => a.loyal[HORIZON] - a.loyal[0] - (a.other[HORIZON] - a.other[0]));
    const both = decay.map((d, i) => Math.min(d, avoid[i]));
    return verdict({
      measured: mean(both),
      target: 0,
      tolerance: 4 * standardError(both),
      relation: 'greater',
      toleranceRule: 'direction: the smaller difference must exceed 4 standard errors of its replicate mean',
      details: {
        replicates: both.length,
        loyalVictims: s.counts.loyal,
        otherVictims: s.counts.other,
        revengeLeftLoyal: round(mean(s.g.map((g) => left(g.loyal)))),
        revengeLeftOther: round(mean(s.g.map((g) => left(g.other)))),
        avoidanceGainLoyal: round(mean(s.a.map((a) => a.loyal[HORIZON] - a.loyal[0]))),
        avoidanceGainOther: round(mean(s.a.map((a) => a.other[HORIZON] - a.other[0]))),
      },
    });
  },
};
