/**
 * O1: the Maki–Thompson rumour (scenarios/validation/o1-maki-thompson.yaml). Awareness states are read from the
 * engine's per-agent arrays: ignorant (aware < 0), spreader (spreading = 1), stifler (spreading = 2).
 */
import { lineChart, thin } from '../charts';
import { rumourDailyMeanField, rumourIgnorantFraction, rumourPeakSpreaders } from '../closedForms';
import { advance, compile, mean, memo, override, round, scenarioOf, sd, startSim, verdict } from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

const FILE = 'o1-maki-thompson';
const SIZES = { test: { agents: 1000, replicates: 12 }, full: { agents: 5000, replicates: 40 } };

interface RumourRuns {
  n: number;
  /** Daily contact probability p = talkRate × contactProbability. */
  p: number;
  theta: number[];
  peak: number[];
  /** Spreader and ignorant fractions by day, replicate 0. */
  path: Array<{ day: number; spreaders: number; ignorants: number }>;
}

function rumourRuns(opts: CheckOptions): RumourRuns {
  return memo(opts, FILE, () => {
    const size = SIZES[opts.size];
    const base = scenarioOf(opts, FILE);
    const sc = override(base, {
      population: { segments: [{ ...base.population.segments[0], size: size.agents, agents: size.agents }] },
    });
    const model = compile(sc);
    const seed = sc.outputs.seed;
    const theta: number[] = [];
    const peak: number[] = [];
    const path: RumourRuns['path'] = [];
    let n = 0;
    const p = sc.model.wom.talkRate * sc.model.wom.contactProbability;
    for (let r = 0; r < size.replicates; r++) {
      const sim = startSim(model, 'none', seed, r);
      n = sim.w.pop.n;
      let top = 0;
      let alive = true;
      advance(sim, model.days, (w) => {
        let spreaders = 0;
        let ignorants = 0;
        for (let i = 0; i < n; i++) {
          if (w.s.spreading[i] === 1) spreaders++;
          if (w.s.aware[i] < 0) ignorants++;
        }
        if (spreaders > top) top = spreaders;
        if (r === 0) path.push({ day: w.s.day, spreaders: spreaders / n, ignorants: ignorants / n });
        alive = spreaders > 0;
        return !alive;
      });
      // The calendar must outlast every rumour, or θ would be read before the end.
      if (alive) throw new Error(`${FILE}: replicate ${r} still has spreaders when the calendar ends`);
      let ignorants = 0;
      for (let i = 0; i < n; i++) if (sim.w.s.aware[i] < 0) ignorants++;
      theta.push(ignorants / n);
      peak.push(top / n);
    }
    return { n, p, theta, peak, path };
  });
}

function chart(runs: RumourRuns) {
  const rows = thin(
    runs.path.flatMap((p) => [
      { day: p.day, share: p.spreaders, state: 'spreaders' },
      { day: p.day, share: p.ignorants, state: 'ignorants' },
    ]),
    480,
  );
  return lineChart({
    title: 'Maki–Thompson rumour on a complete graph (replicate 0)',
    rows,
    x: 'day',
    xTitle: 'day',
    y: 'share',
    yTitle: 'share of agents',
    series: 'state',
    targets: [
      { label: 'θ = 0.2032', value: rumourIgnorantFraction() },
      { label: '1 − ln 2', value: rumourPeakSpreaders() },
    ],
  });
}

const TOL4 =
  '4 standard errors of the replicate mean, 4·SD(replicates)/√R, plus the step-size error of the daily scheme (its mean-field recursion, the Euler step p of the continuous-time equations, against the N → ∞ value)';

export const makiThompsonIgnorants: ValidationCheck = {
  id: 'o1-maki-thompson-ignorants',
  kind: 'oracle',
  claim:
    'Maki–Thompson rumour, one initial spreader, homogeneous mixing: the final fraction of ignorants θ solves θ = exp(−2(1 − θ)), θ = 0.2032.',
  source: 'EVIDENCE.md §c O1; Sudbury 1985 (J. Appl. Prob. 22:443)',
  scenarios: [FILE],
  run(opts) {
    const runs = rumourRuns(opts);
    const R = runs.theta.length;
    const target = rumourIgnorantFraction();
    const disc = Math.abs(rumourDailyMeanField(runs.p, runs.n).theta - target);
    return verdict({
      measured: mean(runs.theta),
      target,
      tolerance: (4 * sd(runs.theta)) / Math.sqrt(R) + disc,
      relation: 'equal',
      toleranceRule: TOL4,
      details: {
        agents: runs.n,
        replicates: R,
        replicateSd: round(sd(runs.theta)),
        stepSizeError: round(disc),
      },
      chart: chart(runs),
    });
  },
};

export const makiThompsonPeak: ValidationCheck = {
  id: 'o1-maki-thompson-peak',
  kind: 'oracle',
  claim: 'Maki–Thompson rumour, one initial spreader: the peak fraction of spreaders is 1 − ln 2 = 0.3069.',
  source: 'EVIDENCE.md §c O1; arXiv 2507.07914',
  scenarios: [FILE],
  run(opts) {
    const runs = rumourRuns(opts);
    const R = runs.peak.length;
    const target = rumourPeakSpreaders();
    const disc = Math.abs(rumourDailyMeanField(runs.p, runs.n).peak - target);
    return verdict({
      measured: mean(runs.peak),
      target,
      tolerance: (4 * sd(runs.peak)) / Math.sqrt(R) + disc,
      relation: 'equal',
      toleranceRule: TOL4,
      details: {
        agents: runs.n,
        replicates: R,
        replicateSd: round(sd(runs.peak)),
        stepSizeError: round(disc),
      },
      chart: chart(runs),
    });
  },
};

const SMALL = { test: 400, full: 2000 };

export const makiThompsonThree: ValidationCheck = {
  id: 'o1-maki-thompson-three-agents',
  kind: 'oracle',
  claim:
    'Maki–Thompson with 1 spreader and 2 ignorants: 2, 1, 0 ignorants survive with probabilities 0, 1/4, 3/4, so E[surviving ignorants] = 0.25.',
  source: 'EVIDENCE.md §c O1; Gani, ANU SRR00-007',
  scenarios: [FILE],
  run(opts) {
    const base = scenarioOf(opts, FILE);
    const sc = override(base, {
      population: { segments: [{ ...base.population.segments[0], size: 3, agents: 3 }] },
    });
    const model = compile(sc);
    const R = SMALL[opts.size];
    const counts = [0, 0, 0];
    const survivors: number[] = [];
    for (let r = 0; r < R; r++) {
      const sim = startSim(model, 'none', sc.outputs.seed, r);
      advance(
        sim,
        model.days,
        (w) => w.s.spreading[0] !== 1 && w.s.spreading[1] !== 1 && w.s.spreading[2] !== 1,
      );
      let ign = 0;
      for (let i = 0; i < 3; i++) if (sim.w.s.aware[i] < 0) ign++;
      counts[ign]++;
      survivors.push(ign);
    }
    return verdict({
      measured: mean(survivors),
      target: 0.25,
      tolerance: (4 * sd(survivors)) / Math.sqrt(R),
      relation: 'equal',
      toleranceRule: '4 standard errors of the mean over R independent runs: 4·SD/√R',
      details: {
        runs: R,
        pSurvive0: round(counts[0] / R),
        pSurvive1: round(counts[1] / R),
        pSurvive2: round(counts[2] / R),
      },
    });
  },
};
