import { CsrGraph, type Graph } from './Graph';

export interface BuildCsrOptions {
  /** Default false: each (u, v) is stored as u→v and v→u. */
  directed?: boolean;
  /** One weight per input edge (index-aligned with us/vs), or null. */
  weights?: Float32Array | null;
  /** Default true: keep only the first of repeated (u, v) arcs (its weight too). */
  dedupe?: boolean;
  /** Default false: drop edges u→u. */
  keepSelfLoops?: boolean;
}

/**
 * Builds a CSR graph from the edge list (us[e], vs[e]) for e < count, in O(n + m) time and memory
 * linear in the edges, with no per-edge objects.
 *
 * Two stable counting sorts — first by target, then by source — leave every row sorted ascending, so
 * duplicates are adjacent and removed in one compaction pass. Among repeated arcs the one that comes
 * first in the input wins (with its weight). Throws a RangeError for an id outside [0, n).
 */
export function buildCsr(
  n: number,
  us: Int32Array,
  vs: Int32Array,
  count: number,
  opts: BuildCsrOptions = {},
): Graph {
  const directed = opts.directed ?? false;
  const w = opts.weights ?? null;
  const dedupe = opts.dedupe ?? true;
  const keepSelfLoops = opts.keepSelfLoops ?? false;
  if (!(Number.isInteger(n) && n >= 0 && n <= 0x7fffffff)) {
    throw new RangeError(`buildCsr: n must be an integer in [0, 2^31), got ${n}`);
  }
  if (!(Number.isInteger(count) && count >= 0 && count <= us.length && count <= vs.length)) {
    throw new RangeError(`buildCsr: count ${count} exceeds the edge arrays (${us.length}, ${vs.length})`);
  }
  if (w !== null && w.length < count) {
    throw new RangeError(`buildCsr: weights has length ${w.length}, need at least count=${count}`);
  }

  // Pass 0: validate ids and count arcs per target (inDeg) and per source (outDeg).
  const inDeg = new Int32Array(n + 1);
  const outDeg = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) {
    const u = us[e]!;
    const v = vs[e]!;
    if (!(u >= 0 && u < n && v >= 0 && v < n)) {
      throw new RangeError(`buildCsr: edge ${e} (${u}, ${v}) has an id outside [0, ${n})`);
    }
    if (u === v) {
      if (keepSelfLoops) {
        inDeg[u]!++;
        outDeg[u]!++;
      }
      continue;
    }
    outDeg[u]!++;
    inDeg[v]!++;
    if (!directed) {
      outDeg[v]!++;
      inDeg[u]!++;
    }
  }
  const inStart = exclusivePrefixSum(inDeg, n);
  const offsets = exclusivePrefixSum(outDeg, n);
  const arcs = offsets[n]!;

  // Pass 1: bucket arcs by target, keeping input order. srcByTarget holds each arc's source.
  const srcByTarget = new Int32Array(arcs);
  const wByTarget = w === null ? null : new Float32Array(arcs);
  const cursor = inDeg; // reuse as a write cursor
  cursor.set(inStart.subarray(0, n));
  for (let e = 0; e < count; e++) {
    const u = us[e]!;
    const v = vs[e]!;
    if (u === v) {
      if (!keepSelfLoops) continue;
      const j = cursor[u]!++;
      srcByTarget[j] = u;
      if (wByTarget !== null) wByTarget[j] = w![e]!;
      continue;
    }
    let j = cursor[v]!++;
    srcByTarget[j] = u;
    if (wByTarget !== null) wByTarget[j] = w![e]!;
    if (!directed) {
      j = cursor[u]!++;
      srcByTarget[j] = v;
      if (wByTarget !== null) wByTarget[j] = w![e]!;
    }
  }

  // Pass 2: walk targets in ascending order and append each to its source's row: rows come out sorted.
  const targets = new Int32Array(arcs);
  const weights = w === null ? null : new Float32Array(arcs);
  const rowCursor = outDeg;
  rowCursor.set(offsets.subarray(0, n));
  for (let t = 0; t < n; t++) {
    const end = inStart[t + 1]!;
    for (let j = inStart[t]!; j < end; j++) {
      const pos = rowCursor[srcByTarget[j]!]!++;
      targets[pos] = t;
      if (weights !== null) weights[pos] = wByTarget![j]!;
    }
  }
  if (!dedupe) return new CsrGraph(n, offsets, targets, weights, directed);

  // Pass 3: drop repeated targets within each row (adjacent after sorting), compacting in place.
  let out = 0;
  let rowStart = 0;
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1]!;
    offsets[i] = out;
    let prev = -1;
    for (let j = rowStart; j < end; j++) {
      const t = targets[j]!;
      if (t === prev) continue;
      prev = t;
      targets[out] = t;
      if (weights !== null) weights[out] = weights[j]!;
      out++;
    }
    rowStart = end;
  }
  offsets[n] = out;
  if (out === arcs) return new CsrGraph(n, offsets, targets, weights, directed);
  return new CsrGraph(
    n,
    offsets,
    targets.slice(0, out),
    weights === null ? null : weights.slice(0, out),
    directed,
  );
}

/** Exclusive prefix sums of counts[0..n) as a new Int32Array(n + 1); the last entry is the total. */
function exclusivePrefixSum(counts: Int32Array, n: number): Int32Array {
  const starts = new Int32Array(n + 1);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    starts[i] = sum;
    sum += counts[i]!;
    if (sum > 0x7fffffff) throw new RangeError('buildCsr: more than 2^31 − 1 arcs');
  }
  starts[n] = sum;
  return starts;
}
