/**
 * `report.ipynb`: the same cells as the HTML report, as an nbformat 4.5 notebook (cell ids required).
 * Text cells are markdown; each chart is a code cell that reloads `charts/<id>.vl.json` when re-run,
 * with a saved `display_data` output holding the Vega-Lite v5 spec (JupyterLab renders it), the
 * rendered SVG and a plain-text fallback. Deterministic: cell ids come from section and chart ids.
 */

import type { ReportInput } from '../experiment/types';
import { type Block, buildReportCells, type Span } from './cells';
import { escapeMarkdown } from './escape';
import type { ReportTable } from './tables';
import type { ReportChart } from './types';

export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

export interface NotebookCell {
  id: string;
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: number | null;
  outputs?: Array<{
    output_type: 'display_data';
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }>;
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

/** A chart with its rendered SVG, when available. */
export type NotebookChart = ReportChart & { svg?: string };

/** Split text into nbformat's list-of-lines form (each line keeps its newline, except the last). */
export function toLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((l) => l !== '');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function spansToMarkdown(spans: Span[]): string {
  return spans
    .map((s) =>
      typeof s === 'string'
        ? escapeMarkdown(s)
        : 'strong' in s
          ? `**${escapeMarkdown(s.strong)}**`
          : codeSpan(s.code),
    )
    .join('');
}

function tableToMarkdown(t: ReportTable): string {
  const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c)).join(' | ')} |`;
  const align = t.numeric.map((n) => (n ? '---:' : ':---'));
  return [
    `**${escapeMarkdown(t.caption)}**`,
    '',
    row(t.columns),
    `| ${align.join(' | ')} |`,
    ...t.rows.map(row),
    ...(t.note === undefined ? [] : ['', `*${escapeMarkdown(t.note)}*`]),
  ].join('\n');
}

function blockToMarkdown(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return spansToMarkdown(b.spans);
    case 'list':
      return b.items.map((item) => `- ${spansToMarkdown(item)}`).join('\n');
    case 'table':
      return tableToMarkdown(b.table);
    case 'json': {
      const text = JSON.stringify(b.value, null, 2);
      const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}json\n${text}\n${fence}`;
    }
  }
}

function markdownCell(id: string, text: string): NotebookCell {
  return { id, cell_type: 'markdown', metadata: {}, source: toLines(text) };
}

/** Python that re-displays the saved spec when the cell is run again (from the report folder). */
function chartSource(chart: ReportChart): string {
  return [
    'import json',
    'from IPython.display import display',
    '',
    `with open(${JSON.stringify(`charts/${chart.id}.vl.json`)}, encoding="utf-8") as f:`,
    `    display({${JSON.stringify(VEGA_LITE_MIME)}: json.load(f)}, raw=True)`,
  ].join('\n');
}

function chartCells(chart: NotebookChart): NotebookCell[] {
  const data: Record<string, unknown> = { [VEGA_LITE_MIME]: chart.spec };
  if (chart.svg !== undefined) data['image/svg+xml'] = toLines(chart.svg);
  data['text/plain'] = [`<${chart.title}: Vega-Lite chart, charts/${chart.id}.vl.json>`];
  return [
    markdownCell(
      `chart-${chart.id}-text`,
      `### ${escapeMarkdown(chart.title)}\n\n**What to notice:** ${escapeMarkdown(chart.caption)}`,
    ),
    {
      id: `chart-${chart.id}`,
      cell_type: 'code',
      metadata: { trustsim: { chart: chart.id } },
      execution_count: null,
      source: toLines(chartSource(chart)),
      outputs: [{ output_type: 'display_data', data, metadata: {} }],
    },
  ];
}

/** Build the notebook object. */
export function buildNotebook(input: ReportInput, charts: NotebookChart[]): Notebook {
  const cells: NotebookCell[] = [];
  for (const cell of buildReportCells(input, charts)) {
    if (cell.kind === 'chart') cells.push(...chartCells(cell.chart as NotebookChart));
    else cells.push(markdownCell(cell.id, cell.blocks.map(blockToMarkdown).join('\n\n')));
  }
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
      trustsim: { scenario: input.scenario.slug },
    },
    cells,
  };
}

/** Serialise a notebook as Jupyter does: 1-space indented JSON with a trailing newline. */
export function notebookToJson(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
