import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import type { RenderedChart, RenderJob, RenderOptions } from '../io/renderCharts';
import { metricLayout } from '../metrics/metricLayout';
import type { ReportChart } from '../report/types';
import type { FromWorker, ToWorker } from './worker';

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

/** A worker thread running one task at a time; the task's messages go to its handler until it resolves. */
class Helper {
  readonly thread: Worker;
  private handler: ((msg: FromWorker) => void) | null = null;
  private failed: ((e: Error) => void) | null = null;

  constructor(path: string) {
    this.thread = new Worker(path);
    this.thread.on('message', (msg: FromWorker) => {
      if (msg.type === 'error') this.failed?.(new Error(msg.error));
      else this.handler?.(msg);
    });
    this.thread.on('error', (e) => this.failed?.(e));
    this.thread.on('exit', (code) => this.failed?.(new Error(`worker thread stopped (exit code ${code})`)));
  }

  /** Post a task; `onMessage` sees its messages and returns true on the last one. */
  run(task: ToWorker, onMessage: (msg: FromWorker) => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const end = () => {
        this.handler = null;
        this.failed = null;
      };
      this.handler = (msg) => {
        try {
          if (onMessage(msg)) {
            end();
            resolve();
          }
        } catch (e) {
          end();
          reject(e);
        }
      };
      this.failed = (e) => {
        end();
        reject(e);
      };
      this.thread.postMessage(task);
    });
  }
}

/** A counter shared by every thread of a task: each takes the next index with Atomics.add. */
function sharedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

export interface RunReplicatesOptions {
  /** Called after each replicate with (done, total). */
  onDone?: (done: number, total: number) => void;
  /** A report follows: the workers load the chart renderer as soon as they have no replicate left. */
  thenRender?: boolean;
}

/**
 * The compute threads of one command: this thread plus `size − 1` worker threads, started at once so their
 * start-up overlaps this thread's work. The same pool runs the replicates and then renders the report's
 * charts, while this thread writes the tables.
 *
 * Threads take the next replicate (or chart) from a shared counter, so none waits for another to hand it work.
 * Every result depends only on its input (a replicate on (scenario, seed, replicate); a chart on its spec) and
 * is put back by its index, so the output is identical for any pool size.
 */
export class ComputePool {
  private readonly helpers: Helper[];

  constructor(size: number) {
    this.helpers = [];
    this.grow(size);
  }

  /** Threads in the pool, this one included. */
  get size(): number {
    return this.helpers.length + 1;
  }

  /** Starts more worker threads until the pool has `size` threads (it never shrinks). */
  grow(size: number): void {
    const n = Math.max(0, Math.floor(size) - 1);
    if (n <= this.helpers.length) return;
    const path = workerPath();
    while (this.helpers.length < n) this.helpers.push(new Helper(path));
  }

  /** Runs replicates 0..n−1 of every strategy on every thread of the pool; results in replicate order. */
  async runReplicates(
    model: Model,
    strategies: string[],
    seed: number,
    replicates: number,
    opts: RunReplicatesOptions = {},
  ): Promise<ReplicateResult[]> {
    const results: ReplicateResult[] = new Array(replicates);
    const layout = metricLayout(model);
    const counter = sharedCounter();
    let done = 0;
    const finish = (res: ReplicateResult) => {
      results[res.replicate] = res;
      done++;
      opts.onDone?.(done, replicates);
    };
    const task: ToWorker = {
      type: 'replicates',
      scenario: model.scenario,
      scale: model.scale,
      strategies,
      seed,
      replicates,
      counter,
      warm: Boolean(opts.thenRender),
    };
    const helperRuns = this.helpers.map((h) =>
      h.run(task, (msg) => {
        if (msg.type === 'replicate') {
          for (const run of msg.result.runs) {
            run.layout = layout;
            run.dates = model.dates;
          }
          finish(msg.result);
          return false;
        }
        if (msg.type === 'replicates-done') return true;
        throw new Error(`worker answered ${msg.type} to replicates`);
      }),
    );
    // If a worker fails, stop taking replicates here too.
    let failed = false;
    const watched = helperRuns.map((p) =>
      p.catch((e) => {
        failed = true;
        throw e;
      }),
    );
    for (const p of watched) p.catch(() => undefined);
    for (let r = Atomics.add(counter, 0, 1); r < replicates && !failed; r = Atomics.add(counter, 0, 1)) {
      finish(runReplicate(model, strategies, seed, r));
      // Let the workers' results in (and the progress bar move) before the next replicate.
      if (this.helpers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Out of replicates while a worker still finishes its last one: when a report follows, load the chart
    // renderer now, in time this thread would otherwise spend waiting.
    if (opts.thenRender && done < replicates && !failed) await import('../io/renderCharts');
    await Promise.all(watched);
    return results;
  }

  /**
   * Starts rendering charts to SVG (and PNG when asked) on the worker threads, which take the next chart from a
   * shared counter. `help()` lends this thread too once it has written its other outputs (it loads the renderer
   * only then). `done` gives the charts in chart order, byte-identical to rendering them one by one here.
   */
  renderCharts(charts: ReportChart[], opts: RenderOptions = {}): RenderJob {
    // The renderer (vega, vega-lite) is loaded only when a report is asked for: it takes a while to import.
    if (this.helpers.length === 0)
      return { done: import('../io/renderCharts').then((m) => m.renderCharts(charts, opts)) };
    const out: RenderedChart[] = new Array(charts.length);
    const counter = sharedCounter();
    const task: ToWorker = {
      type: 'render',
      specs: charts.map((c) => c.spec),
      png: Boolean(opts.png),
      counter,
    };
    const workers = Promise.all(
      this.helpers.map((h) =>
        h.run(task, (msg) => {
          if (msg.type === 'rendered') {
            const rendered: RenderedChart = { ...charts[msg.index], svg: msg.svg };
            if (msg.png) rendered.png = msg.png;
            out[msg.index] = rendered;
            return false;
          }
          if (msg.type === 'render-done') return true;
          throw new Error(`worker answered ${msg.type} to render`);
        }),
      ),
    );
    let helping: Promise<void> = Promise.resolve();
    const help = (): Promise<void> => {
      helping = (async () => {
        if (Atomics.load(counter, 0) >= charts.length) return;
        const { renderChart } = await import('../io/renderCharts');
        for (let c = Atomics.add(counter, 0, 1); c < charts.length; c = Atomics.add(counter, 0, 1)) {
          out[c] = await renderChart(charts[c], opts);
          // Let the workers' charts in between.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      })();
      return helping;
    };
    const done = (async () => {
      await workers;
      await helping;
      return out;
    })();
    return { done, help };
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.thread.terminate()));
  }
}
