/**
 * SF6, cash beats voucher (scenarios/validation/sf06-cash-vs-voucher.yaml): claimants' trust on day 14 after an
 * apology plus compensation of equal face value, cash against voucher, at c = 0.75, 1 and 1.5, paired by replicate.
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
  strategyMetric,
  verdict,
} from '../helpers';
import type { ValidationCheck } from '../types';

const FILE = 'sf06-cash-vs-voucher';
const SIZES = { test: { replicates: 4 }, full: { replicates: 8 } };
const LEVELS = ['0_75', '1', '1_5'];
const READ_DAY = 14;

export const sf6CashBeatsVoucher: ValidationCheck = {
  id: 'sf06-cash-beats-voucher',
  kind: 'fact',
  claim:
    'SF6 (direction): at equal face value and the same c, immediate cash yields higher post-recovery trust among claimants than a delayed voucher. Measured: the smallest paired difference T(cash) − T(voucher) on day 14 over c ∈ {0.75, 1, 1.5}.',
  source: 'EVIDENCE.md §b SF6 (M); Roschk & Gelbrich 2014',
  scenarios: [FILE],
  run(opts) {
    const r = memo(opts, FILE, () => {
      const model = compile(override(scenarioOf(opts, FILE), {}));
      const row = rowOf(model, 'claimants');
      const ids = LEVELS.flatMap((c) => [`cash-c${c}`, `voucher-c${c}`]);
      return strategyMetric(model, ids, SIZES[opts.size].replicates, (cell) => cell(READ_DAY, 'trust', row));
    });
    const diffs = LEVELS.map((c) => r.map((x) => x[`cash-c${c}`] - x[`voucher-c${c}`]));
    let k = 0;
    for (let i = 1; i < diffs.length; i++) if (mean(diffs[i]) < mean(diffs[k])) k = i;
    return verdict({
      measured: mean(diffs[k]),
      target: 0,
      tolerance: 4 * standardError(diffs[k]),
      relation: 'greater',
      toleranceRule:
        'direction: the smallest paired difference must exceed 4 standard errors of its replicate mean',
      details: Object.fromEntries([
        ['replicates', r.length],
        ['smallestAt', LEVELS[k].replace('_', '.')],
        ...LEVELS.map((c, i) => [`diff_c${c}`, round(mean(diffs[i]))]),
      ]),
      chart: dotChart({
        title: 'SF6: claimants’ trust on day 14, cash vs voucher of equal face value',
        rows: LEVELS.flatMap((c) =>
          ['cash', 'voucher'].map((f) => ({
            label: `c = ${c.replace('_', '.')}`,
            value: mean(r.map((x) => x[`${f}-c${c}`])),
            group: f,
          })),
        ),
        yTitle: 'claimants’ mean trust, day 14',
      }),
    });
  },
};
