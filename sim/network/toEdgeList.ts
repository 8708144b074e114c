import type { Graph } from './Graph';

/**
 * Writes a graph as the text `fromEdgeList` reads: a `#` header, then `u v` or `u v w` per line.
 * An undirected edge is written once (u <= v). Weights are printed exactly (the float32 value's
 * double decimal), so `fromEdgeList(toEdgeList(g), { n: g.n, directed: g.directed })` reproduces g.
 */
export function toEdgeList(g: Graph): string {
  const { offsets, targets, weights } = g;
  const parts: string[] = [`# ${g.directed ? 'directed' : 'undirected'} graph, n=${g.n}`];
  for (let u = 0; u < g.n; u++) {
    const end = offsets[u + 1]!;
    for (let j = offsets[u]!; j < end; j++) {
      const v = targets[j]!;
      if (!g.directed && v < u) continue;
      parts.push(weights === null ? `${u} ${v}` : `${u} ${v} ${weights[j]}`);
    }
  }
  return `${parts.join('\n')}\n`;
}
