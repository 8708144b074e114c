import type { RandomSource } from '../rng/Stream';
import { buildCsr } from './buildCsr';
import { EdgeBuffer } from './EdgeBuffer';
import type { Graph } from './Graph';
import { sbmExpectedEdges } from './sbmExpectedEdges';

/**
 * Undirected stochastic block model. `block[i]` is node i's block id in [0, nBlocks) (blocks need not
 * be contiguous). `homophily` h ∈ [0, 1] is the share of a node's edges inside its own block; the rest
 * goes to other blocks in proportion to their size. See `sbmExpectedEdges` for the exact plan,
 * including what happens when block sizes are very unequal.
 *
 * Each block pair (b, c) is a Bernoulli random graph with p = E[b,c] / pairs(b, c), sampled exactly by
 * geometric skipping over the pair index (Batagelj & Brandes 2005), so no duplicate edges arise and a
 * 300-node block beside a 1,000,000-node one costs O(its edges), not O(pairs). Total cost
 * O(n + m + nBlocks²); the edge count of each pair is Binomial(pairs, p), so small blocks get their
 * expected edges on average, with no rounding down to zero.
 */
export function stochasticBlockModel(
  block: Uint16Array,
  nBlocks: number,
  meanDegree: number,
  homophily: number,
  rand: RandomSource,
): Graph {
  const n = block.length;
  if (!(Number.isInteger(nBlocks) && nBlocks >= 1 && nBlocks <= 65536)) {
    throw new RangeError(`stochasticBlockModel: nBlocks must be an integer in [1, 65536], got ${nBlocks}`);
  }
  if (!(meanDegree >= 0 && meanDegree <= Math.max(0, n - 1))) {
    throw new RangeError(
      `stochasticBlockModel: meanDegree must be in [0, n − 1 = ${n - 1}], got ${meanDegree}`,
    );
  }
  if (!(homophily >= 0 && homophily <= 1)) {
    throw new RangeError(`stochasticBlockModel: homophily must be in [0, 1], got ${homophily}`);
  }

  // Counting sort of nodes by block: members[start[b] .. start[b + 1]) are block b's nodes, ascending.
  const start = new Int32Array(nBlocks + 1);
  for (let i = 0; i < n; i++) {
    const b = block[i]!;
    if (b >= nBlocks)
      throw new RangeError(`stochasticBlockModel: node ${i} has block ${b} >= nBlocks=${nBlocks}`);
    start[b + 1]!++;
  }
  const sizes = new Float64Array(nBlocks);
  for (let b = 0; b < nBlocks; b++) {
    sizes[b] = start[b + 1]!;
    start[b + 1]! += start[b]!;
  }
  const members = new Int32Array(n);
  const cursor = start.slice(0, nBlocks);
  for (let i = 0; i < n; i++) members[cursor[block[i]!]!++] = i;

  const expected = sbmExpectedEdges(sizes, meanDegree, homophily);
  let total = 0;
  for (let b = 0; b < nBlocks; b++) for (let c = b; c < nBlocks; c++) total += expected[b * nBlocks + c]!;
  const edges = new EdgeBuffer(total + 6 * Math.sqrt(total) + 16);

  for (let b = 0; b < nBlocks; b++) {
    const sb = sizes[b]!;
    if (sb === 0) continue;
    const base = start[b]!;
    const within = expected[b * nBlocks + b]!;
    if (within > 0) sampleWithin(edges, members, base, sb, within / ((sb * (sb - 1)) / 2), rand);
    for (let c = b + 1; c < nBlocks; c++) {
      const sc = sizes[c]!;
      const e = expected[b * nBlocks + c]!;
      if (sc === 0 || e === 0) continue;
      sampleBetween(edges, members, base, sb, start[c]!, sc, e / (sb * sc), rand);
    }
  }
  return buildCsr(n, edges.us, edges.vs, edges.count, { dedupe: false });
}

/** G(s, p) inside one block: geometric skipping over the lower triangle of local pairs (v, w), w < v. */
function sampleWithin(
  edges: EdgeBuffer,
  members: Int32Array,
  base: number,
  s: number,
  p: number,
  rand: RandomSource,
): void {
  if (p >= 1) {
    for (let v = 1; v < s; v++)
      for (let w = 0; w < v; w++) edges.push(members[base + v]!, members[base + w]!);
    return;
  }
  const logQ = Math.log1p(-p);
  let v = 1;
  let w = -1;
  while (v < s) {
    w += 1 + Math.floor(Math.log(1 - rand()) / logQ);
    while (w >= v && v < s) {
      w -= v;
      v++;
    }
    if (v < s) edges.push(members[base + v]!, members[base + w]!);
  }
}

/** Bipartite G(sb, sc, p) between two blocks: geometric skipping over the pair index i·sc + j. */
function sampleBetween(
  edges: EdgeBuffer,
  members: Int32Array,
  baseB: number,
  sb: number,
  baseC: number,
  sc: number,
  p: number,
  rand: RandomSource,
): void {
  const pairs = sb * sc; // exact pair indices in a double while sb·sc < 2^53 (any n below ~1.3e8)
  if (p >= 1) {
    for (let i = 0; i < sb; i++)
      for (let j = 0; j < sc; j++) edges.push(members[baseB + i]!, members[baseC + j]!);
    return;
  }
  const logQ = Math.log1p(-p);
  let idx = -1;
  for (;;) {
    idx += 1 + Math.floor(Math.log(1 - rand()) / logQ);
    if (idx >= pairs) return;
    let i = Math.floor(idx / sc);
    let j = idx - i * sc;
    // The floating division can round across a multiple of sc: correct by one.
    if (j < 0) {
      i--;
      j += sc;
    } else if (j >= sc) {
      i++;
      j -= sc;
    }
    edges.push(members[baseB + i]!, members[baseC + j]!);
  }
}
