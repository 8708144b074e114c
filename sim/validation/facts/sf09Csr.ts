/**
 * SF9, CSR/donation heterogeneity (scenarios/validation/sf09-csr.yaml). Three worlds on the same structure: no
 * donation, a donation during the open dispute (day 14) and one before the crisis (day 2). The dispute breaks on
 * day 10. Per agent, the donation's effect is the paired trust difference (with − without) the day after it;
 * agents are grouped by their state the day before: aggrieved (a claimant of the open dispute or grievance ≥ the
 * aggrieved threshold) against uninvolved with a neutral or positive prior (T(0) ≥ 0.5).
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

const FILE = 'sf09-csr';
const SIZES = { test: { replicates: 3 }, full: { replicates: 8 } };
const CRISIS_DAY = 10;
const REACTIVE_DAY = 14;

interface Csr {
  aggrieved: number[];
  uninvolved: number[];
  aggrievedN: number;
  uninvolvedN: number;
  /** Public trust: the day before the crisis and at the end, per strategy. */
  pre: Record<string, number[]>;
  end: Record<string, number[]>;
  /** Mean shortfall T(day before crisis) − T(end) of the public aware of the crisis, reactive donation. */
  reactiveShortfall: number[];
}

function meanTrust(T: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += T[i];
  return s / (to - from);
}

function csr(opts: CheckOptions): Csr {
  return memo(opts, FILE, () => {
    const sc = override(scenarioOf(opts, FILE), {});
    const model = compile(sc);
    const threshold = sc.model.announcements.aggrievedThreshold;
    const ids = ['no-donation', 'reactive-donation', 'pre-crisis-donation'];
    const out: Csr = {
      aggrieved: [],
      uninvolved: [],
      aggrievedN: 0,
      uninvolvedN: 0,
      pre: {},
      end: {},
      reactiveShortfall: [],
    };
    for (const id of ids) {
      out.pre[id] = [];
      out.end[id] = [];
    }
    for (let r = 0; r < SIZES[opts.size].replicates; r++) {
      const none = startSim(model, 'no-donation', sc.outputs.seed, r);
      const sims = [
        none,
        startSim(model, 'reactive-donation', sc.outputs.seed, r, none.structure),
        startSim(model, 'pre-crisis-donation', sc.outputs.seed, r, none.structure),
      ];
      const { pop } = none.structure;
      const pub = pop.segStart[1];
      for (const sim of sims) advance(sim, CRISIS_DAY);
      for (const [k, id] of ids.entries()) out.pre[id].push(meanTrust(sims[k].w.s.T, pub, pop.n));
      const beforeCrisis = Float64Array.from(sims[1].w.s.T);
      advance(none, REACTIVE_DAY - CRISIS_DAY);
      advance(sims[1], REACTIVE_DAY - CRISIS_DAY);
      // State the day before the donation (identical in both worlds up to here).
      const s = none.w.s;
      const aggrieved = new Uint8Array(pop.n);
      const uninvolved = new Uint8Array(pop.n);
      const f = model.facetW;
      for (let i = 0; i < pop.n; i++) {
        const T0 = f[0] * pop.ability0[i] + f[1] * pop.benevolence0[i] + f[2] * pop.integrity0[i];
        if (s.claimantOf[i] >= 0 || s.grievance[i] >= threshold) aggrieved[i] = 1;
        else if (T0 >= 0.5) uninvolved[i] = 1;
      }
      advance(none, 1);
      advance(sims[1], 1);
      let ag = 0;
      let agN = 0;
      let un = 0;
      let unN = 0;
      for (let i = 0; i < pop.n; i++) {
        const d = sims[1].w.s.T[i] - none.w.s.T[i];
        if (aggrieved[i]) {
          ag += d;
          agN++;
        } else if (uninvolved[i]) {
          un += d;
          unN++;
        }
      }
      out.aggrieved.push(ag / agN);
      out.uninvolved.push(un / unN);
      out.aggrievedN += agN;
      out.uninvolvedN += unN;
      for (const sim of sims) advance(sim, model.days);
      for (const [k, id] of ids.entries()) out.end[id].push(meanTrust(sims[k].w.s.T, pub, pop.n));
      // Reactive CSR among the public who know of the crisis by the end: their shortfall from their own
      // pre-crisis trust.
      let gap = 0;
      let aware = 0;
      for (let i = pub; i < pop.n; i++) {
        if (sims[1].w.s.aware[i] < 0) continue;
        gap += beforeCrisis[i] - sims[1].w.s.T[i];
        aware++;
      }
      out.reactiveShortfall.push(gap / aware);
    }
    return out;
  });
}

export const sf9Aggrieved: ValidationCheck = {
  id: 'sf09-donation-aggrieved-non-positive',
  kind: 'fact',
  claim:
    'SF9 (sign): a donation announced during an unresolved integrity dispute gives ΔT ≤ 0 (backfire allowed) among aggrieved or high-suspicion agents. Measured: their mean paired trust change (with − without donation) the day after.',
  source: 'EVIDENCE.md §b SF9 (M); Yoon, Gürhan-Canli & Schwarz 2006; Wagner, Lutz & Weitz 2009',
  scenarios: [FILE],
  run(opts) {
    const c = csr(opts);
    return verdict({
      measured: mean(c.aggrieved),
      target: 0,
      tolerance: 4 * standardError(c.aggrieved),
      relation: 'at-most',
      toleranceRule: 'sign (≤ 0): the mean may exceed 0 by at most 4 standard errors of its replicate mean',
      details: { replicates: c.aggrieved.length, aggrievedAgents: c.aggrievedN },
      chart: dotChart({
        title: 'SF9: trust change from a donation during an open integrity dispute',
        rows: [
          { label: 'aggrieved / suspicious', value: mean(c.aggrieved) },
          { label: 'uninvolved, prior ≥ 0.5', value: mean(c.uninvolved) },
        ],
        yTitle: 'paired ΔT the day after',
      }),
    });
  },
};

export const sf9Uninvolved: ValidationCheck = {
  id: 'sf09-donation-uninvolved-non-negative',
  kind: 'fact',
  claim:
    'SF9 (sign): the same donation gives ΔT ≥ 0 among uninvolved agents with neutral or positive priors (T ≥ 0.5). Measured: their mean paired trust change the day after.',
  source: 'EVIDENCE.md §b SF9 (M); Yoon et al. 2006',
  scenarios: [FILE],
  run(opts) {
    const c = csr(opts);
    return verdict({
      measured: mean(c.uninvolved),
      target: 0,
      tolerance: 4 * standardError(c.uninvolved),
      relation: 'at-least',
      toleranceRule:
        'sign (≥ 0): the mean may fall below 0 by at most 4 standard errors of its replicate mean',
      details: { replicates: c.uninvolved.length, uninvolvedAgents: c.uninvolvedN },
    });
  },
};

export const sf9PreCrisisBuffers: ValidationCheck = {
  id: 'sf09-pre-crisis-csr-buffers',
  kind: 'fact',
  claim:
    'SF9 (direction): pre-crisis CSR buffers the crisis: the public’s trust falls less from the day before the crisis to the end of the run when the donation came before it. Measured: paired drop without donation − drop with pre-crisis donation > 0.',
  source: 'EVIDENCE.md §b SF9 (M); Yoon et al. 2006; Rim & Ferguson 2017',
  scenarios: [FILE],
  run(opts) {
    const c = csr(opts);
    const drop = (id: string) => c.pre[id].map((p, i) => p - c.end[id][i]);
    const none = drop('no-donation');
    const pre = drop('pre-crisis-donation');
    const d = none.map((x, i) => x - pre[i]);
    return verdict({
      measured: mean(d),
      target: 0,
      tolerance: 4 * standardError(d),
      relation: 'greater',
      toleranceRule: 'direction: the paired difference must exceed 4 standard errors of its replicate mean',
      details: {
        replicates: d.length,
        dropWithoutDonation: round(mean(none)),
        dropWithPreCrisisDonation: round(mean(pre)),
      },
    });
  },
};

export const sf9ReactiveNoRestore: ValidationCheck = {
  id: 'sf09-reactive-csr-does-not-restore',
  kind: 'fact',
  claim:
    'SF9 (direction): reactive CSR after the crisis does not restore trust: with the donation announced during the open dispute, the public who know of the crisis still end below their own trust of the day before it. Measured: mean pre-crisis trust − final trust of those agents > 0.',
  source: 'EVIDENCE.md §b SF9 (M); Rim & Ferguson 2017; Wagner et al. 2009',
  scenarios: [FILE],
  run(opts) {
    const c = csr(opts);
    const d = c.reactiveShortfall;
    return verdict({
      measured: mean(d),
      target: 0,
      tolerance: 4 * standardError(d),
      relation: 'greater',
      toleranceRule: 'direction: the shortfall must exceed 4 standard errors of its replicate mean',
      details: {
        replicates: d.length,
        publicShortfallAll: round(
          mean(c.pre['reactive-donation'].map((p, i) => p - c.end['reactive-donation'][i])),
        ),
      },
    });
  },
};
