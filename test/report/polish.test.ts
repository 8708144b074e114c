/**
 * Polish defects of the flagship report: forest-plot panels whose data end at 0 (0 at the frame, its
 * tick label dropped, the dashed zero line hidden on the frame); intervals whose two ends (and the mean
 * shown with them) read with different decimals ("0.37–0.956"); report.ipynb markdown full of escapes that
 * Markdown does not need ("&quot;", "0\\.51", "passive\\-firefighting").
 */

import { describe, expect, it } from 'vitest';
import type { Comparison, ReportInput } from '../../sim/experiment/types';
import { renderSvg } from '../../sim/io/renderCharts';
import { forestAxis, forestPlot } from '../../sim/report/charts/forestPlot';
import { escapeMarkdown } from '../../sim/report/escape';
import { comparisonSentence, keyFindings } from '../../sim/report/findings';
import {
  formatInterval,
  formatMetric,
  formatSig,
  formatSigGroup,
  formatWithInterval,
} from '../../sim/report/format';
import { describeMetric } from '../../sim/report/metrics';
import { buildNotebook } from '../../sim/report/notebook';
import { comparisonTable, strategyTable } from '../../sim/report/tables';
import { IMG_PAYLOAD, makeFixture, SCRIPT_PAYLOAD } from '../fixtures/report/makeFixture';

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
    // −2,477 would sit 4 px from the frame at −2,500: one step more.
    expect(forestAxis(-2477, 0, 480)).toEqual({
      domain: [-3000, 250],
      values: [-3000, -2500, -2000, -1500, -1000, -500, 0],
    });
    expect(forestAxis(-2300, 0, 480)).toEqual({
      domain: [-2500, 250],
      values: [-2500, -2000, -1500, -1000, -500, 0],
    });
    expect(forestAxis(0, 3, 480)).toEqual({
      domain: [-0.25, 3.5],
      values: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5],
    });
    expect(forestAxis(0.0718, 0.2119, 480)?.domain).toEqual([-0.01, 0.22]);
    // Data on both sides: 0 is a tick inside, with no padding; data that end just short of 0 are padded.
    expect(forestAxis(-0.39, 6.01, 480)).toEqual({ domain: [-1, 7], values: [-1, 0, 1, 2, 3, 4, 5, 6, 7] });
    expect(forestAxis(-3, 1e-12, 480)?.domain).toEqual([-3.5, 0.25]);
    // ¥ ticks are measured as yuanShortExpr writes them; the same data give the same answer.
    const yuan = forestAxis(-7.3e9, -1e8, 480, true)!;
    expect(yuan).toEqual(forestAxis(-7.3e9, -1e8, 480, true));
    expect(yuan.values.at(-1)).toBe(0);
    expect(yuan.domain[1]).toBeGreaterThan(0);
    // Nothing to scale.
    expect(forestAxis(0, 0, 480)).toBeNull();
    expect(forestAxis(Number.NaN, 1, 480)).toBeNull();
    // Spans no report has: vega's own scale rather than ticks of a hundred decimals.
    expect(forestAxis(-1e-300, 0, 480)).toBeNull();
    expect(forestAxis(-1e300, 1, 480)).toBeNull();
    // However narrow the panel, the search ends.
    expect(forestAxis(-1, 1, 0)?.values).toContain(0);
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
            // The data stay at least 8 px from the frame.
            const px = 480 / (a.domain[1] - a.domain[0]);
            expect((lo - a.domain[0]) * px).toBeGreaterThanOrEqual(8 - 1e-6);
            expect((a.domain[1] - hi) * px).toBeGreaterThanOrEqual(8 - 1e-6);
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

/** Decimals of each number in a text: "0.370–0.956" → [3, 3]. */
const decimalsIn = (text: string) =>
  [...text.matchAll(/\d[\d,]*(?:\.(\d+))?/g)].map((m) => (m[1] ?? '').length);

describe('an interval and the value shown with it use the same decimals', () => {
  const aware = describeMetric('aware_share_auc');
  const grievance = describeMetric('grievance');

  it('keeps the trailing zeros of one end when the other needs them', () => {
    // Before: "0.37–0.956", "0.0043–0.011", "0.00054–0.0033".
    expect(formatInterval(0.37, 0.956, aware)).toBe('0.370–0.956');
    expect(formatWithInterval(-0.478, -0.86, -0.152, aware)).toEqual(['−0.478', '−0.860', '−0.152']);
    expect(formatWithInterval(0.0078, 0.0043, 0.011, describeMetric('trust'))).toEqual([
      '0.0078',
      '0.0043',
      '0.0110',
    ]);
    expect(formatInterval(0.00054, 0.0033, grievance)).toBe('0.00054–0.00330');
    expect(formatWithInterval(64.3, 40, 93.7, describeMetric('complaints_auc'))).toEqual([
      '64.3',
      '40.0',
      '93.7',
    ]);
  });

  it('drops only the trailing zeros every value has, and never shows a value that is not zero as zero', () => {
    expect(formatSigGroup([0.4, 0.1, 0.7], 3)).toEqual(['0.4', '0.1', '0.7']);
    expect(formatSigGroup([2.5, 1, 3], 3)).toEqual(['2.5', '1.0', '3.0']);
    // Padded to the decimals a value shows, not to the digits it would have before its zeros are dropped.
    expect(formatSigGroup([10.3, 6.7, 13.906], 3)).toEqual(['10.3', '6.7', '13.9']);
    expect(formatSigGroup([-1.02, -0.23], 3)).toEqual(['−1.02', '−0.23']);
    expect(formatSigGroup([0, 0.37, 0.956], 3)).toEqual(['0', '0.370', '0.956']);
    // At most one decimal more than the largest value needs; none on numbers shown without decimals.
    expect(formatSigGroup([0.0123, -1.52, 1.61], 3)).toEqual(['0.012', '−1.520', '1.610']);
    expect(formatSigGroup([12.3, -1544160, 375050], 3)).toEqual(['12', '−1,544,160', '375,050']);
    // A value that would read as zero at those decimals keeps its own significant digits.
    expect(formatSigGroup([8, -0.33, 14], 2)).toEqual(['8', '−0.33', '14']);
    expect(formatSigGroup([3e-9, 0.5, 1], 2)).toEqual(['3e−9', '0.5', '1.0']);
    expect(formatSigGroup([Number.NaN, 0.5, 1.25], 3)).toEqual(['NaN', '0.50', '1.25']);
  });

  it('leaves single values as they read', () => {
    expect(formatSig(0.37)).toBe('0.37');
    expect(formatSigGroup([0.37], 3)).toEqual(['0.37']);
    expect(formatMetric(0.37, aware)).toBe('0.37');
    expect(formatMetric(0.00054, grievance)).toBe('0.00054');
  });

  it('in the tables and the key findings', () => {
    const input = makeFixture();
    const c = input.summary.comparisons.find(
      (x) => x.strategy === 'donation-spin' && x.metric === 'aware_share_auc' && x.segment === 'all',
    )!;
    Object.assign(c, { diff: -0.478, lo: -0.86, hi: -0.152, pBetter: 1, direction: -1 });
    const row = comparisonTable(input).rows.find(
      (r) =>
        r[0] === 'donation-spin' &&
        r[1]!.startsWith('aware of the crisis, summed') &&
        r[2] === 'whole population',
    )!;
    expect(row.slice(3, 5)).toEqual(['−0.478', '−0.860 to −0.152']);
    const sentence = comparisonSentence(c);
    expect(sentence).toContain('was 0.478 lower than under passive-firefighting (90% interval 0.152–0.860)');
    expect(keyFindings(input)).toContain(sentence);
    // A mean shown with its interval: "0.520 (0.516–0.525)", not "0.52 (0.516–0.525)".
    Object.assign(input.summary.strategies[0]!.metrics.trust!, { mean: 0.52, lo: 0.5161, hi: 0.5249 });
    expect(strategyTable(input).rows.find((r) => r[0] === 'trust (scale 0–1)')![1]).toBe(
      '0.520 (0.516–0.525)',
    );
    // Every mean-and-interval cell of the fixture's tables reads with one number of decimals, except a
    // value that would otherwise read as zero.
    for (const table of [strategyTable(input), comparisonTable(input)]) {
      for (const cell of table.rows.flat()) {
        if (!/^[−\d][\d,.]* \(|^[−\d][\d,.]*(–| to )[−\d]/.test(cell) || cell.includes('¥')) continue;
        expect(new Set(decimalsIn(cell)).size, cell).toBe(1);
      }
    }
  });
});

/** The markdown cells of the fixture's notebook, without the fenced manifest (JSON shown as code). */
function notebookMarkdown(hostile: boolean): string {
  return buildNotebook(makeFixture({ hostile }), [])
    .cells.filter((c) => c.cell_type === 'markdown')
    .map((c) => c.source.join(''))
    .join('\n')
    .replace(/^(`{3,})json\n[\s\S]*?\n\1$/gm, '');
}

describe('report.ipynb markdown escapes only what Markdown needs', () => {
  it('leaves text that Markdown reads as itself as it is', () => {
    for (const text of [
      '0.51 (0.50–0.52)',
      'passive-firefighting',
      'Deposit confiscated despite "inspect before paying"',
      "the company's reply",
      'P(best)',
      '−44.0 (−47.6 to −40.1)',
      'Key findings. See the tables!',
      'R&D + sales = 100%',
    ])
      expect(escapeMarkdown(text), text).toBe(text);
  });

  it('escapes what would start markup, HTML, maths, a block or a table cell, where it would', () => {
    const cases: Array<[string, string]> = [
      // At the start, where the text may begin a line: numbered lists, lists, headings, rules.
      ['1. first', '1\\. first'],
      ['2025) note', '2025\\) note'],
      ['- item', '\\- item'],
      ['+ item', '\\+ item'],
      ['# title', '\\# title'],
      ['---', '\\---'],
      ['    code', ' code'],
      // A heading's closing sequence.
      ['Strategy ##', 'Strategy \\##'],
      // Anywhere: emphasis, code, strikethrough, links, table cells, maths.
      ['*a* _b_ `c` ~d~', '\\*a\\* \\_b\\_ \\`c\\` \\~d\\~'],
      ['[a](http://x)', '\\[a\\]\\(http://x)'],
      ['a | b', 'a \\| b'],
      ['HK$10M and $5', 'HK\\$10M and \\$5'],
      // HTML, character references and backslashes (which could escape the next character or open maths).
      ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
      ['&quot; &#39; &#x41;', '&amp;quot; &amp;#39; &amp;#x41;'],
      ['\\(x\\) a\\', '&#92;(x&#92;) a&#92;'],
      ['two\nlines', 'two lines'],
    ];
    for (const [text, md] of cases) expect(escapeMarkdown(text), text).toBe(md);
  });

  it('writes the notebook without entities or backslashes that plain text does not need, and still safely', () => {
    const plain = notebookMarkdown(false);
    // Before: "passive\\-firefighting", "0\\.45 \\(0.42–0.48\\)" in every table row.
    expect(plain).toContain('| passive-firefighting |');
    expect(plain).toMatch(/\| 0\.45 \(0\.42–0\.48\) \|/);
    expect(plain).not.toMatch(/&quot;|&#39;|\\[-().!{}+]/);
    const hostile = notebookMarkdown(true);
    // Before: "&quot;quotes&quot;" and "alert\\(1\\)".
    expect(hostile).toContain(
      '# Fridge crisis &lt;script&gt;alert(1)&lt;/script&gt; & "quotes" &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(hostile).not.toContain(SCRIPT_PAYLOAD);
    expect(hostile).not.toContain(IMG_PAYLOAD);
    expect(hostile).not.toMatch(/<[a-z/!?]/i);
  });
});
