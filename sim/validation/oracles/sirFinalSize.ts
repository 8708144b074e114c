/**
 * O2: SIR final size on an Erdős–Rényi graph (scenarios/validation/o2-sir-erdos-renyi.yaml). Word of mouth with
 * each-tie contact, no stifling and daily recovery γ is a discrete-time SIR; its per-edge transmissibility is
 * T = p/(p + γ − pγ), and on G(n, c/n) the attack rate of a major outbreak solves z = 1 − exp(−cT z).
 */
import { lineChart } from '../charts';
import { sirFinalSize, transmissibility } from '../closedForms';
import { advance, compile, mean, override, round, scenarioOf, sd, startSim, verdict } from '../helpers';
import type { ValidationCheck } from '../types';

const FILE = 'o2-sir-erdos-renyi';
const SIZES = { test: { agents: 2000, replicates: 16 }, full: { agents: 5000, replicates: 60 } };
/** An outbreak is major when it reaches more than this share (minor outbreaks stay O(1) agents; z ≈ 0.8). */
const MAJOR = 0.2;

export const sirErdosRenyi: ValidationCheck = {
  id: 'o2-sir-erdos-renyi',
  kind: 'oracle',
  claim:
    'Word of mouth run as SIR on an Erdős–Rényi graph (mean degree c = 4, transmissibility T = p/(p + γ − pγ) = 0.5, R₀ = cT = 2): the attack rate of a major outbreak solves z = 1 − exp(−R₀z), z = 0.7968.',
  source: 'EVIDENCE.md §c O2; Newman 2002 (SIR on networks as bond percolation)',
  scenarios: [FILE],
  run(opts) {
    const size = SIZES[opts.size];
    const base = scenarioOf(opts, FILE);
    const sc = override(base, {
      population: { segments: [{ ...base.population.segments[0], size: size.agents, agents: size.agents }] },
    });
    const model = compile(sc);
    const wom = sc.model.wom;
    const T = transmissibility(wom.talkRate * wom.contactProbability, wom.forgetProbability);
    const r0 = sc.network.meanDegree * T;
    const z = sirFinalSize(r0);
    const finals: number[] = [];
    const major: number[] = [];
    const curves: Array<{ day: number; share: number; replicate: string }> = [];
    for (let r = 0; r < size.replicates; r++) {
      const sim = startSim(model, 'none', sc.outputs.seed, r);
      const n = sim.w.pop.n;
      let alive = true;
      advance(sim, model.days, (w) => {
        let spreading = 0;
        let aware = 0;
        for (let i = 0; i < n; i++) {
          if (w.s.spreading[i] === 1) spreading++;
          if (w.s.aware[i] >= 0) aware++;
        }
        if (r < 6) curves.push({ day: w.s.day, share: aware / n, replicate: `replicate ${r}` });
        alive = spreading > 0;
        return !alive;
      });
      if (alive) throw new Error(`${FILE}: replicate ${r} is still spreading when the calendar ends`);
      let aware = 0;
      for (let i = 0; i < n; i++) if (sim.w.s.aware[i] >= 0) aware++;
      finals.push(aware / n);
      if (aware / n > MAJOR) major.push(aware / n);
    }
    const R = major.length;
    return verdict({
      measured: R > 0 ? mean(major) : Number.NaN,
      target: z,
      tolerance: R > 1 ? (4 * sd(major)) / Math.sqrt(R) : 0,
      relation: 'equal',
      toleranceRule:
        '4 standard errors of the mean attack rate over the R major outbreaks (final share > 0.2): 4·SD/√R',
      details: {
        agents: sc.population.segments[0].agents ?? 0,
        replicates: size.replicates,
        majorOutbreaks: R,
        transmissibility: round(T),
        r0: round(r0),
        majorSd: R > 1 ? round(sd(major)) : 0,
        allFinalShares: finals.map((x) => round(x, 4)),
      },
      chart: lineChart({
        title: 'SIR word of mouth on G(n, 4/n): share ever aware (first replicates)',
        rows: curves,
        x: 'day',
        xTitle: 'day',
        y: 'share',
        yTitle: 'share ever aware',
        series: 'replicate',
        targets: [{ label: `z = ${z.toFixed(4)}`, value: z }],
      }),
    });
  },
};
