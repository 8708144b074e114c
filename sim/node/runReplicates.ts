import type { Model } from '../engine/compileModel';
import type { ReplicateResult } from '../experiment/runReplicate';
import { ComputePool } from './ComputePool';

export { workerPath } from './ComputePool';

/**
 * Runs replicates 0..n−1 on `workers` compute threads (this thread plus workers − 1 worker threads) and closes
 * them. Each replicate's result depends only on its index and results come back in replicate order, so the
 * output is identical for any worker count. Commands that also render a report keep a ComputePool open instead.
 */
export async function runReplicates(
  model: Model,
  strategies: string[],
  seed: number,
  replicates: number,
  workers: number,
  onDone?: (done: number, total: number) => void,
): Promise<ReplicateResult[]> {
  const pool = new ComputePool(Math.min(workers, replicates));
  try {
    return await pool.runReplicates(model, strategies, seed, replicates, { onDone });
  } finally {
    await pool.close();
  }
}
