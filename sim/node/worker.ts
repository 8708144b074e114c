/**
 * Worker thread: runs whole replicates (every strategy, shared prefixes branched) and posts the value
 * cubes back with their buffers transferred. Results depend only on (scenario, scale, seed, replicate),
 * so any number of workers gives byte-identical output.
 */
import { parentPort } from 'node:worker_threads';
import { compileModel, type Model } from '../engine/compileModel';
import { runReplicate } from '../experiment/runReplicate';
import { type Scenario, scenarioSchema } from '../scenario/schema';

export interface WorkerJob {
  scenario: Scenario;
  scale: number;
  strategies: string[];
  seed: number;
  replicate: number;
}

let cachedKey = '';
let cached: Model | null = null;

parentPort?.on('message', (job: WorkerJob) => {
  try {
    const key = `${job.scale}|${JSON.stringify(job.scenario)}`;
    if (!cached || cachedKey !== key) {
      // Re-validate: zod builds fresh parameter objects here, instead of the structured-clone copies, whose
      // hidden classes would make every parameter read in the hot loops slow.
      cached = compileModel(scenarioSchema.parse(job.scenario), job.scale);
      cachedKey = key;
    }
    const res = runReplicate(cached, job.strategies, job.seed, job.replicate);
    // The layout and the calendar are the same for every run: the main thread puts its own back.
    for (const run of res.runs) {
      (run as { layout: unknown }).layout = null;
      (run as { dates: unknown }).dates = null;
    }
    const transfer = res.runs.map((r) => r.values.buffer as ArrayBuffer);
    parentPort!.postMessage({ ok: true, result: res }, [...new Set(transfer)]);
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
