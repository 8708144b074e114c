/**
 * SF7, the recovery paradox is narrow (scenarios/validation/sf07-recovery-paradox.yaml and sf07-recency.yaml).
 * Claimants' trust against its pre-failure level (day 0) after one and after two fully recovered failures, and the
 * order of equal bad and good news. Paired by replicate (same seeds, population and network).
 */
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
  strategyMetric,
  verdict,
} from '../helpers';
import type { CheckOptions, ValidationCheck } from '../types';

const FILE = 'sf07-recovery-paradox';
const RECENCY = 'sf07-recency';
const SIZES = { test: { replicates: 4 }, full: { replicates: 10 } };
const READ_DAY = 29;

interface Paths {
  /** Per replicate, per strategy: the customers' trust and satisfaction on days 0..READ_DAY. */
  trust: Array<Record<string, number[]>>;
  satisfaction: Record<string, number>;
}

function paths(opts: CheckOptions): Paths {
  return memo(opts, FILE, () => {
    const model = compile(override(scenarioOf(opts, FILE), {}));
    const row = rowOf(model, 'customers');
    const ids = ['one-failure', 'two-failures'];
    const cells = strategyCells(model, ids, SIZES[opts.size].replicates);
    const trust = cells.map((c) =>
      Object.fromEntries(
        ids.map((id) => [id, Array.from({ length: READ_DAY + 1 }, (_, d) => c[id](d, 'trust', row))]),
      ),
    );
    const sat = Object.fromEntries(ids.map((id) => [id, cells[0][id](READ_DAY, 'satisfaction', row)]));
    return { trust, satisfaction: sat };
  });
}

function chart(p: Paths) {
  const rows = ['one-failure', 'two-failures'].flatMap((id) =>
    p.trust[0][id].map((t, d) => ({ day: d, trust: t, strategy: id })),
  );
  return lineChart({
    title: 'SF7: customers’ trust with one and with two fully recovered failures (replicate 0)',
    rows,
    x: 'day',
    xTitle: 'day',
    y: 'trust',
    yTitle: 'customers’ mean trust',
    series: 'strategy',
    targets: [{ label: 'pre-failure level', value: p.trust[0]['one-failure'][0] }],
  });
}

export const sf7NoTrustParadox: ValidationCheck = {
  id: 'sf07-no-trust-paradox',
  kind: 'fact',
  claim:
    'SF7: after one failure with full recovery (c ≥ 1, fast, with apology), transaction satisfaction may exceed expectation, but trust must not exceed its pre-failure level (allow +0.02). Measured: the largest rise of the claimants’ mean trust above day 0 over days 1–29.',
  source: 'EVIDENCE.md §b SF7 (H); de Matos, Henrique & Rossi 2007; Maxham & Netemeyer 2002',
  scenarios: [FILE],
  run(opts) {
    const p = paths(opts);
    const rise = p.trust.map((t) => Math.max(...t['one-failure'].slice(1)) - t['one-failure'][0]);
    return verdict({
      measured: mean(rise),
      target: 0.02,
      tolerance: 4 * standardError(rise),
      relation: 'at-most',
      toleranceRule: 'threshold raised by 4 standard errors of the per-replicate rise: 4·SD/√R',
      details: {
        replicates: rise.length,
        satisfactionOneFailure: round(p.satisfaction['one-failure']),
        satisfactionTwoFailures: round(p.satisfaction['two-failures']),
      },
      chart: chart(p),
    });
  },
};

export const sf7TwoFailures: ValidationCheck = {
  id: 'sf07-two-failures-below-baseline',
  kind: 'fact',
  claim:
    'SF7 (direction): after two failures no paradox appears: even full recovery of both leaves the claimants’ trust below its pre-failure level. Measured: T(0) − T(29) > 0.',
  source: 'EVIDENCE.md §b SF7 (H); Maxham & Netemeyer 2002',
  scenarios: [FILE],
  run(opts) {
    const p = paths(opts);
    const gap = p.trust.map((t) => t['two-failures'][0] - t['two-failures'][READ_DAY]);
    return verdict({
      measured: mean(gap),
      target: 0,
      tolerance: 4 * standardError(gap),
      relation: 'greater',
      toleranceRule: 'direction: the shortfall must exceed 4 standard errors of its replicate mean',
      details: { replicates: gap.length },
    });
  },
};

export const sf7Recency: ValidationCheck = {
  id: 'sf07-recency',
  kind: 'fact',
  claim:
    'SF7 recency (direction): a bad event followed by a good one of equal size leaves more trust than the good one followed by the bad one. Measured: paired T(bad then good) − T(good then bad), 14 days after the second event.',
  source: 'EVIDENCE.md §b SF7 (H, recency check); de Matos et al. 2007',
  scenarios: [RECENCY],
  run(opts) {
    const rows = memo(opts, RECENCY, () => {
      const model = compile(override(scenarioOf(opts, RECENCY), {}));
      return strategyMetric(model, ['bad-then-good', 'good-then-bad'], SIZES[opts.size].replicates, (cell) =>
        cell(READ_DAY, 'trust'),
      );
    });
    const d = rows.map((r) => r['bad-then-good'] - r['good-then-bad']);
    return verdict({
      measured: mean(d),
      target: 0,
      tolerance: 4 * standardError(d),
      relation: 'greater',
      toleranceRule: 'direction: the paired difference must exceed 4 standard errors of its replicate mean',
      details: {
        replicates: d.length,
        trustBadThenGood: round(mean(rows.map((r) => r['bad-then-good']))),
        trustGoodThenBad: round(mean(rows.map((r) => r['good-then-bad']))),
      },
    });
  },
};
