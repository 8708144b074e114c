import fc from 'fast-check';
import { mean as mjMean, quantileSeq, std } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  areaUnderCurve,
  ciHalfWidth95,
  mean,
  metricStats,
  quantile,
  quantileSorted,
  sd,
  sortInPlace,
  tCritical95,
} from '../../sim/experiment/stats';

// t(0.975, 4) = 2.7764451051977987 (table: 2.7764).
const T975_4 = 2.7764451051977987;

describe('mean / sd / quantile on xs = [1, 2, 3, 4, 10]', () => {
  const xs = [1, 2, 3, 4, 10];

  it('mean = 20/5 = 4', () => {
    expect(mean(xs)).toBe(4);
  });

  it('sd: deviations −3,−2,−1,0,6 → squares 9+4+1+0+36 = 50 → 50/(5−1) = 12.5 → √12.5 = 3.5355339', () => {
    expect(sd(xs)).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(sd(xs)).toBeCloseTo(3.5355339059, 9);
  });

  it('type-7 quantiles: h = p·(n−1) = 4p, Q = x₍⌊h⌋₎ + frac(h)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)', () => {
    expect(quantile(xs, 0.05)).toBeCloseTo(1.2, 14); // h = 0.2: 1 + 0.2·(2 − 1)
    expect(quantile(xs, 0.95)).toBeCloseTo(8.8, 14); // h = 3.8: 4 + 0.8·(10 − 4)
    expect(quantile(xs, 0.6)).toBeCloseTo(3.4, 14); // h = 2.4: 3 + 0.4·(4 − 3)
    expect(quantile(xs, 0.5)).toBe(3); // h = 2
    expect(quantile(xs, 0.25)).toBe(2); // h = 1
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
  });

  it('does not depend on input order and does not modify the input', () => {
    const shuffled = [10, 3, 1, 4, 2];
    expect(quantile(shuffled, 0.95)).toBeCloseTo(8.8, 14);
    expect(shuffled).toEqual([10, 3, 1, 4, 2]);
    expect(quantileSorted([1, 2, 3, 4, 10], 0.05)).toBeCloseTo(1.2, 14);
  });

  it('accepts typed arrays', () => {
    const f = Float64Array.from(xs);
    expect(mean(f)).toBe(4);
    expect(sd(f)).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(quantile(f, 0.95)).toBeCloseTo(8.8, 14);
  });

  it('metricStats: ci95 = 4 ± t(.975,4)·3.5355339/√5 = 4 ± 2.7764451·1.5811388 = 4 ± 4.3899449', () => {
    const st = metricStats(xs);
    const half = (T975_4 * Math.sqrt(12.5)) / Math.sqrt(5);
    expect(half).toBeCloseTo(4.3899449, 6);
    expect(st.mean).toBe(4);
    expect(st.lo).toBeCloseTo(1.2, 14);
    expect(st.hi).toBeCloseTo(8.8, 14);
    expect(st.sd).toBeCloseTo(3.5355339059, 9);
    expect(st.n).toBe(5);
    expect(st.ci95![0]).toBeCloseTo(4 - half, 12);
    expect(st.ci95![1]).toBeCloseTo(4 + half, 12);
    expect(st.ci95![0]).toBeCloseTo(-0.3899449, 6);
    expect(st.ci95![1]).toBeCloseTo(8.3899449, 6);
  });
});

describe('metricStats edge cases', () => {
  it('n = 1: lo = hi = value; no spread to estimate, so sd and ci95 are null', () => {
    expect(metricStats([7])).toEqual({ mean: 7, lo: 7, hi: 7, ci95: null, sd: null, n: 1 });
  });

  it('n = 2, [0, 2]: mean 1, sd √2, lo 0.1, hi 1.9, ci95 = 1 ± 12.7062047·√2/√2', () => {
    // lo: h = 0.05 → 0 + 0.05·2 = 0.1; hi: h = 0.95 → 1.9; t(.975, 1) = 12.7062047
    const st = metricStats([0, 2]);
    expect(st.mean).toBe(1);
    expect(st.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(st.lo).toBeCloseTo(0.1, 14);
    expect(st.hi).toBeCloseTo(1.9, 14);
    expect(st.ci95![0]).toBeCloseTo(1 - 12.7062047, 6);
    expect(st.ci95![1]).toBeCloseTo(1 + 12.7062047, 6);
  });

  it('constant sample: zero-width intervals', () => {
    expect(metricStats([2, 2, 2])).toEqual({ mean: 2, lo: 2, hi: 2, ci95: [2, 2], sd: 0, n: 3 });
  });

  it('empty samples and bad probabilities throw', () => {
    expect(() => metricStats([])).toThrow(RangeError);
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sd([])).toThrow(RangeError);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });

  it('NaN in the sample propagates instead of giving a silently wrong quantile', () => {
    expect(quantile([1, Number.NaN, 3], 0.05)).toBeNaN();
    expect(metricStats([1, Number.NaN, 3]).mean).toBeNaN();
  });

  it('tCritical95 and ciHalfWidth95', () => {
    expect(tCritical95(4)).toBeCloseTo(T975_4, 12);
    expect(tCritical95(4)).toBe(tCritical95(4)); // memoised, same value
    expect(ciHalfWidth95(3, 1)).toBe(0);
    // t(.975, 9) = 2.2621572; 2.2621572·2 = 4.5243143; 4.5243143/√10 = 4.5243143/3.1622777 = 1.4307138
    expect(ciHalfWidth95(2, 10)).toBeCloseTo(1.4307138, 6);
  });
});

describe('areaUnderCurve (trapezoid rule)', () => {
  it('[1, 3, 2]: (1+3)/2 + (3+2)/2 = 2 + 2.5 = 4.5', () => {
    expect(areaUnderCurve([1, 3, 2])).toBe(4.5);
  });
  it('dt scales the area: dt = 0.5 → 2.25', () => {
    expect(areaUnderCurve([1, 3, 2], 0.5)).toBe(2.25);
  });
  it('linear 0,1,2,3 is exact: 3²/2 = 4.5', () => {
    expect(areaUnderCurve([0, 1, 2, 3])).toBe(4.5);
  });
  it('constant c over n days spans n − 1 days: 0.6 over 5 values → 2.4', () => {
    expect(areaUnderCurve([0.6, 0.6, 0.6, 0.6, 0.6])).toBeCloseTo(2.4, 14);
  });
  it('fewer than two values span no time', () => {
    expect(areaUnderCurve([])).toBe(0);
    expect(areaUnderCurve([5])).toBe(0);
  });
  it('rejects dt ≤ 0', () => {
    expect(() => areaUnderCurve([1, 2], 0)).toThrow(RangeError);
    expect(() => areaUnderCurve([1, 2], -1)).toThrow(RangeError);
  });
});

const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const sample = fc.array(value, { minLength: 1, maxLength: 200 });
const scaleOf = (xs: number[]) => Math.max(1, ...xs.map(Math.abs));

describe('agreement with mathjs (hand-written versions must match to 1e-12)', () => {
  it('mean and sd agree with mathjs mean / std', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const tol = 1e-12 * scaleOf(xs);
        expect(Math.abs(mean(xs) - (mjMean(xs) as number))).toBeLessThanOrEqual(tol);
        expect(Math.abs(sd(xs) - (std(xs) as unknown as number))).toBeLessThanOrEqual(tol);
      }),
      { seed: 1003 },
    );
  });

  it('quantile agrees with mathjs quantileSeq (type 7)', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        // mathjs 15.2 throws ("k must be a non-negative integer") when p·(n − 1) is within its epsilon of an
        // integer without being one, e.g. quantileSeq([0, 0], 5e-324); skip those inputs.
        const h = p * (xs.length - 1);
        const frac = h - Math.floor(h);
        fc.pre(frac === 0 || (frac > 1e-9 && frac < 1 - 1e-9));
        const expected = quantileSeq([...xs], p) as number;
        expect(Math.abs(quantile(xs, p) - expected)).toBeLessThanOrEqual(1e-12 * scaleOf(xs));
      }),
      { seed: 1004 },
    );
  });

  it('quantile agrees with mathjs on the fixed probabilities used by metricStats', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const st = metricStats(xs);
        const tol = 1e-12 * scaleOf(xs);
        expect(Math.abs(st.lo - (quantileSeq([...xs], 0.05) as number))).toBeLessThanOrEqual(tol);
        expect(Math.abs(st.hi - (quantileSeq([...xs], 0.95) as number))).toBeLessThanOrEqual(tol);
      }),
      { seed: 1005 },
    );
  });
});

describe('properties', () => {
  it('lo ≤ hi, ci95[0] ≤ mean ≤ ci95[1], sd ≥ 0, n = length', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const st = metricStats(xs);
        expect(st.lo).toBeLessThanOrEqual(st.hi);
        if (xs.length === 1) {
          expect(st.ci95).toBeNull();
          expect(st.sd).toBeNull();
        } else {
          expect(st.ci95![0]).toBeLessThanOrEqual(st.mean);
          expect(st.mean).toBeLessThanOrEqual(st.ci95![1]);
          expect(st.sd).toBeGreaterThanOrEqual(0);
        }
        expect(st.n).toBe(xs.length);
      }),
      { seed: 1006 },
    );
  });

  it('quantile never leaves [min, max] nor steps back by rounding (a found counterexample)', () => {
    // (1 − f)·x₀ + f·x₁ gave −999999.9989760921 here, an ulp below the minimum and below quantile(xs, 0).
    const xs = [-999999.995224568, 0, -999999.998976092, 0, 0, 0];
    const p = 1.8367812008766873e-9;
    expect(quantile(xs, 0)).toBe(-999999.998976092);
    expect(quantile(xs, p)).toBeGreaterThanOrEqual(quantile(xs, 0));
    expect(quantile(xs, p)).toBeLessThanOrEqual(quantile(xs, 0.2));
    expect(quantile([-Infinity, 1], 0.5)).toBe(-Infinity);
    expect(quantile([1, Infinity], 0.5)).toBe(Infinity);
    expect(quantile([3, 3], 0.3)).toBe(3);
  });

  it('interpolates between infinite or huge ends as mathjs does (x₍ᵢ₊₁₎ − x₍ᵢ₎ overflowing to ∞ included)', () => {
    // −∞ and +∞: (1 − f)·(−∞) + f·∞ is NaN, as in mathjs; not −∞ (one end) as if the interpolation were skipped.
    expect(quantile([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], 0.5)).toBeNaN();
    expect(quantileSeq([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], 0.5)).toBeNaN();
    // 1e308 − (−1e308) overflows to ∞: Q(0.5) is 0 and Q(0.05) = 0.95·(−1e308) + 0.05·1e308 = −9e307, not an end.
    const xs = [-1e308, 1e308];
    expect(quantile(xs, 0.5)).toBe(0);
    for (const p of [0.05, 0.3, 0.95]) {
      const want = quantileSeq(xs, p) as number;
      expect(Math.abs(quantile(xs, p) - want), `p = ${p}`).toBeLessThanOrEqual(1e-12 * Math.abs(want));
    }
    expect(metricStats(xs).lo).toBe(quantile(xs, 0.05));
  });

  it('quantile is monotone in p and stays within [min, max]', () => {
    fc.assert(
      fc.property(
        sample,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p1, p2) => {
          const [a, b] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qa = quantile(xs, a);
          const qb = quantile(xs, b);
          expect(qa).toBeLessThanOrEqual(qb);
          expect(qa).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(qb).toBeLessThanOrEqual(Math.max(...xs));
        },
      ),
      { seed: 1007 },
    );
  });

  it('areaUnderCurve of a constant c over n values is c·(n − 1)', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 400 }), (c, n) => {
        const area = areaUnderCurve(new Array(n).fill(c));
        expect(Math.abs(area - c * Math.max(0, n - 1))).toBeLessThanOrEqual(1e-12 * Math.abs(c) * n + 1e-300);
      }),
      { seed: 1008 },
    );
  });
});

describe('sortInPlace', () => {
  const value = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, -1),
  );
  it('orders exactly like Float64Array.prototype.sort (−0 before +0, NaN last), short and long', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), (xs) => {
        const ours = sortInPlace(Float64Array.from(xs));
        const builtIn = Float64Array.from(xs).sort();
        expect(ours.length).toBe(builtIn.length);
        for (let i = 0; i < ours.length; i++) expect(Object.is(ours[i], builtIn[i])).toBe(true);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('sorts in place and returns the same array', () => {
    const a = Float64Array.from([3, -0, Number.NaN, 0, -2]);
    expect(sortInPlace(a)).toBe(a);
    expect([...a].map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual(['-2', '-0', '0', '3', 'NaN']);
  });
});
