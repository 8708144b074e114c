import { describe, expect, it } from 'vitest';
import { completeGraph } from '../../sim/network/completeGraph';
import { edgeCount } from '../../sim/network/Graph';
import { clusteringCoefficient, degreeStats } from '../../sim/network/stats';
import { expectCsrInvariants } from './csrInvariants';

describe('completeGraph', () => {
  it('gives every node degree n − 1, n(n − 1)/2 edges and clustering 1', () => {
    const g = completeGraph(60);
    expectCsrInvariants(g);
    const s = degreeStats(g);
    expect([s.min, s.max]).toEqual([59, 59]);
    expect(edgeCount(g)).toBe(1770);
    expect(clusteringCoefficient(g)).toBe(1);
  });

  it('handles n = 0 and n = 1', () => {
    expect(completeGraph(0).targets.length).toBe(0);
    expect(Array.from(completeGraph(1).offsets)).toEqual([0, 0]);
  });

  it('refuses n > 5000 and says why (memory grows as n²)', () => {
    expect(() => completeGraph(5001)).toThrow(/too large to materialise.*n²/);
    expect(completeGraph(5000).targets.length).toBe(5000 * 4999);
  });
});
