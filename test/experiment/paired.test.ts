import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTie, pairedComparison } from '../../sim/experiment/paired';

const meta = {
  strategy: 'apologise',
  baseline: 'deny',
  metric: 'trust',
  segment: 'all',
  direction: 1 as const,
};
const T975_4 = 2.7764451051977987; // t(0.975, 4)

describe('pairedComparison, hand-computed example with a tie', () => {
  // s = [10, 12, 9, 15, 7], b = [8, 12, 10, 11, 6]
  // d = s − b = [2, 0, −1, 4, 1]; Σd = 6 → diff = 6/5 = 1.2
  // sorted d = [−1, 0, 1, 2, 4]; lo: h = 0.05·4 = 0.2 → −1 + 0.2·1 = −0.8; hi: h = 3.8 → 2 + 0.8·2 = 3.6
  // d − 1.2 = [0.8, −1.2, −2.2, 2.8, −0.2]; squares 0.64 + 1.44 + 4.84 + 7.84 + 0.04 = 14.8
  // var = 14.8/4 = 3.7, sd = √3.7 = 1.9235384; half = t(.975,4)·sd/√5 = 2.7764451·√0.74 = 2.7764451·0.8602325 = 2.3883884
  // direction +1: better where d > 0 → replicates 0, 3, 4 = 3; tie at replicate 1 → ½; pBetter = 3.5/5 = 0.7
  const s = [10, 12, 9, 15, 7];
  const b = [8, 12, 10, 11, 6];

  it('diff, lo, hi, ci95, pBetter', () => {
    const c = pairedComparison(s, b, meta);
    const half = (T975_4 * Math.sqrt(3.7)) / Math.sqrt(5);
    expect(half).toBeCloseTo(2.3883884, 6);
    expect(c.strategy).toBe('apologise');
    expect(c.baseline).toBe('deny');
    expect(c.metric).toBe('trust');
    expect(c.segment).toBe('all');
    expect(c.direction).toBe(1);
    expect(c.diff).toBeCloseTo(1.2, 14);
    expect(c.lo).toBeCloseTo(-0.8, 14);
    expect(c.hi).toBeCloseTo(3.6, 14);
    expect(c.ci95![0]).toBeCloseTo(1.2 - half, 12);
    expect(c.ci95![1]).toBeCloseTo(1.2 + half, 12);
    expect(c.ci95![0]).toBeCloseTo(-1.1883884, 6);
    expect(c.ci95![1]).toBeCloseTo(3.5883884, 6);
    expect(c.pBetter).toBeCloseTo(0.7, 15);
  });

  it('direction −1 (smaller is better): better where d < 0 → 1 replicate + ½ tie = 1.5/5 = 0.3', () => {
    const c = pairedComparison(s, b, { ...meta, direction: -1 });
    expect(c.diff).toBeCloseTo(1.2, 14); // diff is always strategy − baseline
    expect(c.pBetter).toBeCloseTo(0.3, 15);
    expect(c.direction).toBe(-1);
  });

  it('swapping strategy and baseline negates the differences: diff −1.2, lo −3.6, hi 0.8, pBetter 0.3', () => {
    const c = pairedComparison(b, s, { ...meta, strategy: 'deny', baseline: 'apologise' });
    expect(c.diff).toBeCloseTo(-1.2, 14);
    expect(c.lo).toBeCloseTo(-3.6, 14);
    expect(c.hi).toBeCloseTo(0.8, 14);
    expect(c.pBetter).toBeCloseTo(0.3, 15);
  });
});

describe('ties and errors', () => {
  it('tie tolerance is relative: 1e-12·max(1, |s|, |b|)', () => {
    // |d| = 1e-7 ≤ 1e-12·1e6 = 1e-6 → tie; |d| = 1e-9 > 1e-12·1 → not a tie
    expect(isTie(1e6 + 1e-7, 1e6)).toBe(true);
    expect(isTie(1 + 1e-9, 1)).toBe(false);
    expect(isTie(0, 5e-13)).toBe(true);
    expect(pairedComparison([1e6 + 1e-7], [1e6], meta).pBetter).toBe(0.5);
    expect(pairedComparison([1 + 1e-9], [1], meta).pBetter).toBe(1);
  });

  it('a single replicate gives no ci95 (null), and lo = hi = the difference', () => {
    const c = pairedComparison([3], [1], meta);
    expect(c).toMatchObject({ diff: 2, lo: 2, hi: 2, ci95: null, pBetter: 1 });
  });

  it('throws when lengths differ or there are no replicates', () => {
    expect(() => pairedComparison([1, 2, 3], [1, 2], meta)).toThrow(/3 strategy replicates but 2 baseline/);
    expect(() => pairedComparison([], [], meta)).toThrow(RangeError);
  });

  it('accepts typed arrays', () => {
    const c = pairedComparison(
      Float64Array.from([10, 12, 9, 15, 7]),
      Float64Array.from([8, 12, 10, 11, 6]),
      meta,
    );
    expect(c.diff).toBeCloseTo(1.2, 14);
  });
});

describe('properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const pairs = fc
    .array(fc.tuple(value, value, fc.boolean()), { minLength: 1, maxLength: 100 })
    // Some replicates share the value exactly so ties are exercised.
    .map((rows) => ({ s: rows.map(([x, y, same]) => (same ? y : x)), b: rows.map(([, y]) => y) }));
  const direction = fc.constantFrom(1 as const, -1 as const);

  it('pBetter ∈ [0, 1], pBetter(s vs b) + pBetter(b vs s) = 1, lo ≤ hi, ci95 contains diff', () => {
    fc.assert(
      fc.property(pairs, direction, ({ s, b }, dir) => {
        const sb = pairedComparison(s, b, { ...meta, direction: dir });
        const bs = pairedComparison(b, s, { ...meta, direction: dir });
        expect(sb.pBetter).toBeGreaterThanOrEqual(0);
        expect(sb.pBetter).toBeLessThanOrEqual(1);
        expect(Math.abs(sb.pBetter + bs.pBetter - 1)).toBeLessThanOrEqual(1e-12);
        expect(sb.lo).toBeLessThanOrEqual(sb.hi);
        if (s.length === 1) expect(sb.ci95).toBeNull();
        else {
          expect(sb.ci95![0]).toBeLessThanOrEqual(sb.diff);
          expect(sb.diff).toBeLessThanOrEqual(sb.ci95![1]);
        }
        expect(bs.diff === -sb.diff).toBe(true); // exact (±0 compare equal)
      }),
      { seed: 1013 },
    );
  });

  it('flipping the direction turns pBetter into 1 − pBetter', () => {
    fc.assert(
      fc.property(pairs, ({ s, b }) => {
        const up = pairedComparison(s, b, { ...meta, direction: 1 });
        const down = pairedComparison(s, b, { ...meta, direction: -1 });
        expect(Math.abs(up.pBetter + down.pBetter - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 1014 },
    );
  });
});
