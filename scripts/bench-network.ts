/**
 * Times each network generator at n = 1e6 and mean degree 16.
 * Run: npx tsx scripts/bench-network.ts [n]
 * Prints one JSON object per generator: {generator, n, edges, meanDegree, seconds, bytes}, where bytes is
 * the CSR's typed-array storage (offsets + targets + weights).
 */
import { barabasiAlbert } from '../sim/network/barabasiAlbert';
import { erdosRenyi } from '../sim/network/erdosRenyi';
import { edgeCount, type Graph } from '../sim/network/Graph';
import { stochasticBlockModel } from '../sim/network/stochasticBlockModel';
import { wattsStrogatz } from '../sim/network/wattsStrogatz';
import { Stream } from '../sim/rng/Stream';

const n = Number(process.argv[2] ?? 1_000_000);
const meanDegree = 16;

/** Six blocks: two small (300, 2,000), and the rest of the population split 10/20/30/40 %. */
function sixBlocks(size: number): Uint16Array {
  const block = new Uint16Array(size);
  const small = [300, 2000];
  const rest = size - small[0]! - small[1]!;
  const sizes = [...small, 0.1 * rest, 0.2 * rest, 0.3 * rest].map(Math.floor);
  sizes.push(size - sizes.reduce((a, b) => a + b, 0));
  let i = 0;
  sizes.forEach((s, b) => {
    block.fill(b, i, i + s);
    i += s;
  });
  return block;
}

const cases: [string, () => Graph][] = [
  ['erdosRenyi', () => erdosRenyi(n, meanDegree, new Stream(1, 0, 'bench/er').next)],
  ['wattsStrogatz(k=16, beta=0.1)', () => wattsStrogatz(n, 16, 0.1, new Stream(1, 0, 'bench/ws').next)],
  ['barabasiAlbert(m=8)', () => barabasiAlbert(n, 8, new Stream(1, 0, 'bench/ba').next)],
  [
    'stochasticBlockModel(6 blocks, h=0.8)',
    () => stochasticBlockModel(sixBlocks(n), 6, meanDegree, 0.8, new Stream(1, 0, 'bench/sbm').next),
  ],
];

for (const [generator, make] of cases) {
  const t0 = performance.now();
  const g = make();
  const seconds = (performance.now() - t0) / 1000;
  const edges = edgeCount(g);
  const bytes = g.offsets.byteLength + g.targets.byteLength + (g.weights?.byteLength ?? 0);
  const row = {
    generator,
    n,
    edges,
    meanDegree: (2 * edges) / n,
    seconds: Number(seconds.toFixed(3)),
    bytes,
  };
  console.log(JSON.stringify(row));
}
