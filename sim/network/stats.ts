import type { RandomSource } from '../rng/Stream';
import { sampleWithoutReplacement } from '../rng/sampleWithoutReplacement';
import type { Graph } from './Graph';

export interface DegreeStats {
  mean: number;
  /** Population variance (divisor n). */
  variance: number;
  min: number;
  max: number;
}

/** Mean, variance, min and max of the (out-)degree; all 0 for an empty graph. */
export function degreeStats(g: Graph): DegreeStats {
  const { n, offsets } = g;
  if (n === 0) return { mean: 0, variance: 0, min: 0, max: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1]! - offsets[i]!;
    sum += d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dev = offsets[i + 1]! - offsets[i]! - mean;
    ss += dev * dev;
  }
  return { mean, variance: ss / n, min, max };
}

/** hist[d] = number of nodes of (out-)degree d, for d = 0..max degree. */
export function degreeHistogram(g: Graph): Int32Array {
  const { n, offsets } = g;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, offsets[i + 1]! - offsets[i]!);
  const hist = new Int32Array(n === 0 ? 0 : max + 1);
  for (let i = 0; i < n; i++) hist[offsets[i + 1]! - offsets[i]!]!++;
  return hist;
}

/**
 * Average local clustering coefficient (Watts & Strogatz): for each node, the share of pairs of its
 * neighbours that are linked, averaged over nodes, counting nodes of degree < 2 as 0 (as networkx does).
 * Self loops are ignored. For a directed graph it uses out-neighbours and arcs among them.
 *
 * Exact over all nodes unless `sampleNodes` < n, in which case it averages over that many distinct nodes
 * drawn with `rand` (required then); the standard error is about sd(C_i)/√sampleNodes.
 * Assumes no repeated arcs (as every generator here guarantees).
 */
export function clusteringCoefficient(g: Graph, sampleNodes?: number, rand?: RandomSource): number {
  const { n, offsets, targets } = g;
  if (n === 0) return 0;
  let nodes: Int32Array | null = null;
  let count = n;
  if (sampleNodes !== undefined && sampleNodes < n) {
    if (rand === undefined)
      throw new TypeError('clusteringCoefficient: sampling nodes needs a `rand` source');
    if (!(Number.isInteger(sampleNodes) && sampleNodes >= 1)) {
      throw new RangeError(`clusteringCoefficient: sampleNodes must be an integer >= 1, got ${sampleNodes}`);
    }
    nodes = sampleWithoutReplacement(rand, n, sampleNodes);
    count = sampleNodes;
  }
  // mark[x] === i + 1 while node i's neighbourhood is being examined.
  const mark = new Int32Array(n);
  let total = 0;
  for (let s = 0; s < count; s++) {
    const i = nodes === null ? s : nodes[s]!;
    const stamp = i + 1;
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    let d = 0;
    for (let j = start; j < end; j++) {
      const a = targets[j]!;
      if (a === i) continue;
      mark[a] = stamp;
      d++;
    }
    if (d < 2) continue;
    let links = 0;
    for (let j = start; j < end; j++) {
      const a = targets[j]!;
      if (a === i) continue;
      const aEnd = offsets[a + 1]!;
      for (let l = offsets[a]!; l < aEnd; l++) {
        const b = targets[l]!;
        if (b !== a && mark[b] === stamp) links++;
      }
    }
    total += links / (d * (d - 1));
  }
  return total / count;
}

export interface Components {
  /** Number of (weakly) connected components; isolated nodes count. */
  count: number;
  /** Size of the largest component. */
  largest: number;
  /** Component id per node, numbered 0.. in order of each component's smallest node. */
  labels: Int32Array;
}

/** Connected components (weak, for directed graphs) by union–find with path halving and union by size. */
export function connectedComponents(g: Graph): Components {
  const { n, offsets, targets } = g;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const gp = parent[parent[x]!]!;
      parent[x] = gp;
      x = gp;
    }
    return x;
  };
  for (let u = 0; u < n; u++) {
    const end = offsets[u + 1]!;
    for (let j = offsets[u]!; j < end; j++) {
      let a = find(u);
      let b = find(targets[j]!);
      if (a === b) continue;
      if (size[a]! < size[b]!) {
        const t = a;
        a = b;
        b = t;
      }
      parent[b] = a;
      size[a]! += size[b]!;
    }
  }
  const labels = new Int32Array(n).fill(-1);
  const rootLabel = new Int32Array(n).fill(-1);
  let count = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] === -1) {
      rootLabel[r] = count++;
      if (size[r]! > largest) largest = size[r]!;
    }
    labels[i] = rootLabel[r]!;
  }
  return { count, largest, labels };
}
