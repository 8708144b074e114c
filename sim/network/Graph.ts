/**
 * A graph in compressed sparse row (CSR) form. The out-neighbours of node i are
 * `targets[offsets[i] .. offsets[i + 1])`, sorted ascending; `weights`, when present, is parallel to
 * `targets`. Undirected graphs store each edge in both directions (a self loop, if kept, once).
 */
export interface Graph {
  /** Number of nodes; ids are 0..n−1. */
  n: number;
  /** Length n + 1; offsets[n] === targets.length. */
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float32Array | null;
  directed: boolean;
}

/**
 * Builds a Graph. Every graph comes from this one constructor rather than from object literals: V8 widens an
 * object literal's field types the second time the literal runs, which would throw away every kernel compiled
 * against the first replicate's network. One constructor keeps one hidden class with exact field types.
 */
export class CsrGraph implements Graph {
  declare n: number;
  declare offsets: Int32Array;
  declare targets: Int32Array;
  declare weights: Float32Array | null;
  declare directed: boolean;

  constructor(
    n: number,
    offsets: Int32Array,
    targets: Int32Array,
    weights: Float32Array | null,
    directed: boolean,
  ) {
    this.n = n;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.directed = directed;
  }
}

/** Out-degree of node i (its number of stored neighbours; a kept self loop counts once). */
export function degree(g: Graph, i: number): number {
  return g.offsets[i + 1]! - g.offsets[i]!;
}

/** Number of self loops stored (rows are sorted, so each is found by binary search). */
export function selfLoopCount(g: Graph): number {
  const { offsets, targets } = g;
  let loops = 0;
  for (let i = 0; i < g.n; i++) {
    let lo = offsets[i]!;
    let hi = offsets[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (targets[mid]! < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo < offsets[i + 1]! && targets[lo] === i) loops++;
  }
  return loops;
}

/**
 * Number of edges: stored arcs for a directed graph; for an undirected graph each edge once
 * (arcs are stored in both directions, self loops once).
 */
export function edgeCount(g: Graph): number {
  const arcs = g.targets.length;
  if (g.directed) return arcs;
  return (arcs + selfLoopCount(g)) / 2;
}
