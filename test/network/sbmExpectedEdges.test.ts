import { describe, expect, it } from 'vitest';
import { sbmExpectedEdges } from '../../sim/network/sbmExpectedEdges';

function perBlock(sizes: number[], d: number, h: number) {
  const B = sizes.length;
  const E = sbmExpectedEdges(sizes, d, h);
  let total = 0;
  let within = 0;
  const degree: number[] = [];
  const withinShare: number[] = [];
  for (let b = 0; b < B; b++) {
    let stubs = 2 * E[b * B + b]!;
    for (let c = 0; c < B; c++) if (c !== b) stubs += E[b * B + c]!;
    degree.push(stubs / sizes[b]!);
    withinShare.push((2 * E[b * B + b]!) / stubs);
    for (let c = b; c < B; c++) total += E[b * B + c]!;
    within += E[b * B + b]!;
  }
  return { E, total, within, degree, withinShare };
}

describe('sbmExpectedEdges', () => {
  it('for equal blocks gives every node degree d and within share exactly h', () => {
    const r = perBlock([100, 100, 100, 100], 8, 0.7);
    expect(r.total).toBeCloseTo(1600, 9);
    expect(r.within / r.total).toBeCloseTo(0.7, 12);
    for (const d of r.degree) expect(d).toBeCloseTo(8, 12);
  });

  it('is symmetric and keeps mean degree d for very unequal blocks', () => {
    const sizes = [300, 2000, 100_000, 400_000, 497_700];
    const r = perBlock(sizes, 16, 0.8);
    const B = sizes.length;
    for (let b = 0; b < B; b++) for (let c = 0; c < B; c++) expect(r.E[b * B + c]).toBe(r.E[c * B + b]);
    expect(r.total).toBeCloseTo((1_000_000 * 16) / 2, 3);
    for (const d of r.degree) expect(d).toBeCloseTo(16, 9);
  });

  it('gives the smallest block exactly (1 − h)·d outside edges per node, and nobody less than share h inside', () => {
    const sizes = [300, 1_000_000, 5000];
    const r = perBlock(sizes, 10, 0.8);
    expect(r.withinShare[0]).toBeCloseTo(0.8, 12);
    for (const s of r.withinShare) expect(s).toBeGreaterThanOrEqual(0.8 - 1e-12);
  });

  it('puts every edge inside when there is only one non-empty block', () => {
    const r = perBlock([0, 50, 0], 4, 0.3);
    expect(r.within).toBeCloseTo(100, 12);
    expect(r.total).toBeCloseTo(100, 12);
  });

  it('caps a block too small for its within-block demand at all its pairs', () => {
    const r = perBlock([3, 1000], 10, 0.9);
    expect(r.E[0]).toBe(3);
  });
});
