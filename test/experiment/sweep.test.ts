/** Sweep assignments, grids, key paths and verdicts (sim/experiment/sweep.ts), on small hand-made inputs. */
import { describe, expect, it } from 'vitest';
import {
  CLEAR_LEAD_SHARE,
  MAX_SWEEP_POINTS,
  parseAssignment,
  SweepInputError,
  setAtPath,
  sweepGrid,
  sweepRows,
  sweepVerdicts,
} from '../../sim/experiment/sweep';
import type { CompareSummary, MetricStats } from '../../sim/experiment/types';

describe('parseAssignment', () => {
  it('reads lists of numbers, booleans and words', () => {
    expect(parseAssignment('model.media.halfLifeDays=1,3,7')).toEqual({
      key: 'model.media.halfLifeDays',
      values: [1, 3, 7],
    });
    expect(parseAssignment('model.mechanisms.stonewalling=true,false').values).toEqual([true, false]);
    expect(parseAssignment('network.kind = erdos-renyi, watts-strogatz').values).toEqual([
      'erdos-renyi',
      'watts-strogatz',
    ]);
    expect(parseAssignment('a[2].b=-1.5e-3').values).toEqual([-0.0015]);
  });

  it('reads lo:hi:n as n evenly spaced values, both ends included, without binary noise', () => {
    expect(parseAssignment('k=0.05:0.25:5').values).toEqual([0.05, 0.1, 0.15, 0.2, 0.25]);
    expect(parseAssignment('k=0:1:3').values).toEqual([0, 0.5, 1]);
    expect(parseAssignment('k=0.1:0.3:3').values).toEqual([0.1, 0.2, 0.3]);
  });

  it('refuses what it cannot use, with a hint', () => {
    for (const bad of ['noequals', '=1,2', 'k=', 'k=1,,2', 'k=1,1', 'k=0:1:1', 'k=a:1:3', 'k.=1', 'k x=1']) {
      expect(() => parseAssignment(bad), bad).toThrow(SweepInputError);
    }
    expect(() => parseAssignment(`k=0:1:${MAX_SWEEP_POINTS + 1}`)).toThrow(/at most/);
    // A number too large for a double (it was passed on as Infinity and reported as "an empty value").
    expect(() => parseAssignment('k=1,1e400')).toThrow('--set k=1,1e400: 1e400 is too large to be a number');
    expect(() => parseAssignment('k=-1e400')).toThrow(SweepInputError);
    expect(() => parseAssignment('k=1e400:2:3')).toThrow(/lo:hi:n with numbers/);
  });
});

describe('sweepGrid', () => {
  it('spans every combination, the last parameter varying fastest', () => {
    const grid = sweepGrid([
      { key: 'a', values: [1, 2] },
      { key: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(grid).toEqual([
      [1, 'x'],
      [1, 'y'],
      [1, 'z'],
      [2, 'x'],
      [2, 'y'],
      [2, 'z'],
    ]);
  });

  it('refuses a key given twice and grids beyond the cap', () => {
    expect(() => sweepGrid([parseAssignment('a=1'), parseAssignment('a=2')])).toThrow(/given twice/);
    const big = Array.from({ length: 11 }, (_, i) => i);
    expect(() =>
      sweepGrid([
        { key: 'a', values: big },
        { key: 'b', values: big },
        { key: 'c', values: big },
      ]),
    ).toThrow(/1331 points/);
  });
});

describe('setAtPath', () => {
  const raw = {
    model: { media: { halfLifeDays: 3 } },
    population: {
      segments: [
        { id: 'fans', agents: 10 },
        { id: 'public', agents: 20 },
      ],
    },
  };

  it('sets a nested value, creating missing maps, and leaves the input unchanged', () => {
    const out = setAtPath(raw, 'model.trust.learningRate', 0.2) as typeof raw & { model: { trust: unknown } };
    expect(out.model.trust).toEqual({ learningRate: 0.2 });
    expect(out.model.media.halfLifeDays).toBe(3);
    expect((raw.model as Record<string, unknown>).trust).toBeUndefined();
  });

  it('picks list items by id or by position', () => {
    const byId = setAtPath(raw, 'population.segments.public.agents', 99) as typeof raw;
    expect(byId.population.segments[1].agents).toBe(99);
    const byIndex = setAtPath(raw, 'population.segments[0].agents', 5) as typeof raw;
    expect(byIndex.population.segments[0].agents).toBe(5);
    const dotted = setAtPath(raw, 'population.segments.1.agents', 7) as typeof raw;
    expect(dotted.population.segments[1].agents).toBe(7);
    expect(raw.population.segments.map((s) => s.agents)).toEqual([10, 20]);
  });

  it('says which ids exist when one is missing, and refuses to go inside a single value', () => {
    expect(() => setAtPath(raw, 'population.segments.fnas.agents', 1)).toThrow(/no item with id "fnas"/);
    let thrown: unknown;
    try {
      setAtPath(raw, 'population.segments.fnas.agents', 1);
    } catch (e) {
      thrown = e;
    }
    // Checked outside the catch, so a call that does not throw fails here instead of skipping the check.
    expect(thrown).toBeInstanceOf(SweepInputError);
    expect((thrown as SweepInputError).hint).toBe('its ids: fans, public');
    expect(() => setAtPath(raw, 'population.segments[5].agents', 1)).toThrow(/has 2 items/);
    expect(() => setAtPath(raw, 'model.media.halfLifeDays.x', 1)).toThrow(/single value/);
  });
});

function stats(mean: number): MetricStats {
  return { mean, lo: mean - 1, hi: mean + 1, ci95: [mean - 0.5, mean + 0.5], sd: 1, n: 4 };
}

function summary(trust: Record<string, number>, baseline: string | null = null): CompareSummary {
  return {
    scenario: 's',
    title: 'S',
    seed: 1,
    replicates: 4,
    baseline,
    strategies: Object.entries(trust).map(([id, t]) => ({
      id,
      label: id,
      metrics: { trust: stats(t), grievance: stats(1 - t) },
      // Claimants: their grievance ranks the strategies the other way round.
      segments: { buyers: { grievance: stats(t) } },
    })),
    comparisons: baseline
      ? Object.keys(trust)
          .filter((id) => id !== baseline)
          .map((id) => ({
            strategy: id,
            baseline,
            metric: 'trust',
            segment: 'all',
            diff: trust[id] - trust[baseline],
            lo: 0,
            hi: 1,
            ci95: [0, 1] as [number, number],
            pBetter: 0.75,
            direction: 1 as const,
          }))
      : [],
    ranking: [],
    warnings: [],
  };
}

describe('sweepRows and sweepVerdicts', () => {
  const params = [{ key: 'k', values: [1, 2, 3, 4] }];
  const results = [
    { point: [1], summary: summary({ a: 0.6, b: 0.5 }, 'a') },
    { point: [2], summary: summary({ a: 0.6, b: 0.55 }, 'a') },
    { point: [3], summary: summary({ a: 0.6, b: 0.7 }, 'a') },
    { point: [4], summary: summary({ a: 0.6, b: 0.8 }, 'a') },
  ];

  it('has one row per point, strategy and metric, with the paired difference where there is one', () => {
    const rows = sweepRows(results);
    expect(rows).toHaveLength(4 * 2 * 2);
    const b3 = rows.find((r) => r.point === 2 && r.strategy === 'b' && r.metric === 'trust')!;
    expect(b3).toMatchObject({ values: [3], mean: 0.7, ci95: [0.7 - 0.5, 0.7 + 0.5], pBetter: 0.75 });
    expect(b3.diff).toBeCloseTo(0.1, 12);
    const a3 = rows.find((r) => r.point === 2 && r.strategy === 'a' && r.metric === 'trust')!;
    expect(a3.diff).toBeNull();
  });

  it('adds rows and verdicts for the segments asked for', () => {
    const rows = sweepRows(results, ['buyers']);
    expect(rows.filter((r) => r.segment === 'buyers')).toHaveLength(4 * 2);
    expect(rows.filter((r) => r.segment === 'all')).toHaveLength(4 * 2 * 2);
    const verdicts = sweepVerdicts(params, results, ['buyers']);
    const buyers = verdicts.find((v) => v.segment === 'buyers' && v.metric === 'grievance')!;
    expect(buyers.bestByPoint).toEqual(['b', 'b', 'a', 'a']);
    expect(buyers.text).toBe(
      'buyers / grievance: the best strategy changes across the sweep: b at k=1 … k=2; a at k=3 … k=4',
    );
    // A metric the segment does not have gets no verdict.
    expect(verdicts.some((v) => v.segment === 'buyers' && v.metric === 'trust')).toBe(false);
  });

  it('says whether the best strategy changes, in runs of neighbouring points, in each metric’s direction', () => {
    const [trust, grievance] = sweepVerdicts(params, results);
    expect(trust.metric).toBe('trust');
    expect(trust.bestByPoint).toEqual(['a', 'a', 'b', 'b']);
    expect(trust.stable).toBe(false);
    expect(trust.text).toBe(
      'trust: the best strategy changes across the sweep: a at k=1 … k=2; b at k=3 … k=4',
    );
    // Lower grievance is better: the same strategies win.
    expect(grievance.bestByPoint).toEqual(['a', 'a', 'b', 'b']);
    const steady = sweepVerdicts(params.slice(0, 1), [results[0], results[1]]);
    expect(steady[0]).toMatchObject({ stable: true, text: 'trust: a is best at every point of the sweep' });
  });

  it('says when a change of leader may be noise: a leader best in fewer than 3 of 4 replicates (pBest)', () => {
    // The rankings: a leads k=1 in 100% of replicates and k=2 in 50%; b leads k=3 in 75% and k=4 in 25%.
    const pBest: Record<number, [number, number]> = {
      1: [1, 0],
      2: [0.5, 0.5],
      3: [0.25, 0.75],
      4: [0.75, 0.25],
    };
    const ranked = results.map((r) => {
      const [pa, pb] = pBest[r.point[0] as number];
      const row = (strategy: string, p: number) => ({
        metric: 'trust',
        strategy,
        meanRank: 1,
        meanRegret: 0,
        pBest: p,
      });
      return { ...r, summary: { ...r.summary, ranking: [row('a', pa), row('b', pb)] } };
    });
    const [trust, grievance] = sweepVerdicts(params, ranked);
    expect(CLEAR_LEAD_SHARE).toBe(0.75);
    // k=4's leader by mean is b (0.8 > 0.6), best in only 25% of the replicates; k=3's b at 75% is clear.
    expect(trust.closePoints).toEqual(['k=2', 'k=4']);
    expect(trust.text).toBe(
      'trust: the best strategy changes across the sweep: a at k=1 … k=2; b at k=3 … k=4 ' +
        '(not clear-cut: a led at k=2 in only 50% of the 4 replicates; b led at k=4 in only 25%; ' +
        'the change may be noise, and more replicates would tell)',
    );
    // No ranking for grievance here: nothing is said about noise.
    expect(grievance.closePoints).toEqual([]);
    expect(grievance.text).toBe(
      'grievance: the best strategy changes across the sweep: a at k=1 … k=2; b at k=3 … k=4',
    );
    // A stable leader gets no note, however close.
    const steady = sweepVerdicts(params.slice(0, 1), [ranked[0], ranked[1]]);
    expect(steady[0]).toMatchObject({
      stable: true,
      closePoints: [],
      text: 'trust: a is best at every point of the sweep',
    });
  });
});
