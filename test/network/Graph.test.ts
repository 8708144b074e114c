import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../sim/network/buildCsr';
import { degree, edgeCount, selfLoopCount } from '../../sim/network/Graph';

describe('Graph helpers', () => {
  const us = Int32Array.from([0, 0, 1, 2, 3]);
  const vs = Int32Array.from([1, 2, 2, 2, 0]);

  it('degree counts stored neighbours; a kept self loop counts once', () => {
    const g = buildCsr(4, us, vs, 5, { keepSelfLoops: true });
    expect([0, 1, 2, 3].map((i) => degree(g, i))).toEqual([3, 2, 3, 1]);
  });

  it('edgeCount counts undirected edges once, self loops included', () => {
    expect(edgeCount(buildCsr(4, us, vs, 5, { keepSelfLoops: true }))).toBe(5);
    expect(selfLoopCount(buildCsr(4, us, vs, 5, { keepSelfLoops: true }))).toBe(1);
    expect(edgeCount(buildCsr(4, us, vs, 5))).toBe(4);
    expect(edgeCount(buildCsr(4, us, vs, 5, { directed: true, keepSelfLoops: true }))).toBe(5);
    expect(edgeCount(buildCsr(0, us, vs, 0))).toBe(0);
  });
});
