/**
 * What a strategy reviewer reads in the report's tables and findings: the ranking, the claimants,
 * ties, small areas under the curve, units, directions, undefined values and plain wording.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, ReportInput } from '../../sim/experiment/types';
import { readVegaBundles, type VegaBundles } from '../../sim/io/vegaBundles';
import { buildReportCells } from '../../sim/report/cells';
import { claimantFindings, comparisonSentence, keyFindings } from '../../sim/report/findings';
import { formatInterval, formatMetric, formatSig } from '../../sim/report/format';
import { buildReportHtml } from '../../sim/report/html';
import { describeMetric } from '../../sim/report/metrics';
import { buildNotebook } from '../../sim/report/notebook';
import {
  CLAIMANT_METRICS,
  claimantTable,
  comparisonTable,
  type ReportTable,
  rankingTable,
} from '../../sim/report/tables';
import { makeFixture } from '../fixtures/report/makeFixture';
import { REPO } from './helpers';

const BASE = 'passive-firefighting';

function tie(metric: string, strategy = 'donation-spin', segment = 'all'): Comparison {
  return {
    strategy,
    baseline: BASE,
    metric,
    segment,
    diff: 0,
    lo: 0,
    hi: 0,
    ci95: [0, 0],
    pBetter: 0.5,
    direction: -1,
  };
}

/** The fixture with the comparison for (strategy, metric, segment) replaced (or added). */
function withComparison(input: ReportInput, c: Comparison): ReportInput {
  input.summary.comparisons = [
    ...input.summary.comparisons.filter(
      (x) => !(x.strategy === c.strategy && x.metric === c.metric && x.segment === c.segment),
    ),
    c,
  ];
  return input;
}

function rowsOf(t: ReportTable, strategy: string, metricLabel: string, group?: string): string[][] {
  return t.rows.filter(
    (r) => r[0] === strategy && r[1]!.startsWith(metricLabel) && (group === undefined || r[2] === group),
  );
}

function notebookText(input: ReportInput): string {
  return buildNotebook(input, [])
    .cells.filter((c) => c.cell_type === 'markdown')
    .map((c) => c.source.join(''))
    .join('\n');
}

let bundles: VegaBundles;
beforeAll(async () => {
  bundles = await readVegaBundles();
});

describe('ranking and regret table (defect 1)', () => {
  it('lists every ranked metric and strategy, best first, with mean rank, regret in units and P(best)', () => {
    const input = makeFixture();
    const t = rankingTable(input)!;
    expect(t.columns).toEqual(['metric', 'better is', 'strategy', 'mean rank', 'mean regret', 'P(best)']);
    expect(t.rows).toHaveLength(input.summary.ranking.length);
    const trust = t.rows.filter((r) => r[0] === 'trust (scale 0–1)');
    expect(trust.map((r) => r[2])).toEqual(['honour-and-apologise', 'donation-spin', 'passive-firefighting']);
    expect(trust[0]).toEqual(['trust (scale 0–1)', 'higher', 'honour-and-apologise', '1.0', '0', '85%']);
    const churned = t.rows.filter((r) => r[0].startsWith('customers churned'));
    expect(churned.every((r) => r[1] === 'lower')).toBe(true);
    const net = t.rows.filter((r) => r[0].startsWith('net result'));
    expect(net[1]![4]).toMatch(/^¥[\d.]+[kMB]?$/);
    expect(t.note).toMatch(
      /Mean rank: .*1 \(best\).*Mean regret: .*own units.*P\(best\): the share of replicates/,
    );
  });

  it('appears in report.html and report.ipynb with its plain-language explanation', () => {
    const input = makeFixture();
    const html = buildReportHtml(input, [], bundles);
    expect(html).toContain('<h2>Ranking and regret</h2>');
    expect(html).toContain('<table id="table-ranking">');
    expect(html).toContain('<p class="table-note">Mean rank: in each replicated world');
    const md = notebookText(input);
    expect(md).toContain('## Ranking and regret');
    expect(md).toContain('| metric | better is | strategy | mean rank | mean regret | P(best) |');
    expect(md).toContain('*Mean rank: in each replicated world');
  });

  it('is left out when the summary has no ranking', () => {
    const input = makeFixture();
    input.summary.ranking = [];
    expect(rankingTable(input)).toBeNull();
    expect(buildReportHtml(input, [], bundles)).not.toContain('table-ranking');
  });
});

describe('claimants (defect 2)', () => {
  it('has a table per claimant segment with trust, grievance, complaints and churn per strategy', () => {
    const input = makeFixture();
    const t = claimantTable(input)!;
    expect(t.columns).toEqual(['claimant group', 'metric', BASE, 'honour-and-apologise', 'donation-spin']);
    expect(t.rows).toHaveLength(CLAIMANT_METRICS.length);
    expect(t.rows.every((r) => r[0] === 'Fridge owners with a claim')).toBe(true);
    expect(t.rows.map((r) => r[1])).toEqual([
      'trust (scale 0–1)',
      'grievance (scale 0–1)',
      'complaints, summed over days (person-days)',
      'customers churned, cumulative (people)',
    ]);
    const g = input.summary.strategies.map((s) => s.segments['claimants-fridge']!.grievance!);
    const grievance = t.rows[1]!.slice(2);
    grievance.forEach((cell, i) => {
      const info = describeMetric('grievance');
      expect(cell).toBe(`${formatMetric(g[i]!.mean, info)} (${formatInterval(g[i]!.lo, g[i]!.hi, info)})`);
    });
    const html = buildReportHtml(input, [], bundles);
    expect(html).toContain('<h2>Claimants</h2>');
    expect(html).toContain('<table id="table-claimants">');
    expect(notebookText(input)).toContain('| claimant group | metric |');
  });

  it('is left out when the scenario has no claimant segment', () => {
    const input = makeFixture();
    for (const s of input.scenario.segments) s.claimant = false;
    expect(claimantTable(input)).toBeNull();
    expect(claimantFindings(input)).toEqual([]);
  });

  it('has a key finding naming the lowest grievance and the strategies that leave it nearly alike', () => {
    const input = makeFixture();
    // Make donation-spin leave the claimants' grievance where the baseline does.
    const stats = (id: string) =>
      input.summary.strategies.find((s) => s.id === id)!.segments['claimants-fridge']!.grievance!;
    stats('donation-spin').mean = stats(BASE).mean + 0.001;
    const f = claimantFindings(input);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatch(
      /^Claimants, Fridge owners with a claim: grievance at the end was lowest under honour-and-apologise \(0\.\d+\) and 0\.\d+ under the baseline passive-firefighting\. Grouped where it was nearly the same \(within 0\.\d+ of each other\): 0\.\d+ under honour-and-apologise; 0\.\d+(–0\.\d+)? under passive-firefighting \(the baseline\) and donation-spin\.$/,
    );
    expect(keyFindings(input)).toContain(f[0]);
  });

  it('keeps a strategy apart when its grievance differs clearly', () => {
    const f = claimantFindings(makeFixture());
    // Fixture: honour ≈ 0.19, donation ≈ 0.53, baseline ≈ 0.64: three separate groups.
    expect(f[0]).toMatch(
      /; 0\.\d+ under donation-spin; 0\.\d+ under passive-firefighting \(the baseline\)\.$/,
    );
  });
});

describe('ties (defect 3)', () => {
  it('calls a comparison with zero difference in every replicate identical, not uncertain', () => {
    const level = comparisonSentence({ ...tie('trust'), direction: 1 }, 'trust at the end of the period');
    expect(level).toBe(
      'Under donation-spin, trust at the end of the period was the same as under passive-firefighting in every replicate.',
    );
    const count = comparisonSentence(tie('lawsuits'));
    expect(count).toBe(
      'Under donation-spin, the same number of lawsuits were filed as under passive-firefighting in every replicate.',
    );
    for (const s of [level, count]) expect(s).not.toMatch(/interval includes zero|do not settle|50%/);
  });

  it('shows "identical in every replicate" in the comparison table instead of "50%"', () => {
    const input = withComparison(makeFixture(), tie('lawsuits'));
    const t = comparisonTable(input);
    const [row] = rowsOf(t, 'donation-spin', 'lawsuits filed', 'whole population');
    expect(row!.slice(3, 6)).toEqual(['0', '0', 'identical in every replicate']);
    expect(t.note).toContain('"Identical in every replicate"');
    // A balanced but not identical comparison keeps its percentage.
    const balanced = withComparison(makeFixture(), { ...tie('lawsuits'), lo: -1, hi: 1, ci95: [-0.5, 0.5] });
    expect(
      rowsOf(comparisonTable(balanced), 'donation-spin', 'lawsuits filed', 'whole population')[0]![5],
    ).toBe('50%');
  });
});

describe('areas under the curve and small values (defect 4)', () => {
  it('formats _auc values with significant digits: small values are not 0 and ends keep their sign', () => {
    const aware = describeMetric('aware_share_auc');
    expect(formatMetric(-0.23, aware)).toBe('−0.23');
    expect(formatInterval(-1.02, -0.23, aware)).toBe('−1.02 to −0.23');
    expect(formatMetric(0.4, describeMetric('trust_auc'))).toBe('0.4');
    expect(formatMetric(-2.113, describeMetric('trust_auc'))).toBe('−2.11');
    expect(formatMetric(490123.7, describeMetric('complaints_auc'))).toBe('490,124');
    expect(formatMetric(0, describeMetric('trust_auc'))).toBe('0');
  });

  it('never shows a small non-zero final-day value as 0', () => {
    const g = describeMetric('grievance');
    expect(formatMetric(0.0005146, g)).toBe('0.00051');
    expect(formatMetric(-0.0003, g)).toBe('−0.0003');
    expect(formatMetric(0.81, g)).toBe('0.81');
    expect(formatInterval(-0.0078, 0.0041, g)).toBe('−0.0078 to 0.0041');
    expect(formatSig(3.1e-9, 2)).toBe('3.1e−9');
  });

  it('shows a trust_auc difference of 0.4 as 0.4 in the comparison table', () => {
    const input = withComparison(makeFixture(), {
      ...tie('trust_auc'),
      diff: 0.4,
      lo: 0.1,
      hi: 0.7,
      ci95: [0.3, 0.5],
      pBetter: 0.6,
      direction: 1,
    });
    const [row] = rowsOf(
      comparisonTable(input),
      'donation-spin',
      'trust, summed over days',
      'whole population',
    );
    expect(row!.slice(3, 6)).toEqual(['0.4', '0.1–0.7', '60%']);
  });
});

describe('units, directions and undefined values (defects 5–7)', () => {
  it('labels satisfaction as a score of about −1 to 1.1, as docs/metrics.md does', () => {
    const unit = describeMetric('satisfaction').unitText;
    expect(unit).toBe('score about −1..1.1');
    const docs = readFileSync(join(REPO, 'docs', 'metrics.md'), 'utf8');
    expect(docs).toMatch(new RegExp(`^\\| \`satisfaction\` \\| ${unit.replace(/\./g, '\\.')} \\|`, 'm'));
  });

  it('shows awareness comparisons as "lower is better", as summary.json counts them (charts stay neutral)', () => {
    const input = withComparison(makeFixture(), {
      ...tie('aware_share'),
      diff: -0.02,
      lo: -0.03,
      hi: -0.01,
      ci95: [-0.025, -0.015],
      pBetter: 1,
      direction: -1,
    });
    const [row] = rowsOf(comparisonTable(input), 'donation-spin', 'aware of the crisis', 'whole population');
    expect(row![5]).toBe('100%');
    expect(row![6]).toBe('lower');
    expect(describeMetric('aware_share').direction).toBe(0);
  });

  it('shows a comparison that is missing because the value is undefined, with the reason', () => {
    const input = makeFixture();
    const seg = 'claimants-fridge';
    for (const s of input.summary.strategies) {
      if (s.id !== 'donation-spin') s.segments[seg]!.satisfaction = { ...s.segments[seg]!.trust! };
    }
    input.summary.comparisons.push({ ...tie('satisfaction', 'honour-and-apologise', seg), direction: 1 });
    const t = comparisonTable(input);
    const rows = rowsOf(t, 'donation-spin', 'claimants’ satisfaction', 'Fridge owners with a claim');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(3)).toEqual([
      '– (not defined: this group had no incident under donation-spin, e.g. it was prevented)',
      '–',
      '–',
      'higher',
    ]);
    expect(t.note).toContain('"Not defined"');
    // Each (strategy, metric, group) appears once.
    const keys = t.rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('plain wording (defect 8)', () => {
  const c: Comparison = {
    strategy: 'donation-spin',
    baseline: BASE,
    metric: 'churned',
    segment: 'all',
    diff: 45420,
    lo: 30000,
    hi: 60000,
    ci95: [40000, 50000],
    pBetter: 0,
    direction: -1,
  };

  it('says "more customers churned" and "fewer lawsuits", in the tables\' terms', () => {
    expect(comparisonSentence(c)).toBe(
      'Under donation-spin, 45,420 more customers churned than under passive-firefighting ' +
        '(90% interval 30,000–60,000); donation-spin did worse in every replicate.',
    );
    expect(comparisonSentence({ ...c, metric: 'lawsuits', diff: -2.9, lo: -3, hi: -2.5, pBetter: 1 })).toBe(
      'Under donation-spin, 2.9 fewer lawsuits were filed than under passive-firefighting ' +
        '(90% interval 2.5–3.0); donation-spin did better in every replicate.',
    );
    expect(
      comparisonSentence({ ...c, metric: 'rights_group_size', diff: -2469, lo: -2477, hi: -2457 }),
    ).toContain('there were 2,469 fewer rights-group members at the end than under passive-firefighting');
  });

  it('never says "customers lost" or "spent … on its response" in the findings', () => {
    const all = keyFindings(makeFixture()).join('\n');
    expect(all).not.toContain('customers lost');
    expect(all).not.toContain('on its response');
    expect(all).not.toMatch(/ was [\d,.]+ (people|cases) (higher|lower)/);
    expect(all).toMatch(/customers churned than under/);
  });

  it('keeps the report cells deterministic', () => {
    expect(JSON.stringify(buildReportCells(makeFixture(), []))).toBe(
      JSON.stringify(buildReportCells(makeFixture(), [])),
    );
  });
});
