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
 * Runs replicates 0..n−1 on `workers` compute threads: this thread plus workers − 1 worker threads, all taking
 * the next replicate index from one queue (this thread yields between replicates so the workers' results are
 * taken in). Each replicate's result depends only on its index, and results come back in replicate order, so
 * the output is identical for any worker count.
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
  const helpers = Math.max(0, Math.min(workers, replicates) - 1);
  // Start the worker threads first: their start-up overlaps this thread's first replicates.
  const pool = helpers > 0 ? Array.from({ length: helpers }, () => new Worker(workerPath())) : [];
  const layout = metricLayout(model);
  let next = 0;
  let done = 0;
  const finish = (res: ReplicateResult) => {
    results[res.replicate] = res;
    done++;
    onDone?.(done, replicates);
  };
  try {
    const workerRuns = pool.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          // Two jobs in flight per worker, so it never waits while this thread is busy with a replicate.
          let inFlight = 0;
          const feed = () => {
            while (inFlight < 2 && next < replicates) {
              const job: WorkerJob = {
                scenario: model.scenario,
                scale: model.scale,
                strategies,
                seed,
                replicate: next++,
              };
              w.postMessage(job);
              inFlight++;
            }
            if (inFlight === 0) resolve();
          };
          w.on('message', (msg: { ok: boolean; result?: ReplicateResult; error?: string }) => {
            if (!msg.ok || !msg.result) {
              reject(new Error(msg.error ?? 'worker failed'));
              return;
            }
            for (const run of msg.result.runs) {
              run.layout = layout;
              run.dates = model.dates;
            }
            inFlight--;
            finish(msg.result);
            feed();
          });
          w.on('error', reject);
          feed();
        }),
    );
    const own = (async () => {
      while (next < replicates) {
        finish(runReplicate(model, strategies, seed, next++));
        // Let the workers' messages in (and hand them the next indices) before the next replicate.
        await new Promise<void>((r) => setImmediate(r));
      }
    })();
    await Promise.all([own, ...workerRuns]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}
