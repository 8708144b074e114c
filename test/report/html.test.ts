import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVegaBundles, type VegaBundles } from '../../sim/io/vegaBundles';
import { buildCharts } from '../../sim/report/buildCharts';
import { buildReportHtml, CHART_DATA_ID, embeddedSpec, FOLD_ROWS, renderTable } from '../../sim/report/html';
import type { ReportTable } from '../../sim/report/tables';
import { IMG_PAYLOAD, makeFixture, SCRIPT_PAYLOAD } from '../fixtures/report/makeFixture';

let bundles: VegaBundles;
beforeAll(async () => {
  bundles = await readVegaBundles();
});

function build(hostile: boolean): string {
  const input = makeFixture({ hostile });
  return buildReportHtml(input, buildCharts(input), bundles);
}

/** The page with every <script>…</script> element's content removed. */
function markupOnly(html: string): string {
  return html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>');
}

describe('vega bundles', () => {
  it('reads the three browser bundles from node_modules despite their exports maps', () => {
    expect(bundles.versions).toEqual({ vega: '6.4.0', vegaLite: '6.4.3', vegaEmbed: '7.3.0' });
    expect(bundles.vega.length).toBeGreaterThan(300_000);
    expect(bundles.vegaLite.length).toBeGreaterThan(100_000);
    expect(bundles.vegaEmbed.length).toBeGreaterThan(30_000);
    expect(bundles.vegaEmbed).toContain('vegaEmbed');
  });
});

describe('report.html', () => {
  it('has a strict Content-Security-Policy whose script hashes match exactly the inline scripts', () => {
    const html = build(false);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(html)![1]!
      .replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|https?:|\*|blob:/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(4);
    const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
    expect(/script-src ([^;]+)/.exec(csp)![1]!.split(' ')).toEqual(hashes);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(/style-src ([^;]+)/.exec(csp)![1]).toBe(
      `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`,
    );
  });

  it('loads nothing from anywhere: no src or href attributes, no remote URLs in the markup', () => {
    const markup = markupOnly(build(false));
    expect(markup).not.toMatch(/\s(src|href|srcset|action|poster)=/i);
    expect(markup).not.toMatch(/https?:\/\//);
    expect(markup).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
  });

  it('has a container, title and caption for every chart, and the specs in an inert JSON block', () => {
    const input = makeFixture();
    const charts = buildCharts(input);
    const html = buildReportHtml(input, charts, bundles);
    for (const c of charts) {
      expect(html).toContain(`<div class="vega-chart" id="chart-${c.id}"`);
      expect(html).toContain('<strong>What to notice:</strong>');
    }
    const block = new RegExp(
      `<script type="application/json" id="${CHART_DATA_ID}">([\\s\\S]*?)</script>`,
    ).exec(html)![1]!;
    const data = JSON.parse(block) as { charts: Array<{ id: string; spec: Record<string, unknown> }> };
    expect(data.charts.map((c) => c.id)).toEqual(charts.map((c) => c.id));
    const { $schema: _s, title: _t, ...first } = charts[0]!.spec as unknown as Record<string, unknown>;
    expect(data.charts[0]!.spec).toEqual(embeddedSpec(charts[0]!));
    expect(data.charts[0]!.spec).toMatchObject(first);
    expect(data.charts[0]!.spec.title).toMatchObject({
      text: 'Whole population · mean of replicates · band = 90% interval',
    });
  });

  it('holds the findings, the tables (outcomes, claimants, ranking, differences) and the manifest', () => {
    const html = build(false);
    expect(html).toContain('<h2>Key findings</h2>');
    expect(html).toMatch(/Under honour-and-apologise, trust at the end of the period was 0\.\d\d higher/);
    expect(html).toMatch(/<li>Claimants, Fridge owners with a claim: grievance at the end was lowest under /);
    expect(html).toContain('<table id="table-strategies">');
    expect(html).toContain('<table id="table-claimants">');
    expect(html).toContain('<table id="table-ranking">');
    expect(html).toContain('<table id="table-comparisons">');
    const order = ['table-strategies', 'table-claimants', 'table-ranking', 'table-comparisons'].map((id) =>
      html.indexOf(`<table id="${id}">`),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('&quot;scenarioHash&quot;');
    expect(html).toContain('@media print');
  });

  it('escapes all scenario text: the payloads appear only as escaped text', () => {
    const html = build(true);
    const markup = markupOnly(html);
    expect(markup).not.toContain(SCRIPT_PAYLOAD);
    expect(markup).not.toContain(IMG_PAYLOAD);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // Exactly our five script elements; the JSON block holds no "<" at all.
    expect(html.match(/<script\b/g)).toHaveLength(5);
    const block = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toContain('<');
    expect(block).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
  });

  it('is deterministic', () => {
    expect(build(false)).toBe(build(false));
  });
});

describe('long tables', () => {
  const table = (rows: number): ReportTable => ({
    id: 'table-x',
    caption: 'Every comparison',
    columns: ['metric', 'a'],
    numeric: [false, true],
    rows: Array.from({ length: rows }, (_, r) => [`m${r}`, String(r)]),
  });

  it('fold into a <details> element when longer than FOLD_ROWS rows; shorter ones stay open', () => {
    const long = renderTable(table(FOLD_ROWS + 1));
    expect(
      long.startsWith(
        `<details class="long-table"><summary>Every comparison: ${FOLD_ROWS + 1} rows (click to show)</summary>`,
      ),
    ).toBe(true);
    expect(long).toContain('<table id="table-x">');
    expect(long.endsWith('</details>')).toBe(true);
    const short = renderTable(table(FOLD_ROWS));
    expect(short).not.toContain('<details');
    expect(short).toContain('<table id="table-x">');
  });
});
