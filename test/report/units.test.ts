import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../sim/experiment/types';
import { placeLabels } from '../../sim/report/charts/common';
import { escapeHtml, escapeMarkdown, jsonForScript } from '../../sim/report/escape';
import { comparisonSentence, keyFindings } from '../../sim/report/findings';
import { formatFixed, formatInterval, formatYuan, formatYuanShort, roundSig } from '../../sim/report/format';
import { describeMetric } from '../../sim/report/metrics';
import { cspHash, sha256 } from '../../sim/report/sha256';
import { textWidth } from '../../sim/report/textWidth';
import { makeFixture } from '../fixtures/report/makeFixture';

describe('sha256 (pure, for CSP hashes)', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'short'],
    ['a'.repeat(55), '55 bytes, one block with length'],
    ['a'.repeat(56), '56 bytes, needs a second block'],
    ['a'.repeat(64), 'one full block'],
    ['¥ 信任 — </script> 🙂'.repeat(40), 'multi-byte UTF-8'],
  ])('matches node:crypto for %j (%s)', (text) => {
    const expected = createHash('sha256').update(text, 'utf8').digest();
    expect(Buffer.from(sha256(new TextEncoder().encode(text)))).toEqual(expected);
    expect(cspHash(text)).toBe(`'sha256-${expected.toString('base64')}'`);
  });
});

describe('escaping', () => {
  it('HTML-escapes markup and quotes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co',
    );
  });

  it('JSON for a script block cannot close the block and parses back to the same value', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a & b', d: '\u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('markdown escaping neutralises HTML, links, emphasis, lists, headings and maths', () => {
    const md = escapeMarkdown('1. <b>x</b> [a](http://x) *y* # $5 | z\nnext');
    expect(md).not.toMatch(/<b>|\]\(|(^|[^\\])\*|(^|[^\\])\$|(^|[^\\])\||\n/);
    expect(md.startsWith('1\\.')).toBe(true);
    expect(md).toContain('&lt;b&gt;');
  });
});

describe('formatting', () => {
  it('formats deterministically without locale data', () => {
    expect(formatFixed(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatFixed(-0.0001, 2)).toBe('0.00');
    expect(formatFixed(-12.5, 1)).toBe('−12.5');
    expect(formatYuan(9_600_000)).toBe('¥9.60 million');
    expect(formatYuan(-350_000)).toBe('−¥350,000');
    expect(formatYuanShort(550_000)).toBe('¥550k');
    expect(roundSig(0.123456789)).toBe(0.123457);
    const share = describeMetric('trust');
    expect(formatInterval(0.1, 0.14, share)).toBe('0.10–0.14');
    expect(formatInterval(-0.02, 0.05, share)).toBe('−0.02 to 0.05');
  });

  it('describes metrics with units, per-incident names and _auc keys', () => {
    expect(describeMetric('trust').unitText).toBe('scale 0–1');
    expect(describeMetric('grievance').unitText).toBe('scale 0–1');
    expect(describeMetric('aware_share').unitText).toBe('share 0–1');
    expect(describeMetric('response_cost_cny').unitText).toBe('¥');
    expect(describeMetric('aware_share.memo-leak', { 'memo-leak': 'Leaked memo' }).label).toBe(
      'aware of the crisis (Leaked memo)',
    );
    expect(describeMetric('complaints_auc')).toMatchObject({
      auc: true,
      unitText: 'person-days',
      direction: -1,
    });
    expect(describeMetric('churned').direction).toBe(-1);
  });

  it('measures text with Helvetica widths (CJK one em)', () => {
    expect(textWidth('iiii', 10)).toBeCloseTo(8.88);
    expect(textWidth('MM', 10)).toBeCloseTo(16.66);
    expect(textWidth('信任', 12)).toBe(24);
  });
});

describe('findings', () => {
  const base: Comparison = {
    strategy: 'honour-and-apologise',
    baseline: 'passive-firefighting',
    metric: 'trust',
    segment: 'all',
    diff: 0.12,
    lo: 0.1,
    hi: 0.14,
    ci95: [0.11, 0.13],
    pBetter: 0.97,
    direction: 1,
  };

  it('writes a sentence with the difference, its 90% interval and the share of replicates', () => {
    expect(comparisonSentence(base, 'trust at the end of the period')).toBe(
      'Under honour-and-apologise, trust at the end of the period was 0.12 higher than under ' +
        'passive-firefighting (90% interval 0.10–0.14); honour-and-apologise did better in 97% of replicates.',
    );
  });

  it('flips the interval for a decrease and says so when the interval includes zero', () => {
    const s = comparisonSentence({
      ...base,
      metric: 'churned',
      diff: -1200,
      lo: -2500,
      hi: 300,
      pBetter: 0.8,
      direction: -1,
    });
    expect(s).toContain('1,200 fewer customers churned than under passive-firefighting');
    expect(s).toContain('90% interval −300 to 2,500');
    expect(s).toContain('the interval includes zero');
  });

  it('covers every non-baseline strategy, the ledger and the ranking for the fixture', () => {
    const f = keyFindings(makeFixture());
    // trust, NPS, awareness and complaints summed over days, churn, rights group, lawsuits, net result, and the
    // ledger sentence ("Under …, the company paid …").
    expect(f.filter((s) => s.startsWith('Under honour-and-apologise,'))).toHaveLength(9);
    expect(f.filter((s) => s.startsWith('Under donation-spin,'))).toHaveLength(9);
    expect(
      f.some((s) =>
        /^Under donation-spin, the company paid ¥5\.80 million in all \(its response cost: what the strategy spent, plus legal costs and court-ordered payments\) and kept ¥/.test(
          s,
        ),
      ),
    ).toBe(true);
    expect(f.some((s) => s.startsWith('Best on trust: honour-and-apologise'))).toBe(true);
  });
});

describe('event label placement', () => {
  it('puts labels that would overlap into different rows and reuses rows when there is room', () => {
    const rows = placeLabels(
      [
        { day: 2, label: 'Compressor failures go viral' },
        { day: 4, label: 'Public apology' },
        { day: 30, label: 'Far away' },
        { day: 58, label: 'Late label' },
      ],
      60,
      640,
    );
    expect(rows.map((r) => r!.row)).toEqual([0, 1, 0, 0]);
    expect(rows.map((r) => r!.left)).toEqual([false, false, false, true]);
  });
});
