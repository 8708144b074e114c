import { describe, expect, it } from 'vitest';
import { metricStats } from '../../sim/experiment/stats';
import type { MetricStats } from '../../sim/experiment/types';
import { formatNumber, replicatesNeeded, replicateWarnings } from '../../sim/experiment/warnings';

const stats = (n: number, lo: number, hi: number): MetricStats => ({
  mean: (lo + hi) / 2,
  lo,
  hi,
  ci95: [lo, hi],
  sd: 1,
  n,
});

describe('replicateWarnings', () => {
  it('warns when fewer than 20 replicates', () => {
    expect(replicateWarnings({ replicates: 5, metricsStats: [] })).toEqual([
      'The 90% interval is estimated from only 5 replicates; its ends are unreliable; use --replicates 20 or more.',
    ]);
    expect(replicateWarnings({ replicates: 2, metricsStats: [] })).toEqual([
      'The 90% interval is estimated from only 2 replicates; its ends are unreliable; use --replicates 20 or more.',
    ]);
    expect(replicateWarnings({ replicates: 19, metricsStats: [] })).toHaveLength(1);
    expect(replicateWarnings({ replicates: 20, metricsStats: [] })).toEqual([]);
  });

  it('one replicate: says there is no spread, and skips the half-width check (no CI to check)', () => {
    const one = {
      strategy: 'a',
      metric: 'trust',
      stats: { mean: 1, lo: 1, hi: 1, ci95: null, sd: null, n: 1 },
    };
    expect(replicateWarnings({ replicates: 1, metricsStats: [one], targetHalfWidth: 0.01 })).toEqual([
      'A single replicate has no spread: lo = hi = its value, and ci95 and sd are null. For intervals, compare 20 or more replicates (trustsim compare --replicates 20).',
    ]);
  });

  it('no target: no half-width warnings however wide the intervals are', () => {
    const entries = [{ strategy: 'a', metric: 'trust', stats: stats(30, -100, 100) }];
    expect(replicateWarnings({ replicates: 30, metricsStats: entries })).toEqual([]);
  });

  it('reports the half-width reached and the replicates needed', () => {
    // ci95 = [0.7, 1.3] → half-width 0.3; target 0.1 → n·(0.3/0.1)² = 10·9 = 90
    // (in floating point 10·(0.30000000000000004/0.1)² = 90.00000000000003; it must still round to 90)
    const out = replicateWarnings({
      replicates: 10,
      metricsStats: [{ strategy: 'steady', metric: 'trust_auc', stats: stats(10, 0.7, 1.3) }],
      targetHalfWidth: 0.1,
    });
    expect(out).toEqual([
      'The 90% interval is estimated from only 10 replicates; its ends are unreliable; use --replicates 20 or more.',
      'steady / trust_auc: the 95% confidence interval of the mean is ±0.3 wide with 10 replicates, ' +
        'more than the target ±0.1; about 90 replicates would be needed.',
    ]);
  });

  it('a half-width just over the target still asks for more replicates than were run', () => {
    // n·(h/t)² = 20·(1 + 1e-12)² rounds to 20 (the guard against rounding noise): at least n + 1 = 21 are asked for.
    const out = replicateWarnings({
      replicates: 20,
      metricsStats: [{ strategy: 'a', metric: 'trust', stats: stats(20, -(1 + 1e-12), 1 + 1e-12) }],
      targetHalfWidth: 1,
    });
    expect(out).toEqual([
      'a / trust: the 95% confidence interval of the mean is ±1 wide with 20 replicates, more than the target ±1; about 21 replicates would be needed.',
    ]);
  });

  it('uses metricStats output: xs = [1,2,3,4,10] has half-width 4.3899449; target 1 → ⌈5·4.3899449²⌉ = ⌈96.358⌉ = 97', () => {
    const out = replicateWarnings({
      replicates: 25,
      metricsStats: [
        {
          strategy: 'apologise',
          metric: 'trust',
          segment: 'claimants',
          stats: metricStats([1, 2, 3, 4, 10]),
        },
      ],
      targetHalfWidth: 1,
    });
    expect(out).toEqual([
      'apologise / trust (segment claimants): the 95% confidence interval of the mean is ±4.39 wide with 5 replicates, ' +
        'more than the target ±1; about 97 replicates would be needed.',
    ]);
  });

  it('stays silent at or below the target; segment "all" is not named', () => {
    const out = replicateWarnings({
      replicates: 25,
      metricsStats: [
        { strategy: 'a', metric: 'trust', segment: 'all', stats: stats(25, 0, 2) }, // half-width 1 = target
        { strategy: 'b', metric: 'trust', segment: 'all', stats: stats(25, 0, 1) }, // 0.5 < target
        { strategy: 'c', metric: 'trust', segment: 'all', stats: stats(25, -2, 2) }, // 2 > target: 25·4 = 100
      ],
      targetHalfWidth: 1,
    });
    expect(out).toEqual([
      'c / trust: the 95% confidence interval of the mean is ±2 wide with 25 replicates, ' +
        'more than the target ±1; about 100 replicates would be needed.',
    ]);
  });

  it('asks for at least one more replicate when the excess is tiny', () => {
    // 10·(0.1000000001/0.1)² = 10.000000002 → would round to 10 after the rounding guard; at least n + 1 = 11
    const out = replicateWarnings({
      replicates: 20,
      metricsStats: [{ strategy: 'a', metric: 'm', stats: stats(10, 0, 0.2000000002) }],
      targetHalfWidth: 0.1,
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/about 11 replicates would be needed/);
  });

  it('output is sorted and deduplicated', () => {
    const e = (strategy: string) => ({ strategy, metric: 'm', stats: stats(20, -2, 2) });
    const out = replicateWarnings({
      replicates: 20,
      metricsStats: [e('zeta'), e('alpha'), e('zeta'), e('mid')],
      targetHalfWidth: 1,
    });
    expect(out.map((w) => w.split(' ')[0])).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('rejects a non-positive target', () => {
    expect(() => replicateWarnings({ replicates: 20, metricsStats: [], targetHalfWidth: 0 })).toThrow(
      RangeError,
    );
    expect(() => replicateWarnings({ replicates: 20, metricsStats: [], targetHalfWidth: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('helpers', () => {
  it('replicatesNeeded = ⌈n·(hw/target)²⌉', () => {
    expect(replicatesNeeded(25, 2, 0.5)).toBe(400); // 25·4² = 400
    expect(replicatesNeeded(10, 0.3, 0.2)).toBe(23); // 10·1.5² = 22.5 → 23
  });
  it('formatNumber keeps 3 significant digits, all integer digits from 1000 up', () => {
    expect(formatNumber(4.389944851)).toBe('4.39');
    expect(formatNumber(0.30000000000000004)).toBe('0.3');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(0.000123456)).toBe('0.000123');
    expect(formatNumber(123.456)).toBe('123');
    expect(formatNumber(-2.5)).toBe('-2.5');
  });
});
