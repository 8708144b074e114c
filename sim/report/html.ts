/**
 * `report.html`: a self-contained notebook page that works offline. The vega, vega-lite and
 * vega-embed browser bundles are inlined; a strict Content-Security-Policy allows only those exact
 * inline scripts and the one stylesheet (by SHA-256 hash), nothing remote, no eval (charts use
 * vega's expression interpreter: `ast: true`). All scenario text is HTML-escaped; chart specs travel
 * in a JSON data block with `<`, `>` and `&` escaped, so no string can close the block.
 */

import type { ReportInput } from '../experiment/types';
import { type Block, buildReportCells, type Span } from './cells';
import { escapeHtml, jsonForScript } from './escape';
import { cspHash } from './sha256';
import type { ReportTable } from './tables';
import type { ReportChart } from './types';

/** The three browser bundles, as read from node_modules by `io/vegaBundles`. */
export interface HtmlBundles {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

/** id of the JSON block that carries the chart specs. */
export const CHART_DATA_ID = 'trustsim-charts';

const CSS = `
:root { --ink: #111; --muted: #555; --rule: #d9d9d9; --accent: #0072B2; }
* { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: var(--ink); background: #fff; }
body { margin: 0; font-size: 17px; line-height: 1.5; }
main { max-width: 960px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.4em 0 0.3em; overflow-wrap: anywhere; }
h2 { font-size: 1.45rem; margin: 1.6em 0 0.4em; border-bottom: 2px solid var(--rule); padding-bottom: 0.15em; }
h3 { font-size: 1.2rem; margin: 1.2em 0 0.3em; }
p, li { overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; }
section.cell { margin: 0 0 1.2em; }
figure.chart { margin: 1.6em 0 2em; padding: 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart h3 { margin-top: 0; }
.vega-chart { min-height: 120px; overflow-x: auto; }
.vega-chart svg, .vega-chart canvas { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.95rem; margin-top: 0.4em; max-width: 46em; }
figcaption strong { color: var(--ink); }
.chart-error { color: #a00; font-weight: bold; }
table { border-collapse: collapse; font-size: 0.88rem; margin: 0.6em 0 1.2em; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { border-bottom: 2px solid #999; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody th[scope="row"] { font-weight: normal; min-width: 13em; border-bottom: 1px solid var(--rule); }
.nw, .nb { white-space: nowrap; }
.table-wrap { overflow-x: auto; }
/* A table wider than the page scrolls sideways; its row names stay in view. */
.table-wrap th:first-child { position: sticky; left: 0; background: #fff; z-index: 1; }
p.table-note { color: var(--muted); font-size: 0.9rem; margin: -0.6em 0 1.2em; max-width: 52em; }
details.long-table > summary { cursor: pointer; font-weight: 600; margin: 0.6em 0 1em; }
pre.json { background: #f6f6f6; border: 1px solid var(--rule); padding: 0.8em; overflow-x: auto; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 3em; }
#vg-tooltip-element { visibility: hidden; padding: 8px; position: fixed; z-index: 1000; font-size: 13px; border-radius: 3px; background: rgba(255,255,255,0.96); border: 1px solid var(--rule); box-shadow: 2px 2px 4px rgba(0,0,0,0.1); color: #000; white-space: pre-line; }
#vg-tooltip-element.visible { visibility: visible; }
#vg-tooltip-element table { border-spacing: 0; margin: 0; width: auto; font-size: 13px; }
#vg-tooltip-element td { border: none; padding: 2px 4px; }
#vg-tooltip-element td.key { color: #666; text-align: right; }
/* Phones: a chart keeps its own size (12 px labels) and scrolls sideways in its box, rather than shrinking to unreadable text. */
@media screen and (max-width: 720px) {
  main { padding: 16px 14px 48px; }
  .vega-chart svg, .vega-chart canvas { max-width: none; }
}
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 7.5pt; }
  /* Paper does not scroll: a wide table wraps its cells to the page instead of being cut at its edge. */
  .table-wrap { overflow: visible; }
  .table-wrap th:first-child { position: static; }
  .nw { white-space: normal; }
  th, td { padding: 0.2em 0.3em; }
  tbody th[scope="row"] { min-width: 8em; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .vega-chart { overflow: visible; }
  code, pre.json { background: none; }
  #vg-tooltip-element { display: none; }
}
`.trim();

/**
 * Runs after the bundles: reads the specs from the JSON block and embeds each chart. Marks each
 * container `data-rendered="true"` (or `"error"`, with a visible message), and the document root
 * `data-charts="done"` when all are settled.
 */
const BOOTSTRAP = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('${CHART_DATA_ID}').textContent);
  var options = { mode: 'vega-lite', ast: true, actions: false, renderer: 'svg', defaultStyle: false,
    tooltip: { disableDefaultStyle: true } };
  var jobs = data.charts.map(function (chart) {
    var el = document.getElementById('chart-' + chart.id);
    return vegaEmbed(el, chart.spec, options).then(function () {
      el.setAttribute('data-rendered', 'true');
    }, function (err) {
      el.setAttribute('data-rendered', 'error');
      var p = document.createElement('p');
      p.className = 'chart-error';
      p.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : String(err));
      el.appendChild(p);
      console.error(err);
    });
  });
  Promise.all(jobs).then(function () { document.documentElement.setAttribute('data-charts', 'done'); });
})();
`.trim();

function renderSpans(spans: Span[]): string {
  return spans
    .map((s) =>
      typeof s === 'string'
        ? escapeHtml(s)
        : 'strong' in s
          ? `<strong>${escapeHtml(s.strong)}</strong>`
          : `<code>${escapeHtml(s.code)}</code>`,
    )
    .join('');
}

/**
 * "1.2 (0.9–1.5)": the value and its interval each stay on one line; the line may break between them.
 * A longer part (a note such as "(not defined: …)") may wrap.
 */
function numericCell(cell: string): string {
  return cell
    .split(/ (?=\()/)
    .map((part) => (part.length <= 32 ? `<span class="nw">${unbroken(part)}</span>` : escapeHtml(part)))
    .join(' ');
}

/**
 * An interval "(−¥27.3B to −¥21.5B)" as pieces that never break inside ("(−¥27.3B", "to", "−¥21.5B)"), so
 * where a line must break (print, which lifts the "nw" rule) it breaks after the dash or around "to",
 * never between a minus sign and its number.
 */
function unbroken(part: string): string {
  return part
    .split(/(?<=–)| (?=to )|(?<= to) /)
    .map((piece) => `<span class="nb">${escapeHtml(piece)}</span>`)
    .join(' ')
    .replace(/–<\/span> /g, '–</span>');
}

export function renderTable(t: ReportTable): string {
  const head = t.columns
    .map((c, i) => `<th scope="col"${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = t.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === 0
              ? `<th scope="row">${escapeHtml(cell)}</th>`
              : t.numeric[i]
                ? `<td class="num">${numericCell(cell)}</td>`
                : `<td>${escapeHtml(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const table =
    `<div class="table-wrap"><table id="${escapeHtml(t.id)}">` +
    `<caption>${escapeHtml(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>` +
    (t.note === undefined ? '' : `\n<p class="table-note">${escapeHtml(t.note)}</p>`);
  // A long table (every paired comparison, per segment) is folded: the charts and findings carry the reading,
  // and the table is there to look things up.
  if (t.rows.length <= FOLD_ROWS) return table;
  return `<details class="long-table"><summary>${escapeHtml(t.caption)}: ${t.rows.length} rows (click to show)</summary>\n${table}\n</details>`;
}

/** Tables with more rows than this are folded in a <details> element. */
export const FOLD_ROWS = 100;

function renderBlock(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${renderSpans(b.spans)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${renderSpans(item)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return renderTable(b.table);
    case 'json':
      return `<pre class="json"><code>${escapeHtml(JSON.stringify(b.value, null, 2))}</code></pre>`;
  }
}

function renderChart(chart: ReportChart): string {
  const id = escapeHtml(chart.id);
  return (
    `<figure class="chart" id="figure-${id}" aria-labelledby="title-${id}">\n` +
    `<h3 id="title-${id}">${escapeHtml(chart.title)}</h3>\n` +
    `<div class="vega-chart" id="chart-${id}" data-chart="${id}" role="img" aria-label="${escapeHtml(chart.title)}"></div>\n` +
    `<figcaption><strong>What to notice:</strong> ${escapeHtml(chart.caption)}</figcaption>\n</figure>`
  );
}

/**
 * The Content-Security-Policy for the page: nothing by default; scripts and the stylesheet only by
 * hash; images only as data: URLs (vega may use them); no network, frames, forms, base or plugins.
 */
export function contentSecurityPolicy(scripts: string[], styles: string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.map(cspHash).join(' ')}`,
    `style-src ${styles.map(cspHash).join(' ')}`,
    'img-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * A chart's spec as embedded in the page. `$schema` is dropped so vega-embed does not warn that the
 * v5 spec meets Vega-Lite 6 (which reads it unchanged), and the figure's heading already shows the
 * title, so the chart keeps only its subtitle, as a small plain title.
 */
export function embeddedSpec(chart: ReportChart): Record<string, unknown> {
  const { $schema: _schema, title, ...rest } = chart.spec as unknown as Record<string, unknown>;
  const subtitle = (title as { subtitle?: unknown } | undefined)?.subtitle;
  if (typeof subtitle !== 'string' || subtitle === '') return rest;
  return {
    title: { text: subtitle, fontSize: 13, fontWeight: 'normal', color: '#444444', anchor: 'start' },
    ...rest,
  };
}

/** Build `report.html`. Pure: the same input, charts and bundles give the same bytes. */
export function buildReportHtml(input: ReportInput, charts: ReportChart[], bundles: HtmlBundles): string {
  const cells = buildReportCells(input, charts);
  const body = cells
    .map((cell) =>
      cell.kind === 'chart'
        ? renderChart(cell.chart)
        : `<section class="cell" id="cell-${escapeHtml(cell.id)}">\n${cell.blocks.map(renderBlock).join('\n')}\n</section>`,
    )
    .join('\n');
  const data = jsonForScript({ charts: charts.map((c) => ({ id: c.id, spec: embeddedSpec(c) })) });
  // A bundle must not contain "</script" (it would end its element early); vega's do not, but check.
  const scripts = [bundles.vega, bundles.vegaLite, bundles.vegaEmbed, BOOTSTRAP];
  for (const s of scripts) {
    if (/<\/script/i.test(s) || /<!--/.test(s))
      throw new Error('an inline script contains "</script" or "<!--"');
  }
  const csp = contentSecurityPolicy(scripts, [CSS]);
  const lang = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(input.scenario.language)
    ? input.scenario.language
    : 'und';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="trustsim">
<title>${escapeHtml(input.scenario.title)} · trustsim report</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
<footer>Made by trustsim. This page works offline: the charting libraries (vega, vega-lite, vega-embed) are included in the file.</footer>
</main>
<script type="application/json" id="${CHART_DATA_ID}">${data}</script>
<script>${bundles.vega}</script>
<script>${bundles.vegaLite}</script>
<script>${bundles.vegaEmbed}</script>
<script>${BOOTSTRAP}</script>
</body>
</html>
`;
}
