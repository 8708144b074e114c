import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beta, betaFromMeanSd } from '../../sim/rng/beta';
import { Stream } from '../../sim/rng/Stream';
import { sampleMoments, seMean, seVariance } from './statistics';

const betaMean = (a: number, b: number) => a / (a + b);
const betaVar = (a: number, b: number) => (a * b) / ((a + b) ** 2 * (a + b + 1));

describe('beta', () => {
  const N = 200_000;
  for (const [a, b] of [
    [2, 3],
    [0.5, 0.5],
    [0.2, 5],
    [50, 50],
    [1, 1],
  ] as const) {
    it(`Beta(${a}, ${b}) has mean a/(a+b) and variance ab/((a+b)²(a+b+1)) (5 SE)`, () => {
      const rand = new Stream(1, 0, `beta/${a}/${b}`).next;
      const m = sampleMoments(N, () => beta(rand, a, b));
      expect(Math.abs(m.mean - betaMean(a, b))).toBeLessThan(5 * seMean(betaVar(a, b), N));
      expect(Math.abs(m.variance - betaVar(a, b))).toBeLessThan(5 * seVariance(m));
    });
  }

  it('stays in [0, 1] and never NaN, even for tiny shapes (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 500, noNaN: true }),
        fc.double({ min: 0.001, max: 500, noNaN: true }),
        fc.nat(),
        (a, b, seed) => {
          const rand = new Stream(seed, 0, 'beta/prop').next;
          for (let i = 0; i < 5; i++) {
            const x = beta(rand, a, b);
            if (!(x >= 0 && x <= 1)) return false;
          }
          return true;
        },
      ),
      { numRuns: 300, seed: 1020 },
    );
  });

  it('Beta(0.01, 0.01) piles up at 0 and 1 with mean 1/2 (5 SE, variance ≈ 1/4)', () => {
    const rand = new Stream(2, 0, 'beta/tiny').next;
    const m = sampleMoments(N, () => beta(rand, 0.01, 0.01));
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * seMean(betaVar(0.01, 0.01), N));
  });

  it('rejects non-positive shapes', () => {
    expect(() => beta(() => 0.5, 0, 1)).toThrow(/a must be > 0/);
    expect(() => beta(() => 0.5, 1, -2)).toThrow(/b must be > 0/);
  });
});

describe('betaFromMeanSd', () => {
  it('returns shapes with exactly that mean and sd', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (mean, f) => {
          const sd = f * Math.sqrt(mean * (1 - mean));
          const { a, b } = betaFromMeanSd(mean, sd);
          return (
            a > 0 &&
            b > 0 &&
            Math.abs(betaMean(a, b) - mean) < 1e-9 &&
            Math.abs(Math.sqrt(betaVar(a, b)) - sd) < 1e-9 * Math.max(1, sd)
          );
        },
      ),
      { seed: 1021 },
    );
    expect(betaFromMeanSd(0.5, Math.sqrt(1 / 12))).toEqual({ a: 1, b: 1 });
  });

  it('samples with the requested mean and sd (5 SE)', () => {
    const N = 200_000;
    const { a, b } = betaFromMeanSd(0.7, 0.1);
    const rand = new Stream(3, 0, 'beta/meanSd').next;
    const m = sampleMoments(N, () => beta(rand, a, b));
    expect(Math.abs(m.mean - 0.7)).toBeLessThan(5 * seMean(0.01, N));
    expect(Math.abs(m.variance - 0.01)).toBeLessThan(5 * seVariance(m));
  });

  it('rejects sd² >= mean(1 − mean), sd <= 0 and means outside (0, 1), saying why', () => {
    expect(() => betaFromMeanSd(0.5, 0.5)).toThrow(/sd\^2 < mean\(1 - mean\) = 0.25/);
    expect(() => betaFromMeanSd(0.9, 0.31)).toThrow(RangeError);
    expect(() => betaFromMeanSd(0.5, 0)).toThrow(RangeError);
    expect(() => betaFromMeanSd(0, 0.1)).toThrow(/mean must be in \(0, 1\)/);
    expect(() => betaFromMeanSd(1, 0.1)).toThrow(/mean/);
  });
});
