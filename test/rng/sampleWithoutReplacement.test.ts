import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Stream } from '../../sim/rng/Stream';
import { sampleWithoutReplacement } from '../../sim/rng/sampleWithoutReplacement';
import { chiSquare } from './statistics';

describe('sampleWithoutReplacement', () => {
  it('gives k distinct values in [0, n) in every regime (property)', () => {
    // k <= 48: Floyd with a scan; 4k >= n: selection sampling; otherwise Floyd with a hash set.
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 20_000 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.nat(),
        ([n, k], seed) => {
          const out = sampleWithoutReplacement(new Stream(seed, 0, 'swr/prop').next, n, k);
          if (out.length !== k) return false;
          const seen = new Set<number>();
          for (const x of out) {
            if (!(Number.isInteger(x) && x >= 0 && x < n) || seen.has(x)) return false;
            seen.add(x);
          }
          return true;
        },
      ),
      { numRuns: 500, seed: 1019 },
    );
  });

  it('writes into a provided buffer and leaves the rest untouched', () => {
    const out = new Int32Array(10).fill(-7);
    const res = sampleWithoutReplacement(new Stream(1, 0, 'swr').next, 100, 4, out);
    expect(res).toBe(out);
    expect(Array.from(out.subarray(4))).toEqual([-7, -7, -7, -7, -7, -7]);
  });

  // Each regime must make all k-subsets equally likely. With n = 6, k = 3 there are 20 subsets
  // (scan path); n = 200, k = 60 goes through the hash set; n = 100, k = 60 through selection.
  it('makes every 3-subset of 6 equally likely (chi-square, 19 df, 5 sd)', () => {
    const rand = new Stream(2, 0, 'swr/subsets').next;
    const N = 100_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const s = sampleWithoutReplacement(rand, 6, 3);
      const mask = (1 << s[0]!) | (1 << s[1]!) | (1 << s[2]!);
      counts.set(mask, (counts.get(mask) ?? 0) + 1);
    }
    expect(counts.size).toBe(20);
    const obs = [...counts.values()];
    const chi = chiSquare(obs, new Float64Array(20).fill(N / 20));
    expect(chi.stat).toBeLessThan(chi.limit);
  });

  for (const [n, k, path] of [
    [200, 60, 'hash-set Floyd'],
    [100, 60, 'selection sampling'],
    [50, 10, 'scanning Floyd'],
  ] as const) {
    it(`includes each value with probability k/n (${path}; chi-square over values, 5 sd)`, () => {
      const rand = new Stream(3, 0, `swr/${path}`).next;
      const T = 20_000;
      const hits = new Float64Array(n);
      for (let t = 0; t < T; t++) for (const x of sampleWithoutReplacement(rand, n, k)) hits[x]!++;
      // Inclusion counts are Binomial(T, k/n) per value; Pearson statistic ≈ (1 − k/n)·χ²(n−1), so the
      // plain chi-square limit is conservative.
      const chi = chiSquare(hits, new Float64Array(n).fill((T * k) / n));
      expect(chi.stat).toBeLessThan(chi.limit);
    });
  }

  it('handles k = 0 and k = n', () => {
    const rand = new Stream(4, 0, 'swr').next;
    expect(sampleWithoutReplacement(rand, 10, 0).length).toBe(0);
    expect(Array.from(sampleWithoutReplacement(rand, 1000, 1000)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  it('rejects k > n, negative n and a short buffer', () => {
    expect(() => sampleWithoutReplacement(() => 0.5, 5, 6)).toThrow(/k must be an integer in \[0, n=5\]/);
    expect(() => sampleWithoutReplacement(() => 0.5, -1, 0)).toThrow(/n must be/);
    expect(() => sampleWithoutReplacement(() => 0.5, 10, 5, new Int32Array(3))).toThrow(/out has length 3/);
  });
});
