/** The sweep chart's spec: valid Vega-Lite v5, compiles under v5 and v6 without warnings, for the three layouts. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { compile as compileV6 } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { SweepParameter, SweepRow } from '../../sim/experiment/sweep';
import { sweepChart } from '../../sim/report/sweepChart';
import { collectingLogger, loadVegaLite5 } from './helpers';

function rows(params: SweepParameter[], strategies: string[]): SweepRow[] {
  let grid: Array<Array<number | string | boolean>> = [[]];
  for (const p of params) grid = grid.flatMap((g) => p.values.map((v) => [...g, v]));
  return grid.flatMap((values, point) =>
    strategies.map((strategy, s) => ({
      point,
      values,
      strategy,
      segment: 'all',
      metric: 'trust',
      mean: 0.5 + 0.01 * s + 0.001 * point,
      lo: 0.49,
      hi: 0.6,
      ci95: point === 0 ? null : ([0.495, 0.55] as [number, number]),
      diff: null,
      diffLo: null,
      diffHi: null,
      pBetter: null,
    })),
  );
}

const layouts: Array<[string, SweepParameter[]]> = [
  ['one numeric parameter', [{ key: 'model.media.halfLifeDays', values: [1, 3, 7] }]],
  ['one word parameter', [{ key: 'network.kind', values: ['erdos-renyi', 'watts-strogatz'] }]],
  [
    'two parameters (panels)',
    [
      { key: 'model.media.halfLifeDays', values: [1, 7] },
      { key: 'network.meanDegree', values: [8, 16] },
    ],
  ],
];

describe('sweepChart', () => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(
    readFileSync(
      join(require.resolve('vega-lite-5/package.json'), '..', 'build', 'vega-lite-schema.json'),
      'utf8',
    ),
  );
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

  it.each(layouts)(
    '%s: a valid v5 spec that compiles under v5 and v6 without warnings',
    async (_, params) => {
      const chart = sweepChart(params, rows(params, ['a', 'b']), 'trust', ['a', 'b']);
      expect(chart).not.toBeNull();
      const spec = chart!.spec;
      expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const vl5 = await loadVegaLite5();
      const warn5: string[] = [];
      const warn6: string[] = [];
      vl5.compile(structuredClone(spec), { logger: collectingLogger(warn5) });
      compileV6(structuredClone(spec), { logger: collectingLogger(warn6) as never });
      expect(warn5).toEqual([]);
      expect(warn6).toEqual([]);
      expect(chart!.id).toBe('sweep-trust');
      expect((spec as { description?: string }).description).toBe(chart!.caption);
    },
  );

  it('orders the panels as the grid does, not alphabetically', () => {
    const params = layouts[2][1];
    const spec = sweepChart(params, rows(params, ['a']), 'trust', ['a'])!.spec as {
      facet: { sort: string[] };
    };
    expect(spec.facet.sort).toEqual(['network.meanDegree=8', 'network.meanDegree=16']);
  });

  it('has nothing to draw for a metric the rows do not hold', () => {
    const params = layouts[0][1];
    expect(sweepChart(params, rows(params, ['a']), 'net_cny', ['a'])).toBeNull();
  });
});
