import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomial } from '../../sim/rng/binomial';
import { logFactorial } from '../../sim/rng/logFactorial';
import { Stream } from '../../sim/rng/Stream';
import {
  chiSquare,
  expectedFromPmf,
  integerHistogram,
  sampleMoments,
  seMean,
  seVariance,
} from './statistics';

function binomialPmf(n: number, p: number): (k: number) => number {
  return (k) =>
    k > n
      ? 0
      : Math.exp(
          logFactorial(n) -
            logFactorial(k) -
            logFactorial(n - k) +
            k * Math.log(p) +
            (n - k) * Math.log1p(-p),
        );
}

describe('binomial', () => {
  const N = 200_000;
  // Regimes: n·min(p, 1−p) < 10 → inversion; otherwise BTRS; p > 0.5 via n − Binomial(n, 1 − p).
  const cases: [number, number, string][] = [
    [20, 0.1, 'inversion'],
    [1, 0.5, 'inversion, n = 1'],
    [50, 0.9, 'inversion, p > 0.5'],
    [99, 0.1, 'inversion, n·p just under 10'],
    [100, 0.1, 'BTRS, n·p = 10'],
    [1000, 0.3, 'BTRS'],
    [1_000_000, 0.7, 'BTRS, large n, p > 0.5'],
    [2_000_000_000, 1e-6, 'BTRS, huge n, tiny p'],
  ];
  for (const [n, p, regime] of cases) {
    it(`Binomial(${n}, ${p}) has mean np and variance np(1−p) (5 SE; ${regime})`, () => {
      const rand = new Stream(1, 0, `binomial/${n}/${p}`).next;
      const m = sampleMoments(N, () => binomial(rand, n, p));
      const variance = n * p * (1 - p);
      expect(Math.abs(m.mean - n * p)).toBeLessThan(5 * seMean(variance, N));
      expect(Math.abs(m.variance - variance)).toBeLessThan(5 * seVariance(m));
    });
  }

  // The rejection samplers can be wrong in shape while right in mean and variance: check the pmf.
  for (const [n, p] of [
    [10, 0.3],
    [40, 0.5],
    [200, 0.25],
    [5000, 0.02],
  ] as const) {
    it(`Binomial(${n}, ${p}) matches its pmf (chi-square, pooled to ≥ 5 expected, 5 sd)`, () => {
      const rand = new Stream(2, 0, `binomial/pmf/${n}`).next;
      const max = Math.min(n, Math.ceil(n * p + 8 * Math.sqrt(n * p * (1 - p)) + 5));
      const hist = integerHistogram(N, max, () => binomial(rand, n, p));
      const chi = chiSquare(hist, expectedFromPmf(N, max, binomialPmf(n, p)));
      expect(chi.stat).toBeLessThan(chi.limit);
    });
  }

  it('handles the edges n = 0, p = 0 and p = 1 without drawing', () => {
    const rand = () => {
      throw new Error('should not draw');
    };
    expect(binomial(rand, 0, 0.5)).toBe(0);
    expect(binomial(rand, 10, 0)).toBe(0);
    expect(binomial(rand, 10, 1)).toBe(10);
  });

  it('returns an integer in [0, n] (property)', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (n, p, seed) => {
        const rand = new Stream(seed, 0, 'binomial/prop').next;
        const k = binomial(rand, n, p);
        return Number.isInteger(k) && k >= 0 && k <= n;
      }),
      { numRuns: 1000, seed: 1032 },
    );
  });

  it('rejects a bad n or p', () => {
    expect(() => binomial(() => 0.5, -1, 0.5)).toThrow(/n must be an integer >= 0/);
    expect(() => binomial(() => 0.5, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomial(() => 0.5, 10, 1.1)).toThrow(/p must be in \[0, 1\]/);
    expect(() => binomial(() => 0.5, 10, Number.NaN)).toThrow(RangeError);
  });
});
