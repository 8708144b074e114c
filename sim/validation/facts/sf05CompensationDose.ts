/**
 * SF5, compensation dose–response for a cancelled order (scenarios/validation/sf05-compensation-dose.yaml).
 * The strategy "compensation" is cloned over c = 0, 0.05, …, 2 (cash c × loss, one day after the incident) and
 * the claimants' satisfaction with the handling is read on day 14. Satisfaction is a deterministic function of the
 * company's actions (no draw enters it), so the curve checks carry no sampling tolerance. The token voucher is
 * compared with silence on the claimants' trust, which does carry noise (word of mouth), paired by replicate.
 */
import type { Scenario } from '../../scenario/schema';
import { lineChart } from '../charts';
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

const FILE = 'sf05-compensation-dose';
const SIZES = { test: { replicates: 4 }, full: { replicates: 8 } };
const READ_DAY = 14;
const GRID = Array.from({ length: 41 }, (_, i) => round(i * 0.05, 4));
const DETERMINISTIC =
  'deterministic: satisfaction depends only on the company’s actions (no random draw), so 0';

function doseScenario(base: Scenario): Scenario {
  const template = base.strategies.find((s) => s.id === 'compensation');
  if (!template) throw new Error(`${FILE}: strategy "compensation" missing`);
  const loss = base.incidents[0].claimants?.lossCny ?? 1;
  const grid = GRID.map((c) => ({
    ...template,
    id: `c-${c.toFixed(2).replace('.', '_')}`,
    rules: template.rules.map((r) => ({ ...r, amountCny: c * loss })),
  }));
  return override(base, { strategies: [...base.strategies, ...grid] });
}

interface Dose {
  satisfaction: number[];
  trust: number[];
  token: number[];
  silence: number[];
  baseline: number;
}

function dose(opts: CheckOptions): Dose {
  return memo(opts, FILE, () => {
    const sc = doseScenario(scenarioOf(opts, FILE));
    const model = compile(sc);
    const row = rowOf(model, 'claimants');
    const ids = ['silence', 'token-voucher', ...GRID.map((c) => `c-${c.toFixed(2).replace('.', '_')}`)];
    const cells = strategyCells(model, ids, SIZES[opts.size].replicates);
    const reps = cells.map((c) => Object.fromEntries(ids.map((id) => [id, c[id](READ_DAY, 'trust', row)])));
    const sat = [
      Object.fromEntries(ids.slice(2).map((id) => [id, cells[0][id](READ_DAY, 'satisfaction', row)])),
    ];
    const base0 = cells[0].silence(0, 'trust', row);
    return {
      satisfaction: ids.slice(2).map((id) => sat[0][id]),
      trust: ids.slice(2).map((id) => mean(reps.map((r) => r[id]))),
      token: reps.map((r) => r['token-voucher']),
      silence: reps.map((r) => r.silence),
      baseline: base0,
    };
  });
}

function chart(d: Dose) {
  return lineChart({
    title: 'SF5: claimants’ satisfaction on day 14 against c = compensation ÷ loss',
    rows: GRID.map((c, i) => ({ c, value: d.satisfaction[i], series: 'satisfaction' })),
    x: 'c',
    xTitle: 'compensation ÷ loss (c)',
    y: 'value',
    yTitle: 'claimants’ satisfaction',
    series: 'series',
  });
}

function slopes(y: number[]): number[] {
  return y.slice(1).map((v, i) => (v - y[i]) / (GRID[i + 1] - GRID[i]));
}

export const sf5SteepestSlope: ValidationCheck = {
  id: 'sf05-steepest-slope',
  kind: 'fact',
  claim:
    'SF5: for a cancelled order, the largest finite-difference slope of claimants’ satisfaction against c = compensation ÷ loss (grid 0, 0.05, …, 2) lies in c ∈ [0.6, 1.2]. Measured: midpoint of the steepest grid step.',
  source: 'EVIDENCE.md §b SF5 (M–H); Gelbrich, Gäthke & Grégoire 2015',
  scenarios: [FILE],
  run(opts) {
    const d = dose(opts);
    const s = slopes(d.satisfaction);
    let k = 0;
    for (let i = 1; i < s.length; i++) if (s[i] > s[k]) k = i;
    return verdict({
      measured: (GRID[k] + GRID[k + 1]) / 2,
      target: [0.6, 1.2],
      tolerance: 0,
      relation: 'within',
      toleranceRule: DETERMINISTIC,
      details: { steepestSlope: round(s[k]) },
      chart: chart(d),
    });
  },
};

export const sf5SShape: ValidationCheck = {
  id: 'sf05-s-shape',
  kind: 'fact',
  claim:
    'SF5: the dose–response curve is S-shaped: on [0, 1.5] its slope rises to a single maximum and then falls (convex, then concave). Measured: the number of grid steps where the slope moves the wrong way.',
  source: 'EVIDENCE.md §b SF5 (M–H); Gelbrich et al. 2015',
  scenarios: [FILE],
  run(opts) {
    const d = dose(opts);
    const upto = GRID.findIndex((c) => c >= 1.5);
    const s = slopes(d.satisfaction).slice(0, upto);
    let k = 0;
    for (let i = 1; i < s.length; i++) if (s[i] > s[k]) k = i;
    let wrong = 0;
    const eps = 1e-12;
    for (let i = 1; i < s.length; i++) {
      if (i <= k && s[i] < s[i - 1] - eps) wrong++;
      if (i > k && s[i] > s[i - 1] + eps) wrong++;
    }
    return verdict({
      measured: wrong,
      target: 0,
      tolerance: 0,
      relation: 'at-most',
      toleranceRule: DETERMINISTIC,
      details: { slopeAtStart: round(s[0]), slopeAtPeak: round(s[k]), slopeAt1_5: round(s[s.length - 1]) },
    });
  },
};

export const sf5TokenGain: ValidationCheck = {
  id: 'sf05-token-gain-small',
  kind: 'fact',
  claim:
    'SF5: the gain in claimants’ satisfaction from c = 0 to c = 0.05 is at most 10% of the gain from c = 0 to c = 1.',
  source: 'EVIDENCE.md §b SF5† (M–H); Gelbrich et al. 2015',
  scenarios: [FILE],
  run(opts) {
    const d = dose(opts);
    const at = (c: number) => d.satisfaction[GRID.indexOf(c)];
    return verdict({
      measured: (at(0.05) - at(0)) / (at(1) - at(0)),
      target: 0.1,
      tolerance: 0,
      relation: 'at-most',
      toleranceRule: DETERMINISTIC,
      details: { s0: round(at(0)), s005: round(at(0.05)), s1: round(at(1)) },
    });
  },
};

export const sf5Plateau: ValidationCheck = {
  id: 'sf05-no-rise-beyond-plateau',
  kind: 'fact',
  claim:
    'SF5: the curve does not increase beyond c = 1.5 (plateau or decline allowed). Measured: the largest satisfaction for c > 1.5 minus satisfaction at c = 1.5.',
  source: 'EVIDENCE.md §b SF5 (M); Haesevoets et al. 2017',
  scenarios: [FILE],
  run(opts) {
    const d = dose(opts);
    const i15 = GRID.indexOf(1.5);
    const beyond = Math.max(...d.satisfaction.slice(i15 + 1));
    return verdict({
      measured: beyond - d.satisfaction[i15],
      target: 0,
      tolerance: 0,
      relation: 'at-most',
      toleranceRule: DETERMINISTIC,
      details: { s1_5: round(d.satisfaction[i15]), s2: round(d.satisfaction[d.satisfaction.length - 1]) },
    });
  },
};

export const sf5TokenVoucher: ValidationCheck = {
  id: 'sf05-token-voucher-recovers-nothing',
  kind: 'fact',
  claim:
    'SF5 corollary: the ¥30 voucher (c ≈ 0.02, voucher form) recovers essentially nothing relative to silence. Measured: the claimants’ trust gained over silence by day 14 as a share of the trust they lost, [T(voucher) − T(silence)] ÷ [T(0) − T(silence)] ≤ 0.1 (escalation below silence allowed; “token < silence” is a hypothesis, not a target).',
  source: 'EVIDENCE.md §b SF5 corollary; Gelbrich et al. 2015; Roschk & Gelbrich 2014',
  scenarios: [FILE],
  run(opts) {
    const d = dose(opts);
    const shares = d.token.map((t, i) => (t - d.silence[i]) / (d.baseline - d.silence[i]));
    return verdict({
      measured: mean(shares),
      target: 0.1,
      tolerance: 4 * standardError(shares),
      relation: 'at-most',
      toleranceRule: 'threshold raised by 4 standard errors of the per-replicate share: 4·SD/√R',
      details: {
        replicates: shares.length,
        trustBaseline: round(d.baseline),
        trustSilence: round(mean(d.silence)),
        trustTokenVoucher: round(mean(d.token)),
      },
    });
  },
};
