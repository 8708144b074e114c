import { describe, expect, it } from 'vitest';
import { edgeCount } from '../../sim/network/Graph';
import { clusteringCoefficient, degreeStats } from '../../sim/network/stats';
import { wattsStrogatz } from '../../sim/network/wattsStrogatz';
import { Stream } from '../../sim/rng/Stream';
import { expectCsrInvariants } from './csrInvariants';

const rng = (seed: number) => new Stream(seed, 0, 'test/ws').next;
const lattice = (k: number) => (3 * (k - 2)) / (4 * (k - 1));

describe('wattsStrogatz', () => {
  it('at beta = 0 is the ring lattice: every degree exactly k, clustering exactly 3(k−2)/(4(k−1))', () => {
    for (const k of [2, 4, 6, 10]) {
      const g = wattsStrogatz(1000, k, 0, rng(1));
      expectCsrInvariants(g);
      const s = degreeStats(g);
      expect([s.min, s.max]).toEqual([k, k]);
      expect(clusteringCoefficient(g)).toBeCloseTo(lattice(k), 12);
      expect(Array.from(g.targets.subarray(g.offsets[0]!, g.offsets[1]!))).toEqual([
        ...Array.from({ length: k / 2 }, (_, j) => j + 1),
        ...Array.from({ length: k / 2 }, (_, j) => 1000 - k / 2 + j),
      ]);
    }
  });

  it('loses clustering as C0·(1 − beta)³ at small beta (within 10%) and monotonically with beta', () => {
    const n = 20_000;
    const k = 10;
    let prev = Number.POSITIVE_INFINITY;
    for (const beta of [0, 0.05, 0.1, 0.2, 0.4, 0.8, 1]) {
      const c = clusteringCoefficient(wattsStrogatz(n, k, beta, rng(2)));
      if (beta > 0 && beta <= 0.2) expect(Math.abs(c / (lattice(k) * (1 - beta) ** 3) - 1)).toBeLessThan(0.1);
      expect(c).toBeLessThan(prev);
      prev = c;
    }
    // Fully rewired it is close to a random graph: C ≈ k/n.
    expect(prev).toBeLessThan((5 * k) / n);
  });

  it('rewires a share beta of edges to non-lattice positions (5 SE)', () => {
    const n = 20_000;
    const k = 8;
    const beta = 0.3;
    const g = wattsStrogatz(n, k, beta, rng(3));
    expectCsrInvariants(g);
    let long = 0;
    for (let u = 0; u < n; u++) {
      for (let j = g.offsets[u]!; j < g.offsets[u + 1]!; j++) {
        const v = g.targets[j]!;
        const dist = Math.min(Math.abs(u - v), n - Math.abs(u - v));
        if (v > u && dist > k / 2) long++;
      }
    }
    // A rewired end lands on a lattice position with probability ≈ k/(n−1); SE √(β(1−β)/m).
    const m = (n * k) / 2;
    const share = long / edgeCount(g);
    expect(Math.abs(share - beta * (1 - k / (n - 1)))).toBeLessThan(5 * Math.sqrt((beta * (1 - beta)) / m));
  });

  it('keeps the mean degree within 0.01 of k after removing the rare duplicate', () => {
    const s = degreeStats(wattsStrogatz(20_000, 10, 0.5, rng(4)));
    expect(s.mean).toBeLessThanOrEqual(10);
    expect(s.mean).toBeGreaterThan(9.99);
  });

  it('is deterministic for a seed', () => {
    const a = wattsStrogatz(3000, 6, 0.2, rng(5));
    const b = wattsStrogatz(3000, 6, 0.2, rng(5));
    expect(a.targets).toEqual(b.targets);
    expect(a.offsets).toEqual(b.offsets);
    expect(wattsStrogatz(3000, 6, 0.2, rng(6)).targets).not.toEqual(a.targets);
  });

  it('rejects odd k, k >= n and beta outside [0, 1]', () => {
    expect(() => wattsStrogatz(10, 3, 0, rng(1))).toThrow(/k must be an even integer/);
    expect(() => wattsStrogatz(10, 10, 0, rng(1))).toThrow(RangeError);
    expect(() => wattsStrogatz(10, 4, 1.5, rng(1))).toThrow(/beta must be in \[0, 1\]/);
  });
});
