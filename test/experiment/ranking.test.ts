import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedComparison } from '../../sim/experiment/paired';
import { rankStrategies } from '../../sim/experiment/ranking';

// Three strategies, four replicates, with ties:
//        r0  r1  r2  r3
//   A  [  3,  1,  2,  5 ]
//   B  [  3,  2,  1,  5 ]
//   C  [  1,  3,  2,  5 ]
const values = { A: [3, 1, 2, 5], B: [3, 2, 1, 5], C: [1, 3, 2, 5] };

describe('rankStrategies, hand-computed example with ties', () => {
  it('direction +1 (larger is better)', () => {
    // r0: A = B = 3 tie for best → ranks A 1.5, B 1.5, C 3; pBest ½ each to A, B; regret C = 3 − 1 = 2
    // r1: C 3 > B 2 > A 1 → C 1, B 2, A 3; pBest C; regret A = 2, B = 1
    // r2: A = C = 2 tie for best → A 1.5, C 1.5, B 3; pBest ½ each to A, C; regret B = 1
    // r3: all 5 → every rank 1 + ½·2 = 2; pBest ⅓ each; regret 0
    // A: ranks 1.5+3+1.5+2 = 8 → 2;      regret 0+2+0+0 = 2 → 0.5; pBest ½+0+½+⅓ = 4/3 → 1/3
    // B: ranks 1.5+2+3+2 = 8.5 → 2.125; regret 0+1+1+0 = 2 → 0.5; pBest ½+0+0+⅓ = 5/6 → 5/24
    // C: ranks 3+1+1.5+2 = 7.5 → 1.875; regret 2+0+0+0 = 2 → 0.5; pBest 0+1+½+⅓ = 11/6 → 11/24
    const rows = rankStrategies(values, 'trust', 1);
    expect(rows.map((r) => r.strategy)).toEqual(['C', 'A', 'B']);
    const [c, a, b] = rows;
    expect(c).toMatchObject({ metric: 'trust', strategy: 'C', meanRank: 1.875, meanRegret: 0.5 });
    expect(a).toMatchObject({ metric: 'trust', strategy: 'A', meanRank: 2, meanRegret: 0.5 });
    expect(b).toMatchObject({ metric: 'trust', strategy: 'B', meanRank: 2.125, meanRegret: 0.5 });
    expect(c!.pBest).toBeCloseTo(11 / 24, 15);
    expect(a!.pBest).toBeCloseTo(1 / 3, 15);
    expect(b!.pBest).toBeCloseTo(5 / 24, 15);
  });

  it('direction −1 (smaller is better)', () => {
    // r0: C 1 best → C 1, A = B = 3 tie → 2.5 each; regret A = B = |1 − 3| = 2
    // r1: A 1 < B 2 < C 3 → A 1, B 2, C 3; regret B 1, C 2
    // r2: B 1 best → B 1, A = C = 2 tie → 2.5 each; regret A = C = 1
    // r3: all tie → 2 each, pBest ⅓ each
    // A: ranks 2.5+1+2.5+2 = 8 → 2;       regret 2+0+1+0 = 3 → 0.75; pBest 0+1+0+⅓ → 1/3
    // B: ranks 2.5+2+1+2 = 7.5 → 1.875;   regret 2+1+0+0 = 3 → 0.75; pBest 0+0+1+⅓ → 1/3
    // C: ranks 1+3+2.5+2 = 8.5 → 2.125;   regret 0+2+1+0 = 3 → 0.75; pBest 1+0+0+⅓ → 1/3
    const rows = rankStrategies(values, 'harm', -1);
    expect(rows.map((r) => [r.strategy, r.meanRank, r.meanRegret])).toEqual([
      ['B', 1.875, 0.75],
      ['A', 2, 0.75],
      ['C', 2.125, 0.75],
    ]);
    for (const r of rows) expect(r.pBest).toBeCloseTo(1 / 3, 15);
  });

  it('equal mean ranks are ordered by strategy id, independent of key order', () => {
    const rows = rankStrategies({ b: [1, 2], a: [1, 2], c: [0, 0] }, 'm', 1);
    expect(rows.map((r) => [r.strategy, r.meanRank, r.pBest, r.meanRegret])).toEqual([
      ['a', 1.5, 0.5, 0],
      ['b', 1.5, 0.5, 0],
      ['c', 3, 0, 1.5], // regret (1 + 2)/2
    ]);
    expect(rankStrategies({ c: [0, 0], a: [1, 2], b: [1, 2] }, 'm', 1)).toEqual(rows);
  });

  it('a single strategy is always best', () => {
    expect(rankStrategies({ only: [4, 5] }, 'm', 1)).toEqual([
      { metric: 'm', strategy: 'only', meanRank: 1, meanRegret: 0, pBest: 1 },
    ]);
  });

  it('near-equal values within the tie tolerance are ties', () => {
    const rows = rankStrategies({ a: [1e6], b: [1e6 + 1e-7] }, 'm', 1);
    expect(rows.map((r) => [r.strategy, r.meanRank, r.pBest, r.meanRegret])).toEqual([
      ['a', 1.5, 0.5, 0],
      ['b', 1.5, 0.5, 0],
    ]);
  });

  it('throws on no strategies, no replicates, unequal lengths, non-finite values', () => {
    expect(() => rankStrategies({}, 'm', 1)).toThrow(RangeError);
    expect(() => rankStrategies({ a: [], b: [] }, 'm', 1)).toThrow(RangeError);
    expect(() => rankStrategies({ a: [1, 2], b: [1] }, 'm', 1)).toThrow(/b has 1 replicates/);
    expect(() => rankStrategies({ a: [1, Number.NaN] }, 'm', 1)).toThrow(/replicate 1/);
  });
});

describe('properties', () => {
  const table = fc.integer({ min: 1, max: 6 }).chain((k) =>
    fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), {
          minLength: n,
          maxLength: n,
        }),
        { minLength: k, maxLength: k },
      ),
    ),
  );
  const toRecord = (cols: number[][]) => Object.fromEntries(cols.map((c, i) => [`s${i}`, c]));
  const direction = fc.constantFrom(1 as const, -1 as const);

  it('Σ meanRank = k(k+1)/2, Σ pBest = 1, 1 ≤ meanRank ≤ k, regret ≥ 0, rows sorted', () => {
    fc.assert(
      fc.property(table, direction, (cols, dir) => {
        const k = cols.length;
        const rows = rankStrategies(toRecord(cols), 'm', dir);
        expect(rows).toHaveLength(k);
        const rankSum = rows.reduce((acc, r) => acc + r.meanRank, 0);
        const pBestSum = rows.reduce((acc, r) => acc + r.pBest, 0);
        expect(Math.abs(rankSum - (k * (k + 1)) / 2)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(pBestSum - 1)).toBeLessThanOrEqual(1e-9);
        for (const r of rows) {
          expect(r.meanRank).toBeGreaterThanOrEqual(1);
          expect(r.meanRank).toBeLessThanOrEqual(k);
          expect(r.meanRegret).toBeGreaterThanOrEqual(0);
          expect(r.pBest).toBeGreaterThanOrEqual(0);
          expect(r.pBest).toBeLessThanOrEqual(1);
        }
        for (let i = 1; i < rows.length; i++) {
          const p = rows[i - 1]!;
          const q = rows[i]!;
          expect(p.meanRank < q.meanRank || (p.meanRank === q.meanRank && p.strategy < q.strategy)).toBe(
            true,
          );
        }
      }),
      { seed: 1009 },
    );
  });

  it('with two strategies, pBest(A) = pBetter(A vs B) and meanRank(A) = 2 − pBetter(A vs B)', () => {
    fc.assert(
      fc.property(table, direction, (cols, dir) => {
        const a = cols[0]!;
        const b = cols.length > 1 ? cols[1]! : a.map((x) => -x);
        const rows = rankStrategies({ a, b }, 'm', dir);
        const rowA = rows.find((r) => r.strategy === 'a')!;
        const c = pairedComparison(a, b, {
          strategy: 'a',
          baseline: 'b',
          metric: 'm',
          segment: 'all',
          direction: dir,
        });
        expect(Math.abs(rowA.pBest - c.pBetter)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(rowA.meanRank - (2 - c.pBetter))).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 1010 },
    );
  });
});
