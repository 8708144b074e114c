/**
 * Polish defects of the flagship report: forest-plot panels whose data end at 0 (0 at the frame, its
 * tick label dropped, the dashed zero line hidden on the frame).
 */

import { describe, expect, it } from 'vitest';
import type { Comparison, ReportInput } from '../../sim/experiment/types';
import { renderSvg } from '../../sim/io/renderCharts';
import { forestAxis, forestPlot } from '../../sim/report/charts/forestPlot';
import { makeFixture } from '../fixtures/report/makeFixture';

// biome-ignore lint/suspicious/noExplicitAny: the tests walk Vega-Lite specs, which have no useful static type here
type Obj = Record<string, any>;

/**
 * The fixture's forest plot reduced to one metric, with a third strategy that equals the baseline in
 * every replicate (as silence and voucher-only do for rights-group members in the flagship): the
 * panel's data end at 0.
 */
function oneMetricEndingAtZero(metric: string, ends: Array<[number, number, number]>): ReportInput {
  const input = makeFixture();
  const ids = input.scenario.strategies.map((s) => s.id);
  const template = input.summary.comparisons.find((c) => c.segment === 'all' && c.metric === metric)!;
  input.summary.comparisons = ends.map(
    ([diff, lo, hi], i): Comparison => ({
      ...template,
      strategy: ids[(i % (ids.length - 1)) + 1]!,
      metric,
      diff,
      lo,
      hi,
    }),
  );
  return input;
}

/**
 * The texts drawn in a rendered SVG (vega hides a label that would overlap with opacity 0) and the x of
 * every dashed zero rule, relative to the plot's left edge.
 */
function axisLabelsAndZeroRules(svg: string): { labels: string[]; zeroX: number[] } {
  const labels = [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
    .filter((m) => !m[1]!.includes('opacity="0"'))
    .map((m) => m[2]!);
  const zeroX = [
    ...svg.matchAll(/<line transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*stroke-dasharray="4,3"/g),
  ].map((m) => Number(m[1]));
  return { labels, zeroX };
}

describe('forest plot panels whose data end at 0', () => {
  it.each([
    ['rights_group_size', [-2477, -2600, -2350], '0', '−2,000'],
    ['lawsuits', [-3, -3, -2], '0.0', '−3.0'],
  ] as const)(
    '%s: keep the "0" tick label and draw the zero line inside the plot',
    async (metric, [d, l, h], zero, far) => {
      const input = oneMetricEndingAtZero(metric, [
        [d, l, h],
        [0, 0, 0],
      ]);
      const chart = forestPlot(input)!;
      const spec = chart.spec as Obj;
      expect(spec.vconcat).toHaveLength(1);
      const width = spec.vconcat[0].width as number;
      const { labels, zeroX } = axisLabelsAndZeroRules(await renderSvg(chart.spec));
      // Before: the "0" label was hidden (vega's label-overlap parity) and the line sat on the frame (x = width).
      expect(labels).toContain(zero);
      expect(labels).toContain(far);
      expect(zeroX.length).toBeGreaterThan(0);
      for (const x of zeroX) {
        expect(x).toBeGreaterThan(8);
        expect(x).toBeLessThan(width - 8);
      }
    },
  );

  it('pads the side of 0 away from the data by half a tick step, on a round step through 0', () => {
    expect(forestAxis(-2477, 0, 480)).toEqual({
      domain: [-2500, 250],
      values: [-2500, -2000, -1500, -1000, -500, 0],
    });
    expect(forestAxis(0, 3, 480)).toEqual({ domain: [-0.25, 3], values: [0, 0.5, 1, 1.5, 2, 2.5, 3] });
    expect(forestAxis(0.0718, 0.2119, 480)?.domain).toEqual([-0.01, 0.22]);
    // Data on both sides: 0 is a tick inside, with no padding; data that end just short of 0 are padded.
    expect(forestAxis(-0.39, 6.01, 480)).toEqual({ domain: [-1, 7], values: [-1, 0, 1, 2, 3, 4, 5, 6, 7] });
    expect(forestAxis(-3, 1e-12, 480)?.domain).toEqual([-3, 0.25]);
    // ¥ ticks are measured as yuanShortExpr writes them; the same data give the same answer.
    const yuan = forestAxis(-7.3e9, -1e8, 480, true)!;
    expect(yuan).toEqual(forestAxis(-7.3e9, -1e8, 480, true));
    expect(yuan.values.at(-1)).toBe(0);
    expect(yuan.domain[1]).toBeGreaterThan(0);
    // Nothing to scale.
    expect(forestAxis(0, 0, 480)).toBeNull();
    expect(forestAxis(Number.NaN, 1, 480)).toBeNull();
  });

  it('keeps 0 a labelled tick off the frame and the labels apart, for every magnitude, side and unit', () => {
    for (let e = -4; e <= 10; e++) {
      for (const m of [1, 1.3, 2.6, 4.9, 7.7]) {
        for (const cny of [false, true]) {
          for (const [lo, hi] of [
            [-m * 10 ** e, 0],
            [0, m * 10 ** e],
            [-m * 10 ** e, m * 10 ** (e - 1)],
          ] as const) {
            const a = forestAxis(lo, hi, 480, cny)!;
            expect(a.values).toContain(0);
            expect(a.domain[0]).toBeLessThan(0);
            expect(a.domain[1]).toBeGreaterThan(0);
            expect(a.domain[0]).toBeLessThanOrEqual(lo);
            expect(a.domain[1]).toBeGreaterThanOrEqual(hi);
            // At least 40 px between ticks.
            expect(480 / (a.domain[1] - a.domain[0])).toBeGreaterThanOrEqual(
              40 / (a.values[1]! - a.values[0]!),
            );
          }
        }
      }
    }
  });
});
