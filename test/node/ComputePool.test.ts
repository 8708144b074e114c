/**
 * ComputePool: replicates and chart renders spread over this thread and worker threads give exactly what one
 * thread gives, in task order; a failure on a worker comes back as an error, not a hang.
 */

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, type Model } from '../../sim/engine/compileModel';
import { type ReplicateResult, runReplicate } from '../../sim/experiment/runReplicate';
import { loadScenario } from '../../sim/io/loadScenario';
import { renderCharts } from '../../sim/io/renderCharts';
import { ComputePool } from '../../sim/node/ComputePool';
import { buildCharts } from '../../sim/report/buildCharts';
import type { ReportChart } from '../../sim/report/types';
import type { Scenario } from '../../sim/scenario/schema';
import { makeFixture } from '../fixtures/report/makeFixture';
import { ensureWorkerBuilt, ROOT } from '../helpers/cli';

beforeAll(() => ensureWorkerBuilt(), 120_000);

describe('ComputePool', () => {
  let model: Model;
  let ids: string[];
  const pool = new ComputePool(2);
  beforeAll(async () => {
    const parsed = await loadScenario(join(ROOT, 'scenarios/teaching/apology-vs-denial.yaml'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    model = compileModel(parsed.scenario, 0.5);
    ids = model.strategies.map((s) => s.id);
  });
  afterAll(() => pool.close());

  it('runs replicates on two threads with the same value cubes, in replicate order, as one thread', async () => {
    const reps = await pool.runReplicates(model, ids, 7, 5);
    expect(reps.map((r) => r.replicate)).toEqual([0, 1, 2, 3, 4]);
    for (const r of reps) {
      const alone = runReplicate(model, ids, 7, r.replicate);
      expect(r.runs.map((x) => x.strategy)).toEqual(ids);
      for (const [k, run] of r.runs.entries()) {
        expect(Array.from(run.values)).toEqual(Array.from(alone.runs[k].values));
      }
    }
  }, 60_000);

  it('renders charts on the worker, byte-identical to rendering them here, in chart order', async () => {
    const charts = buildCharts(makeFixture());
    const here = await renderCharts(charts);
    // All on the worker (this thread does not help) …
    const there = await pool.renderCharts(charts).done;
    // … and shared between the worker and this thread.
    const job = pool.renderCharts(charts);
    await job.help?.();
    const shared = await job.done;
    expect(shared.map((c) => c.svg)).toEqual(here.map((c) => c.svg));
    expect(there.map((c) => c.id)).toEqual(charts.map((c) => c.id));
    expect(there.map((c) => c.svg)).toEqual(here.map((c) => c.svg));
    for (const c of there) expect(c.svg.startsWith('<svg')).toBe(true);
  }, 60_000);

  it('reports a chart that fails to render as an error, and stays usable', async () => {
    const good = buildCharts(makeFixture())[0];
    const bad: ReportChart = { ...good, id: 'broken', spec: { mark: 'no-such-mark' } as never };
    await expect(pool.renderCharts([bad]).done).rejects.toThrow(Error);
    const [again] = await pool.renderCharts([good]).done;
    expect(again.svg.startsWith('<svg')).toBe(true);
  }, 60_000);

  it('grows to more threads (never fewer) and gives the same replicates, with a report warm-up after them', async () => {
    const grown = new ComputePool(1);
    try {
      expect(grown.size).toBe(1);
      grown.grow(3);
      expect(grown.size).toBe(3);
      grown.grow(2);
      expect(grown.size).toBe(3);
      // More threads than replicates: the extra thread finds none left; thenRender warms the renderer up.
      const reps = await grown.runReplicates(model, ids, 7, 2, { thenRender: true });
      expect(reps.map((r) => r.replicate)).toEqual([0, 1]);
      for (const r of reps) {
        const alone = runReplicate(model, ids, 7, r.replicate);
        for (const [k, run] of r.runs.entries()) {
          expect(Array.from(run.values)).toEqual(Array.from(alone.runs[k].values));
        }
      }
      const charts = buildCharts(makeFixture()).slice(0, 3);
      const out = await grown.renderCharts(charts).done;
      expect(out.map((c) => c.svg)).toEqual((await renderCharts(charts)).map((c) => c.svg));
    } finally {
      await grown.close();
    }
  }, 60_000);

  it('runs the points of a sweep as one stream, handing each point over in order, as one thread would', async () => {
    // Three points that differ in one parameter; three threads and two replicates per point, so threads
    // work on two points at once and a later point can finish first.
    const scenarios = [0.5, 1, 2].map((f) => ({
      ...model.scenario,
      model: {
        ...model.scenario.model,
        media: { ...model.scenario.model.media, halfLifeDays: model.scenario.model.media.halfLifeDays * f },
      },
    }));
    const models = scenarios.map((sc) => compileModel(sc, 0.5));
    const three = new ComputePool(3);
    const seen: number[] = [];
    const asked: number[] = [];
    const compiled: Model[] = [];
    const handed: Model[] = [];
    const got: ReplicateResult[][] = [];
    const progress: number[] = [];
    try {
      await three.runPoints(
        {
          scenarios,
          model: (p) => {
            asked.push(p);
            compiled[p] = compileModel(scenarios[p], 0.5);
            return compiled[p];
          },
          scale: 0.5,
          strategies: ids,
          seed: 7,
          replicates: 2,
          onPoint: (p, results, m) => {
            seen.push(p);
            got[p] = results;
            handed[p] = m;
          },
        },
        { onDone: (d, t) => progress.push(d / t) },
      );
    } finally {
      await three.close();
    }
    expect(seen).toEqual([0, 1, 2]);
    expect([...asked].sort()).toEqual([0, 1, 2]);
    // Each point is handed over with the model this thread compiled for it.
    for (const p of [0, 1, 2]) expect(handed[p]).toBe(compiled[p]);
    expect(progress).toHaveLength(6);
    expect(progress.at(-1)).toBe(1);
    for (const [p, results] of got.entries()) {
      expect(results.map((r) => r.replicate)).toEqual([0, 1]);
      for (const r of results) {
        const alone = runReplicate(models[p], ids, 7, r.replicate);
        for (const [k, run] of r.runs.entries()) {
          expect(run.layout.names.length).toBeGreaterThan(0);
          expect(Array.from(run.values)).toEqual(Array.from(alone.runs[k].values));
        }
      }
    }
    // The points differ: media half-life changes the runs.
    expect(Array.from(got[0][0].runs[0].values)).not.toEqual(Array.from(got[2][0].runs[0].values));
  }, 60_000);

  it('ends with the error, not a hang, when a worker fails or a point cannot be handed over', async () => {
    const two = new ComputePool(2);
    try {
      // Started and idle, the worker takes an item as soon as the task reaches it, while this thread runs its own
      // first replicate (a worker still starting might find none left).
      await two.runReplicates(model, ids, 7, 20);
      // The worker thread cannot compile this scenario (this thread is given a good model).
      const broken = { ...model.scenario, population: null } as unknown as Scenario;
      const job = {
        scenarios: [broken],
        model: () => model,
        scale: 0.5,
        strategies: ids,
        seed: 7,
        replicates: 20,
        onPoint: () => undefined,
      };
      await expect(two.runPoints(job)).rejects.toThrow(/population|null|undefined/);
      // A point that cannot be handed over (whichever thread finishes it).
      await expect(
        two.runPoints({
          ...job,
          scenarios: [model.scenario],
          onPoint: () => {
            throw new Error('cannot summarise');
          },
        }),
      ).rejects.toThrow('cannot summarise');
    } finally {
      await two.close();
    }
  }, 60_000);

  it('with one thread renders here and starts no worker', async () => {
    const one = new ComputePool(1);
    const charts = buildCharts(makeFixture()).slice(0, 2);
    const out = await one.renderCharts(charts).done;
    expect(out.map((c) => c.id)).toEqual(charts.map((c) => c.id));
    await one.close();
  }, 60_000);
});
