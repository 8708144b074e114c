import { describe, expect, it } from 'vitest';
import { Stream } from '../../sim/rng/Stream';
import { uniform, uniformInt } from '../../sim/rng/uniform';
import { chiSquare, sampleMoments, seMean, seVariance } from './statistics';

describe('uniform', () => {
  it('has mean (lo + hi)/2 and variance (hi − lo)²/12 (5 SE)', () => {
    const rand = new Stream(1, 0, 'uniform').next;
    const N = 200_000;
    const m = sampleMoments(N, () => uniform(rand, -2, 6));
    expect(Math.abs(m.mean - 2)).toBeLessThan(5 * seMean(64 / 12, N));
    expect(Math.abs(m.variance - 64 / 12)).toBeLessThan(5 * seVariance(m));
  });

  it('stays in [lo, hi) and defaults to [0, 1)', () => {
    const rand = new Stream(2, 0, 'uniform').next;
    let ok = true;
    for (let i = 0; i < 10_000; i++) {
      const x = uniform(rand, 3, 4);
      const y = uniform(rand);
      if (!(x >= 3 && x < 4 && y >= 0 && y < 1)) ok = false;
    }
    expect(ok).toBe(true);
    expect(uniform(() => 0.5, 5, 5)).toBe(5);
  });

  it('rejects hi < lo and NaN bounds', () => {
    expect(() => uniform(() => 0.5, 1, 0)).toThrow(/lo <= hi/);
    expect(() => uniform(() => 0.5, 0, Number.NaN)).toThrow(RangeError);
  });
});

describe('uniformInt', () => {
  it('is uniform on [0, n) (chi-square, 5 sd)', () => {
    const rand = new Stream(3, 0, 'uniformInt').next;
    const n = 37;
    const N = 100_000;
    const hist = new Float64Array(n);
    for (let i = 0; i < N; i++) hist[uniformInt(rand, n)]!++;
    const chi = chiSquare(hist, new Float64Array(n).fill(N / n));
    expect(chi.stat).toBeLessThan(chi.limit);
  });
});
