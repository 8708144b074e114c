import { describe, expect, it } from 'vitest';
import type { Graph } from '../../sim/network/Graph';
import { sbmExpectedEdges } from '../../sim/network/sbmExpectedEdges';
import { stochasticBlockModel } from '../../sim/network/stochasticBlockModel';
import { Stream } from '../../sim/rng/Stream';
import { expectCsrInvariants } from './csrInvariants';

const rng = (seed: number) => new Stream(seed, 0, 'test/sbm').next;

function contiguousBlocks(sizes: number[]): Uint16Array {
  const block = new Uint16Array(sizes.reduce((a, b) => a + b, 0));
  let i = 0;
  sizes.forEach((s, b) => {
    block.fill(b, i, i + s);
    i += s;
  });
  return block;
}

/** Observed undirected edge counts per block pair, row-major B × B (symmetric). */
function blockPairCounts(g: Graph, block: Uint16Array, B: number): Float64Array {
  const counts = new Float64Array(B * B);
  for (let u = 0; u < g.n; u++) {
    for (let j = g.offsets[u]!; j < g.offsets[u + 1]!; j++) {
      const v = g.targets[j]!;
      if (v < u) continue;
      counts[block[u]! * B + block[v]!]!++;
      if (block[u] !== block[v]) counts[block[v]! * B + block[u]!]!++;
    }
  }
  return counts;
}

function withinShare(g: Graph, block: Uint16Array): number {
  let within = 0;
  for (let u = 0; u < g.n; u++)
    for (let j = g.offsets[u]!; j < g.offsets[u + 1]!; j++) if (block[g.targets[j]!] === block[u]) within++;
  return within / g.targets.length;
}

describe('stochasticBlockModel', () => {
  it('puts a share h of edges inside blocks for equal blocks (5 SE) with mean degree d (5 SE)', () => {
    const block = contiguousBlocks([5000, 5000, 5000, 5000]);
    const n = block.length;
    for (const h of [0.25, 0.7, 0.95]) {
      const g = stochasticBlockModel(block, 4, 10, h, rng(1));
      expectCsrInvariants(g);
      const edges = g.targets.length / 2;
      // The within count is a sum of independent Bernoullis, close to Binomial(E, h): SE ≈ √(h(1−h)/E).
      expect(Math.abs(withinShare(g, block) - h)).toBeLessThan(5 * Math.sqrt((h * (1 - h)) / edges));
      // The edge count is close to Poisson(nd/2): mean degree 2E/n has SE ≈ 2√(nd/2)/n.
      expect(Math.abs((2 * edges) / n - 10)).toBeLessThan((5 * 2 * Math.sqrt((n * 10) / 2)) / n);
    }
  });

  it('gives each block pair its planned edge count, with blocks interleaved and of very different sizes', () => {
    const sizes = [50, 300, 2000, 10_000, 40_000, 47_650];
    const B = sizes.length;
    // Shuffle the block labels over node ids so no block is contiguous.
    const block = contiguousBlocks(sizes);
    const rand = rng(2);
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = block[i]!;
      block[i] = block[j]!;
      block[j] = t;
    }
    const g = stochasticBlockModel(block, B, 12, 0.8, rng(3));
    expectCsrInvariants(g);
    const observed = blockPairCounts(g, block, B);
    const expected = sbmExpectedEdges(sizes, 12, 0.8);
    // Each pair's count is Binomial(pairs, p), variance ≤ its mean: tolerance 5√E + 1.
    for (let k = 0; k < B * B; k++) {
      expect(Math.abs(observed[k]! - expected[k]!)).toBeLessThan(5 * Math.sqrt(expected[k]!) + 1);
    }
  });

  it('handles a 300-node block beside a 1,000,000-node block in linear time, tiny block at full strength', () => {
    const block = contiguousBlocks([300, 1_000_000]);
    const d = 4;
    const h = 0.8;
    const g = stochasticBlockModel(block, 2, d, h, rng(4));
    const c = blockPairCounts(g, block, 2);
    // Planned: inside the tiny block h·d·300/2 = 480 edges, between (1 − h)·d·300 = 240. 5 SE (Poisson-like).
    expect(Math.abs(c[0]! - 480)).toBeLessThan(5 * Math.sqrt(480));
    expect(Math.abs(c[1]! - 240)).toBeLessThan(5 * Math.sqrt(240));
    let tinyStubs = 0;
    for (let u = 0; u < 300; u++) tinyStubs += g.offsets[u + 1]! - g.offsets[u]!;
    expect(Math.abs(tinyStubs / 300 - d)).toBeLessThan(5 * Math.sqrt(d / 300));
    expect(Math.abs(g.targets.length / block.length - d)).toBeLessThan(0.02);
  });

  it('h = 1 gives no edges between blocks; h = 0 with equal blocks gives none inside', () => {
    const block = contiguousBlocks([2000, 2000, 2000]);
    expect(withinShare(stochasticBlockModel(block, 3, 6, 1, rng(5)), block)).toBe(1);
    expect(withinShare(stochasticBlockModel(block, 3, 6, 0, rng(5)), block)).toBe(0);
  });

  it('allows empty blocks and one-node blocks', () => {
    const block = contiguousBlocks([1, 0, 500, 0]);
    const g = stochasticBlockModel(block, 4, 6, 0.5, rng(6));
    expectCsrInvariants(g);
    expect(g.n).toBe(501);
  });

  it('is deterministic for a seed', () => {
    const block = contiguousBlocks([100, 3000, 7000]);
    const a = stochasticBlockModel(block, 3, 8, 0.6, rng(7));
    const b = stochasticBlockModel(block, 3, 8, 0.6, rng(7));
    expect(a.targets).toEqual(b.targets);
    expect(a.offsets).toEqual(b.offsets);
    expect(stochasticBlockModel(block, 3, 8, 0.6, rng(8)).targets).not.toEqual(a.targets);
  });

  it('rejects a block id >= nBlocks, homophily outside [0, 1] and a mean degree above n − 1', () => {
    const block = contiguousBlocks([10, 10]);
    expect(() => stochasticBlockModel(block, 1, 2, 0.5, rng(1))).toThrow(/node 10 has block 1 >= nBlocks=1/);
    expect(() => stochasticBlockModel(block, 2, 2, 1.5, rng(1))).toThrow(/homophily must be in \[0, 1\]/);
    expect(() => stochasticBlockModel(block, 2, 20, 0.5, rng(1))).toThrow(/meanDegree/);
  });
});
