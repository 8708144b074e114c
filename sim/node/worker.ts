/**
 * Worker thread of a ComputePool. Tasks take their items from a counter shared with the other threads
 * (`Atomics.add`), so every thread works until nothing is left and none waits for a hand-out:
 * - `replicates`: runs whole replicates (every strategy, shared prefixes branched) of one or more points (a
 *   sweep's grid) and posts each one's value cubes back (copied: see `post`), then `replicates-done`; then, when
 *   a report follows, it loads the chart renderer and warms it up on a small chart while the main thread
 *   summarises. Results depend only on (scenario, scale, seed, replicate), so any number of workers gives
 *   byte-identical output.
 * - `render`: renders charts to SVG (and PNG) exactly as the main thread would, then `render-done`.
 * A failure is posted as `error`.
 */
import { parentPort } from 'node:worker_threads';
import { compileModel, type Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import type { ReportChart } from '../report/types';
import type { Scenario } from '../scenario/schema';

export type ToWorker =
  | {
      type: 'replicates';
      /** One scenario per point (one for a comparison; a sweep's grid): item i is replicate i % replicates of
       * point ⌊i / replicates⌋. */
      scenarios: Scenario[];
      scale: number;
      strategies: string[];
      seed: number;
      replicates: number;
      /** Int32Array over a SharedArrayBuffer: [next item to take]. */
      counter: Int32Array;
      /** Load the chart renderer once the replicates are done (a report follows). */
      warm: boolean;
    }
  | { type: 'render'; specs: ReportChart['spec'][]; png: boolean; counter: Int32Array };

export type FromWorker =
  | { type: 'replicate'; point: number; result: ReplicateResult }
  | { type: 'replicates-done' }
  | { type: 'rendered'; index: number; svg: string; png?: Uint8Array }
  | { type: 'render-done' }
  | { type: 'error'; error: string };

/**
 * A deep copy of plain data (objects, arrays, primitives) made by adding properties one by one, as the scenario
 * parser (zod) builds them on the main thread. The scenario arrives already validated, so the worker does not
 * load the schema library (about half of its bundle) only to rebuild it.
 */
export function rebuild(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebuild);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = rebuild((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * Posts a message by copy. Nothing is ever transferred: a transfer detaches the sender's buffer, and the first
 * detached ArrayBuffer in an isolate invalidates V8's ArrayBufferDetaching protector (its "no buffer has ever
 * been detached" assumption). Every typed-array kernel compiled under it is then thrown away and recompiled with
 * a detached check on each access: a worker that transferred its value cubes ran replicates about 15% slower
 * than the main thread. Copying a replicate's values takes about a millisecond.
 */
function post(msg: FromWorker): void {
  parentPort!.postMessage(msg);
}

function replicates(job: Extract<ToWorker, { type: 'replicates' }>): void {
  const total = job.scenarios.length * job.replicates;
  // Items are taken in increasing order, so a point's model is compiled once per thread and then reused.
  let point = -1;
  let model: Model | null = null;
  for (let i = Atomics.add(job.counter, 0, 1); i < total; i = Atomics.add(job.counter, 0, 1)) {
    const p = Math.floor(i / job.replicates);
    if (p !== point || !model) {
      // Fresh objects built property by property, as the main thread's parse builds them: the structured-clone
      // copies have hidden classes that make every parameter read in the hot loops slow.
      model = compileModel(rebuild(job.scenarios[p]) as Scenario, job.scale);
      point = p;
    }
    const res = runReplicate(model, job.strategies, job.seed, i % job.replicates);
    // The layout and the calendar are the same for every run: the main thread puts its own back.
    for (const run of res.runs) {
      (run as { layout: unknown }).layout = null;
      (run as { dates: unknown }).dates = null;
    }
    post({ type: 'replicate', point: p, result: res });
  }
  post({ type: 'replicates-done' });
}

let renderer: Promise<typeof import('../io/renderCharts')> | null = null;
const loadRenderer = () => {
  renderer ??= import('../io/renderCharts');
  return renderer;
};

async function render(job: Extract<ToWorker, { type: 'render' }>): Promise<void> {
  const { renderSvg, svgToPng } = await loadRenderer();
  for (let c = Atomics.add(job.counter, 0, 1); c < job.specs.length; c = Atomics.add(job.counter, 0, 1)) {
    const msg: Extract<FromWorker, { type: 'rendered' }> = {
      type: 'rendered',
      index: c,
      svg: await renderSvg(job.specs[c]),
    };
    if (job.png) msg.png = await svgToPng(msg.svg);
    post(msg);
  }
  post({ type: 'render-done' });
}

function fail(e: unknown): void {
  post({ type: 'error', error: e instanceof Error ? e.message : String(e) });
}

// Tasks run one after the other, in the order they came (renders are asynchronous, so they are chained).
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ToWorker) => {
  if (job.type === 'replicates') {
    chain = chain.then(() => {
      try {
        replicates(job);
      } catch (e) {
        fail(e);
        return;
      }
      // Nothing is left to simulate: load the chart renderer and render a small warm-up chart while the main
      // thread summarises, so the report's charts start on compiled code. A failure here is not fatal: the
      // render task would report it.
      if (!job.warm) return;
      return loadRenderer().then(
        (m) => m.warmUpRenderer().catch(() => undefined),
        () => undefined,
      );
    });
  } else if (job.type === 'render') {
    chain = chain.then(() => render(job).catch(fail));
  }
});
