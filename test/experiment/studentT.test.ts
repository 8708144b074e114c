import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logGamma, normalCdf, normalQuantile, tCdf, tQuantile } from '../../sim/experiment/studentT';

/** Independent check: ∫₀ᵗ density by composite Simpson (N even), not using the incomplete beta. */
function simpsonCdf(t: number, df: number, N = 20_000): number {
  const c = Math.exp(logGamma((df + 1) / 2) - logGamma(df / 2)) / Math.sqrt(df * Math.PI);
  const f = (x: number) => c * (1 + (x * x) / df) ** (-(df + 1) / 2);
  const h = t / N;
  let s = f(0) + f(t);
  for (let i = 1; i < N; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return 0.5 + (s * h) / 3;
}

describe('tQuantile', () => {
  // Printed two-sided 95% table (t₀.₉₇₅), 4 decimals.
  const table: Array<[number, number]> = [
    [1, 12.7062],
    [2, 4.3027],
    [5, 2.5706],
    [9, 2.2622],
    [19, 2.093],
    [29, 2.0452],
  ];
  it.each(table)('df=%d matches the printed table value %d to 4 decimals', (df, value) => {
    expect(Math.abs(tQuantile(0.975, df) - value)).toBeLessThan(5e-5);
  });

  // Full-precision reference values (R: qt(0.975, df); df = 1 and 2 are also closed forms).
  const precise: Array<[number, number]> = [
    [1, 12.706204736174707],
    [2, 4.302652729749464],
    [5, 2.570581835636314],
    [9, 2.262157162798205],
    [19, 2.093024054408263],
    [29, 2.045229642132703],
  ];
  it.each(precise)('df=%d is within 1e-9 of %d', (df, value) => {
    expect(Math.abs(tQuantile(0.975, df) - value)).toBeLessThan(1e-9);
  });

  it('df=1 and df=2 agree with the closed forms', () => {
    // Cauchy: t = tan(π(p − ½)); df=2: t = (2p − 1)/√(2p(1 − p)).
    for (const p of [0.6, 0.9, 0.975, 0.995, 0.9995]) {
      expect(tQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(tQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 12);
    }
    // 0.95 / √(2·0.975·0.025) = 0.95 / √0.04875 = 4.3026527…
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.3026527297, 9);
  });

  it('other table values (one- and two-sided)', () => {
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.812461, 6); // t₀.₉₅,₁₀
    expect(tQuantile(0.995, 3)).toBeCloseTo(5.840909, 6); // t₀.₉₉₅,₃
    expect(tQuantile(0.9995, 1)).toBeCloseTo(636.619, 3); // t₀.₉₉₉₅,₁
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.7764451, 7); // used by the stats tests
  });

  it('df=∞ (and very large df) gives the normal quantile 1.959964', () => {
    expect(Math.abs(tQuantile(0.975, Number.POSITIVE_INFINITY) - 1.959963984540054)).toBeLessThan(1e-9);
    expect(Math.abs(tQuantile(0.975, 1e12) - 1.959963984540054)).toBeLessThan(1e-9);
    // Approach from above: t(0.975, 1000) = 1.962339 (table).
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.962339, 6);
  });

  it('is continuous across the switch to the Cornish–Fisher expansion (df = 1e4)', () => {
    // dt/d(df) ≈ −(z³ + z)/(4·df²) ≈ −2.4e-8 at df = 1e4.
    const a = tQuantile(0.975, 1e4);
    const b = tQuantile(0.975, 1e4 + 1e-6);
    expect(Math.abs(a - b)).toBeLessThan(1e-11);
  });

  it('agrees with a direct numerical integration of the density', () => {
    for (const df of [3, 5, 9, 19, 29, 2.5]) {
      const t = tQuantile(0.975, df);
      expect(Math.abs(simpsonCdf(t, df) - 0.975)).toBeLessThan(1e-10);
    }
  });

  it('edge cases', () => {
    expect(tQuantile(0.5, 7)).toBe(0);
    expect(tQuantile(0, 7)).toBe(Number.NEGATIVE_INFINITY);
    expect(tQuantile(1, 7)).toBe(Number.POSITIVE_INFINITY);
    expect(tQuantile(1.2, 7)).toBeNaN();
    expect(tQuantile(Number.NaN, 7)).toBeNaN();
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.9, -1)).toThrow(RangeError);
    expect(() => tQuantile(0.9, Number.NaN)).toThrow(RangeError);
  });

  it('property: symmetric, and tCdf inverts it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.3, max: 1e7, noNaN: true })),
        (p, df) => {
          const t = tQuantile(p, df);
          // 1 − p is rounded; compare with the exact mirror of the rounded value instead.
          const pc = 1 - p;
          const mirror = tQuantile(1 - pc, df);
          expect(Math.abs(tQuantile(pc, df) + mirror)).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(mirror)),
          );
          const back = tCdf(t, df);
          const tail = Math.min(p, 1 - p);
          expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-8 * tail + 1e-15);
        },
      ),
      { seed: 1011 },
    );
  });

  it('property: increasing in p, decreasing in df for p > ½', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5001, max: 0.9999, noNaN: true }),
        fc.double({ min: 0.5001, max: 0.9999, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (p1, p2, df) => {
          const [a, b] = p1 <= p2 ? [p1, p2] : [p2, p1];
          expect(tQuantile(a, df)).toBeLessThanOrEqual(tQuantile(b, df));
          expect(tQuantile(b, df + 1)).toBeLessThanOrEqual(tQuantile(b, df));
        },
      ),
      { seed: 1012 },
    );
  });
});

describe('normal helpers', () => {
  it('normalQuantile matches known values', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(0.95) - 1.6448536269514722)).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(0.001) + 3.090232306167813)).toBeLessThan(1e-11);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
  });
});
