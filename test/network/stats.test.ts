import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../sim/network/buildCsr';
import { fromEdgeList } from '../../sim/network/fromEdgeList';
import {
  clusteringCoefficient,
  connectedComponents,
  degreeHistogram,
  degreeStats,
} from '../../sim/network/stats';
import { wattsStrogatz } from '../../sim/network/wattsStrogatz';
import { Stream } from '../../sim/rng/Stream';

// A triangle 0-1-2 with a pendant 3 on node 2, plus an isolated node 4 and a separate edge 5-6.
const g = fromEdgeList('0 1\n1 2\n2 0\n2 3\n5 6', { n: 7 });

describe('degreeStats and degreeHistogram', () => {
  it('computes mean, population variance, min and max', () => {
    // degrees 2, 2, 3, 1, 0, 1, 1: mean 10/7.
    const s = degreeStats(g);
    const mean = 10 / 7;
    const variance = [2, 2, 3, 1, 0, 1, 1].reduce((a, d) => a + (d - mean) ** 2, 0) / 7;
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.variance).toBeCloseTo(variance, 12);
    expect([s.min, s.max]).toEqual([0, 3]);
    expect(Array.from(degreeHistogram(g))).toEqual([1, 3, 2, 1]);
  });

  it('is all zeros for the empty graph', () => {
    const e = buildCsr(0, new Int32Array(0), new Int32Array(0), 0);
    expect(degreeStats(e)).toEqual({ mean: 0, variance: 0, min: 0, max: 0 });
    expect(degreeHistogram(e).length).toBe(0);
  });
});

describe('clusteringCoefficient', () => {
  it('averages local clustering with degree < 2 counted as 0', () => {
    // Local: 1, 1, 1/3 (2 has neighbours 0, 1, 3: one linked pair of three), 0, 0, 0, 0.
    expect(clusteringCoefficient(g)).toBeCloseTo((1 + 1 + 1 / 3) / 7, 12);
  });

  it('ignores self loops and handles directed graphs by out-neighbours', () => {
    expect(clusteringCoefficient(fromEdgeList('0 0\n0 1\n1 2\n2 0'))).toBe(1);
    // 0 → {1, 2}; 1 → 2 is the only arc among them: 1 of 2 ordered pairs.
    expect(clusteringCoefficient(fromEdgeList('0 1\n0 2\n1 2', { directed: true }))).toBeCloseTo(0.5 / 3, 12);
  });

  it('samples nodes when asked, close to the exact value (5 SE)', () => {
    const h = wattsStrogatz(20_000, 8, 0.3, new Stream(1, 0, 'test/stats').next);
    const exact = clusteringCoefficient(h);
    const sampled = clusteringCoefficient(h, 4000, new Stream(2, 0, 'test/stats').next);
    // Local clustering lies in [0, 1], sd at most 1/2: SE ≤ 0.5/√4000.
    expect(Math.abs(sampled - exact)).toBeLessThan((5 * 0.5) / Math.sqrt(4000));
    expect(() => clusteringCoefficient(h, 10)).toThrow(/needs a `rand` source/);
    expect(clusteringCoefficient(h, 20_000)).toBe(exact);
  });
});

describe('connectedComponents', () => {
  it('counts components, the largest one, and labels them by smallest node', () => {
    const c = connectedComponents(g);
    expect(c.count).toBe(3);
    expect(c.largest).toBe(4);
    expect(Array.from(c.labels)).toEqual([0, 0, 0, 0, 1, 2, 2]);
  });

  it('treats directed graphs weakly', () => {
    const d = fromEdgeList('1 0\n2 1\n4 3', { directed: true, n: 5 });
    expect(connectedComponents(d).count).toBe(2);
    expect(connectedComponents(d).largest).toBe(3);
  });

  it('finds one giant component in a random graph above the threshold', () => {
    const h = wattsStrogatz(5000, 4, 0.5, new Stream(3, 0, 'test/stats').next);
    expect(connectedComponents(h).largest).toBeGreaterThan(4900);
  });
});
