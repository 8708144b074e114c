import { CsrGraph, type Graph } from './Graph';

/** Largest n accepted: n(n − 1) arcs at 4 bytes is 100 MB at n = 5000. */
export const COMPLETE_GRAPH_MAX_N = 5000;

/** The complete undirected graph on n nodes, materialised (every node has degree n − 1). */
export function completeGraph(n: number): Graph {
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError(`completeGraph: n must be an integer >= 0, got ${n}`);
  if (n > COMPLETE_GRAPH_MAX_N) {
    throw new RangeError(
      `completeGraph: n=${n} is too large to materialise: it stores n(n − 1) = ${n * (n - 1)} arcs ` +
        `(${((n * (n - 1) * 4) / 1e6).toFixed(0)} MB), and memory grows as n². The limit is ` +
        `${COMPLETE_GRAPH_MAX_N}; for a well-mixed population use a mean-field update instead of a graph.`,
    );
  }
  const deg = Math.max(0, n - 1);
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(n * deg);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = pos;
    for (let j = 0; j < n; j++) if (j !== i) targets[pos++] = j;
  }
  offsets[n] = pos;
  return new CsrGraph(n, offsets, targets, null, false);
}
