/**
 * Defects a strategy reviewer found reading the flagship and teaching reports: intervals whose two
 * ends read the same although they differ, findings in scientific notation, the few-replicates
 * warning shown only after every finding, and a strategy without a description.
 */

import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ReportInput } from '../../sim/experiment/types';
import { renderSvg } from '../../sim/io/renderCharts';
import { readVegaBundles, type VegaBundles } from '../../sim/io/vegaBundles';
import { buildReportCells } from '../../sim/report/cells';
import { donationReactions } from '../../sim/report/charts/donationReactions';
import { forestPlot } from '../../sim/report/charts/forestPlot';
import { ledger } from '../../sim/report/charts/ledger';
import { valueKept } from '../../sim/report/data';
import {
  claimantFindings,
  comparisonSentence,
  keyFindingGroups,
  keyFindings,
} from '../../sim/report/findings';
import { formatInterval, formatWithInterval, formatYuanShortInterval } from '../../sim/report/format';
import { buildReportHtml } from '../../sim/report/html';
import { describeMetric } from '../../sim/report/metrics';
import { buildNotebook } from '../../sim/report/notebook';
import { comparisonTable, strategyTable } from '../../sim/report/tables';
import { makeFixture } from '../fixtures/report/makeFixture';

const BASE = 'passive-firefighting';

function comparison(over: Partial<Comparison>): Comparison {
  return {
    strategy: 'honour-and-apologise',
    baseline: BASE,
    metric: 'trust',
    segment: 'all',
    diff: 0.0307,
    lo: 0.0284,
    hi: 0.0331,
    ci95: [0.03, 0.031],
    pBetter: 1,
    direction: 1,
    ...over,
  };
}

/** The fixture with the whole-population comparison of (strategy, metric) replaced. */
function withComparison(input: ReportInput, c: Comparison): ReportInput {
  input.summary.comparisons = [
    ...input.summary.comparisons.filter(
      (x) => !(x.strategy === c.strategy && x.metric === c.metric && x.segment === c.segment),
    ),
    c,
  ];
  return input;
}

describe('an interval with a width never reads as a single point', () => {
  const trust = describeMetric('trust');

  it('adds significant digits when the two ends would read the same', () => {
    // Before: "0.03 (0.03–0.03)" for a difference of 0.0307 with interval 0.0284–0.0331.
    expect(formatWithInterval(0.0307, 0.0284, 0.0331, trust)).toEqual(['0.031', '0.028', '0.033']);
    expect(formatInterval(0.0284, 0.0331, trust)).toBe('0.028–0.033');
    // Ends that already differ, and a true single point, keep the metric's decimals.
    expect(formatWithInterval(0.12, 0.1, 0.14, trust)).toEqual(['0.12', '0.10', '0.14']);
    expect(formatWithInterval(0.5, 0.5, 0.5, trust)).toEqual(['0.50', '0.50', '0.50']);
    // Counts keep every digit before the point, so they need more significant digits.
    const people = describeMetric('rights_group_size');
    expect(formatWithInterval(2150.1, 2149.6, 2150.4, people)).toEqual(['2,150.1', '2,149.6', '2,150.4']);
    expect(formatInterval(-0.0331, -0.0284, trust)).toBe('−0.033 to −0.028');
  });

  it('in the key findings, the difference and its interval show the same digits', () => {
    const s = comparisonSentence(comparison({}));
    expect(s).toContain('trust at the end of the period was 0.031 higher than under passive-firefighting');
    expect(s).toContain('(90% interval 0.028–0.033)');
    // Before: "0.01 higher (90% interval 0.0043–0.011)" for a difference of 0.0078.
    const small = comparisonSentence(comparison({ diff: 0.0078, lo: 0.0043, hi: 0.011 }));
    expect(small).toContain('was 0.0078 higher than under');
    // The two ends with the same decimals (before this, "0.0043–0.011").
    expect(small).toContain('(90% interval 0.0043–0.0110)');
  });

  it('in the outcome and difference tables', () => {
    const input = withComparison(makeFixture(), comparison({ strategy: 'donation-spin' }));
    const row = comparisonTable(input).rows.find(
      (r) => r[0] === 'donation-spin' && r[1] === 'trust (scale 0–1)' && r[2] === 'whole population',
    )!;
    expect(row.slice(3, 5)).toEqual(['0.031', '0.028–0.033']);
    const stats = input.summary.strategies[0]!.metrics.trust!;
    Object.assign(stats, { mean: 0.5141, lo: 0.5111, hi: 0.5149 });
    const cells = strategyTable(input).rows.find((r) => r[0] === 'trust (scale 0–1)')!;
    expect(cells[1]).toBe('0.514 (0.511–0.515)');
  });
});

describe('findings never use scientific notation', () => {
  it('says "by less than 0.000001" for a difference below a millionth', () => {
    // Before: "trust at the end of the period was 4.3e−8 higher than under voucher-30 (90% interval 2.2e−8–5.8e−8)".
    const s = comparisonSentence(comparison({ diff: 4.3e-8, lo: 2.2e-8, hi: 5.8e-8 }));
    expect(s).toBe(
      'Under honour-and-apologise, trust at the end of the period was higher than under passive-firefighting ' +
        'by less than 0.000001 (the whole 90% interval lies within ±0.000001); honour-and-apologise did ' +
        'better in every replicate.',
    );
    const lower = comparisonSentence(comparison({ diff: -4e-8, lo: -9e-8, hi: 2e-8, pBetter: 0.3 }));
    expect(lower).toContain('was lower than under passive-firefighting by less than 0.000001');
    expect(lower).toContain('the interval includes zero');
    for (const f of keyFindings(
      withComparison(
        makeFixture(),
        comparison({ strategy: 'donation-spin', diff: 4.3e-8, lo: 2.2e-8, hi: 5.8e-8 }),
      ),
    )) {
      expect(f).not.toMatch(/\de[−-]?\d/);
    }
  });
});

describe("the report's text", () => {
  let bundles: VegaBundles;
  beforeAll(async () => {
    bundles = await readVegaBundles();
  });

  it('shows the warnings before the key findings they qualify', () => {
    const input = makeFixture();
    const warning = 'The 90% interval is estimated from only 5 replicates; its ends are unreliable.';
    input.summary.warnings = [warning];
    const ids = buildReportCells(input, []).map((c) => c.id);
    expect(ids.indexOf('warnings')).toBeGreaterThan(-1);
    expect(ids.indexOf('warnings')).toBeLessThan(ids.indexOf('findings'));
    // Before: the warning came after every finding (49 of them in the flagship report).
    const html = buildReportHtml(input, [], bundles);
    expect(html.indexOf(warning)).toBeGreaterThan(-1);
    expect(html.indexOf(warning)).toBeLessThan(html.indexOf('<h2>Key findings</h2>'));
    expect(html.indexOf('<h2>Warnings</h2>')).toBeLessThan(html.indexOf(warning));
    const md = buildNotebook(input, []).cells.map((c) =>
      Array.isArray(c.source) ? c.source.join('') : c.source,
    );
    const at = (text: string) => md.findIndex((m) => m.includes(text));
    expect(at('only 5 replicates')).toBeGreaterThan(-1);
    expect(at('only 5 replicates')).toBeLessThan(at('## Key findings'));
    // No warning, no section.
    input.summary.warnings = [];
    expect(buildReportCells(input, []).map((c) => c.id)).not.toContain('warnings');
  });

  it('lists a strategy without a description without a dangling colon', () => {
    const input = makeFixture();
    input.scenario.strategies[1]!.description = '';
    const html = buildReportHtml(input, [], bundles);
    const id = input.scenario.strategies[1]!.id;
    // Before: "<strong>…</strong> (<code>honour-and-apologise</code>): </li>".
    expect(html).toContain(`(<code>${id}</code>)</li>`);
    expect(html).not.toMatch(/\): ?<\/li>/);
    const first = input.scenario.strategies[0]!;
    expect(html).toContain(`(<code>${first.id}</code>, the baseline): ${first.description}</li>`);
  });
});

describe('forest plot', () => {
  it('draws a panel where no strategy differs from the baseline with a readable axis, and says so', async () => {
    let input = makeFixture();
    for (const strategy of ['honour-and-apologise', 'donation-spin']) {
      input = withComparison(
        input,
        comparison({
          strategy,
          metric: 'lawsuits',
          diff: 0,
          lo: 0,
          hi: 0,
          ci95: [0, 0],
          pBetter: 0.5,
          direction: -1,
        }),
      );
    }
    const chart = forestPlot(input)!;
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const panels = (chart.spec as any).vconcat as Array<any>;
    const flat = panels.find((p) => String(p.title.text).startsWith('lawsuits filed'))!;
    expect(flat.title.text).toBe(
      'lawsuits filed, cumulative (cases) · lower is better · no difference in any replicate',
    );
    expect(flat.layer[0].encoding.x.scale.domain).toEqual([-1, 1]);
    // The other panels keep their plain title and a scale of their own through 0, with 0 inside: half a
    // step beyond it when the data lie on one side (trust, all better than the baseline in the fixture).
    const trust = panels.find((p) => String(p.title.text).startsWith('trust (scale'))!;
    expect(trust.title.text).toBe('trust (scale 0–1) · higher is better');
    expect(trust.layer[0].encoding.x.scale).toEqual({ domain: [-0.01, 0.22], nice: false, zero: false });
    const aware = panels.find((p) => String(p.title.text).startsWith('aware of the crisis'))!;
    expect(aware.title.text).toBe('aware of the crisis, summed over days (share 0–1 × days)');
    expect(aware.layer[0].encoding.x.scale).toEqual({ domain: [-1, 7], nice: false, zero: false });
    // Before: the flat panel's only tick read "0.000000".
    const svg = await renderSvg(chart.spec);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels.some((l) => /^0\.0{4,}$/.test(l!))).toBe(false);
    expect(labels).toContain('−1.0');
    expect(labels).toContain('1.0');
  });
});

describe('awareness and complaints, with their paired differences, in the findings, tables and forest plot', () => {
  it('writes a complaints finding and an awareness finding that names the direction without a winner', () => {
    const f = keyFindings(makeFixture());
    const complaints = f.filter((x) => x.includes('people complained on'));
    expect(complaints).toHaveLength(2);
    expect(complaints[0]).toMatch(
      /^Under honour-and-apologise, people complained on [\d,]+ fewer person-days than under passive-firefighting \(90% interval [\d,]+–[\d,]+\); honour-and-apologise did better in /,
    );
    const aware = comparisonSentence(
      comparison({ metric: 'aware_share_auc', diff: -1.87, lo: -2.01, hi: -1.73, pBetter: 1, direction: -1 }),
    );
    expect(aware).toBe(
      'Under honour-and-apologise, awareness of the crisis summed over days (share aware × days) was 1.87 lower ' +
        'than under passive-firefighting (90% interval 1.73–2.01); it was lower under honour-and-apologise in ' +
        'every replicate.',
    );
    const higher = comparisonSentence(
      comparison({ metric: 'aware_share_auc', diff: 0.5, lo: 0.1, hi: 0.9, pBetter: 0.1, direction: -1 }),
    );
    expect(higher).toContain('was 0.5 higher than under passive-firefighting (90% interval 0.1–0.9)');
    expect(higher).toContain('it was higher under honour-and-apologise in 90% of replicates');
    const unsettled = comparisonSentence(
      comparison({ metric: 'aware_share_auc', diff: 0.2, lo: -0.1, hi: 0.5, pBetter: 0.3, direction: -1 }),
    );
    expect(unsettled).toContain('the data do not settle which way it goes');
    expect(f.filter((x) => x.includes('awareness of the crisis summed over days'))).toHaveLength(2);
  });

  it('adds awareness summed over days to the outcomes table and to the forest plot, with no "better" side', () => {
    const input = makeFixture();
    const row = strategyTable(input).rows.find((r) =>
      r[0]!.startsWith('aware of the crisis, summed over days'),
    );
    expect(row?.[0]).toBe('aware of the crisis, summed over days (share 0–1 × days)');
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const panels = (forestPlot(input)!.spec as any).vconcat as Array<any>;
    const titles = panels.map((p) => String(p.title.text));
    expect(titles).toContain('aware of the crisis, summed over days (share 0–1 × days)');
    expect(titles.indexOf('aware of the crisis, summed over days (share 0–1 × days)')).toBeLessThan(
      titles.findIndex((t) => t.startsWith('complaints')),
    );
  });
});

describe('the ¥ ledger finding', () => {
  it('gives the response cost its 90% interval', () => {
    const input = makeFixture();
    const stats = input.summary.strategies.find((x) => x.id === 'donation-spin')!.metrics.response_cost_cny!;
    Object.assign(stats, { mean: 5_800_000, lo: 5_410_000, hi: 6_120_000 });
    const f = keyFindings(input).find((x) => x.startsWith('Under donation-spin, the company paid'))!;
    // Before: "donation-spin paid ¥5.80 million in all (…) and kept ¥51.86 million …", with no interval.
    // The value kept carries the paired 90% interval of value_lost_cny, its sign turned.
    expect(f).toMatch(
      /^Under donation-spin, the company paid ¥5\.80 million in all \(its response cost: .*\) and kept ¥[\d.]+ million \(90% interval ¥[\d.]+ million–¥[\d.]+ million\) of /,
    );
    expect(
      f.endsWith(" The response cost's 90% interval across replicates: ¥5.41 million–¥6.12 million."),
    ).toBe(true);
    Object.assign(stats, { lo: 5_800_000, hi: 5_800_000 });
    expect(keyFindings(input).find((x) => x.startsWith('Under donation-spin, the company paid'))).toMatch(
      / The response cost was the same in every replicate\.$/,
    );
  });
});

describe('key findings are grouped', () => {
  let bundles: VegaBundles;
  beforeAll(async () => {
    bundles = await readVegaBundles();
  });

  it('under one heading per strategy, then the claimants and the best strategy', () => {
    const input = makeFixture();
    const groups = keyFindingGroups(input);
    expect(groups.map((g) => g.heading)).toEqual([
      `${input.scenario.strategies[1]!.label} (honour-and-apologise) against the baseline (passive-firefighting)`,
      `${input.scenario.strategies[2]!.label} (donation-spin) against the baseline (passive-firefighting)`,
      'Claimants: grievance at the end',
      'Best strategy across replicates',
    ]);
    expect(groups[0]!.items.every((f) => f.includes('honour-and-apologise'))).toBe(true);
    expect(groups[1]!.items.every((f) => f.includes('donation-spin'))).toBe(true);
    expect(groups.flatMap((g) => g.items)).toEqual(keyFindings(input));
    // Before: one flat list (63 sentences for the flagship's eight strategies).
    const html = buildReportHtml(input, [], bundles);
    const section = html.slice(html.indexOf('<h2>Key findings</h2>'), html.indexOf('<h2>Charts</h2>'));
    expect(section.match(/<h3>/g)).toHaveLength(4);
    expect(section.match(/<ul>/g)).toHaveLength(4);
  });
});

describe('claimant findings', () => {
  it('never groups values further apart than the "within … of each other" it quotes', () => {
    const input = makeFixture();
    // The flagship's deposit payers: 0.728, 0.750, 0.750, 0.786 and 0.787 were one group "0.73–0.79"
    // although the sentence said "within 0.04 of each other".
    const means = [0.787, 0.000557, 0.786];
    input.summary.strategies.forEach((x, i) => {
      x.segments['claimants-fridge']!.grievance!.mean = means[i]!;
    });
    const extra = [0.728, 0.75, 0.751];
    for (const [i, mean] of extra.entries()) {
      const copy = structuredClone(input.summary.strategies[0]!);
      copy.id = `s${i}`;
      copy.segments['claimants-fridge']!.grievance!.mean = mean;
      input.summary.strategies.push(copy);
      input.scenario.strategies.push({ ...input.scenario.strategies[0]!, id: `s${i}` });
    }
    const [f] = claimantFindings(input);
    expect(f).toContain('(within 0.04 of each other)');
    expect(f).toContain('0.73–0.75 under s0, s1 and s2');
    expect(f).toContain('0.79 under donation-spin and passive-firefighting (the baseline)');
    const tolerance = (0.787 - 0.000557) / 20;
    for (const m of f!.matchAll(/(\d\.\d+)–(\d\.\d+) under/g)) {
      expect(Number(m[2]) - Number(m[1])).toBeLessThanOrEqual(tolerance + 0.01);
    }
  });
});

describe('donation reactions chart', () => {
  it('labels each share with its 90% interval across replicates', () => {
    const input = makeFixture();
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const values = (donationReactions(input)!.spec as any).data.values as Array<{
      group: string;
      polarity: string;
      shareLabel: string;
    }>;
    const fans = input.summary.strategies.find((x) => x.id === 'donation-spin')!.segments.fans!;
    const size = input.scenario.segments.find((x) => x.id === 'fans')!.size;
    const pos = fans.donation_reaction_positive_auc!;
    const label = values.find((v) => v.group === 'Brand fans' && v.polarity === 'positive')!.shareLabel;
    // Before: "positive 34%", with no interval.
    expect(label).toBe(
      `positive ${Math.round((pos.mean / size) * 100)}% (${Math.round((pos.lo / size) * 100)}–${Math.round((pos.hi / size) * 100)}%)`,
    );
    for (const v of values)
      expect(v.shareLabel, v.group).toMatch(/^(positive|negative) \d+% \(\d+(\.\d)?–\d+(\.\d)?%\)$/);
    // A share that was the same in every replicate has no interval to show.
    Object.assign(pos, { lo: pos.mean, hi: pos.mean });
    const same = (donationReactions(input)!.spec as { data: { values: typeof values } }).data.values.find(
      (v) => v.group === 'Brand fans' && v.polarity === 'positive',
    )!;
    expect(same.shareLabel).toMatch(/^positive \d+%$/);
  });
});

describe('ledger chart', () => {
  it('labels each response cost with its 90% interval across replicates', () => {
    const input = makeFixture();
    const stats = input.summary.strategies.find((x) => x.id === 'donation-spin')!.metrics.response_cost_cny!;
    Object.assign(stats, { mean: 5_800_000, lo: 5_410_000, hi: 6_120_000 });
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const panels = (ledger(input)!.spec as any).vconcat as Array<any>;
    const cost = panels[0].data.values as Array<{ strategy: string; valueLabel: string }>;
    // Before: "¥5.8M", with no interval.
    expect(cost.find((v) => v.strategy === 'donation-spin')!.valueLabel).toBe('¥5.8M (¥5.4M–¥6.1M)');
    expect(ledger(input)!.caption).toContain('90% intervals across replicates: of the cost');
  });

  it('labels the value kept with the paired 90% interval of value_lost_cny, its sign turned', () => {
    const input = makeFixture();
    const base = input.summary.baseline!;
    const c = input.summary.comparisons.find(
      (x) => x.strategy === 'donation-spin' && x.metric === 'value_lost_cny' && x.segment === 'all',
    )!;
    // donation-spin lost ¥50M less than the baseline on average: between ¥20M and ¥70M less in 90% of replicates.
    Object.assign(c, { diff: -50_000_000, lo: -70_000_000, hi: -20_000_000 });
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const kept = () => (ledger(input)!.spec as any).vconcat[1].data.values as Array<any>;
    const row = (id: string) => kept().find((v: { strategy: string }) => v.strategy === id);
    expect(row('donation-spin')).toMatchObject({ value: 50_000_000, valueLabel: '¥50.0M (¥20.0M–¥70.0M)' });
    // The baseline keeps nothing against itself: no interval.
    expect(row(base).valueLabel).toBe('¥0');
    expect(keyFindings(input).find((x) => x.startsWith('Under donation-spin, the company paid'))).toContain(
      'and kept ¥50.00 million (90% interval ¥20.00 million–¥70.00 million) of revenue and customer value',
    );
    // Lost more than the baseline: the interval of the extra loss, in the same order.
    Object.assign(c, { diff: 30_000_000, lo: -10_000_000, hi: 60_000_000 });
    expect(row('donation-spin').valueLabel).toBe('−¥30.0M (−¥60.0M to ¥10.0M)');
    expect(keyFindings(input).find((x) => x.startsWith('Under donation-spin, the company paid'))).toContain(
      'and still lost ¥30.00 million (90% interval −¥10.00 million to ¥60.00 million) more in revenue',
    );
    // Without any loss figures in the summary or the series, no strategy gets a value-kept bar, the baseline neither.
    const bare = makeFixture();
    bare.summary.comparisons = bare.summary.comparisons.filter((x) => !x.metric.endsWith('lost_cny'));
    for (const s of bare.summary.strategies)
      for (const k of Object.keys(s.metrics)) if (k.includes('lost_cny')) delete s.metrics[k];
    bare.series = bare.series.filter((r) => !r.metric.includes('lost_cny'));
    expect(valueKept(bare, base)).toBeNull();
    expect(valueKept(bare, 'donation-spin')).toBeNull();
    // A report input written before value_lost_cny existed: the difference of the means, with no interval.
    input.summary.comparisons = input.summary.comparisons.filter((x) => x.metric !== 'value_lost_cny');
    for (const s of input.summary.strategies) delete s.metrics.value_lost_cny;
    input.series = input.series.filter((r) => r.metric !== 'value_lost_cny');
    for (const v of kept()) expect(v.valueLabel).not.toContain('(');
  });

  it('gives compact ¥ interval ends more decimals when they would read the same', () => {
    // Before this helper existed, fair-compensation's cost read "¥16.0M (¥16.0M–¥16.0M)".
    expect(formatYuanShortInterval(15_960_000, 16_040_000)).toBe('¥15.96M–¥16.04M');
    expect(formatYuanShortInterval(9_700_000, 9_900_000)).toBe('¥9.7M–¥9.9M');
    expect(formatYuanShortInterval(410_000, 610_000)).toBe('¥410k–¥610k');
    expect(formatYuanShortInterval(-2_600_000, 6_400_000)).toBe('−¥2.6M to ¥6.4M');
  });
});

describe('floating-point noise', () => {
  it("does not count as an interval width (the flagship's fair-compensation cost: lo and hi 15955000.000000013)", () => {
    const trust = describeMetric('trust');
    expect(formatWithInterval(0.5, 0.5 + 1e-15, 0.5 + 2e-15, trust)).toEqual(['0.50', '0.50', '0.50']);
    const input = makeFixture();
    const stats = input.summary.strategies.find((x) => x.id === 'donation-spin')!.metrics.response_cost_cny!;
    Object.assign(stats, { mean: 15955000.000000006, lo: 15955000.000000013, hi: 15955000.000000015 });
    // biome-ignore lint/suspicious/noExplicitAny: walking a Vega-Lite spec
    const cost = (ledger(input)!.spec as any).vconcat[0].data.values as Array<{
      strategy: string;
      valueLabel: string;
    }>;
    expect(cost.find((v) => v.strategy === 'donation-spin')!.valueLabel).toBe('¥16.0M');
    expect(keyFindings(input).find((x) => x.startsWith('Under donation-spin, the company paid'))).toMatch(
      / The response cost was the same in every replicate\.$/,
    );
  });
});
