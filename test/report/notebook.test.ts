import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCharts } from '../../sim/io/renderCharts';
import { writeReport } from '../../sim/io/writeReport';
import { buildCharts } from '../../sim/report/buildCharts';
import { buildNotebook, type Notebook, notebookToJson, VEGA_LITE_MIME } from '../../sim/report/notebook';
import { VEGA_LITE_V5_SCHEMA } from '../../sim/report/types';
import { IMG_PAYLOAD, makeFixture, SCRIPT_PAYLOAD } from '../fixtures/report/makeFixture';
import { ensureSystemTools } from './helpers';

const PYTHON = '/usr/bin/python3';
const VALIDATE = 'import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))';

let tmp: string;

describe('report.ipynb', () => {
  beforeAll(async () => {
    ensureSystemTools('nbformat');
    tmp = mkdtempSync(join(tmpdir(), 'trustsim-nb-'));
    await writeReport(join(tmp, 'plain'), makeFixture());
    await writeReport(join(tmp, 'hostile'), makeFixture({ hostile: true }));
  }, 900_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.each(['plain', 'hostile'])('the %s notebook validates with nbformat', (name) => {
    const r = spawnSync(PYTHON, ['-c', VALIDATE, join(tmp, name, 'report.ipynb')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('nbformat rejects a broken notebook (the check is live)', () => {
    const file = join(tmp, 'broken.ipynb');
    const nb = JSON.parse(readFileSync(join(tmp, 'plain', 'report.ipynb'), 'utf8')) as Notebook;
    delete (nb.cells[0] as { id?: string }).id;
    (nb.cells[1] as { cell_type: string }).cell_type = 'chart';
    writeFileSync(file, JSON.stringify(nb));
    const r = spawnSync(PYTHON, ['-c', VALIDATE, file], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });

  it('is nbformat 4.5 with unique, stable cell ids', () => {
    const nb = JSON.parse(readFileSync(join(tmp, 'plain', 'report.ipynb'), 'utf8')) as Notebook;
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    // The fixture has a warning: it comes before the findings it qualifies.
    expect(ids.slice(0, 5)).toEqual(['intro', 'strategies', 'warnings', 'findings', 'charts']);
    expect(ids).toContain('chart-trust-over-time');
    expect(ids).toContain('chart-trust-over-time-text');
    expect(ids.slice(-2)).toEqual(['tables', 'manifest']);
  });

  it('has a display_data output per chart with the Vega-Lite v5 spec, the SVG and a text fallback', async () => {
    const input = makeFixture();
    const charts = await renderCharts(buildCharts(input));
    const nb = buildNotebook(input, charts);
    for (const chart of charts) {
      const cell = nb.cells.find((c) => c.id === `chart-${chart.id}`)!;
      expect(cell.cell_type).toBe('code');
      expect(cell.execution_count).toBeNull();
      expect(cell.source.join('')).toContain(`charts/${chart.id}.vl.json`);
      const out = cell.outputs![0]!;
      expect(out.output_type).toBe('display_data');
      expect(Object.keys(out.data).sort()).toEqual([VEGA_LITE_MIME, 'image/svg+xml', 'text/plain'].sort());
      expect((out.data[VEGA_LITE_MIME] as { $schema: string }).$schema).toBe(VEGA_LITE_V5_SCHEMA);
      expect((out.data['image/svg+xml'] as string[]).join('')).toBe(chart.svg);
    }
    expect(notebookToJson(buildNotebook(input, charts))).toBe(notebookToJson(nb));
  });

  it('holds the claimants and ranking tables, with their notes, in the tables cell', () => {
    const nb = JSON.parse(readFileSync(join(tmp, 'plain', 'report.ipynb'), 'utf8')) as Notebook;
    const tables = nb.cells.find((c) => c.id === 'tables')!.source.join('');
    expect(tables).toContain('## Claimants');
    // Plain text where Markdown needs no escape (before: "passive\\-firefighting", "trust \\(scale 0–1\\)").
    expect(tables).toContain('| claimant group | metric | passive-firefighting |');
    expect(tables).toContain('## Ranking and regret');
    expect(tables).toMatch(/\| trust \(scale 0–1\) \| higher \| honour-and-apologise \| 1\.0 \| 0 \| 85% \|/);
    expect(tables).toMatch(/^\*Mean rank: in each replicated world .*\*$/m);
    const findings = nb.cells.find((c) => c.id === 'findings')!.source.join('');
    expect(findings).toContain(
      '- Claimants, Fridge owners with a claim: grievance at the end was lowest under',
    );
  });

  it('escapes scenario text in markdown cells', () => {
    const nb = JSON.parse(readFileSync(join(tmp, 'hostile', 'report.ipynb'), 'utf8')) as Notebook;
    const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join(''));
    // Fenced code blocks (the manifest) show their content literally and are safe as they are.
    const all = markdown.join('\n').replace(/^(`{3,})json\n[\s\S]*?\n\1$/gm, '');
    expect(all).not.toContain('alert(3)');
    expect(all).not.toContain(SCRIPT_PAYLOAD);
    expect(all).not.toContain(IMG_PAYLOAD);
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
