import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gamma, gammaLog } from '../../sim/rng/gamma';
import { Stream } from '../../sim/rng/Stream';
import { sampleMoments, seMean, seVariance } from './statistics';

describe('gamma', () => {
  const N = 200_000;
  // Gamma(shape k, scale θ): mean kθ, variance kθ². Tolerance 5 SE (variance SE from the sample's m4).
  for (const [shape, scale] of [
    [0.1, 1],
    [0.5, 2],
    [1, 1],
    [2.5, 0.4],
    [30, 3],
  ] as const) {
    it(`Gamma(${shape}, ${scale}) has mean kθ and variance kθ² (5 SE; ${shape < 1 ? 'boost' : 'Marsaglia–Tsang'})`, () => {
      const rand = new Stream(1, 0, `gamma/${shape}`).next;
      const m = sampleMoments(N, () => gamma(rand, shape, scale));
      const variance = shape * scale * scale;
      expect(Math.abs(m.mean - shape * scale)).toBeLessThan(5 * seMean(variance, N));
      expect(Math.abs(m.variance - variance)).toBeLessThan(5 * seVariance(m));
    });
  }

  it('is non-negative and finite (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.nat(), (shape, seed) => {
        const rand = new Stream(seed, 0, 'gamma/prop').next;
        for (let i = 0; i < 5; i++) {
          const x = gamma(rand, shape, 2);
          if (!(x >= 0 && Number.isFinite(x))) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 1017 },
    );
  });

  it('rejects non-positive shape or scale', () => {
    expect(() => gamma(() => 0.5, 0)).toThrow(/shape must be > 0/);
    expect(() => gamma(() => 0.5, 1, -1)).toThrow(/scale must be > 0/);
    expect(() => gamma(() => 0.5, Number.NaN)).toThrow(RangeError);
  });
});

describe('gammaLog', () => {
  it('is the log of a gamma variate: E[exp(gammaLog)] = shape (5 SE)', () => {
    const N = 200_000;
    for (const shape of [0.3, 4]) {
      const rand = new Stream(2, 0, `gammaLog/${shape}`).next;
      const m = sampleMoments(N, () => Math.exp(gammaLog(rand, shape)));
      expect(Math.abs(m.mean - shape)).toBeLessThan(5 * seMean(shape, N));
    }
  });

  it('stays finite for tiny shapes where gamma() underflows to 0', () => {
    const rand = new Stream(3, 0, 'gammaLog/tiny').next;
    let finite = true;
    for (let i = 0; i < 10_000; i++) if (!Number.isFinite(gammaLog(rand, 0.001))) finite = false;
    expect(finite).toBe(true);
  });
});
