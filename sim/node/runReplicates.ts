import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import { metricLayout } from '../metrics/metricLayout';
import type { WorkerJob } from './worker';

/** Where the bundled worker lives: beside the bundled CLI, or in dist/ when running from source (tests). */
export function workerPath(): string {
  const here = import.meta.url;
  const candidates = here.endsWith('.ts')
    ? [new URL('../../dist/worker.mjs', here)]
    : [new URL('./worker.mjs', here), new URL('../worker.mjs', here), new URL('../dist/worker.mjs', here)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error('dist/worker.mjs is missing: run `npm run build` (npm ci runs it for you)');
}

/**
 * Runs replicates 0..n−1 on `workers` worker threads (1 = in this thread). Each replicate's result depends
 * only on its index, and results come back in replicate order, so the output is identical for any worker count.
 */
export async function runReplicates(
  model: Model,
  strategies: string[],
  seed: number,
  replicates: number,
  workers: number,
  onDone?: (done: number, total: number) => void,
): Promise<ReplicateResult[]> {
  const results: ReplicateResult[] = new Array(replicates);
  if (workers <= 1 || replicates <= 1) {
    for (let r = 0; r < replicates; r++) {
      results[r] = runReplicate(model, strategies, seed, r);
      onDone?.(r + 1, replicates);
    }
    return results;
  }
  const layout = metricLayout(model);
  const file = workerPath();
  const pool = Array.from({ length: Math.min(workers, replicates) }, () => new Worker(file));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next >= replicates) return;
        const job: WorkerJob = {
          scenario: model.scenario,
          scale: model.scale,
          strategies,
          seed,
          replicate: next++,
        };
        w.postMessage(job);
      };
      for (const w of pool) {
        w.on('message', (msg: { ok: boolean; result?: ReplicateResult; error?: string }) => {
          if (!msg.ok || !msg.result) {
            reject(new Error(msg.error ?? 'worker failed'));
            return;
          }
          const res = msg.result;
          // Structured clone drops nothing we need, but the layout is rebuilt to share one object.
          for (const run of res.runs) run.layout = layout;
          results[res.replicate] = res;
          done++;
          onDone?.(done, replicates);
          if (done === replicates) resolve();
          else feed(w);
        });
        w.on('error', reject);
        feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
