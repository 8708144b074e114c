import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, fmix32, hash4, hashString, streamKey, u01, u01At } from '../../sim/rng/hash';
import { chiSquare, correlation, moments, seMean } from './statistics';

const N = 1_000_000;
const KEY = streamKey(20250101, 0, 'test/u01');

describe('hashString', () => {
  it('equals u01At(dayKey(key, day), agent, k), the form hoisted out of loops over agents', () => {
    const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 });
    fc.assert(
      fc.property(i32, i32, i32, i32, (key, day, agent, k) => {
        expect(u01At(dayKey(key, day), agent, k)).toBe(u01(key, day, agent, k));
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(u01At(dayKey(KEY, 3), 17, 2)).toBe(u01(KEY, 3, 17, 2));
  });

  it('is stable: pinned values guard against accidental changes to the mixing', () => {
    expect(hashString('')).toBe(fmix32(0x811c9dc5));
    expect(hashString('wom')).toBe(hashString('wom'));
    expect([hashString('wom'), hashString('media'), hashString('incidents')]).toMatchInlineSnapshot(`
      [
        2044593367,
        2487121293,
        444960394,
      ]
    `);
  });

  it('gives distinct uint32 values for nearby strings', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const h = hashString(`purpose-${i}`);
      expect(h >>> 0).toBe(h);
      seen.add(h);
    }
    expect(seen.size).toBe(10_000);
  });
});

describe('streamKey', () => {
  it('depends on seed (all 53 bits), replicate and purpose', () => {
    const base = streamKey(7, 0, 'wom');
    expect(streamKey(7, 0, 'wom')).toBe(base);
    const others = [
      streamKey(8, 0, 'wom'),
      streamKey(7 + 2 ** 32, 0, 'wom'),
      streamKey(-7, 0, 'wom'),
      streamKey(7, 1, 'wom'),
      streamKey(7, 0, 'media'),
    ];
    expect(new Set([base, ...others]).size).toBe(6);
  });

  it('is MurmurHash3 of (seed low word, seed high word, replicate) seeded by the purpose hash, pinned', () => {
    // Every random draw of a run descends from these keys: a change here changes every output file.
    expect(streamKey(20250101, 3, 'wom/talk')).toBe(hash4(hashString('wom/talk'), 20250101, 0, 3));
    expect(streamKey(7 + 2 ** 32, 5, 'media')).toBe(hash4(hashString('media'), 7, 1, 5));
    expect(streamKey(-7, 0, 'wom')).toBe(hash4(hashString('wom'), 2 ** 32 - 7, 2 ** 32 - 1, 0));
    expect([
      streamKey(20250101, 3, 'wom/talk'),
      streamKey(7 + 2 ** 32, 5, 'media'),
      streamKey(-7, 0, 'wom'),
    ]).toEqual([164463174, 1707660728, 1152728708]);
  });

  it('rejects seeds and replicates that are not safe integers', () => {
    expect(() => streamKey(1.5, 0, 'x')).toThrow(/seed must be a safe integer/);
    expect(() => streamKey(2 ** 53, 0, 'x')).toThrow(/seed/);
    expect(() => streamKey(1, Number.NaN, 'x')).toThrow(/replicate/);
    expect(() => streamKey(1, 1.5, 'x')).toThrow(/replicate must be a safe integer/);
    expect(() => streamKey(1, 2 ** 53, 'x')).toThrow(/replicate must be a safe integer/);
  });
});

describe('u01', () => {
  it('is a pure function of its integer arguments; k defaults to 0', () => {
    expect(u01(KEY, 3, 17, 2)).toBe(u01(KEY, 3, 17, 2));
    expect(u01(KEY, 3, 17)).toBe(u01(KEY, 3, 17, 0));
    expect(u01(KEY, 3, 17, 1)).not.toBe(u01(KEY, 3, 17, 0));
    expect(u01(KEY, 3, 17)).toBe(hash4(KEY, 3, 17, 0) / 2 ** 32);
  });

  it('is exactly hash4 · 2⁻³² (dayKey then u01At) for any 32-bit arguments', () => {
    const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 });
    fc.assert(
      fc.property(i32, i32, i32, i32, (key, day, agent, k) => {
        expect(u01(key, day, agent, k)).toBe(hash4(key, day, agent, k) / 2 ** 32);
      }),
      { numRuns: 2000, seed: 42 },
    );
  });

  it('is stable: pinned values guard against accidental changes to the mixing', () => {
    const key = streamKey(42, 0, 'wom');
    expect([key, u01(key, 0, 0), u01(key, 1, 0), u01(key, 0, 1), u01(key, 0, 0, 1)]).toMatchInlineSnapshot(`
      [
        4068185043,
        0.07296744198538363,
        0.5817703159991652,
        0.3261021915823221,
        0.5939780662301928,
      ]
    `);
  });

  it('always lies in [0, 1) (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), fc.integer(), fc.integer(), (key, day, agent, k) => {
        const u = u01(key, day, agent, k);
        return u >= 0 && u < 1;
      }),
      { numRuns: 5000, seed: 1018 },
    );
  });

  // Uniform(0,1): mean 1/2, variance 1/12, fourth central moment 1/80.
  // Tolerance: 5 SE. Mean SE = √(1/12/N); variance SE = √((1/80 − 1/144)/N).
  const varianceSE = Math.sqrt((1 / 80 - 1 / 144) / N);
  const cases: [string, (i: number) => number][] = [
    ['consecutive agents', (i) => u01(KEY, 5, i)],
    ['consecutive days', (i) => u01(KEY, i, 123)],
    ['consecutive sub-indices k', (i) => u01(KEY, 9, 4, i)],
    ['consecutive keys', (i) => u01(i, 0, 0)],
  ];
  for (const [name, f] of cases) {
    it(`is uniform over ${name}: mean, variance and a 100-bin chi-square`, () => {
      const xs = new Float64Array(N);
      const bins = new Float64Array(100);
      for (let i = 0; i < N; i++) {
        const u = f(i);
        xs[i] = u;
        bins[Math.floor(u * 100)]!++;
      }
      const m = moments(xs);
      expect(Math.abs(m.mean - 0.5)).toBeLessThan(5 * seMean(1 / 12, N));
      expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(5 * varianceSE);
      // Chi-square with 99 df: mean 99, sd √198; accept within 5 sd on both sides (too uniform is suspect too).
      const chi = chiSquare(bins, new Float64Array(100).fill(N / 100));
      expect(chi.df).toBe(99);
      expect(chi.stat).toBeLessThan(chi.limit);
      expect(chi.stat).toBeGreaterThan(99 - 5 * Math.sqrt(198));
    });

    it(`shows no correlation between neighbours over ${name} (lag 1 and a 10×10 pair chi-square)`, () => {
      const xs = new Float64Array(N + 1);
      for (let i = 0; i <= N; i++) xs[i] = f(i);
      // Under independence the correlation has SE ≈ 1/√N; tolerance 5 SE.
      expect(Math.abs(correlation(xs.subarray(0, N), xs.subarray(1)))).toBeLessThan(5 / Math.sqrt(N));
      // Non-overlapping pairs (x[2i], x[2i+1]) on a 10×10 grid: 99 df.
      const cells = new Float64Array(100);
      for (let i = 0; i + 1 < N; i += 2) cells[Math.floor(xs[i]! * 10) * 10 + Math.floor(xs[i + 1]! * 10)]!++;
      const chi = chiSquare(cells, new Float64Array(100).fill(N / 2 / 100));
      expect(chi.stat).toBeLessThan(chi.limit);
    });
  }

  it('is uncorrelated across keys for the same (day, agent)', () => {
    const other = streamKey(20250101, 1, 'test/u01');
    const n = 200_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = u01(KEY, 1, i);
      b[i] = u01(other, 1, i);
    }
    expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe('hash4', () => {
  it('balances every output bit over consecutive inputs', () => {
    // Each bit is Bernoulli(1/2) over n inputs: SE of the count is √n/2; tolerance 5 SE.
    const n = 1 << 16;
    const ones = new Float64Array(32);
    for (let i = 0; i < n; i++) {
      const h = hash4(KEY, 0, i, 0);
      for (let b = 0; b < 32; b++) ones[b]! += (h >>> b) & 1;
    }
    for (let b = 0; b < 32; b++) expect(Math.abs(ones[b]! - n / 2)).toBeLessThan((5 * Math.sqrt(n)) / 2);
  });

  it('avalanches: flipping one input bit flips each output bit with probability 1/2', () => {
    // For every (input word, input bit) the flip rate of each output bit over T trials has SE √(1/4/T);
    // we check the average number of flipped output bits: mean 16, SE √(8/T); tolerance 5 SE.
    const T = 2000;
    for (let word = 0; word < 3; word++) {
      for (let bit = 0; bit < 32; bit++) {
        let flips = 0;
        for (let t = 0; t < T; t++) {
          const a = hash4(1, t * 3, t * 7 + 1, t);
          const args = [t * 3, t * 7 + 1, t];
          args[word] = args[word]! ^ (1 << bit);
          const b = hash4(1, args[0]!, args[1]!, args[2]!);
          let x = (a ^ b) >>> 0;
          while (x) {
            flips += x & 1;
            x >>>= 1;
          }
        }
        expect(Math.abs(flips / T - 16)).toBeLessThan(5 * Math.sqrt(8 / T));
      }
    }
  });
});
