/**
 * Worker thread of a ComputePool. It answers its messages in the order it gets them:
 * - `replicate`: runs a whole replicate (every strategy, shared prefixes branched) and posts the value cubes
 *   back with their buffers transferred. Results depend only on (scenario, scale, seed, replicate), so any
 *   number of workers gives byte-identical output.
 * - `warm`: loads the chart renderer ahead of the report (no answer).
 * - `render`: renders one Vega-Lite spec to SVG (and PNG), exactly as the main thread would.
 */
import { parentPort } from 'node:worker_threads';
import { compileModel, type Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import type { ReportChart } from '../report/types';
import { type Scenario, scenarioSchema } from '../scenario/schema';

export type ToWorker =
  | {
      type: 'replicate';
      scenario: Scenario;
      scale: number;
      strategies: string[];
      seed: number;
      replicate: number;
    }
  | { type: 'warm' }
  | { type: 'render'; spec: ReportChart['spec']; png: boolean };

export type FromWorker =
  | { type: 'replicate'; result: ReplicateResult }
  | { type: 'render'; svg: string; png?: Uint8Array }
  | { type: 'error'; error: string };

let cachedKey = '';
let cached: Model | null = null;

function replicate(job: Extract<ToWorker, { type: 'replicate' }>): void {
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
  const msg: FromWorker = { type: 'replicate', result: res };
  parentPort!.postMessage(msg, [...new Set(transfer)]);
}

let renderer: Promise<typeof import('../io/renderCharts')> | null = null;
const loadRenderer = () => {
  renderer ??= import('../io/renderCharts');
  return renderer;
};

async function render(job: Extract<ToWorker, { type: 'render' }>): Promise<void> {
  const { renderSvg, svgToPng } = await loadRenderer();
  const svg = await renderSvg(job.spec);
  const msg: FromWorker = { type: 'render', svg };
  if (job.png) {
    msg.png = await svgToPng(svg);
    parentPort!.postMessage(msg, [msg.png.buffer as ArrayBuffer]);
  } else parentPort!.postMessage(msg);
}

function fail(e: unknown): void {
  const msg: FromWorker = { type: 'error', error: e instanceof Error ? e.message : String(e) };
  parentPort!.postMessage(msg);
}

// Renders are asynchronous: chain them so answers keep the order of the messages (and vega's SVG ids, reset
// per chart, never interleave).
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ToWorker) => {
  if (job.type === 'replicate') {
    chain = chain.then(() => {
      try {
        replicate(job);
      } catch (e) {
        fail(e);
      }
    });
  } else if (job.type === 'warm') {
    chain = chain.then(() =>
      loadRenderer().then(
        () => undefined,
        () => undefined,
      ),
    );
  } else if (job.type === 'render') {
    chain = chain.then(() => render(job).catch(fail));
  }
});
