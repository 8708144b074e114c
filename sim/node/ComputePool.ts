import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Model } from '../engine/compileModel';
import { type ReplicateResult, runReplicate } from '../experiment/runReplicate';
import type { RenderedChart, RenderOptions } from '../io/renderCharts';
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

/** One task handed to a worker, and what to do with its answer. */
interface Pending {
  resolve: (msg: FromWorker) => void;
  reject: (e: Error) => void;
}

/** A worker thread with its own queue of answers (a worker answers its messages in the order it got them). */
class Helper {
  readonly thread: Worker;
  private readonly waiting: Pending[] = [];
  private failure: Error | null = null;

  constructor(path: string) {
    this.thread = new Worker(path);
    this.thread.on('message', (msg: FromWorker) => {
      const p = this.waiting.shift();
      if (!p) return;
      if (msg.type === 'error') p.reject(new Error(msg.error));
      else p.resolve(msg);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.waiting.splice(0)) p.reject(e);
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => {
      if (this.waiting.length > 0) fail(new Error(`worker thread stopped (exit code ${code})`));
    });
  }

  /** Tasks sent and not yet answered. */
  get inFlight(): number {
    return this.waiting.length;
  }

  send(msg: ToWorker, transfer: ArrayBuffer[] = []): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.thread.postMessage(msg, transfer);
    });
  }

  /** Fire and forget (no answer expected). */
  post(msg: ToWorker): void {
    if (!this.failure) this.thread.postMessage(msg);
  }
}

/** Hands out indices 0..n−1, one at a time, to whichever thread asks first. */
class Queue {
  private next = 0;
  constructor(readonly n: number) {}
  take(): number {
    return this.next < this.n ? this.next++ : -1;
  }
  get empty(): boolean {
    return this.next >= this.n;
  }
}

/**
 * The compute threads of one command: this thread plus `size − 1` worker threads, started at once so their
 * start-up overlaps this thread's work. The same pool runs the replicates and then renders the report's
 * charts, so no thread sits idle while the other renders.
 *
 * Every task's result depends only on its input (a replicate on (scenario, seed, replicate); a chart on its
 * spec), and results are put back in task order, so the output is identical for any pool size.
 */
export class ComputePool {
  private readonly helpers: Helper[];

  constructor(readonly size: number) {
    const n = Math.max(0, Math.floor(size) - 1);
    const path = n > 0 ? workerPath() : '';
    this.helpers = Array.from({ length: n }, () => new Helper(path));
  }

  /**
   * Runs replicates 0..n−1 of every strategy. Each worker keeps two replicates in flight so it never waits for
   * this thread, which yields between its own replicates to take the workers' answers in. When the last
   * replicate has been handed out, idle workers start loading the chart renderer (see `renderCharts`).
   */
  async runReplicates(
    model: Model,
    strategies: string[],
    seed: number,
    replicates: number,
    onDone?: (done: number, total: number) => void,
  ): Promise<ReplicateResult[]> {
    const results: ReplicateResult[] = new Array(replicates);
    const layout = metricLayout(model);
    const queue = new Queue(replicates);
    let done = 0;
    const finish = (res: ReplicateResult) => {
      results[res.replicate] = res;
      done++;
      onDone?.(done, replicates);
    };
    const helperRuns = this.helpers.map(async (h) => {
      const inFlight: Promise<void>[] = [];
      let warmed = false;
      const feed = (): Promise<void> | null => {
        const r = queue.take();
        if (r < 0) {
          // Nothing left to hand out: this worker loads the chart renderer once its replicates are done,
          // while this thread finishes its own and summarises.
          if (!warmed) h.post({ type: 'warm' });
          warmed = true;
          return null;
        }
        const job: ToWorker = {
          type: 'replicate',
          scenario: model.scenario,
          scale: model.scale,
          strategies,
          seed,
          replicate: r,
        };
        return h.send(job).then((msg) => {
          if (msg.type !== 'replicate') throw new Error('worker answered out of turn');
          for (const run of msg.result.runs) {
            run.layout = layout;
            run.dates = model.dates;
          }
          finish(msg.result);
        });
      };
      for (let k = 0; k < 2; k++) {
        const p = feed();
        if (p) inFlight.push(p);
      }
      while (inFlight.length > 0) {
        await inFlight.shift();
        const p = feed();
        if (p) inFlight.push(p);
      }
    });
    const own = (async () => {
      for (let r = queue.take(); r >= 0; r = queue.take()) {
        finish(runReplicate(model, strategies, seed, r));
        // Let the workers' answers in (and hand them the next indices) before the next replicate.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([own, ...helperRuns]);
    return results;
  }

  /**
   * Renders charts to SVG (and PNG when asked) on the worker threads (on this thread when there are none):
   * each worker takes the next chart as soon as it is free. The result is in chart order and byte-identical to
   * rendering them one by one here.
   */
  async renderCharts(charts: ReportChart[], opts: RenderOptions = {}): Promise<RenderedChart[]> {
    const out: RenderedChart[] = new Array(charts.length);
    const queue = new Queue(charts.length);
    const helperRuns = this.helpers.map(async (h) => {
      // Two charts in flight, so a worker never waits for this thread to hand it the next one.
      const take = (): Promise<void> | null => {
        const c = queue.take();
        if (c < 0) return null;
        return h.send({ type: 'render', spec: charts[c].spec, png: Boolean(opts.png) }).then((msg) => {
          if (msg.type !== 'render') throw new Error('worker answered out of turn');
          const rendered: RenderedChart = { ...charts[c], svg: msg.svg };
          if (msg.png) rendered.png = msg.png;
          out[c] = rendered;
        });
      };
      const inFlight = [take(), take()].filter((p): p is Promise<void> => p !== null);
      while (inFlight.length > 0) {
        await inFlight.shift();
        const p = take();
        if (p) inFlight.push(p);
      }
    });
    // With worker threads, they render everything: this thread has the other outputs to write meanwhile, and
    // loading the renderer here too would cost it about 0.25 s.
    const own = (async () => {
      if (this.helpers.length > 0) return;
      const { renderChart } = await import('../io/renderCharts');
      for (let c = queue.take(); c >= 0; c = queue.take()) out[c] = await renderChart(charts[c], opts);
    })();
    await Promise.all([own, ...helperRuns]);
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.helpers.map((h) => h.thread.terminate()));
  }
}
