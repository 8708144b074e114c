import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import type { RenderedChart, RenderJob, RenderOptions } from '../io/renderCharts';
import { metricLayout } from '../metrics/metricLayout';
import type { ReportChart } from '../report/types';
import type { Scenario } from '../scenario/schema';
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
  /** Called after each replicate with (done, total); a sweep counts every point's replicates. */
  onDone?: (done: number, total: number) => void;
  /** A report follows: the workers load the chart renderer as soon as they have no replicate left. */
  thenRender?: boolean;
}

/** What a pool needs to run the points of a sweep (or the one point of a comparison). */
export interface PointsJob {
  /** Each point's scenario, as checked (the worker threads compile their own models from it). */
  scenarios: Scenario[];
  /** Point p's model on this thread: called at most once per point, when the point is first needed. */
  model: (p: number) => Model;
  scale: number;
  strategies: string[];
  seed: number;
  replicates: number;
  /**
   * Called on this thread with point p's replicates (in replicate order) and its model once they are all in, for
   * p = 0, 1, … in order; the pool keeps nothing of a point after it. Worker threads go on with the next point meanwhile.
   */
  onPoint: (p: number, results: ReplicateResult[], model: Model) => void;
}

/** A point whose replicates are coming in. */
interface OpenPoint {
  model: Model;
  layout: ReturnType<typeof metricLayout>;
  results: ReplicateResult[];
  done: number;
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
    let out: ReplicateResult[] = [];
    await this.runPoints(
      {
        scenarios: [model.scenario],
        model: () => model,
        scale: model.scale,
        strategies,
        seed,
        replicates,
        onPoint: (_, results) => {
          out = results;
        },
      },
      opts,
    );
    return out;
  }

  /**
   * Runs replicates 0..n−1 of every strategy at every point of `job` on every thread of the pool. Item i is
   * replicate i mod n of point ⌊i / n⌋; threads take items from one shared counter across points, so none waits
   * at a point's end for the others, or while this thread hands a finished point to `onPoint` (a sweep summarises
   * it there). Every result depends only on (point, replicate), so what `onPoint` sees is the same for any pool
   * size.
   */
  async runPoints(job: PointsJob, opts: RunReplicatesOptions = {}): Promise<void> {
    const { replicates } = job;
    const total = job.scenarios.length * replicates;
    const open = new Map<number, OpenPoint>();
    const openPoint = (p: number): OpenPoint => {
      let pt = open.get(p);
      if (!pt) {
        const model = job.model(p);
        pt = { model, layout: metricLayout(model), results: new Array(replicates), done: 0 };
        open.set(p, pt);
      }
      return pt;
    };
    let nextPoint = 0;
    let done = 0;
    let failure: unknown = null;
    const finish = (p: number, res: ReplicateResult) => {
      const pt = openPoint(p);
      pt.results[res.replicate] = res;
      pt.done++;
      done++;
      opts.onDone?.(done, total);
      // Finished points go to onPoint in point order (with many threads, a later point may finish first).
      for (let q = open.get(nextPoint); q && q.done === replicates; q = open.get(nextPoint)) {
        open.delete(nextPoint);
        job.onPoint(nextPoint, q.results, q.model);
        nextPoint++;
      }
    };
    const counter = sharedCounter();
    const task: ToWorker = {
      type: 'replicates',
      scenarios: job.scenarios,
      scale: job.scale,
      strategies: job.strategies,
      seed: job.seed,
      replicates,
      counter,
      warm: Boolean(opts.thenRender),
    };
    // Any failure (a worker's, or this thread's) ends the taking of items on every thread: the counter is set
    // past the end.
    const fail = (e: unknown) => {
      failure ??= e;
      Atomics.store(counter, 0, total);
    };
    const helperRuns = this.helpers.map((h) =>
      h
        .run(task, (msg) => {
          if (msg.type === 'replicate') {
            const pt = openPoint(msg.point);
            for (const run of msg.result.runs) {
              run.layout = pt.layout;
              run.dates = pt.model.dates;
            }
            finish(msg.point, msg.result);
            return false;
          }
          if (msg.type === 'replicates-done') return true;
          throw new Error(`worker answered ${msg.type} to replicates`);
        })
        .catch(fail),
    );
    for (let i = Atomics.add(counter, 0, 1); i < total; i = Atomics.add(counter, 0, 1)) {
      const p = Math.floor(i / replicates);
      try {
        finish(p, runReplicate(openPoint(p).model, job.strategies, job.seed, i % replicates));
      } catch (e) {
        fail(e);
        break;
      }
      // Let the workers' results in (and the progress bar move) before the next replicate.
      if (this.helpers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Out of replicates while a worker still finishes its last one: when a report follows, load the chart
    // renderer now, in time this thread would otherwise spend waiting.
    if (opts.thenRender && done < total && failure === null) await import('../io/renderCharts');
    await Promise.all(helperRuns);
    if (failure !== null) throw failure;
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
