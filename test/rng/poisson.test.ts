import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../sim/rng/logFactorial';
import { poisson } from '../../sim/rng/poisson';
import { Stream } from '../../sim/rng/Stream';
import {
  chiSquare,
  expectedFromPmf,
  integerHistogram,
  sampleMoments,
  seMean,
  seVariance,
} from './statistics';

const poissonPmf = (mean: number) => (k: number) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k));

describe('poisson', () => {
  const N = 200_000;
  // Regimes: mean < 10 → inversion; mean >= 10 → PTRS.
  for (const mean of [0.01, 0.5, 3, 9.99, 10, 50, 1e4, 1e8]) {
    it(`Poisson(${mean}) has mean and variance λ (5 SE; ${mean < 10 ? 'inversion' : 'PTRS'})`, () => {
      const rand = new Stream(1, 0, `poisson/${mean}`).next;
      const m = sampleMoments(N, () => poisson(rand, mean));
      expect(Math.abs(m.mean - mean)).toBeLessThan(5 * seMean(mean, N));
      expect(Math.abs(m.variance - mean)).toBeLessThan(5 * seVariance(m));
    });
  }

  for (const mean of [3, 12, 30, 400]) {
    it(`Poisson(${mean}) matches its pmf (chi-square, pooled to ≥ 5 expected, 5 sd)`, () => {
      const rand = new Stream(2, 0, `poisson/pmf/${mean}`).next;
      const max = Math.ceil(mean + 8 * Math.sqrt(mean) + 5);
      const hist = integerHistogram(N, max, () => poisson(rand, mean));
      const chi = chiSquare(hist, expectedFromPmf(N, max, poissonPmf(mean)));
      expect(chi.stat).toBeLessThan(chi.limit);
    });
  }

  it('returns 0 for mean 0 without drawing', () => {
    expect(
      poisson(() => {
        throw new Error('should not draw');
      }, 0),
    ).toBe(0);
  });

  it('returns a non-negative integer (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(), (mean, seed) => {
        const k = poisson(new Stream(seed, 0, 'poisson/prop').next, mean);
        return Number.isInteger(k) && k >= 0;
      }),
      { numRuns: 1000, seed: 1033 },
    );
  });

  it('rejects negative, infinite or NaN means', () => {
    expect(() => poisson(() => 0.5, -1)).toThrow(/mean must be finite and >= 0/);
    expect(() => poisson(() => 0.5, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => poisson(() => 0.5, Number.NaN)).toThrow(RangeError);
  });
});
