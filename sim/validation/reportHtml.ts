/**
 * The self-contained HTML page of the validation report: a summary table, then one section per check with its
 * claim, source, measured value against target and tolerance, how the tolerance was derived, and its chart as
 * inline SVG (rendered by the caller). Pure string building; all text is escaped.
 */
import { escapeHtml } from '../report/escape';
import type { ReportedCheck } from './types';

export interface HtmlReportInput {
  title: string;
  generated: string;
  size: string;
  checks: ReportedCheck[];
  /** Inline SVG per check id, where the check has a chart. */
  svg: Record<string, string>;
  /** Notes printed under the summary (model changes, what is assumption). */
  notes?: string[];
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000 || a < 1e-3) return x.toExponential(3);
  return Number(x.toPrecision(4)).toString();
}

export function formatTarget(c: Pick<ReportedCheck, 'target' | 'relation'>): string {
  const t = c.target;
  switch (c.relation) {
    case 'within': {
      const [lo, hi] = t as [number, number];
      return `in [${formatNumber(lo)}, ${formatNumber(hi)}]`;
    }
    case 'equal':
      return `= ${formatNumber(t as number)}`;
    case 'at-least':
      return `≥ ${formatNumber(t as number)}`;
    case 'at-most':
      return `≤ ${formatNumber(t as number)}`;
    case 'greater':
      return `> ${formatNumber(t as number)}`;
  }
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:980px;padding:24px;color:#1d1d1f}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f6}.pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}
.meta{color:#555;font-size:13px}.claim{margin:4px 0}.src{color:#555;font-size:12.5px}
code{font-size:12.5px;background:#f4f4f6;padding:0 3px;border-radius:3px}.chart svg{max-width:100%;height:auto}
section{border-top:1px solid #e4e4e8;padding-top:6px}details{font-size:12.5px;color:#333}
`;

export function validationHtml(input: HtmlReportInput): string {
  const passed = input.checks.filter((c) => c.pass).length;
  const rows = input.checks
    .map(
      (c) =>
        `<tr><td><a href="#${escapeHtml(c.id)}"><code>${escapeHtml(c.id)}</code></a></td>` +
        `<td>${escapeHtml(c.kind)}</td><td>${escapeHtml(formatNumber(c.measured))}</td>` +
        `<td>${escapeHtml(formatTarget(c))}</td><td>± ${escapeHtml(formatNumber(c.tolerance))}</td>` +
        `<td class="${c.pass ? 'pass' : 'fail'}">${c.pass ? 'pass' : 'FAIL'}</td></tr>`,
    )
    .join('\n');
  const sections = input.checks
    .map((c) => {
      const details = c.details
        ? `<details><summary>details</summary><pre>${escapeHtml(JSON.stringify(c.details, null, 2))}</pre></details>`
        : '';
      const chart = input.svg[c.id] ? `<div class="chart">${input.svg[c.id]}</div>` : '';
      return `<section id="${escapeHtml(c.id)}"><h2><code>${escapeHtml(c.id)}</code> <span class="${c.pass ? 'pass' : 'fail'}">${c.pass ? 'pass' : 'FAIL'}</span></h2>
<p class="claim">${escapeHtml(c.claim)}</p>
<p class="src">Source: ${escapeHtml(c.source)}</p>
<p>Measured <b>${escapeHtml(formatNumber(c.measured))}</b>; target ${escapeHtml(formatTarget(c))}; tolerance ${escapeHtml(formatNumber(c.tolerance))} (${escapeHtml(c.toleranceRule)}).</p>
${chart}${details}</section>`;
    })
    .join('\n');
  const notes = (input.notes ?? []).map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(input.title)}</h1>
<p class="meta">${passed} of ${input.checks.length} checks pass · size ${escapeHtml(input.size)} · ${escapeHtml(input.generated)}</p>
${notes ? `<ul class="meta">${notes}</ul>` : ''}
<table><thead><tr><th>check</th><th>kind</th><th>measured</th><th>target</th><th>tolerance</th><th></th></tr></thead>
<tbody>${rows}</tbody></table>
${sections}
</body></html>
`;
}
