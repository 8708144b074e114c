/**
 * The expected edge counts of `stochasticBlockModel`, as a row-major nBlocks × nBlocks matrix:
 * entry [b·B + c] (b ≠ c, symmetric) is the expected number of edges between blocks b and c, and
 * entry [b·B + b] the expected number inside block b.
 *
 * The plan: every node has expected degree `meanDegree`; a node of block b wants a share
 * (1 − homophily) of it outside b, spread over the other blocks in proportion to their size. Between
 * two blocks the smaller block's demand sets the count:
 *   E[b,c] = (1 − h)·d·s_b·s_c / (n − min(s_b, s_c)),
 * so nodes of the smallest block get exactly (1 − h)·d outside edges, and a node of a larger block
 * gets at most that (a huge block cannot send (1 − h)·d edges per node into a tiny one without turning
 * the tiny block's nodes into hubs). The rest of each node's degree stays inside its block:
 *   E[b,b] = (d·s_b − Σ_c E[b,c]) / 2, capped at s_b(s_b − 1)/2 pairs.
 * So the mean degree is exactly d (unless a tiny block is capped), the within-block share of every
 * node is at least h, and equals h for every node when all blocks have the same size.
 */
export function sbmExpectedEdges(
  sizes: ArrayLike<number>,
  meanDegree: number,
  homophily: number,
): Float64Array {
  const nBlocks = sizes.length;
  let n = 0;
  for (let b = 0; b < nBlocks; b++) n += sizes[b]!;
  const out = new Float64Array(nBlocks * nBlocks);
  const d = meanDegree;
  const between = (1 - homophily) * d;
  for (let b = 0; b < nBlocks; b++) {
    const sb = sizes[b]!;
    if (sb === 0) continue;
    let sent = 0;
    for (let c = 0; c < nBlocks; c++) {
      const sc = sizes[c]!;
      if (c === b || sc === 0) continue;
      const pairs = sb * sc;
      const e = Math.min(pairs, (between * pairs) / (n - Math.min(sb, sc)));
      out[b * nBlocks + c] = e;
      sent += e;
    }
    const within = Math.max(0, (d * sb - sent) / 2);
    out[b * nBlocks + b] = Math.min(within, (sb * (sb - 1)) / 2);
  }
  return out;
}
